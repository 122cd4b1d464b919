package org.entente.analyse.leadlag;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.IntStream;

/** Adjustments of p-values for many tests. Static, pure, thread-safe. */
public final class MultipleTesting {

  private MultipleTesting() {}

  /**
   * Benjamini–Hochberg adjusted p-values (false discovery rate).
   *
   * <p>Computes, with the m non-NaN p-values sorted p_(1) ≤ … ≤ p_(m), q_(i) = min_{j ≥ i} min(1, m
   * p_(j) / j), returned in the input order; rejecting every test with q ≤ α controls the FDR at α.
   * NaN inputs stay NaN and do not count in m (R's {@code p.adjust(method = "BH")}); otherwise
   * identical to statsmodels {@code multipletests(p, method="fdr_bh")[1]}. Assumes independent or
   * positively dependent (PRDS) tests. Reference: Benjamini &amp; Hochberg (1995), JRSS B 57(1);
   * Benjamini &amp; Yekutieli (2001), Annals of Statistics 29(4) for PRDS.
   *
   * @param pValues p-values in [0, 1] or NaN; not modified
   * @return adjusted p-values, same order and length
   * @throws IllegalArgumentException if a value is outside [0, 1] and not NaN
   */
  public static double[] benjaminiHochberg(double[] pValues) {
    Objects.requireNonNull(pValues, "pValues");
    Integer[] order =
        IntStream.range(0, pValues.length)
            .filter(i -> !Double.isNaN(pValues[i]))
            .boxed()
            .toArray(Integer[]::new);
    for (int i : order) {
      if (pValues[i] < 0 || pValues[i] > 1) {
        throw new IllegalArgumentException("p-value out of [0, 1]: " + pValues[i]);
      }
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
    int m = order.length;
    double[] adjusted = new double[pValues.length];
    Arrays.fill(adjusted, Double.NaN);
    double running = 1.0;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      running = Math.min(running, (double) m * pValues[i] / rank);
      adjusted[i] = running;
    }
    return adjusted;
  }
}
