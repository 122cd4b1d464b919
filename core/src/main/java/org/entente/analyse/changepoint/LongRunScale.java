package org.entente.analyse.changepoint;

import java.util.Objects;

/**
 * A noise scale for change-point search that accounts for autocorrelation: the long-run standard
 * deviation of an AR(1) process, estimated from differences so that the mean shifts being searched
 * for barely affect it.
 *
 * <p>Model: y_t = μ_t + e_t with a piecewise-constant mean μ_t and AR(1) noise e_t = φ e_{t−1} +
 * u_t, marginal variance γ0. Away from the changes, Δ1 y_t = y_t − y_{t−1} and Δ2 y_t = y_t −
 * y_{t−2} have Var(Δ1) = 2γ0(1 − φ) and Var(Δ2) = 2γ0(1 − φ²), so φ = Var(Δ2)/Var(Δ1) − 1 (the
 * estimator of Chakar, Lebarbier, Lévy-Leduc &amp; Robin 2017, Bernoulli 23(2), there with robust
 * scales; here with the sample variances, because on sparse event series more than half of the
 * differences are 0 and a median-based scale is 0). Each mean shift touches one term of Δ1 and two
 * of Δ2, so a few shifts bias φ̂ little. The long-run variance, the variance of √n times a segment
 * mean, is σ²_LR = γ0 (1 + φ)/(1 − φ) = Var(Δ1)(1 + φ)/(2(1 − φ)²), and the search runs on z =
 * y/σ_LR: the cost of a spurious split then has the same null distribution as for independent noise
 * of scale 1 (functional central limit theorem), so the penalty keeps its meaning. φ̂ is clamped to
 * [−0.5, 0.95] (below −0.5 the estimate is noise; at 0.95 the series is near a unit root and σ_LR
 * is already 6.2 times the innovation scale). For φ = 0 this is the SD of the differences over √2.
 * Assumes stationary AR(1) noise between changes; higher-order dependence is approximated.
 *
 * @param phi the clamped AR(1) coefficient φ̂
 * @param marginalSd √γ̂0
 * @param longRunSd σ̂_LR
 */
public record LongRunScale(double phi, double marginalSd, double longRunSd) {
  /** Bounds of φ̂. */
  static final double MIN_PHI = -0.5;

  static final double MAX_PHI = 0.95;

  /**
   * Estimates the scale.
   *
   * @param y the series, at least 4 finite values
   * @return φ̂, the marginal and the long-run SD
   * @throws IllegalArgumentException if y is too short, not finite, or constant
   */
  public static LongRunScale estimate(double[] y) {
    Objects.requireNonNull(y, "y");
    Series.requireFinite(y);
    if (y.length < 4) {
      throw new IllegalArgumentException("need at least 4 values to estimate a long-run scale");
    }
    double v1 = variance(y, 1);
    double v2 = variance(y, 2);
    if (!(v1 > 0)) {
      throw new IllegalArgumentException("the series is constant: no noise scale");
    }
    double phi = Math.max(MIN_PHI, Math.min(MAX_PHI, v2 / v1 - 1));
    double gamma0 = v1 / (2 * (1 - phi));
    double lrv = v1 * (1 + phi) / (2 * (1 - phi) * (1 - phi));
    return new LongRunScale(phi, Math.sqrt(gamma0), Math.sqrt(lrv));
  }

  /** Sample variance (divisor m − 1) of y_t − y_{t−lag}. */
  private static double variance(double[] y, int lag) {
    int m = y.length - lag;
    double mean = 0;
    for (int t = lag; t < y.length; t++) {
      mean += y[t] - y[t - lag];
    }
    mean /= m;
    double ss = 0;
    for (int t = lag; t < y.length; t++) {
      double d = y[t] - y[t - lag] - mean;
      ss += d * d;
    }
    return ss / (m - 1);
  }
}
