package org.entente.analyse.leadlag;

import static org.entente.analyse.leadlag.StatsmodelsReference.series;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GrangerResamplingTest {

  private static final long SEED = 42L;

  @Test
  void resampled_plantedLeadOfTwoMonths_blockBootstrap_smallestPossiblePValue() {
    ResampledTest result =
        GrangerCausality.resampled(
            series("lead_x"), series("lead_y"), 2, Resampling.BLOCK_BOOTSTRAP, SEED);

    assertEquals(999, result.replicates());
    assertFalse(result.exhaustive());
    assertEquals(0, result.exceedances());
    assertEquals(1.0 / 1000, result.pValue(), 1e-15);
    assertEquals(SEED, result.seed());
    assertEquals(Resampling.BLOCK_BOOTSTRAP, result.scheme());
  }

  /**
   * n = 120 and a minimum shift of 12 leave K = 120 − 24 + 1 = 97 distinct circular shifts, fewer
   * than B = 999: all of them are used once each, and the smallest p-value is 1/98, not 1/1000.
   */
  @Test
  void resampled_plantedLeadOfTwoMonths_circularShift_allShiftsOnceSmallestPValueOneOverKPlusOne() {
    ResampledTest result =
        GrangerCausality.resampled(
            series("lead_x"), series("lead_y"), 2, Resampling.CIRCULAR_SHIFT, SEED);

    assertEquals(97, result.replicates());
    assertTrue(result.exhaustive());
    assertEquals(0, result.exceedances());
    assertEquals(1.0 / 98, result.pValue(), 1e-15);
  }

  /**
   * METHODS 4.4's pair (n = 12, p = 1): the minimum shift max(p + 1, ⌊n/10⌋) = 2 leaves shifts
   * 2..10, K = 9. x → y has F 42.81, above every shifted F (counted by hand below), so the exact
   * p-value is 1/10 whatever B is; drawing 9,999 shifts with replacement gave 1/10,000.
   */
  @Test
  void resampled_methodsPair_nineShifts_exactPValueIndependentOfReplicatesAndSeed() {
    double[] x = {0.4, 1.5, -1.8, 1.7, 0.0, -0.8, -0.8, -1.1, -0.2, 0.8, 0.6, 0.6};
    double[] y = {-0.5, -0.2, 1.7, -1.1, 2.1, 0.4, -0.9, -0.2, -0.7, -0.1, 0.4, 0.5};
    double observed = GrangerCausality.test(x, y, 1).fStatistic();
    int atLeast = 0;
    for (int shift = 2; shift <= 10; shift++) {
      double[] shifted = new double[12];
      for (int t = 0; t < 12; t++) {
        shifted[t] = x[(t + shift) % 12];
      }
      if (GrangerCausality.test(shifted, y, 1).fStatistic() >= observed) {
        atLeast++;
      }
    }

    ResampledTest many =
        GrangerCausality.resampled(
            x, y, 1, Deterministic.CONSTANT, Resampling.CIRCULAR_SHIFT, 9999, SEED);
    ResampledTest otherSeed =
        GrangerCausality.resampled(
            x, y, 1, Deterministic.CONSTANT, Resampling.CIRCULAR_SHIFT, 9, SEED + 1);

    assertEquals(0, atLeast);
    assertEquals(9, many.replicates());
    assertTrue(many.exhaustive());
    assertEquals(0.1, many.pValue(), 1e-15);
    assertEquals(many.pValue(), otherSeed.pValue(), 0);
  }

  /** More distinct shifts than B: B shifts are drawn, and the seed matters. */
  @Test
  void resampled_moreShiftsThanReplicates_drawsB() {
    ResampledTest result =
        GrangerCausality.resampled(
            series("lead_x"),
            series("lead_y"),
            2,
            Deterministic.CONSTANT,
            Resampling.CIRCULAR_SHIFT,
            50,
            SEED);

    assertEquals(50, result.replicates());
    assertFalse(result.exhaustive());
    assertEquals(1.0 / 51, result.pValue(), 1e-15);
  }

  @ParameterizedTest
  @EnumSource(Resampling.class)
  void resampled_sameSeed_sameResultAndPValueFormula(Resampling scheme) {
    double[] x = series("white_noise");
    double[] y = Differencing.FIRST.apply(series("random_walk"));
    double[] xAligned = Arrays.copyOfRange(x, 1, x.length);

    ResampledTest first =
        GrangerCausality.resampled(xAligned, y, 2, Deterministic.CONSTANT, scheme, 499, SEED);
    ResampledTest again =
        GrangerCausality.resampled(xAligned, y, 2, Deterministic.CONSTANT, scheme, 499, SEED);
    ResampledTest other =
        GrangerCausality.resampled(xAligned, y, 2, Deterministic.CONSTANT, scheme, 499, SEED + 1);

    assertEquals(first, again);
    assertEquals((1.0 + first.exceedances()) / (first.replicates() + 1.0), first.pValue(), 1e-15);
    // n = 119, minimum shift 11: 98 distinct shifts, all used; the block bootstrap draws 499
    assertEquals(scheme == Resampling.CIRCULAR_SHIFT ? 98 : 499, first.replicates());
    assertTrue(first.pValue() > 0.05, "independent series, p = " + first.pValue());
    assertEquals(GrangerCausality.test(xAligned, y, 2).fStatistic(), first.observed(), 0);
    assertTrue(Math.abs(first.pValue() - other.pValue()) < 0.1);
  }

  @Test
  void resampled_blockBootstrap_blockLengthIsCubeRootOfN() {
    ResampledTest result =
        GrangerCausality.resampled(
            series("lead_x"), series("lead_y"), 1, Resampling.BLOCK_BOOTSTRAP, SEED);
    assertEquals(5, result.schemeParameter()); // round(120^(1/3)) = round(4.93)
  }

  @Test
  void resampled_circularShift_minimumShiftIsTenthOfN() {
    ResampledTest result =
        GrangerCausality.resampled(
            series("lead_x"), series("lead_y"), 1, Resampling.CIRCULAR_SHIFT, SEED);
    assertEquals(12, result.schemeParameter());
  }

  /**
   * Size under H0: two independent AR(1) series (φ = 0.7), where the parametric F test is known to
   * be roughly right and plain permutation is not. Rejection rate at 5% over 200 seeded pairs must
   * stay within a binomial 99.9% band around 0.05 (about 0.005 to 0.11).
   */
  @ParameterizedTest
  @EnumSource(Resampling.class)
  void resampled_independentAutocorrelatedPairs_rejectionRateNearNominal(Resampling scheme) {
    SplittableRandom random = new SplittableRandom(7);
    int pairs = 200;
    int rejections = 0;
    for (int i = 0; i < pairs; i++) {
      double[] x = ar1(random, 120, 0.7);
      double[] y = ar1(random, 120, 0.7);
      ResampledTest result =
          GrangerCausality.resampled(x, y, 2, Deterministic.CONSTANT, scheme, 199, 1000L + i);
      if (result.pValue() <= 0.05) {
        rejections++;
      }
    }
    double rate = (double) rejections / pairs;
    assertTrue(rate >= 0.005 && rate <= 0.11, "rejection rate " + rate);
  }

  @Test
  void resampled_zeroReplicates_throws() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            GrangerCausality.resampled(
                series("lead_x"),
                series("lead_y"),
                1,
                Deterministic.CONSTANT,
                Resampling.CIRCULAR_SHIFT,
                0,
                SEED));
  }

  @Test
  void test_tooFewObservations_throws() {
    double[] x = {1, 2, 0, 3, 1};
    double[] y = {0, 1, 1, 2, 0};
    assertThrows(IllegalArgumentException.class, () -> GrangerCausality.test(x, y, 2));
  }

  @Test
  void test_constantCause_throwsSingularDesign() {
    double[] x = new double[30];
    Arrays.fill(x, 1.0);
    double[] y30 = Arrays.copyOf(series("white_noise"), 30);
    assertThrows(IllegalArgumentException.class, () -> GrangerCausality.test(x, y30, 1));
  }

  private static double[] ar1(SplittableRandom random, int n, double phi) {
    double[] out = new double[n];
    double previous = 0;
    for (int t = -50; t < n; t++) {
      double u = 1 - random.nextDouble();
      double e = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
      previous = phi * previous + e;
      if (t >= 0) {
        out[t] = previous;
      }
    }
    return out;
  }
}
