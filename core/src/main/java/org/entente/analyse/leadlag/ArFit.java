package org.entente.analyse.leadlag;

/**
 * An autoregression with constant, x_t = c + Σ_{i=1}^{p} φ_i x_{t−i} + e_t, chosen by AIC.
 *
 * @param order the selected order p
 * @param maxOrder the largest order considered
 * @param constant ĉ
 * @param coefficients φ̂_1..φ̂_p
 * @param aic AIC(q) = −2 ln L + 2(q + 1) for q = 0..maxOrder on the common sample t = maxOrder +
 *     1..n (statsmodels {@code ar_select_order} convention)
 */
public record ArFit(int order, int maxOrder, double constant, double[] coefficients, double[] aic) {

  /** Copies the arrays. */
  public ArFit {
    coefficients = coefficients.clone();
    aic = aic.clone();
  }

  /**
   * Returns a copy of {@code coefficients}.
   *
   * @return a fresh array
   */
  @Override
  public double[] coefficients() {
    return coefficients.clone();
  }

  /**
   * Returns a copy of {@code aic}.
   *
   * @return a fresh array
   */
  @Override
  public double[] aic() {
    return aic.clone();
  }

  /**
   * Applies the AR filter: u_t = s_t − ĉ − Σ φ̂_i s_{t−i} for t = p+1..n.
   *
   * @param s a series
   * @return the filtered series, length n − p
   */
  public double[] filter(double[] s) {
    int p = order;
    double[] u = new double[s.length - p];
    for (int t = p; t < s.length; t++) {
      double v = s[t] - constant;
      for (int i = 1; i <= p; i++) {
        v -= coefficients[i - 1] * s[t - i];
      }
      u[t - p] = v;
    }
    return u;
  }
}
