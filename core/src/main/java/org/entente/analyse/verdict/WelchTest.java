package org.entente.analyse.verdict;

import java.util.Arrays;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * One-sided Welch t test of a difference of means.
 *
 * <p>Computes, for samples a (n_a) and b (n_b) with means m_a, m_b and sample variances v_a, v_b
 * (divisor n − 1): t = (m_a − m_b)/√(v_a/n_a + v_b/n_b) with the Welch–Satterthwaite degrees of
 * freedom ν = (v_a/n_a + v_b/n_b)² / [(v_a/n_a)²/(n_a − 1) + (v_b/n_b)²/(n_b − 1)], and the
 * one-sided p-values P(T_ν ≥ t) (H1: m_a &gt; m_b) and P(T_ν ≤ t) (H1: m_a &lt; m_b) from
 * Hipparchus' Student t distribution. Degenerate case: when both variances are 0 the difference is
 * exact, so the p-value of the direction the means moved is 0 and the other is 1 (both 1 if the
 * means are equal). Needs n ≥ 2 in each sample, else every p-value is NaN. Assumes independent,
 * roughly normal observations; consecutive periods of an event series are autocorrelated, which
 * makes the test anti-conservative. Reference: Welch (1947), Biometrika 34(1–2); identical to
 * scipy's {@code ttest_ind(a, b, equal_var=False, alternative=...)} and R's {@code t.test(a, b)}.
 */
final class WelchTest {

  /**
   * The test.
   *
   * @param meanA m_a
   * @param meanB m_b
   * @param t the statistic (NaN if undefined)
   * @param df ν (NaN if undefined)
   * @param pGreater P-value for H1: m_a &gt; m_b
   * @param pLess P-value for H1: m_a &lt; m_b
   * @param nA n_a
   * @param nB n_b
   * @param sdA sample SD of a
   * @param sdB sample SD of b
   */
  record Result(
      double meanA,
      double meanB,
      double t,
      double df,
      double pGreater,
      double pLess,
      int nA,
      int nB,
      double sdA,
      double sdB) {

    /** m_a − m_b. */
    double difference() {
      return meanA - meanB;
    }
  }

  private WelchTest() {}

  static Result test(double[] a, double[] b) {
    int na = a.length;
    int nb = b.length;
    double ma = na == 0 ? Double.NaN : Arrays.stream(a).average().orElse(Double.NaN);
    double mb = nb == 0 ? Double.NaN : Arrays.stream(b).average().orElse(Double.NaN);
    if (na < 2 || nb < 2) {
      return new Result(
          ma, mb, Double.NaN, Double.NaN, Double.NaN, Double.NaN, na, nb, sd(a), sd(b));
    }
    double va = variance(a, ma);
    double vb = variance(b, mb);
    double sa = va / na;
    double sb = vb / nb;
    double se2 = sa + sb;
    if (se2 == 0) {
      double d = ma - mb;
      return new Result(ma, mb, Double.NaN, Double.NaN, d > 0 ? 0 : 1, d < 0 ? 0 : 1, na, nb, 0, 0);
    }
    double t = (ma - mb) / Math.sqrt(se2);
    double df = se2 * se2 / (sa * sa / (na - 1) + sb * sb / (nb - 1));
    TDistribution dist = new TDistribution(df);
    double pLess = dist.cumulativeProbability(t);
    double pGreater = dist.cumulativeProbability(-t);
    return new Result(ma, mb, t, df, pGreater, pLess, na, nb, Math.sqrt(va), Math.sqrt(vb));
  }

  private static double variance(double[] x, double mean) {
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    return ss / (x.length - 1);
  }

  private static double sd(double[] x) {
    if (x.length < 2) {
      return Double.NaN;
    }
    double m = Arrays.stream(x).average().orElse(Double.NaN);
    return Math.sqrt(variance(x, m));
  }
}
