package org.entente.analyse.leadlag;

import static org.entente.analyse.leadlag.StatsmodelsReference.series;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Edge cases and contracts not covered by the reference numbers. */
class LeadLagContractsTest {

  @Test
  void maxLagMethods_n120_floorIs12WhileStatsmodelsUses13() {
    assertEquals(12, AugmentedDickeyFuller.maxLagMethods(120, AdfTrend.CONSTANT));
    assertEquals(13, AugmentedDickeyFuller.maxLagStatsmodels(120, AdfTrend.CONSTANT));
    // 12 (100/100)^(1/4) = 12 exactly: both rules agree
    assertEquals(12, AugmentedDickeyFuller.maxLagMethods(100, AdfTrend.CONSTANT));
    assertEquals(12, AugmentedDickeyFuller.maxLagStatsmodels(100, AdfTrend.CONSTANT));
  }

  @Test
  void maxLagMethods_shortSeries_cappedAtHalfMinusColumns() {
    // n = 20: Schwert gives floor(12 * 0.2^0.25) = 8, but only 20/2 - 2 - 1 = 7 fit with a trend
    assertEquals(7, AugmentedDickeyFuller.maxLagMethods(20, AdfTrend.CONSTANT_TREND));
  }

  @Test
  void criticalValues_constantTrend100_matchesMethodsTableFormula() {
    // METHODS 4.2: 5% constant+trend: -3.41049 - 4.3904/T - 9.036/T^2 - 45.374/T^3
    double t = 100;
    double expected = -3.41049 - 4.3904 / t - 9.036 / (t * t) - 45.374 / (t * t * t);
    assertEquals(
        expected,
        AugmentedDickeyFuller.criticalValues(AdfTrend.CONSTANT_TREND, 100).fivePercent(),
        1e-12);
  }

  @Test
  void test_randomWalkVersusWhiteNoise_onlyWhiteNoiseRejectsUnitRoot() {
    AdfResult walk = AugmentedDickeyFuller.test(series("random_walk"), AdfTrend.CONSTANT);
    AdfResult noise = AugmentedDickeyFuller.test(series("white_noise"), AdfTrend.CONSTANT);
    assertTrue(!walk.rejectsUnitRootAt5Percent());
    assertTrue(noise.rejectsUnitRootAt5Percent());
    assertEquals(LagCriterion.AIC, noise.criterion());
  }

  @Test
  void testWithLag_fixedLag_usesThatLagAndLongestSample() {
    double[] y = series("ma_walk");
    AdfResult result = AugmentedDickeyFuller.testWithLag(y, AdfTrend.CONSTANT, 4);
    assertEquals(4, result.usedLag());
    assertEquals(y.length - 1 - 4, result.nobs());
    assertEquals(null, result.criterion());
  }

  @Test
  void pValue_outsideResponseSurfaceRange_clampedToZeroAndOne() {
    assertEquals(0.0, AugmentedDickeyFuller.pValue(-25, AdfTrend.CONSTANT), 0);
    assertEquals(1.0, AugmentedDickeyFuller.pValue(3, AdfTrend.CONSTANT), 0);
  }

  @Test
  void ccf_leadPair_peaksAtPlantedLagTwo() {
    CrossCorrelation ccf = CrossCorrelations.ccf(series("lead_x"), series("lead_y"), 6);
    assertEquals(2, ccf.peakLag());
    PrewhitenedCrossCorrelation pre =
        CrossCorrelations.prewhitened(series("lead_x"), series("lead_y"), 6, 8);
    assertEquals(2, pre.correlation().peakLag());
    assertTrue(pre.correlation().at(2) > pre.correlation().whiteNoiseBand());
    // after prewhitening, the spill-over to lags 1 and 3 falls inside or near the band
    assertTrue(Math.abs(pre.correlation().at(1)) < Math.abs(ccf.at(1)));
  }

  @Test
  void ccf_lagOutOfRange_throws() {
    CrossCorrelation ccf = CrossCorrelations.ccf(series("lead_x"), series("lead_y"), 3);
    assertThrows(IllegalArgumentException.class, () -> ccf.at(4));
    assertThrows(
        IllegalArgumentException.class,
        () -> CrossCorrelations.ccf(new double[] {1, 2}, new double[] {1, 2, 3}, 1));
  }

  @Test
  void benjaminiHochberg_nanEntries_keptAndNotCounted() {
    double[] adjusted = MultipleTesting.benjaminiHochberg(new double[] {0.01, Double.NaN, 0.04});
    // m = 2: q = (2 * 0.01 / 1, 2 * 0.04 / 2) = (0.02, 0.04)
    assertEquals(0.02, adjusted[0], 1e-15);
    assertTrue(Double.isNaN(adjusted[1]));
    assertEquals(0.04, adjusted[2], 1e-15);
  }

  @Test
  void benjaminiHochberg_outOfRange_throws() {
    assertThrows(
        IllegalArgumentException.class,
        () -> MultipleTesting.benjaminiHochberg(new double[] {0.5, 1.2}));
  }

  @Test
  void differencing_firstAndSecond_lengthsAndValues() {
    double[] y = {1, 4, 9, 16, 25};
    assertArrayEquals(new double[] {3, 5, 7, 9}, Differencing.FIRST.apply(y), 0);
    assertArrayEquals(new double[] {2, 2, 2}, Differencing.SECOND.apply(y), 0);
    assertArrayEquals(y, Differencing.NONE.apply(y), 0);
    assertArrayEquals(new double[] {8, 12, 16}, Differencing.seasonal(y, 2), 0);
  }
}
