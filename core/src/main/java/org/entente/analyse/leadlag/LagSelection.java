package org.entente.analyse.leadlag;

/** VAR lag-order selection for two series (METHODS 4.3). Static, pure, thread-safe. */
public final class LagSelection {

  private static final int K = 2;

  private LagSelection() {}

  /**
   * Chooses the order of a bivariate VAR by AIC and BIC.
   *
   * <p>Computes, for p = 0..p_max, the equation-by-equation OLS fit of (x_t, y_t) on (1, x_{t−1},
   * y_{t−1}, …, x_{t−p}, y_{t−p}) over the same effective sample t = p_max+1..n (T = n − p_max),
   * Σ̂(p) = E'E/T (maximum-likelihood residual covariance), AIC(p) = ln det Σ̂(p) + 2pK²/T and
   * BIC(p) = ln det Σ̂(p) + pK² ln T/T with K = 2. The intercepts are not counted; statsmodels'
   * {@code VAR.select_order} counts them, which adds the same constant 2K/T (AIC) or K ln T/T (BIC)
   * to every p and so selects the same orders. Assumes a stationary VAR; p = 0 is a candidate.
   * Reference: Lütkepohl (2005), New Introduction to Multiple Time Series Analysis, section 4.3;
   * METHODS.md 4.3.
   *
   * @param x first series
   * @param y second series, same length n
   * @param maxLag p_max ≥ 0 with T = n − p_max &gt; 2 p_max + 1
   * @return the criteria and the chosen orders
   * @throws IllegalArgumentException if lengths differ, a value is not finite, or the sample is too
   *     short
   */
  public static LagOrderSelection select(double[] x, double[] y, int maxLag) {
    Series.requireFinite(x, "x");
    Series.requireFinite(y, "y");
    Series.requireSameLength(x, y);
    int n = x.length;
    int t0 = maxLag;
    int sample = n - t0;
    if (maxLag < 0 || sample <= K * maxLag + 1) {
      throw new IllegalArgumentException(
          "maxLag " + maxLag + " too large for " + n + " observations");
    }
    double[] aic = new double[maxLag + 1];
    double[] bic = new double[maxLag + 1];
    int aicOrder = 0;
    int bicOrder = 0;
    for (int p = 0; p <= maxLag; p++) {
      double[][] design = new double[sample][1 + K * p];
      double[] rx = new double[sample];
      double[] ry = new double[sample];
      for (int r = 0; r < sample; r++) {
        int t = t0 + r;
        rx[r] = x[t];
        ry[r] = y[t];
        design[r][0] = 1;
        for (int i = 1; i <= p; i++) {
          design[r][2 * i - 1] = x[t - i];
          design[r][2 * i] = y[t - i];
        }
      }
      double[] ex = Ols.fit(rx, design).residuals();
      double[] ey = Ols.fit(ry, design).residuals();
      double sxx = 0;
      double syy = 0;
      double sxy = 0;
      for (int r = 0; r < sample; r++) {
        sxx += ex[r] * ex[r];
        syy += ey[r] * ey[r];
        sxy += ex[r] * ey[r];
      }
      double logDet = Math.log((sxx * syy - sxy * sxy) / ((double) sample * sample));
      aic[p] = logDet + 2.0 * p * K * K / sample;
      bic[p] = logDet + p * K * K * Math.log(sample) / sample;
      if (aic[p] < aic[aicOrder]) {
        aicOrder = p;
      }
      if (bic[p] < bic[bicOrder]) {
        bicOrder = p;
      }
    }
    return new LagOrderSelection(maxLag, sample, aic, bic, aicOrder, bicOrder);
  }
}
