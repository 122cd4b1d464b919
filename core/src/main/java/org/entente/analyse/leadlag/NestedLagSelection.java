package org.entente.analyse.leadlag;

/**
 * The VAR order choice of {@link LagSelection#select} for many surrogate pairs, in one QR
 * decomposition per pair instead of two per candidate order. Not thread-safe: one instance per
 * thread; it allocates nothing per call.
 *
 * <p>Why it gives the same orders: the regressors of order p, (1, x_{t−1}, y_{t−1}, …, x_{t−p},
 * y_{t−p}), are the first m_p = 1 + 2p columns of the order-p_max design on the common sample t =
 * p_max+1..n. Householder QR processes columns in turn, so after the first m columns the
 * transformed responses u = Q'r_x and v = Q'r_y give, for the regression on those m columns, the
 * residual sums Σ_{i≥m} u_i², Σ_{i≥m} v_i² and the residual cross product Σ_{i≥m} u_i v_i (Q is
 * orthogonal). These are the quantities in ln det Σ̂(p) of {@link LagSelection#select}; the
 * criteria agree with it up to rounding (about 1e-13 relative), so an order can only differ where
 * two criteria tie to that precision. A candidate whose design {@link Ols#fit} would refuse as
 * singular (|R_jj| below 1e−12 · max|X_p| · √T, or below 1e−11, Hipparchus' QR and LU thresholds)
 * makes the whole choice fail as it would there. Reference: Golub &amp; Van Loan (2013), Matrix
 * Computations, 4th ed., section 5.2 (Householder QR) and 5.3 (least squares).
 */
final class NestedLagSelection {

  private final int maxLag;
  private final int sample;
  private final int columns;

  /** Column-major design, sample rows per column, overwritten by the decomposition. */
  private final double[] design;

  private final double[] u;
  private final double[] v;
  private final double[] columnMax;
  private final double[] storedDiagonal;

  NestedLagSelection(int n, int maxLag) {
    this.maxLag = maxLag;
    this.sample = n - maxLag;
    this.columns = 1 + 2 * maxLag;
    if (maxLag < 0 || sample <= 2 * maxLag + 1) {
      throw new IllegalArgumentException(
          "maxLag " + maxLag + " too large for " + n + " observations");
    }
    this.design = new double[sample * columns];
    this.u = new double[sample];
    this.v = new double[sample];
    this.columnMax = new double[columns];
    this.storedDiagonal = new double[columns];
  }

  /**
   * The order by {@code criterion}, as {@code LagSelection.select(x, y, maxLag).order(criterion)}.
   *
   * @throws IllegalArgumentException if a candidate design is singular
   */
  int order(double[] x, double[] y, LagCriterion criterion) {
    fill(x, y);
    double best = Double.NaN;
    int bestOrder = 0;
    double largest = 0;
    double sqrtT = Math.sqrt(sample);
    for (int j = 0; j < columns; j++) {
      largest = Math.max(largest, columnMax[j]);
      double diagonal = reflect(j);
      if (j % 2 == 0) { // m = j + 1 = 1 + 2p columns: order p = j / 2 is complete
        int p = j / 2;
        for (int k = 0; k <= j; k++) {
          checkDiagonal(k == j ? diagonal : storedDiagonal[k], largest, sqrtT);
        }
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int r = j + 1; r < sample; r++) {
          sxx += u[r] * u[r];
          syy += v[r] * v[r];
          sxy += u[r] * v[r];
        }
        double logDet = Math.log((sxx * syy - sxy * sxy) / ((double) sample * sample));
        double c =
            criterion == LagCriterion.BIC
                ? logDet + p * 4.0 * Math.log(sample) / sample
                : logDet + 2.0 * p * 4 / sample;
        if (p == 0 || c < best) {
          best = c;
          bestOrder = p;
        }
      }
    }
    return Math.max(1, bestOrder);
  }

  private void checkDiagonal(double rjj, double largest, double sqrtT) {
    double a = Math.abs(rjj);
    if (a <= 1e-12 * Math.max(largest, 1e-300) * sqrtT || a < 1e-11) {
      throw new IllegalArgumentException("regression design is singular");
    }
  }

  private void fill(double[] x, double[] y) {
    java.util.Arrays.fill(columnMax, 0);
    for (int r = 0; r < sample; r++) {
      int t = maxLag + r;
      u[r] = x[t];
      v[r] = y[t];
      design[r] = 1;
    }
    columnMax[0] = 1;
    for (int i = 1; i <= maxLag; i++) {
      int cx = (2 * i - 1) * sample;
      int cy = 2 * i * sample;
      double mx = 0;
      double my = 0;
      for (int r = 0; r < sample; r++) {
        int t = maxLag + r;
        double a = x[t - i];
        double b = y[t - i];
        design[cx + r] = a;
        design[cy + r] = b;
        mx = Math.max(mx, Math.abs(a));
        my = Math.max(my, Math.abs(b));
      }
      columnMax[2 * i - 1] = mx;
      columnMax[2 * i] = my;
    }
  }

  /**
   * Householder step on column j (rows j..T−1): reflects the later columns and both responses,
   * returns R_jj.
   */
  private double reflect(int j) {
    int base = j * sample;
    double norm = 0;
    for (int r = j; r < sample; r++) {
      norm += design[base + r] * design[base + r];
    }
    norm = Math.sqrt(norm);
    double head = design[base + j];
    double alpha = head > 0 ? -norm : norm;
    if (norm == 0) {
      storedDiagonal[j] = 0;
      return 0;
    }
    // v = x − αe_1 stored in place; H = I − 2vv'/(v'v), v'v = 2(norm² − α·head)
    design[base + j] = head - alpha;
    double vv = 2 * (norm * norm - alpha * head);
    for (int k = j + 1; k < columns; k++) {
      apply(base, j, vv, k * sample);
    }
    applyTo(base, j, vv, u);
    applyTo(base, j, vv, v);
    storedDiagonal[j] = alpha;
    return alpha;
  }

  private void apply(int base, int j, double vv, int target) {
    double dot = 0;
    for (int r = j; r < sample; r++) {
      dot += design[base + r] * design[target + r];
    }
    double f = 2 * dot / vv;
    for (int r = j; r < sample; r++) {
      design[target + r] -= f * design[base + r];
    }
  }

  private void applyTo(int base, int j, double vv, double[] w) {
    double dot = 0;
    for (int r = j; r < sample; r++) {
      dot += design[base + r] * w[r];
    }
    double f = 2 * dot / vv;
    for (int r = j; r < sample; r++) {
      w[r] -= f * design[base + r];
    }
  }
}
