package org.entente.analyse.leadlag;

import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

/**
 * Ordinary least squares through Hipparchus' QR-based {@link OLSMultipleLinearRegression}, with the
 * Gaussian log-likelihood and information criteria as statsmodels' {@code OLS} defines them.
 */
final class Ols {

  private Ols() {}

  /**
   * A fitted regression.
   *
   * @param coefficients β̂, one per column of X
   * @param standardErrors se(β̂) = √(σ̂² diag (X'X)⁻¹), σ̂² = RSS/(n − k)
   * @param residuals y − Xβ̂
   * @param rss residual sum of squares
   * @param nobs number of observations n
   * @param k number of columns of X (all estimated coefficients, constant included)
   */
  record Fit(
      double[] coefficients,
      double[] standardErrors,
      double[] residuals,
      double rss,
      int nobs,
      int k) {

    double tValue(int column) {
      return coefficients[column] / standardErrors[column];
    }

    /** ln L = −n/2 (ln 2π + ln(RSS/n) + 1), statsmodels {@code OLSResults.llf}. */
    double logLikelihood() {
      return -0.5 * nobs * (Math.log(2 * Math.PI) + Math.log(rss / nobs) + 1);
    }

    /** −2 ln L + 2k, statsmodels {@code OLSResults.aic} (k counts the constant). */
    double aic() {
      return -2 * logLikelihood() + 2.0 * k;
    }

    /** −2 ln L + k ln n, statsmodels {@code OLSResults.bic}. */
    double bic() {
      return -2 * logLikelihood() + k * Math.log(nobs);
    }

    int residualDegreesOfFreedom() {
      return nobs - k;
    }
  }

  /**
   * Fits y = Xβ + e; X must already contain any constant column.
   *
   * @param y the response, length n
   * @param x the design, n rows of k columns, n &gt; k
   * @return the fit
   * @throws IllegalArgumentException if n ≤ k or X is singular (Hipparchus' exception is wrapped)
   */
  static Fit fit(double[] y, double[][] x) {
    int n = y.length;
    int k = x[0].length;
    if (n <= k) {
      throw new IllegalArgumentException(
          "regression needs more observations than coefficients: n=" + n + ", k=" + k);
    }
    double largest = 0;
    for (double[] row : x) {
      for (double v : row) {
        largest = Math.max(largest, Math.abs(v));
      }
    }
    // QR singularity threshold on |R_ii|, relative to the scale of X
    OLSMultipleLinearRegression ols =
        new OLSMultipleLinearRegression(1e-12 * Math.max(largest, 1e-300) * Math.sqrt(n));
    ols.setNoIntercept(true);
    double[] beta;
    double[] se;
    double[] residuals;
    try {
      ols.newSampleData(y, x);
      beta = ols.estimateRegressionParameters();
      se = ols.estimateRegressionParametersStandardErrors();
      residuals = ols.estimateResiduals();
    } catch (MathRuntimeException e) {
      throw new IllegalArgumentException(
          "regression design is singular (collinear or constant regressors): " + e.getMessage(), e);
    }
    double rss = 0;
    for (double r : residuals) {
      rss += r * r;
    }
    return new Fit(beta, se, residuals, rss, n, k);
  }
}
