package org.entente.analyse.leadlag;

/**
 * Sample cross-correlations r_xy(k) for k = −maxLag..maxLag.
 *
 * @param maxLag the largest |k|
 * @param n the number of (possibly prewhitened) observations used
 * @param values r_xy(k) stored at index k + maxLag
 * @param whiteNoiseBand 1.96/√n, the approximate 95% band valid only if at least one series is
 *     white noise (hence after prewhitening)
 */
public record CrossCorrelation(int maxLag, int n, double[] values, double whiteNoiseBand) {

  /** Copies {@code values}. */
  public CrossCorrelation {
    values = values.clone();
  }

  /**
   * Returns r_xy(k); k &gt; 0 means x leads y by k months.
   *
   * @param k the lag, −maxLag ≤ k ≤ maxLag
   * @return the cross-correlation
   * @throws IllegalArgumentException if |k| &gt; maxLag
   */
  public double at(int k) {
    if (Math.abs(k) > maxLag) {
      throw new IllegalArgumentException("lag " + k + " outside ±" + maxLag);
    }
    return values[k + maxLag];
  }

  /**
   * Returns a copy of all values, index k + maxLag.
   *
   * @return r_xy(−maxLag..maxLag)
   */
  @Override
  public double[] values() {
    return values.clone();
  }

  /**
   * The lag with the largest |r_xy(k)| (the smallest |k|, then the negative one, on ties).
   *
   * @return the lag
   */
  public int peakLag() {
    int best = 0;
    for (int k = 1; k <= maxLag; k++) {
      for (int signed : new int[] {-k, k}) {
        if (Math.abs(at(signed)) > Math.abs(at(best))) {
          best = signed;
        }
      }
    }
    return best;
  }
}
