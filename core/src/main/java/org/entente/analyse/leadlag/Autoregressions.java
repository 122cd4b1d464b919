package org.entente.analyse.leadlag;

/** AR order selection and fitting by OLS, used for prewhitening. */
final class Autoregressions {

  private Autoregressions() {}

  /**
   * Selects the AR order by AIC on a common sample, then refits on the longest sample.
   *
   * <p>Computes, for q = 0..m (m = maxOrder), the OLS fit of x_t on (1, x_{t−1}, …, x_{t−q}) for t
   * = m+1..n and AIC(q) = −2 ln L + 2(q + 1); p = argmin (smallest q on ties); then the AR(p) fit
   * on t = p+1..n. Reference: statsmodels 0.13 {@code ar_select_order} and {@code AutoReg}; Akaike
   * (1974), IEEE Transactions on Automatic Control 19(6).
   */
  static ArFit selectByAic(double[] x, int maxOrder) {
    int n = x.length;
    if (maxOrder < 0 || n - maxOrder <= maxOrder + 2) {
      throw new IllegalArgumentException(
          "maxArOrder " + maxOrder + " too large for " + n + " observations");
    }
    double[] aic = new double[maxOrder + 1];
    int best = 0;
    for (int q = 0; q <= maxOrder; q++) {
      aic[q] = fit(x, q, maxOrder).aic();
      if (aic[q] < aic[best]) {
        best = q;
      }
    }
    Ols.Fit fit = fit(x, best, best);
    double[] phi = new double[best];
    System.arraycopy(fit.coefficients(), 1, phi, 0, best);
    return new ArFit(best, maxOrder, fit.coefficients()[0], phi, aic);
  }

  /** OLS of x_t on (1, x_{t−1..t−q}) for t = holdBack+1..n (0-based rows holdBack..n−1). */
  private static Ols.Fit fit(double[] x, int q, int holdBack) {
    int rows = x.length - holdBack;
    double[] response = new double[rows];
    double[][] design = new double[rows][q + 1];
    for (int r = 0; r < rows; r++) {
      int t = holdBack + r;
      response[r] = x[t];
      design[r][0] = 1;
      for (int i = 1; i <= q; i++) {
        design[r][i] = x[t - i];
      }
    }
    return Ols.fit(response, design);
  }
}
