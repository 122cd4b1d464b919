package org.entente.analyse.changepoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulation of PELT (MBIC, L = 3) with the long-run scale on AR(1) series of 240 points
 * (innovations N(0, 1), started from the stationary distribution). The figures in docs/analysis.md
 * come from {@link #rates} with 1000 series per setting (seeds 11 and 12); the assertions here use
 * 300 series to keep the run to a few seconds.
 */
class LongRunScaleCalibrationTest {
  private static final int N = 240;

  /** AR(1) with coefficient φ plus a mean shift at the middle (t ≥ n/2). */
  static double[] ar1(RandomGenerator r, int n, double phi, double shift) {
    double[] y = new double[n];
    double e = r.nextGaussian() / Math.sqrt(1 - phi * phi);
    for (int t = 0; t < n; t++) {
      if (t > 0) {
        e = phi * e + r.nextGaussian();
      }
      y[t] = e + (t >= n / 2 ? shift : 0);
    }
    return y;
  }

  /**
   * {changes per series, share of series with a change within ±12 points of the middle}, for a
   * shift of {@code shiftLongRunSds} long-run SDs (σ_LR = 1/(1 − φ) for unit innovations).
   */
  static double[] rates(double phi, double shiftLongRunSds, int series, long seed, boolean mad) {
    RandomGenerator r = new Well19937c(seed);
    int changes = 0;
    int detected = 0;
    for (int i = 0; i < series; i++) {
      double[] y = ar1(r, N, phi, shiftLongRunSds / (1 - phi));
      double scale = mad ? ChangePoints.madScale(y) : LongRunScale.estimate(y).longRunSd();
      ChangePointResult res =
          ChangePoints.pelt()
              .detect(y, new ChangePointSettings(Penalty.mbic(), 3, scale, Integer.MAX_VALUE));
      changes += res.changePoints().size();
      for (int c : res.firstMonthsOfNewPeriods()) {
        if (Math.abs(c - (N / 2 + 1)) <= 12) {
          detected++;
          break;
        }
      }
    }
    return new double[] {(double) changes / series, (double) detected / series};
  }

  @Test
  void pelt_ar06WithoutChange_findsAtMostPoint3FalseChangesPerSeries() {
    double falsePerSeries = rates(0.6, 0, 300, 11, false)[0];
    assertTrue(falsePerSeries <= 0.3, "false changes per series " + falsePerSeries);
  }

  @Test
  void pelt_ar06OneLongRunSdShiftInTheMiddle_isDetectedInAtLeast80Percent() {
    double detection = rates(0.6, 1, 300, 12, false)[1];
    assertTrue(detection >= 0.8, "detection " + detection);
  }

  @Test
  void pelt_ar06WithTheMadScale_findsManyFalseChanges() {
    // the reason for the default: MAD(Δy)/√2 estimates the innovation scale, not the long-run one
    double falsePerSeries = rates(0.6, 0, 100, 11, true)[0];
    assertTrue(falsePerSeries > 3, "false changes per series with MAD " + falsePerSeries);
  }

  @Test
  void estimate_whiteNoise_isTheSdOfDifferencesOverRoot2WhenPhiIsZero() {
    RandomGenerator r = new Well19937c(5);
    double[] y = ar1(r, 5000, 0, 0);
    LongRunScale s = LongRunScale.estimate(y);
    assertEquals(0, s.phi(), 0.05);
    assertEquals(1, s.longRunSd(), 0.08);
  }

  @Test
  void estimate_ar06_recoversPhiAndLongRunSd() {
    RandomGenerator r = new Well19937c(6);
    double[] y = ar1(r, 20000, 0.6, 0);
    LongRunScale s = LongRunScale.estimate(y);
    assertEquals(0.6, s.phi(), 0.03);
    assertEquals(2.5, s.longRunSd(), 0.2);
    assertEquals(1.25, s.marginalSd(), 0.05);
  }

  /**
   * METHODS §3 worked example: the one shift (Δ1 −0.51, Δ2 −0.50 and −0.46, 6 to 7 robust SDs) is
   * left out. Reference by hand with Python's statistics module: Δ1 without −0.51 has sample
   * variance 0.0029956, Δ2 without its two 0.0031715 (each over 0.99998513); φ̂ = 0.0587113, σ̂_LR
   * = 0.0423051. Sample variances of all differences: φ̂ 0.63.
   */
  @Test
  void estimate_methodsWorkedExample_leavesTheShiftOut() {
    double[] y = {0.42, 0.38, 0.45, 0.40, 0.41, -0.10, -0.05, -0.12, -0.08, -0.02, -0.09, -0.11};
    LongRunScale s = LongRunScale.estimate(y);
    assertTrue(s.robust());
    assertEquals(0.0587113, s.phi(), 1e-6);
    assertEquals(0.0423051, s.longRunSd(), 1e-6);
  }

  /**
   * A sparse count series, most differences 0 (MAD 0): the sample variances are used, by hand: Δ1 =
   * [0, 0, 3, −3, 0, 0, 0, 1, −1, 0, 0], mean 0, variance 20/10 = 2; Δ2 = [0, 3, 0, −3, 0, 0, 1, 0,
   * −1, 0], variance 20/9; φ̂ = (20/9)/2 − 1 = 1/9; σ̂_LR² = 2 (10/9)/(2 (8/9)²) = 1.40625.
   */
  @Test
  void estimate_sparseSeriesWithMadZero_fallsBackToSampleVariances() {
    double[] y = {0, 0, 0, 3, 0, 0, 0, 0, 1, 0, 0, 0};
    LongRunScale s = LongRunScale.estimate(y);
    assertFalse(s.robust());
    assertEquals(1.0 / 9, s.phi(), 1e-12);
    assertEquals(Math.sqrt(1.40625), s.longRunSd(), 1e-12);
  }
}
