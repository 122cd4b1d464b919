package org.entente.analyse.changepoint;

/**
 * A search for changes in the mean of a gap-free series. Obtain implementations from {@link
 * ChangePoints}. Implementations are stateless and thread-safe.
 */
public interface ChangePointDetector {

  /**
   * Returns which algorithm this is.
   *
   * @return the method
   */
  DetectionMethod method();

  /**
   * Finds change points in the mean of {@code y}.
   *
   * @param y the series y_1..y_n (index 0 holds month 1); finite values, no gaps; not modified
   * @param settings the penalty, minimum segment length, scale and bound on changes
   * @return the changes, the periods and the settings used
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code y} is empty or holds a NaN or infinite value, or if
   *     the scale must be estimated and {@code y} has fewer than 2 values or σ̂ is 0 (pass an
   *     explicit scale in that case)
   */
  ChangePointResult detect(double[] y, ChangePointSettings settings);
}
