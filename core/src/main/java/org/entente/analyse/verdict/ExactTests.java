package org.entente.analyse.verdict;

import java.util.Arrays;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.hipparchus.special.Gamma;

/**
 * Small-sample tests whose p-values do not rest on a normal approximation: the exact binomial test,
 * Fisher's exact test of a 2×2 table, the exact conditional test of two Poisson rates, and a seeded
 * permutation test of a difference of means. Static, pure, thread-safe.
 *
 * <p>Formulas.
 *
 * <ul>
 *   <li>Binomial: X ~ Bin(n, π0); P(X ≥ k) and P(X ≤ k) summed from the probability mass function
 *       C(n, x) π0^x (1 − π0)^(n−x), evaluated in logs (ln Γ from Hipparchus) so that tails down to
 *       1e-300 keep their relative precision (scipy {@code binomtest(k, n, p0, alternative)}).
 *   <li>Fisher 2×2 [[a, b], [c, d]]: with the margins fixed, a is hypergeometric, P(A = x) = C(a +
 *       b, x) C(c + d, a + c − x) / C(n, a + c); one-sided p-values P(A ≥ a) and P(A ≤ a); the
 *       two-sided p-value sums the probabilities of the tables no more likely than the observed one
 *       (relative tolerance 1e-7, as R's {@code fisher.test} and scipy's {@code fisher_exact}).
 *       Fisher (1935), J. Royal Statistical Society 98(1).
 *   <li>Two Poisson rates: counts x1 over exposure t1 and x2 over t2; conditional on n = x1 + x2,
 *       X1 ~ Bin(n, π(r)) with π(r) = r t1/(r t1 + t2) for a rate ratio r = λ1/λ2; H0 r = 1 gives
 *       the exact test (Przyborowski &amp; Wilenski 1940, Biometrika 31; R {@code
 *       poisson.test(c(x1, x2), c(t1, t2))}). The equivalence test (two one-sided tests, Schuirmann
 *       1987) for a band r_low &lt; r &lt; r_high is max(P_{π(r_low)}(X1 ≥ x1), P_{π(r_high)}(X1 ≤
 *       x1)).
 *   <li>Permutation: the difference of means of a and b compared with the differences of B random
 *       relabellings (Fisher–Yates shuffles of the pooled values by a {@link Well19937c} seeded
 *       with the given seed); p = (1 + #{|d*| ≥ |d|})/(B + 1) two-sided, and the one-sided
 *       analogues. Exchangeability under H0 is assumed, which consecutive periods of an
 *       autocorrelated series only approximate. Davison &amp; Hinkley (1997), section 4.3.
 * </ul>
 *
 * Two-sided p-values of the binomial and Poisson tests are twice the smaller one-sided p-value,
 * capped at 1 (valid and slightly conservative; R's {@code binom.test} uses the minimum-likelihood
 * rule instead).
 */
final class ExactTests {
  /** Tolerance when comparing table probabilities (R and scipy use 1 + 1e-7). */
  private static final double RELATIVE = 1 + 1e-7;

  private ExactTests() {}

  /** One-sided and two-sided p-values of one test. */
  record Tails(double greater, double less) {
    /** Twice the smaller one-sided p-value, at most 1. */
    double twoSided() {
      return Math.min(1.0, 2 * Math.min(greater, less));
    }
  }

  /** ln C(n, k). */
  static double logChoose(int n, int k) {
    return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
  }

  /** P(X = x) for X ~ Bin(n, p). */
  static double binomialPmf(int x, int n, double p) {
    if (p <= 0) {
      return x == 0 ? 1 : 0;
    }
    if (p >= 1) {
      return x == n ? 1 : 0;
    }
    return Math.exp(logChoose(n, x) + x * Math.log(p) + (n - x) * Math.log1p(-p));
  }

  /**
   * Exact binomial test of k successes in n trials against π0.
   *
   * @throws IllegalArgumentException if n &lt; 1, k outside 0..n or π0 outside [0, 1]
   */
  static Tails binomial(int k, int n, double p0) {
    if (n < 1 || k < 0 || k > n || !(p0 >= 0 && p0 <= 1)) {
      throw new IllegalArgumentException("binomial test needs 0 <= k <= n, n >= 1, 0 <= p0 <= 1");
    }
    double upper = 0;
    for (int x = k; x <= n; x++) {
      upper += binomialPmf(x, n, p0);
    }
    double lower = 0;
    for (int x = 0; x <= k; x++) {
      lower += binomialPmf(x, n, p0);
    }
    return new Tails(Math.min(1, upper), Math.min(1, lower));
  }

  /** Fisher's exact test of [[a, b], [c, d]]: one-sided tails of a and the two-sided p-value. */
  record Fisher(double greater, double less, double twoSided) {}

  /**
   * Fisher's exact test.
   *
   * @throws IllegalArgumentException if a count is negative or all are 0
   */
  static Fisher fisher(int a, int b, int c, int d) {
    if (a < 0 || b < 0 || c < 0 || d < 0 || a + b + c + d == 0) {
      throw new IllegalArgumentException("Fisher's test needs non-negative counts, not all 0");
    }
    int row1 = a + b;
    int row2 = c + d;
    int col1 = a + c;
    int n = row1 + row2;
    int lo = Math.max(0, col1 - row2);
    int hi = Math.min(row1, col1);
    double[] prob = new double[hi - lo + 1];
    double logTotal = logChoose(n, col1);
    for (int x = lo; x <= hi; x++) {
      prob[x - lo] = Math.exp(logChoose(row1, x) + logChoose(row2, col1 - x) - logTotal);
    }
    double greater = 0;
    double less = 0;
    double two = 0;
    double observed = prob[a - lo];
    for (int x = lo; x <= hi; x++) {
      double p = prob[x - lo];
      if (x >= a) {
        greater += p;
      }
      if (x <= a) {
        less += p;
      }
      if (p <= observed * RELATIVE) {
        two += p;
      }
    }
    return new Fisher(Math.min(1, greater), Math.min(1, less), Math.min(1, two));
  }

  /** π(r) = r t1/(r t1 + t2). */
  static double share(double ratio, double t1, double t2) {
    return ratio * t1 / (ratio * t1 + t2);
  }

  /**
   * Exact conditional test of two Poisson rates, H0 λ1 = λ2: tails of X1 ~ Bin(x1 + x2, π(1)).
   * {@code greater} is the p-value for λ1 &gt; λ2.
   *
   * @throws IllegalArgumentException if x1 + x2 = 0 or an exposure is not positive
   */
  static Tails poissonRateRatio(int x1, double t1, int x2, double t2) {
    if (!(t1 > 0) || !(t2 > 0) || x1 < 0 || x2 < 0 || x1 + x2 == 0) {
      throw new IllegalArgumentException("rate ratio test needs positive exposures and events");
    }
    return binomial(x1, x1 + x2, share(1, t1, t2));
  }

  /**
   * Exact equivalence test (two one-sided conditional binomial tests) that the rate ratio λ1/λ2
   * lies inside (low, high).
   */
  static double poissonEquivalence(int x1, double t1, int x2, double t2, double low, double high) {
    int n = x1 + x2;
    double aboveLow = binomial(x1, n, share(low, t1, t2)).greater();
    double belowHigh = binomial(x1, n, share(high, t1, t2)).less();
    return Math.max(aboveLow, belowHigh);
  }

  /**
   * Permutation test of mean(a) − mean(b): the one-sided p-values (mean(a) &gt; mean(b), mean(a)
   * &lt; mean(b)) and the two-sided (1 + #{|d*| ≥ |d|})/(B + 1), all from one set of draws.
   *
   * @param permutations B
   * @param seed the generator's seed
   */
  static Permutation permutationTest(double[] a, double[] b, int permutations, long seed) {
    double[] r = permutationCounts(a, b, permutations, seed);
    double b1 = permutations + 1.0;
    return new Permutation(new Tails((1 + r[0]) / b1, (1 + r[1]) / b1), (1 + r[2]) / b1);
  }

  /** One-sided p-values and the two-sided (1 + #{|d*| ≥ |d|})/(B + 1) of one permutation test. */
  record Permutation(Tails tails, double twoSided) {}

  private static double[] permutationCounts(double[] a, double[] b, int permutations, long seed) {
    if (a.length < 1 || b.length < 1 || permutations < 1) {
      throw new IllegalArgumentException("permutation test needs two non-empty samples");
    }
    double[] pooled = new double[a.length + b.length];
    System.arraycopy(a, 0, pooled, 0, a.length);
    System.arraycopy(b, 0, pooled, a.length, b.length);
    double total = Arrays.stream(pooled).sum();
    double observed = difference(Arrays.stream(a).sum(), total, a.length, b.length);
    // a tolerance for ties: relabellings equal to the observed difference up to rounding count
    double eps = 1e-12 * Math.max(1, Math.abs(observed));
    RandomGenerator random = new Well19937c(seed);
    int ge = 0;
    int le = 0;
    int abs = 0;
    for (int k = 0; k < permutations; k++) {
      for (int i = pooled.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        double t = pooled[i];
        pooled[i] = pooled[j];
        pooled[j] = t;
      }
      double sumA = 0;
      for (int i = 0; i < a.length; i++) {
        sumA += pooled[i];
      }
      double d = difference(sumA, total, a.length, b.length);
      if (d >= observed - eps) {
        ge++;
      }
      if (d <= observed + eps) {
        le++;
      }
      if (Math.abs(d) >= Math.abs(observed) - eps) {
        abs++;
      }
    }
    return new double[] {ge, le, abs};
  }

  private static double difference(double sumA, double total, int na, int nb) {
    return sumA / na - (total - sumA) / nb;
  }
}
