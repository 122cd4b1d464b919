package org.entente.bench;

import java.util.SplittableRandom;

/**
 * Draws an index {@code i} with probability {@code w[i] / sum(w)} in constant time.
 *
 * <p>Walker's alias method in Vose's numerically stable form (Walker 1977, ACM TOMS 3(3); Vose
 * 1991, IEEE TSE 17(9)): the {@code n} weights are scaled to mean 1 and split into {@code n}
 * columns of height 1, each holding at most two outcomes, its own ({@code prob[i]}) and one alias.
 * A draw picks a column uniformly and then one of its two outcomes. Construction is O(n) and
 * deterministic (fixed work-list order), so a seeded generator reproduces the same draws. Immutable
 * and thread-safe; the caller supplies the random source.
 */
final class AliasSampler {

  private final double[] prob;
  private final int[] alias;

  /**
   * @param weights non-negative weights, at least one positive
   * @throws IllegalArgumentException if a weight is negative or all are zero
   */
  AliasSampler(long[] weights) {
    int n = weights.length;
    double sum = 0;
    for (long w : weights) {
      if (w < 0) {
        throw new IllegalArgumentException("negative weight " + w);
      }
      sum += w;
    }
    if (n == 0 || sum <= 0) {
      throw new IllegalArgumentException("no positive weight");
    }
    prob = new double[n];
    alias = new int[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int ns = 0;
    int nl = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / sum;
      if (scaled[i] < 1.0) {
        small[ns++] = i;
      } else {
        large[nl++] = i;
      }
    }
    while (ns > 0 && nl > 0) {
      int s = small[--ns];
      int l = large[--nl];
      prob[s] = scaled[s];
      alias[s] = l;
      scaled[l] = (scaled[l] + scaled[s]) - 1.0;
      if (scaled[l] < 1.0) {
        small[ns++] = l;
      } else {
        large[nl++] = l;
      }
    }
    while (nl > 0) {
      int l = large[--nl];
      prob[l] = 1.0;
      alias[l] = l;
    }
    while (ns > 0) { // only reached through rounding error
      int s = small[--ns];
      prob[s] = 1.0;
      alias[s] = s;
    }
  }

  /** Number of outcomes. */
  int size() {
    return prob.length;
  }

  /** One draw; uses two values of {@code random}. */
  int sample(SplittableRandom random) {
    int i = random.nextInt(prob.length);
    return random.nextDouble() < prob[i] ? i : alias[i];
  }
}
