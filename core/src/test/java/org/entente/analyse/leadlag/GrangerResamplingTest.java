package org.entente.analyse.leadlag;

import static org.entente.analyse.leadlag.StatsmodelsReference.series;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GrangerResamplingTest {

  private static final long SEED = 42L;

  @ParameterizedTest
  @EnumSource(Resampling.class)
  void resampled_plantedLeadOfTwoMonths_smallestPossiblePValue(Resampling scheme) {
    ResampledTest result =
        GrangerCausality.resampled(series("lead_x"), series("lead_y"), 2, scheme, SEED);

    assertEquals(999, result.replicates());
    assertEquals(0, result.exceedances());
    assertEquals(1.0 / 1000, result.pValue(), 1e-15);
    assertEquals(SEED, result.seed());
    assertEquals(scheme, result.scheme());
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
    assertEquals((1.0 + first.exceedances()) / 500.0, first.pValue(), 1e-15);
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
