package org.entente.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.PeriodAggregate;
import org.junit.jupiter.api.Test;

/**
 * Scores from per-period sums. The worked example is METHODS §1.5 (USA→PRK, one month, rows
 * code/g/quad/NumMentions 036/4.0/1/30 · 111/−2.0/3/20 · 111/−2.0/3/6 · 1312/−5.8/3/8 ·
 * 163/−8.0/4/15 · 150/−7.2/4/12); its sums are written out here by hand.
 */
class ScoresTest {
  private static final Period AUG = Period.containing(Frequency.MONTH, YearMonth.of(2017, 8));
  private static final LocalDate START = LocalDate.of(2017, 8, 1);

  @Test
  void of_methodsWorkedExampleUnweighted_matchesPublishedScores() {
    // w = 1: W1 = 1, W3 = 3, W4 = 2; Σ g = 4 − 2 − 2 − 5.8 − 8 − 7.2 = −21
    DyadScore s = Scores.of(AUG, "USA", "PRK", new PeriodAggregate(START, 6, 1, 0, 3, 2, -21.0, 6));
    assertEquals(6, s.n());
    assertEquals(-21.0, s.goldsteinSum(), 1e-9); // S1 = −21.0 (METHODS §1.5)
    assertEquals(-3.50, s.goldsteinMean(), 1e-9); // S2 = −3.50
    assertEquals(-4, s.s3(), 1e-9); // C = 1, K = 5, S3 = −4
    assertEquals(-0.667, s.s4(), 5e-4); // S4 = −0.667
    assertEquals(-0.50, s.s6(), 1e-9); // S6 = −0.50
    // S5 with ω = (1,2,1,2): (1 − 3 − 4)/(1 + 3 + 4) = −0.75 (by hand)
    assertEquals(-0.75, s.s5(), 1e-9);
    assertFalse(s.lowConfidence());
    assertEquals("USA", s.source());
    assertEquals("PRK", s.target());
    assertEquals(AUG, s.period());
  }

  @Test
  void of_methodsWorkedExampleWeightedByMentions_givesMinus2031() {
    // w = NumMentions: W1 = 30, W3 = 20 + 6 + 8 = 34, W4 = 15 + 12 = 27; Σ w g = −184.8, Σ w = 91
    DyadScore s =
        Scores.of(AUG, "USA", "PRK", new PeriodAggregate(START, 6, 30, 0, 34, 27, -184.8, 91));
    assertEquals(-2.031, s.goldsteinMean(), 5e-4); // −184.8/91 = −2.031 (METHODS §1.5)
    assertEquals(-31, s.s3(), 1e-9);
  }

  @Test
  void of_methodsWorkedExampleWeightedByLogMentions_givesMinus3110() {
    double[] nm = {30, 20, 6, 8, 15, 12};
    double[] g = {4.0, -2.0, -2.0, -5.8, -8.0, -7.2};
    double[] w = new double[6];
    double gw = 0;
    double ws = 0;
    for (int i = 0; i < 6; i++) {
      w[i] = Math.log1p(nm[i]);
      gw += w[i] * g[i];
      ws += w[i];
    }
    DyadScore s =
        Scores.of(
            AUG,
            "USA",
            "PRK",
            new PeriodAggregate(START, 6, w[0], 0, w[1] + w[2] + w[3], w[4] + w[5], gw, ws));
    assertEquals(-3.110, s.goldsteinMean(), 5e-4); // METHODS §1.5
  }

  @Test
  void of_emptyPeriod_hasUndefinedRatiosAndZeroS6() {
    // METHODS §1.5: zero-event months: S2/S4 missing (with n = 0 recorded), S6 = 0
    DyadScore s = Scores.of(AUG, "USA", "PRK", null);
    assertEquals(0, s.n());
    assertTrue(Double.isNaN(s.goldsteinMean()));
    assertTrue(Double.isNaN(s.s4()));
    assertTrue(Double.isNaN(s.s5()));
    assertEquals(0.0, s.s6(), 0.0);
    assertEquals(0.0, s.s3(), 0.0);
    assertEquals(0.0, s.goldsteinSum(), 0.0);
    assertTrue(s.lowConfidence());
  }

  @Test
  void of_lowConfidence_isFewerThanFiveEventsWhateverTheWeights() {
    assertTrue(
        Scores.of(AUG, "A", "B", new PeriodAggregate(START, 4, 400, 0, 0, 0, 0, 400))
            .lowConfidence());
    assertFalse(
        Scores.of(AUG, "A", "B", new PeriodAggregate(START, 5, 0.5, 0, 0, 0, 0, 0.5))
            .lowConfidence());
    assertEquals(5, Scores.LOW_CONFIDENCE_N);
  }

  @Test
  void of_allCooperation_boundsS4AtOneAndSmoothsS6() {
    // 12 cooperative, 3 conflictual: S4 = 9/15 = 0.6, S6 = 9/17; all cooperative: S4 = 1
    DyadScore mixed = Scores.of(AUG, "A", "B", new PeriodAggregate(START, 15, 10, 2, 3, 0, 0, 15));
    assertEquals(0.6, mixed.s4(), 1e-12);
    assertEquals(9.0 / 17, mixed.s6(), 1e-12);
    DyadScore coop = Scores.of(AUG, "A", "B", new PeriodAggregate(START, 3, 1, 2, 0, 0, 0, 3));
    assertEquals(1.0, coop.s4(), 0.0);
    assertEquals(0.6, coop.s6(), 1e-12); // 3/5
    assertEquals(1.0, coop.s5(), 0.0);
  }

  @Test
  void of_materialQuadsWeighTwiceInS5() {
    // one verbal cooperation against one material conflict: S4 = 0, S5 = (1 − 2)/(1 + 2)
    DyadScore s = Scores.of(AUG, "A", "B", new PeriodAggregate(START, 2, 1, 0, 0, 1, 0, 2));
    assertEquals(0.0, s.s4(), 0.0);
    assertEquals(-1.0 / 3, s.s5(), 1e-12);
  }
}
