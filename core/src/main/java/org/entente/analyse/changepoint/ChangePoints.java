package org.entente.analyse.changepoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** Entry point of the change-point package: detectors and helpers. Thread-safe. */
public final class ChangePoints {

  private static final ChangePointDetector PELT = new Pelt();
  private static final ChangePointDetector BINARY_SEGMENTATION = new BinarySegmentation();

  private ChangePoints() {}

  /**
   * The exact search (PELT).
   *
   * @return a stateless, thread-safe detector
   */
  public static ChangePointDetector pelt() {
    return PELT;
  }

  /**
   * The greedy, approximate search (binary segmentation).
   *
   * @return a stateless, thread-safe detector
   */
  public static ChangePointDetector binarySegmentation() {
    return BINARY_SEGMENTATION;
  }

  /**
   * The robust noise scale σ̂ = MAD(Δy)/√2 with the 1.4826 normal-consistency factor, the MAD
   * centred on the median (METHODS 3.1).
   *
   * @param y the series, at least 2 finite values
   * @return σ̂ &gt; 0
   * @throws IllegalArgumentException if {@code y} has fewer than 2 values, a non-finite value, or
   *     σ̂ is 0
   */
  public static double madScale(double[] y) {
    Objects.requireNonNull(y, "y");
    Series.requireFinite(y);
    return Series.madScale(y);
  }

  /**
   * The penalised cost Σ C'(segments) + β · m of a given segmentation, for example an expert one,
   * on the same scale as {@link ChangePointResult#penalisedCost()}. The minimum segment length in
   * {@code settings} is not enforced here.
   *
   * @param y the series
   * @param lastMonthsOfOldPeriods change points τ (1-based last months of old periods), each in
   *     1..n−1; order and duplicates do not matter
   * @param settings the penalty and scale (scale estimated when NaN)
   * @return the penalised cost in standardised units
   * @throws IllegalArgumentException if a change point is outside 1..n−1, or as for {@link
   *     ChangePointDetector#detect(double[], ChangePointSettings)}
   */
  public static double penalisedCost(
      double[] y, List<Integer> lastMonthsOfOldPeriods, ChangePointSettings settings) {
    Objects.requireNonNull(lastMonthsOfOldPeriods, "lastMonthsOfOldPeriods");
    Series.Prepared prepared = Series.prepare(y, settings);
    List<Integer> changes = new ArrayList<>(new TreeSet<>(lastMonthsOfOldPeriods));
    for (int tau : changes) {
      if (tau < 1 || tau > y.length - 1) {
        throw new IllegalArgumentException("change point " + tau + " outside 1.." + (y.length - 1));
      }
    }
    double total = prepared.beta() * changes.size();
    int previous = 0;
    for (int tau : changes) {
      total += prepared.cost().cost(previous, tau);
      previous = tau;
    }
    return total + prepared.cost().cost(previous, y.length);
  }
}
