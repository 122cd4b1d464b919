package org.entente.analyse.leadlag;

import java.util.Objects;

/**
 * Differencing applied to a series before lead–lag analysis, recorded with the results.
 *
 * <p>Computes Δ^d y: d = 1 gives y_t − y_{t−1} (length n − 1), d = 2 gives Δ(Δy) (length n − 2); a
 * seasonal difference y_t − y_{t−12} is {@link #seasonal(double[], int)}. Differencing an I(1)
 * series makes it stationary, which the CCF, the Granger F test and its p-values assume;
 * differencing a stationary series adds a non-invertible MA component (over-differencing).
 * Reference: Box, Jenkins, Reinsel &amp; Ljung (2015), section 4.1; METHODS.md 4.2.
 */
public enum Differencing {
  /** No differencing (levels). */
  NONE(0),
  /** First differences. */
  FIRST(1),
  /** Second differences. */
  SECOND(2);

  private final int order;

  Differencing(int order) {
    this.order = order;
  }

  /**
   * The order d.
   *
   * @return 0, 1 or 2
   */
  public int order() {
    return order;
  }

  /**
   * Applies the difference.
   *
   * @param y the series; not modified
   * @return a new array of length n − d
   * @throws IllegalArgumentException if n ≤ d
   */
  public double[] apply(double[] y) {
    Objects.requireNonNull(y, "y");
    if (y.length <= order) {
      throw new IllegalArgumentException("series of length " + y.length + " too short");
    }
    double[] out = y.clone();
    for (int k = 0; k < order; k++) {
      out = seasonal(out, 1);
    }
    return out;
  }

  /**
   * Lag-s difference y_t − y_{t−s} (s = 12 for a seasonal difference of monthly data).
   *
   * @param y the series; not modified
   * @param lag s ≥ 1
   * @return a new array of length n − s
   * @throws IllegalArgumentException if s &lt; 1 or n ≤ s
   */
  public static double[] seasonal(double[] y, int lag) {
    Objects.requireNonNull(y, "y");
    if (lag < 1 || y.length <= lag) {
      throw new IllegalArgumentException("need 1 <= lag < n, got lag " + lag + ", n " + y.length);
    }
    double[] out = new double[y.length - lag];
    for (int t = lag; t < y.length; t++) {
      out[t - lag] = y[t] - y[t - lag];
    }
    return out;
  }
}
