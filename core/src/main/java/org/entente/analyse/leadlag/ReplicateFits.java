package org.entente.analyse.leadlag;

/**
 * The regressions of one resampling replicate of {@link GrangerCausality#resampledReselecting}: the
 * VAR order choice of {@link LagSelection#select} in one QR decomposition instead of two per
 * candidate order, and the unrestricted Granger RSS, both by a plain Householder QR on a reused
 * column-major buffer. Not thread-safe: one instance per thread; it allocates nothing per call.
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
 *
 * <p>The unrestricted Granger regression of y_t on (y_{t−1..p}, x_{t−1..p}, 1), t = p+1..n, is
 * decomposed the same way; its RSS is Σ_{i≥2p+1} (Q'y)_i², equal to {@link Ols#fit}'s up to
 * rounding, with the same singularity rule.
 */
final class ReplicateFits {

  private final int maxLag;
  private final int n;

  /** Rows and columns of the current decomposition. */
  private int sample;

  private int columns;

  /** Column-major design, sample rows per column, overwritten by the decomposition. */
  private final double[] design;

  private final double[] u;
  private final double[] v;
  private final double[] columnMax;
  private final double[] storedDiagonal;

  ReplicateFits(int n, int maxLag) {
    this.maxLag = maxLag;
    this.n = n;
    if (maxLag < 0 || n - maxLag <= 2 * maxLag + 1) {
      throw new IllegalArgumentException(
          "maxLag " + maxLag + " too large for " + n + " observations");
    }
    this.design = new double[n * (1 + 2 * maxLag)];
    this.u = new double[n];
    this.v = new double[n];
    this.columnMax = new double[1 + 2 * maxLag];
    this.storedDiagonal = new double[1 + 2 * maxLag];
  }

  /**
   * RSS_U of the Granger regression of y on p lags of y, p lags of x and a constant (columns in
   * {@link GrangerCausality}'s order), as {@code Ols.fit(…).rss()} computes it.
   *
   * @param lags p, 1 ≤ p ≤ maxLag
   * @throws IllegalArgumentException if the design is singular
   */
  double grangerRss(double[] x, double[] y, int lags) {
    sample = n - lags;
    columns = 2 * lags + 1;
    double largest = 0;
    for (int r = 0; r < sample; r++) {
      int t = lags + r;
      u[r] = y[t];
      for (int i = 1; i <= lags; i++) {
        double a = y[t - i];
        double b = x[t - i];
        design[(i - 1) * sample + r] = a;
        design[(lags + i - 1) * sample + r] = b;
        largest = Math.max(largest, Math.max(Math.abs(a), Math.abs(b)));
      }
      design[2 * lags * sample + r] = 1;
    }
    largest = Math.max(largest, 1);
    double sqrtT = Math.sqrt(sample);
    for (int j = 0; j < columns; j++) {
      reflect(j, false);
    }
    for (int j = 0; j < columns; j++) {
      checkDiagonal(storedDiagonal[j], largest, sqrtT);
    }
    double rss = 0;
    for (int r = columns; r < sample; r++) {
      rss += u[r] * u[r];
    }
    return rss;
  }

  /**
   * The order by {@code criterion}, as {@code LagSelection.select(x, y, maxLag).order(criterion)}.
   *
   * @throws IllegalArgumentException if a candidate design is singular
   */
  int order(double[] x, double[] y, LagCriterion criterion) {
    sample = n - maxLag;
    columns = 1 + 2 * maxLag;
    fill(x, y);
    double best = Double.NaN;
    int bestOrder = 0;
    double largest = 0;
    double sqrtT = Math.sqrt(sample);
    for (int j = 0; j < columns; j++) {
      largest = Math.max(largest, columnMax[j]);
      double diagonal = reflect(j, true);
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
   * Householder step on column j (rows j..T−1): reflects the later columns and the response u (and
   * v if {@code both}), returns R_jj.
   */
  private double reflect(int j, boolean both) {
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
    if (both) {
      applyTo(base, j, vv, v);
    }
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
