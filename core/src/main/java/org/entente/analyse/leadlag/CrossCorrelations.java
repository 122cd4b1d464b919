package org.entente.analyse.leadlag;

/** Cross-correlation functions (METHODS 4.1). Static, pure, thread-safe. */
public final class CrossCorrelations {

  private CrossCorrelations() {}

  /**
   * Sample cross-correlation function.
   *
   * <p>Computes r_xy(k) = c_xy(k)/√(c_xx(0) c_yy(0)) with c_xy(k) = (1/n) Σ_{t=1}^{n−k} (x_t −
   * x̄)(y_{t+k} − ȳ) for k ≥ 0 and c_xy(−k) = (1/n) Σ_{t=1}^{n−k} (x_{t+k} − x̄)(y_t − ȳ); k &gt; 0
   * means x leads y. The divisor is n at every lag (statsmodels {@code ccf(y, x, adjusted=False)}
   * for k ≥ 0 and {@code ccf(x, y, adjusted=False)} for k ≤ 0; statsmodels' default {@code
   * adjusted=True} divides by n − k instead). Assumes both series are (weakly) stationary; the
   * ±1.96/√n band is valid only if one of them is white noise, otherwise use {@link
   * #prewhitened(double[], double[], int, int)}. Reference: Box, Jenkins, Reinsel &amp; Ljung
   * (2015), Time Series Analysis, 5th ed., section 12.1; METHODS.md 4.1.
   *
   * @param x the leading candidate, length n ≥ 2, not constant
   * @param y the lagging candidate, length n
   * @param maxLag the largest |k|, 0 ≤ maxLag &lt; n
   * @return r_xy(−maxLag..maxLag)
   * @throws IllegalArgumentException if the lengths differ, a value is not finite, a series is
   *     constant, or maxLag is out of range
   */
  public static CrossCorrelation ccf(double[] x, double[] y, int maxLag) {
    Series.requireFinite(x, "x");
    Series.requireFinite(y, "y");
    Series.requireSameLength(x, y);
    int n = x.length;
    if (maxLag < 0 || maxLag >= n) {
      throw new IllegalArgumentException("maxLag must be in 0.." + (n - 1) + ", got " + maxLag);
    }
    double mx = Series.mean(x);
    double my = Series.mean(y);
    double sxx = 0;
    double syy = 0;
    for (int t = 0; t < n; t++) {
      sxx += (x[t] - mx) * (x[t] - mx);
      syy += (y[t] - my) * (y[t] - my);
    }
    if (sxx == 0 || syy == 0) {
      throw new IllegalArgumentException("a constant series has no cross-correlation");
    }
    double norm = Math.sqrt(sxx * syy);
    double[] r = new double[2 * maxLag + 1];
    for (int k = 0; k <= maxLag; k++) {
      double forward = 0;
      double backward = 0;
      for (int t = 0; t + k < n; t++) {
        forward += (x[t] - mx) * (y[t + k] - my);
        backward += (x[t + k] - mx) * (y[t] - my);
      }
      r[maxLag + k] = forward / norm;
      r[maxLag - k] = backward / norm;
    }
    return new CrossCorrelation(maxLag, n, r, 1.96 / Math.sqrt(n));
  }

  /**
   * Cross-correlation after prewhitening.
   *
   * <p>Computes: AR(q) models with constant for q = 0..maxArOrder are fitted to x by OLS on the
   * common sample t = maxArOrder+1..n and the order p with the smallest AIC is kept (statsmodels
   * {@code ar_select_order(x, maxArOrder, ic="aic", trend="c")}); the AR(p) is refitted on t =
   * p+1..n (statsmodels {@code AutoReg(x, p, trend="c")}); both series are filtered with that same
   * filter, u_t = s_t − ĉ − Σ φ̂_i s_{t−i}; then {@link #ccf(double[], double[], int)} of the
   * filtered series. Filtering y with x's filter leaves the cross-correlation structure of a linear
   * transfer function intact while making x (nearly) white, so ±1.96/√(n − p) applies. Assumes x is
   * stationary and well approximated by a finite AR. Reference: Box, Jenkins, Reinsel &amp; Ljung
   * (2015), section 12.2.2; Akaike (1974), IEEE TAC 19(6) for AIC; METHODS.md 4.1.
   *
   * @param x the leading candidate, length n
   * @param y the lagging candidate, length n
   * @param maxLag the largest |k| of the cross-correlation
   * @param maxArOrder the largest AR order considered, 0 ≤ maxArOrder, n − maxArOrder &gt;
   *     maxArOrder + 2
   * @return the AR filter and the cross-correlation of the filtered series
   * @throws IllegalArgumentException as for {@link #ccf(double[], double[], int)}, or if the sample
   *     is too short for maxArOrder
   */
  public static PrewhitenedCrossCorrelation prewhitened(
      double[] x, double[] y, int maxLag, int maxArOrder) {
    Series.requireFinite(x, "x");
    Series.requireFinite(y, "y");
    Series.requireSameLength(x, y);
    ArFit filter = Autoregressions.selectByAic(x, maxArOrder);
    CrossCorrelation correlation = ccf(filter.filter(x), filter.filter(y), maxLag);
    return new PrewhitenedCrossCorrelation(filter, correlation);
  }
}
