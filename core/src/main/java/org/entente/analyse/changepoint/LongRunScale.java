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
 * estimator of Chakar, Lebarbier, Lévy-Leduc &amp; Robin 2017, Bernoulli 23(2), who use robust
 * scales). Here each variance is the sample variance of the differences that lie within {@value
 * #TRIM} robust SDs (1.4826 MAD) of their median, corrected for the cut: a mean shift of many noise
 * SDs touches one difference of Δ1 and two of Δ2 and is left out, while Gaussian noise is cut with
 * probability 6e-7 (so the estimate keeps the sample variance's precision; two plain MADs, with 37%
 * of it, detected a one-SD shift in AR(1) noise with φ = 0.6 in 67% of series instead of 87%, and a
 * cut at 3 SDs in 78%). Without the cut, one shift of a short series inflated φ̂: METHODS §3's
 * worked example (12 months, one shift of 0.49 against noise of SD 0.05) gave φ̂ = 0.63 and σ̂_LR =
 * 0.396, so no change; with it φ̂ = 0.059, σ̂_LR = 0.0423 and the change after month 5. On sparse
 * event series more than half of the differences are often 0 and the MAD is 0: then no difference
 * is left out ({@link #robust} false). The long-run variance, the variance of √n times a segment
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
 * @param robust whether differences far from their median were left out (false: a MAD was 0, all
 *     differences were used)
 */
public record LongRunScale(double phi, double marginalSd, double longRunSd, boolean robust) {

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
    double[] d1 = differences(y, 1);
    double[] d2 = differences(y, 2);
    double t1 = trimmedVariance(d1);
    double t2 = trimmedVariance(d2);
    boolean robust = !Double.isNaN(t1) && !Double.isNaN(t2);
    double v1 = robust ? t1 : variance(d1);
    double v2 = robust ? t2 : variance(d2);
    if (!(v1 > 0)) {
      throw new IllegalArgumentException("the series is constant: no noise scale");
    }
    double phi = Math.max(MIN_PHI, Math.min(MAX_PHI, v2 / v1 - 1));
    double gamma0 = v1 / (2 * (1 - phi));
    double lrv = v1 * (1 + phi) / (2 * (1 - phi) * (1 - phi));
    return new LongRunScale(phi, Math.sqrt(gamma0), Math.sqrt(lrv), robust);
  }

  /** y_t − y_{t−lag}. */
  private static double[] differences(double[] y, int lag) {
    double[] d = new double[y.length - lag];
    for (int t = lag; t < y.length; t++) {
      d[t - lag] = y[t] - y[t - lag];
    }
    return d;
  }

  /**
   * The variance of the differences {@code d} within {@value #TRIM} robust SDs (1.4826 MAD) of
   * their median, divided by the variance a normal variable keeps when cut at ±{@value #TRIM} SDs;
   * NaN when the MAD is 0.
   */
  private static double trimmedVariance(double[] d) {
    double med = Series.median(d);
    double[] dev = new double[d.length];
    for (int i = 0; i < d.length; i++) {
      dev[i] = Math.abs(d[i] - med);
    }
    double robustSd = Series.MAD_NORMAL_FACTOR * Series.median(dev);
    if (!(robustSd > 0)) {
      return Double.NaN;
    }
    double sum = 0;
    int k = 0;
    for (double v : d) {
      if (Math.abs(v - med) <= TRIM * robustSd) {
        sum += v;
        k++;
      }
    }
    double mean = sum / k;
    double ss = 0;
    for (double v : d) {
      if (Math.abs(v - med) <= TRIM * robustSd) {
        ss += (v - mean) * (v - mean);
      }
    }
    return k < 2 ? 0 : ss / (k - 1) / TRIMMED_NORMAL_VARIANCE;
  }

  /** Differences further than this many robust SDs from their median are left out. */
  static final double TRIM = 5;

  /**
   * Var(Z | |Z| ≤ 5) for a standard normal Z: 1 − 2·5·φ(5)/(2Φ(5) − 1), φ(5) = 1.4867195e-6, 2Φ(5)
   * − 1 = 0.99999943.
   */
  private static final double TRIMMED_NORMAL_VARIANCE =
      1 - 10 * 1.4867195147342979e-06 / 0.9999994266968564;

  /** Sample variance (divisor m − 1) of the differences {@code d}. */
  private static double variance(double[] d) {
    double mean = 0;
    for (double v : d) {
      mean += v;
    }
    mean /= d.length;
    double ss = 0;
    for (double v : d) {
      ss += (v - mean) * (v - mean);
    }
    return ss / (d.length - 1);
  }
}
