package org.entente.analyse.triangle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignRulesTest {

  @ParameterizedTest(name = "s={0} -> {1}")
  @CsvSource({"0.62, 1", "0.11, 1", "0.10, 0", "0.0, 0", "-0.10, 0", "-0.18, -1", "-1.0, -1"})
  void band_defaultTau_strictThresholds(double score, int expected) {
    assertEquals(Sign.of(expected), SignRules.band(score, SignRules.DEFAULT_TAU));
  }

  @Test
  void band_nanScore_throws() {
    assertThrows(IllegalArgumentException.class, () -> SignRules.band(Double.NaN, 0.1));
  }

  @Test
  void baseline_scoreAboveReferenceButInsideBand_isZero() {
    // 0.45 is clearly positive in absolute terms but only 0.05 above a reference median of 0.40
    assertEquals(Sign.POSITIVE, SignRules.band(0.45, 0.10));
    assertEquals(Sign.ZERO, SignRules.baseline(0.45, 0.40, 0.10));
    assertEquals(Sign.NEGATIVE, SignRules.baseline(0.25, 0.40, 0.10));
  }

  @Test
  void posterior_methodsExample12and3_positiveWith0972() {
    PosteriorSign result = SignRules.posterior(12, 3);
    assertEquals(0.972, result.probabilityCooperative(), 5e-4);
    assertEquals(Sign.POSITIVE, result.sign());
  }

  @Test
  void posterior_methodsExample2and1_zeroWith0609() {
    PosteriorSign result = SignRules.posterior(2, 1);
    assertEquals(0.609, result.probabilityCooperative(), 5e-4);
    // closed form for Beta(3,2): P(p <= x) = x^3 (4 - 3x)
    double x = 0.55;
    assertEquals(1 - x * x * x * (4 - 3 * x), result.probabilityCooperative(), 1e-12);
    assertEquals(Sign.ZERO, result.sign());
  }

  @Test
  void posterior_methodsExample3and9_negativeWith0907() {
    PosteriorSign result = SignRules.posterior(3, 9);
    assertEquals(0.907, result.probabilityConflictual(), 5e-4);
    assertEquals(Sign.NEGATIVE, result.sign());
  }

  @Test
  void posterior_noEvents_zeroWithSymmetricProbabilities() {
    PosteriorSign result = SignRules.posterior(0, 0);
    // Beta(1,1) is uniform: P(p > 0.55) = P(p < 0.45) = 0.45
    assertEquals(0.45, result.probabilityCooperative(), 1e-12);
    assertEquals(0.45, result.probabilityConflictual(), 1e-12);
    assertEquals(Sign.ZERO, result.sign());
  }

  @Test
  void posterior_gammaNotAboveHalf_throws() {
    assertThrows(IllegalArgumentException.class, () -> SignRules.posterior(1, 1, 0.05, 0.5));
    assertThrows(IllegalArgumentException.class, () -> SignRules.posterior(-1, 1));
  }

  @Test
  void withHysteresis_zeroAfterSign_keepsSignUntilOppositeCrossed() {
    List<Sign> raw =
        List.of(
            Sign.ZERO,
            Sign.POSITIVE,
            Sign.ZERO,
            Sign.ZERO,
            Sign.NEGATIVE,
            Sign.ZERO,
            Sign.POSITIVE,
            Sign.POSITIVE);
    List<Sign> expected =
        List.of(
            Sign.ZERO,
            Sign.POSITIVE,
            Sign.POSITIVE,
            Sign.POSITIVE,
            Sign.NEGATIVE,
            Sign.NEGATIVE,
            Sign.POSITIVE,
            Sign.POSITIVE);
    assertEquals(expected, SignRules.withHysteresis(raw));
  }

  @Test
  void withHysteresis_monthWithoutEvents_hasNoSignAndClearsTheMemory() {
    List<Sign> raw =
        List.of(Sign.POSITIVE, Sign.ZERO, Sign.ZERO, Sign.ZERO, Sign.NEGATIVE, Sign.ZERO);
    List<Boolean> observed = List.of(true, true, false, true, true, true);
    // t2 observed and inside the band keeps +; t3 unobserved has no sign; t4 starts afresh at 0
    assertEquals(
        List.of(Sign.POSITIVE, Sign.POSITIVE, Sign.ZERO, Sign.ZERO, Sign.NEGATIVE, Sign.NEGATIVE),
        SignRules.withHysteresis(raw, observed));
    assertThrows(
        IllegalArgumentException.class,
        () -> SignRules.withHysteresis(List.of(Sign.ZERO), List.of(true, false)));
  }

  @Test
  void withHysteresis_empty_isEmpty() {
    assertEquals(List.of(), SignRules.withHysteresis(List.of()));
  }
}
