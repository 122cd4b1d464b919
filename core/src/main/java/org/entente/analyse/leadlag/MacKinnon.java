package org.entente.analyse.leadlag;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * MacKinnon's response surfaces for the Dickey–Fuller τ statistic with one I(1) series (N = 1).
 *
 * <p>Critical values: cv(T) = β∞ + β1/T + β2/T² + β3/T³ with the coefficients of MacKinnon (2010),
 * "Critical Values for Cointegration Tests", Queen's University Economics Working Paper 1227, Table
 * 2 (as listed in METHODS 4.2 and in statsmodels {@code tau_c_2010}, {@code tau_ct_2010}); T is the
 * number of observations in the test regression, as in statsmodels.
 *
 * <p>p-values: p = Φ(γ0 + γ1 τ + γ2 τ² [+ γ3 τ³]), with the "small p" quadratic for τ ≤ τ* and the
 * "large p" cubic above it; p = 0 below τ_min and 1 above τ_max. The coefficients are those of
 * MacKinnon (1994), "Approximate asymptotic distribution functions for unit-root and cointegration
 * tests", Journal of Business &amp; Economic Statistics 12(2), 167–176, Tables 3–4, as published in
 * statsmodels' {@code adfvalues.py} ({@code tau_c_smallp}, {@code tau_c_largep}, {@code
 * tau_star_c}, …, already multiplied by statsmodels' scaling vectors (1, 1, 1e−2) and (1, 1e−1,
 * 1e−1, 1e−2)). The p-value is asymptotic: it ignores the sample size, so near 5% prefer the
 * finite-sample critical values.
 */
final class MacKinnon {

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

  private MacKinnon() {}

  // MacKinnon (2010), N = 1: rows 1%, 5%, 10%; columns β∞, β1, β2, β3
  private static final double[][] CV_C = {
    {-3.43035, -6.5393, -16.786, -79.433},
    {-2.86154, -2.8903, -4.234, -40.040},
    {-2.56677, -1.5384, -2.809, 0},
  };
  private static final double[][] CV_CT = {
    {-3.95877, -9.0531, -28.428, -134.155},
    {-3.41049, -4.3904, -9.036, -45.374},
    {-3.12705, -2.5856, -3.925, -22.380},
  };

  // MacKinnon (1994), N = 1, as scaled in statsmodels adfvalues.py
  private static final double TAU_STAR_C = -1.61;
  private static final double TAU_MIN_C = -18.83;
  private static final double TAU_MAX_C = 2.74;
  private static final double[] SMALL_P_C = {2.1659, 1.4412, 3.8269e-2};
  private static final double[] LARGE_P_C = {1.7339, 9.3202e-1, -1.2745e-1, -1.0368e-2};

  private static final double TAU_STAR_CT = -2.89;
  private static final double TAU_MIN_CT = -16.18;
  private static final double TAU_MAX_CT = 0.7;
  private static final double[] SMALL_P_CT = {3.2512, 1.6047, 4.9588e-2};
  private static final double[] LARGE_P_CT = {2.5261, 6.1654e-1, -3.7956e-1, -6.0285e-2};

  static CriticalValues criticalValues(AdfTrend trend, int nobs) {
    double[][] table = trend == AdfTrend.CONSTANT ? CV_C : CV_CT;
    double inv = 1.0 / nobs;
    double[] cv = new double[3];
    for (int level = 0; level < 3; level++) {
      double[] b = table[level];
      cv[level] = b[0] + inv * (b[1] + inv * (b[2] + inv * b[3]));
    }
    return new CriticalValues(cv[0], cv[1], cv[2]);
  }

  static double pValue(double tau, AdfTrend trend) {
    boolean c = trend == AdfTrend.CONSTANT;
    double max = c ? TAU_MAX_C : TAU_MAX_CT;
    double min = c ? TAU_MIN_C : TAU_MIN_CT;
    double star = c ? TAU_STAR_C : TAU_STAR_CT;
    if (tau > max) {
      return 1.0;
    }
    if (tau < min) {
      return 0.0;
    }
    double[] coefficients;
    if (tau <= star) {
      coefficients = c ? SMALL_P_C : SMALL_P_CT;
    } else {
      coefficients = c ? LARGE_P_C : LARGE_P_CT;
    }
    double polynomial = 0;
    for (int i = coefficients.length - 1; i >= 0; i--) {
      polynomial = polynomial * tau + coefficients[i];
    }
    return STANDARD_NORMAL.cumulativeProbability(polynomial);
  }
}
