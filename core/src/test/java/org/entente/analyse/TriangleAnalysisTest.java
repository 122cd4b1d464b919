package org.entente.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import org.entente.analyse.series.Score;
import org.entente.analyse.series.SeriesOptions;
import org.entente.analyse.triangle.Balance;
import org.entente.analyse.triangle.Configuration;
import org.entente.analyse.triangle.Sign;
import org.entente.analyse.triangle.Triad;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;

/**
 * Triangles from a store filled with known events: each year's side signs are planted through the
 * counts of cooperative (042) and conflictual (111) events, so the Dittmer configuration, the
 * balance and the transitions are known in advance (METHODS §2.2–2.3).
 */
class TriangleAnalysisTest {
  private static final Triad USA_CHN_RUS = new Triad("USA", "CHN", "RUS");

  /** Plants a sign: + is 4 cooperative events, − is 4 conflictual, in June of the year. */
  private static void side(StoreFixture f, int year, String a, String b, char sign) {
    YearMonth m = YearMonth.of(year, 6);
    switch (sign) {
      case '+' -> f.mix(m, a, b, 4, 0);
      case '-' -> f.mix(m, a, b, 0, 4);
      default -> {}
    }
  }

  /**
   * 2010 USA-CHN +, CHN-RUS +, RUS-USA − (romantic triangle, pivot CHN); 2011 −,+,− (stable
   * marriage CHN-RUS, outcast USA); 2012 +,+,+ (ménage à trois); 2013 no USA-CHN events
   * (indeterminate).
   */
  private static DuckDbStore planted() {
    StoreFixture f = new StoreFixture();
    String[] years = {"+ + -", "- + -", "+ + +", "0 + +"};
    for (int i = 0; i < years.length; i++) {
      String[] s = years[i].split(" ");
      side(f, 2010 + i, "USA", "CHN", s[0].charAt(0));
      side(f, 2010 + i, "CHN", "RUS", s[1].charAt(0));
      side(f, 2010 + i, "RUS", "USA", s[2].charAt(0));
    }
    return f.build();
  }

  private static TriangleRequest yearly(SignRule rule) {
    return new TriangleRequest(
        USA_CHN_RUS,
        SeriesOptions.defaults(Frequency.YEAR),
        Score.S4,
        rule,
        0.10,
        false,
        Double.NaN);
  }

  /**
   * The planted years plus JPN-KOR conflict in June and December of each: read with --actors
   * USA,CHN,RUS the store left JPN-KOR out, so the baseline's reference median (monthly S6) is
   * taken over the core dyads it holds, as in a six-state store without the JPN-KOR rows (0.667),
   * instead of the triad being refused; held, the 8 JPN-KOR months would make it -0.667.
   */
  @Test
  void run_filteredStore_referenceMedianOverTheCoreDyadsItHolds() {
    StoreFixture with = new StoreFixture();
    StoreFixture without = new StoreFixture();
    String[] years = {"+ + -", "- + -", "+ + +", "0 + +"};
    for (int i = 0; i < years.length; i++) {
      String[] sg = years[i].split(" ");
      for (StoreFixture f : new StoreFixture[] {with, without}) {
        side(f, 2010 + i, "USA", "CHN", sg[0].charAt(0));
        side(f, 2010 + i, "CHN", "RUS", sg[1].charAt(0));
        side(f, 2010 + i, "RUS", "USA", sg[2].charAt(0));
      }
      side(with, 2010 + i, "JPN", "KOR", '-');
      with.mix(YearMonth.of(2010 + i, 12), "JPN", "KOR", 0, 4);
    }
    TriangleRequest r =
        new TriangleRequest(
            USA_CHN_RUS,
            SeriesOptions.defaults(Frequency.MONTH)
                .withRange(YearMonth.of(2010, 1), YearMonth.of(2013, 12)),
            Score.S6,
            SignRule.BASELINE,
            0.10,
            false,
            Double.NaN);
    try (DuckDbStore three = with.buildWith(java.util.Set.of("USA", "CHN", "RUS"));
        DuckDbStore six = without.buildFiltered();
        DuckDbStore sixWithJpnKor = with.buildFiltered()) {
      TriangleReport a =
          new TriangleAnalysis(org.entente.store.SourceSelection.scope(three, "gdelt2")).run(r);
      TriangleReport b =
          new TriangleAnalysis(org.entente.store.SourceSelection.scope(six, "gdelt2")).run(r);
      TriangleReport c =
          new TriangleAnalysis(org.entente.store.SourceSelection.scope(sixWithJpnKor, "gdelt2"))
              .run(r);
      assertEquals(4.0 / 6, b.referenceMedian(), 1e-12);
      assertEquals(b.referenceMedian(), a.referenceMedian(), 0.0);
      assertEquals(-4.0 / 6, c.referenceMedian(), 1e-12);
    }
  }

  @Test
  void run_plantedSigns_givesKnownConfigurationsBalanceAndTransitions() {
    try (DuckDbStore s = planted()) {
      TriangleReport r = new TriangleAnalysis(s).run(yearly(SignRule.BAND));
      assertEquals(4, r.periods().size());
      assertEquals(YearMonth.of(2010, 6), r.range().first());

      TriangleReport.Row y2010 = r.periods().get(0);
      assertEquals("2010", y2010.period().label());
      assertEquals(Sign.POSITIVE, y2010.ab().sign());
      assertEquals("USA-CHN", y2010.ab().label());
      assertEquals(4, y2010.ab().n());
      assertEquals(1.0, y2010.ab().score(), 1e-12);
      assertEquals(Sign.NEGATIVE, y2010.ca().sign());
      Configuration.RomanticTriangle rt = (Configuration.RomanticTriangle) y2010.configuration();
      assertEquals("CHN", rt.pivot());
      assertEquals(List.of("USA", "RUS"), rt.wings());
      assertEquals(Balance.UNBALANCED, y2010.strictBalance());
      assertEquals(Balance.UNBALANCED, y2010.weakBalance());
      assertEquals(-1.0, y2010.continuousBalance(), 1e-12);

      Configuration.StableMarriage sm =
          (Configuration.StableMarriage) r.periods().get(1).configuration();
      assertEquals("USA", sm.outcast());
      assertEquals(List.of("CHN", "RUS"), sm.partners());
      assertEquals(Balance.BALANCED, r.periods().get(1).strictBalance());

      assertEquals(Configuration.Type.MENAGE_A_TROIS, r.periods().get(2).configuration().type());
      TriangleReport.Row y2013 = r.periods().get(3);
      assertEquals(Configuration.Type.INDETERMINATE, y2013.configuration().type());
      assertEquals(0, y2013.ab().n());
      assertTrue(Double.isNaN(y2013.ab().score()));
      assertEquals(Sign.ZERO, y2013.ab().sign());
      assertEquals(Balance.UNDEFINED, y2013.strictBalance());

      assertEquals(3, r.transitions().size());
      TriangleReport.Change first = r.transitions().get(0);
      assertEquals("2010", first.lastOfOld().label());
      assertEquals("2011", first.firstOfNew().label());
      assertEquals("ROMANTIC_TRIANGLE pivot CHN", TriangleReport.structure(first.from()));
      assertEquals("STABLE_MARRIAGE outcast USA", TriangleReport.structure(first.to()));
      assertEquals("2012", r.transitions().get(2).lastOfOld().label());
    }
  }

  @Test
  void run_posteriorRule_leavesSmallMajoritiesUnsigned() {
    StoreFixture f = new StoreFixture();
    // (C, K) = (2, 1): S4 = 1/3 is + under the band rule, 0 under the posterior (METHODS 2.1)
    f.mix(YearMonth.of(2015, 3), "USA", "CHN", 2, 1);
    // (12, 3): + under both
    f.mix(YearMonth.of(2015, 3), "CHN", "RUS", 12, 3);
    f.mix(YearMonth.of(2015, 3), "RUS", "USA", 12, 3);
    try (DuckDbStore s = f.build()) {
      TriangleAnalysis a = new TriangleAnalysis(s);
      TriangleReport band = a.run(yearly(SignRule.BAND));
      TriangleReport posterior = a.run(yearly(SignRule.POSTERIOR));
      assertEquals(Configuration.Type.MENAGE_A_TROIS, band.periods().get(0).configuration().type());
      assertEquals(Sign.ZERO, posterior.periods().get(0).ab().sign());
      assertEquals(Sign.POSITIVE, posterior.periods().get(0).bc().sign());
      assertEquals(
          Configuration.Type.INDETERMINATE, posterior.periods().get(0).configuration().type());
    }
  }

  @Test
  void run_hysteresis_keepsSignThroughTheNeutralBand() {
    StoreFixture f = new StoreFixture();
    for (int y = 2000; y <= 2002; y++) {
      f.mix(YearMonth.of(y, 1), "CHN", "RUS", 4, 0);
      f.mix(YearMonth.of(y, 1), "RUS", "USA", 4, 0);
    }
    f.mix(YearMonth.of(2000, 1), "USA", "CHN", 4, 0);
    f.mix(YearMonth.of(2001, 1), "USA", "CHN", 10, 9); // S4 = 0.053: inside the band
    f.mix(YearMonth.of(2002, 1), "USA", "CHN", 0, 4);
    try (DuckDbStore s = f.build()) {
      TriangleAnalysis a = new TriangleAnalysis(s);
      TriangleRequest plain = yearly(SignRule.BAND);
      TriangleRequest sticky =
          new TriangleRequest(
              USA_CHN_RUS, plain.series(), Score.S4, SignRule.BAND, 0.10, true, Double.NaN);
      assertEquals(Sign.ZERO, a.run(plain).periods().get(1).ab().sign());
      TriangleReport h = a.run(sticky);
      assertEquals(Sign.POSITIVE, h.periods().get(1).ab().sign());
      assertEquals(Sign.NEGATIVE, h.periods().get(2).ab().sign());
      assertEquals(1, h.transitions().size());
    }
  }

  @Test
  void run_baselineRule_centresOnTheStoredMedian() {
    try (DuckDbStore s = planted()) {
      TriangleRequest r =
          new TriangleRequest(
              USA_CHN_RUS,
              SeriesOptions.defaults(Frequency.YEAR),
              Score.S4,
              SignRule.BASELINE,
              0.10,
              false,
              0.95);
      TriangleReport out = new TriangleAnalysis(s).run(r);
      assertEquals(0.95, out.referenceMedian(), 0);
      // S4 = 1 is 0.05 above the median: inside the band, so no side is signed +
      assertEquals(Sign.ZERO, out.periods().get(2).ab().sign());
      // a median given by the user is kept, with a warning that no side can be positive
      assertEquals(SignRule.BASELINE, out.request().signRule());
      assertEquals(1, out.warnings().size(), out.warnings().toString());
      assertTrue(
          out.warnings().get(0).startsWith("under the baseline rule no side can be positive"));

      // 11 dyad-years with events: 8 at +1 and 3 at -1, median +1, which leaves no room for a
      // positive side: the computed median gives way to the band rule, and the report says so
      TriangleReport computed = new TriangleAnalysis(s).run(r.withReferenceMedian(Double.NaN));
      assertEquals(SignRule.BAND, computed.request().signRule());
      assertTrue(Double.isNaN(computed.referenceMedian()));
      assertTrue(
          computed.warnings().get(0).contains("reference median of s4, 1.0, lies within tau = 0.1")
              && computed.warnings().get(0).contains("the band rule was used instead"),
          computed.warnings().toString());
      assertEquals(Sign.POSITIVE, computed.periods().get(2).ab().sign());
      assertEquals(
          Configuration.Type.MENAGE_A_TROIS, computed.periods().get(2).configuration().type());
      // the same for every triad of --all, which shares one reference median
      List<TriangleReport> all = new TriangleAnalysis(s).runAll(r.withReferenceMedian(Double.NaN));
      assertTrue(
          all.stream()
              .allMatch(t -> t.request().signRule() == SignRule.BAND && t.warnings().size() == 1));
    }
  }

  /** A median with room on both sides keeps the baseline rule without a warning. */
  @Test
  void degenerate_onlyWhenTheMedianIsWithinTauOfABound() {
    TriangleRequest r = yearly(SignRule.BASELINE);
    assertNull(TriangleAnalysis.degenerate(r, 0.5));
    assertNull(TriangleAnalysis.degenerate(r, -0.89));
    assertTrue(TriangleAnalysis.degenerate(r, 0.9).contains("no side can be positive"));
    assertTrue(TriangleAnalysis.degenerate(r, -0.9).contains("no side can be negative"));
    TriangleRequest s3 =
        new TriangleRequest(
            USA_CHN_RUS,
            SeriesOptions.defaults(Frequency.YEAR),
            Score.S3,
            SignRule.BASELINE,
            0.10,
            false,
            Double.NaN);
    assertNull(TriangleAnalysis.degenerate(s3, 1e6), "S3 is unbounded");
  }

  @Test
  void runAll_sixStates_givesTwentyTriadsOnOneRange() {
    try (DuckDbStore s = planted()) {
      List<TriangleReport> all = new TriangleAnalysis(s).runAll(yearly(SignRule.BAND));
      assertEquals(20, all.size());
      TriangleReport usaChnRus =
          all.stream()
              .filter(r -> r.request().triad().vertices().containsAll(List.of("USA", "CHN", "RUS")))
              .findFirst()
              .orElseThrow();
      assertEquals(4, usaChnRus.periods().size());
      TriangleReport empty =
          all.stream()
              .filter(r -> r.request().triad().equals(new Triad("PRK", "KOR", "JPN")))
              .findFirst()
              .orElseThrow();
      // one range for all twenty: a triad without events has only indeterminate periods
      assertEquals(usaChnRus.periods().size(), empty.periods().size());
      assertTrue(
          empty.periods().stream()
              .allMatch(
                  p ->
                      p.configuration().type() == Configuration.Type.INDETERMINATE
                          && p.ab().n() == 0));
    }
  }

  @Test
  void run_aSideWithoutEvents_hasNoSignUnderEveryRule() {
    // 2013 has no USA-CHN event: its S6 and n are 0, which lay below the baseline rule's
    // reference median and read as hostility (an eventless year became a unit veto)
    try (DuckDbStore s = planted()) {
      for (SignRule rule : SignRule.values()) {
        for (Score score : new Score[] {Score.S4, Score.S6, Score.EVENTS, Score.S3}) {
          TriangleRequest q =
              new TriangleRequest(
                  USA_CHN_RUS,
                  SeriesOptions.defaults(Frequency.YEAR),
                  score,
                  rule,
                  0.10,
                  false,
                  Double.NaN);
          TriangleReport.Row y2013 = new TriangleAnalysis(s).run(q).periods().get(3);
          assertEquals(0, y2013.ab().n());
          assertEquals(Sign.ZERO, y2013.ab().sign(), rule + " " + score);
          assertTrue(
              y2013.configuration() instanceof Configuration.Indeterminate,
              rule + " " + score + ": " + y2013.configuration());
          assertTrue(Double.isNaN(y2013.continuousBalance()), "no product of an empty side");
        }
      }
    }
  }
}
