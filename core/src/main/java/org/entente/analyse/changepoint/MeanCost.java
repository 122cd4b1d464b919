package org.entente.analyse.changepoint;

/**
 * Segment cost for a change in mean of a standardised Gaussian series.
 *
 * <p>Computes C(s, t) = (Q_t − Q_s) − (P_t − P_s)² / (t − s) for the segment (s, t] (months s + 1
 * to t), where P and Q are prefix sums of z and z² and z = y/σ̂. This is twice the negative
 * log-likelihood of the segment under N(μ, 1) with μ at its maximum-likelihood value, up to a
 * constant; it equals {@code mll_mean} in rkillick/changepoint (cost_general_functions.c). Under
 * MBIC, ln(t − s) is added to every segment, exactly as changepoint's {@code mbic_mean} does.
 * Assumes independent Gaussian noise of constant variance σ² and a piecewise-constant mean.
 * Reference: Killick, Fearnhead &amp; Eckley (2012), JASA 107(500), section 2; METHODS.md 3.1.
 *
 * <p>z is centred on its overall mean before the prefix sums are formed; the cost is invariant to a
 * common shift and the centring limits cancellation on long series.
 */
final class MeanCost {

  private final double[] p;
  private final double[] q;
  private final boolean lengthTerm;

  /**
   * Builds prefix sums.
   *
   * @param y the series in original units
   * @param scale σ̂ &gt; 0
   * @param lengthTerm true to add ln(segment length) to every segment (MBIC)
   */
  MeanCost(double[] y, double scale, boolean lengthTerm) {
    int n = y.length;
    double mean = 0;
    for (double v : y) {
      mean += v / scale;
    }
    mean /= n;
    p = new double[n + 1];
    q = new double[n + 1];
    for (int i = 0; i < n; i++) {
      double z = y[i] / scale - mean;
      p[i + 1] = p[i] + z;
      q[i + 1] = q[i] + z * z;
    }
    this.lengthTerm = lengthTerm;
  }

  /**
   * The cost of the segment (s, t].
   *
   * @param s the change point before the segment (0 for the start)
   * @param t the last month of the segment, t &gt; s
   * @return C(s, t), plus ln(t − s) under MBIC
   */
  double cost(int s, int t) {
    int length = t - s;
    double sum = p[t] - p[s];
    double c = (q[t] - q[s]) - sum * sum / length;
    if (lengthTerm) {
      c += Math.log(length);
    }
    return c;
  }

  /**
   * The sum of squares up to month t, used to scale rounding tolerances.
   *
   * @param t a month 0..n
   * @return Q_t
   */
  double magnitude(int t) {
    return q[t];
  }

  /**
   * Tells whether ln(segment length) is part of the cost (MBIC).
   *
   * @return true under MBIC
   */
  boolean lengthIncludedInCost() {
    return lengthTerm;
  }

  /**
   * The series length.
   *
   * @return n
   */
  int length() {
    return p.length - 1;
  }
}
