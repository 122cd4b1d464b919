package org.entente.analyse.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link ExactTests} against scipy 1.17.1 (Python 3.11.7, numpy 2.4.6), values printed with repr():
 * {@code scipy.stats.binomtest(k, n, p0, alternative=...).pvalue} and {@code
 * scipy.stats.fisher_exact(table, alternative=...).pvalue}. The exact Poisson rate-ratio test is
 * the conditional binomial test, so its reference is {@code binomtest(x1, x1 + x2, t1/(t1 + t2))}
 * (what R's {@code poisson.test(c(x1, x2), c(t1, t2))} computes); its TOST reference is {@code
 * max(binomtest(x1, n, π(0.8), alternative="greater").pvalue, binomtest(x1, n, π(1.25),
 * alternative="less").pvalue)} with π(r) = r t1/(r t1 + t2).
 */
class ExactTestsReferenceTest {

  @Test
  void binomial_againstScipy_matchesBothTails() {
    ExactTests.Tails t = ExactTests.binomial(4, 5, 10.0 / 24);
    assertEquals(0.10046939300411524, t.greater(), 1e-14);
    assertEquals(0.9874413258744856, t.less(), 1e-14);
    assertEquals(0.109375, ExactTests.binomial(1, 6, 0.5).less(), 1e-15);
    assertEquals(0.007497363395395947, ExactTests.binomial(3, 40, 0.01).greater(), 1e-15);
  }

  @Test
  void binomial_farTail_keepsRelativePrecision() {
    // 0.1^60: a p-value that a 6-decimal output printed as 0
    double p = ExactTests.binomial(60, 60, 0.1).greater();
    assertEquals(1.0000000000000033e-60, p, 1e-72);
  }

  @Test
  void fisher_againstScipy_matchesOneAndTwoSided() {
    ExactTests.Fisher a = ExactTests.fisher(11, 0, 0, 2);
    assertEquals(0.01282051282051282, a.greater(), 1e-15);
    assertEquals(1.0, a.less(), 1e-12);
    assertEquals(0.01282051282051282, a.twoSided(), 1e-15);
    ExactTests.Fisher b = ExactTests.fisher(3, 7, 9, 2);
    assertEquals(0.9982819038546593, b.greater(), 1e-12);
    assertEquals(0.024172422005239336, b.less(), 1e-15);
    assertEquals(0.02997312285237981, b.twoSided(), 1e-15);
    ExactTests.Fisher c = ExactTests.fisher(10, 2, 3, 15);
    assertEquals(0.000465180943362905, c.greater(), 1e-16);
    assertEquals(0.9999845190186861, c.less(), 1e-12);
    assertEquals(0.0005367241191434357, c.twoSided(), 1e-16);
  }

  @Test
  void poissonRateRatio_isTheConditionalBinomialOfScipy() {
    // P2 on the demo store: 4 events in 10 hostile years, 1 in 14 other years
    assertEquals(0.10046939300411524, ExactTests.poissonRateRatio(4, 10, 1, 14).greater(), 1e-14);
    assertEquals(
        0.00217994200070174, ExactTests.poissonRateRatio(12, 3.5, 4, 6.0).greater(), 1e-15);
    assertEquals(
        0.2029268636174762, ExactTests.poissonEquivalence(50, 10, 52, 10, 0.8, 1.25), 1e-12);
  }

  @Test
  void permutation_identicalSamples_neverSignificantAndSeedReproduces() {
    double[] a = {0, 0, 1, 0, 2, 0};
    double[] b = {0, 1, 0, 0, 2, 0};
    assertEquals(1.0, ExactTests.permutationTest(a, b, 999, 7).twoSided(), 0);
    double[] hi = {3, 4, 5, 4, 3, 5, 4};
    double[] lo = {0, 1, 0, 1, 0, 1, 0};
    ExactTests.Tails t = ExactTests.permutationTest(hi, lo, 9999, 3).tails();
    // no relabelling of 14 values reaches the observed split except itself: p = 1/(B + 1) up to
    // the rare draw of the same split (probability 1/C(14, 7) = 1/3432 per draw)
    assertTrue(t.greater() < 0.002, "p " + t.greater());
    assertEquals(t.greater(), ExactTests.permutationTest(hi, lo, 9999, 3).tails().greater(), 0);
    assertTrue(t.less() > 0.99);
  }

  @Test
  void twoSided_isTwiceTheSmallerTailCappedAtOne() {
    assertEquals(0.2009387860082305, ExactTests.binomial(4, 5, 10.0 / 24).twoSided(), 1e-14);
    assertEquals(1.0, ExactTests.binomial(3, 6, 0.5).twoSided(), 0);
  }
}
