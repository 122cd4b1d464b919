package org.entente.analyse.changepoint;

import java.util.List;

/**
 * The outcome of a change-point search, with everything needed to reproduce it.
 *
 * @param method the search algorithm
 * @param penalty the penalty family
 * @param beta the numeric β per change actually used
 * @param scale the noise scale σ̂ used to standardise (estimated or given)
 * @param scaleEstimated true if σ̂ was estimated as MAD(Δy)/√2, false if given
 * @param minSegmentLength the minimum segment length L
 * @param n the series length
 * @param changePoints the changes in time order
 * @param segments the periods in time order (one more than the changes)
 * @param penalisedCost Σ segment costs + β · (number of changes), in standardised units
 */
public record ChangePointResult(
    DetectionMethod method,
    Penalty penalty,
    double beta,
    double scale,
    boolean scaleEstimated,
    int minSegmentLength,
    int n,
    List<ChangePoint> changePoints,
    List<Segment> segments,
    double penalisedCost) {

  /** Copies the lists. */
  public ChangePointResult {
    changePoints = List.copyOf(changePoints);
    segments = List.copyOf(segments);
  }

  /**
   * Returns τ for each change: the last month of the old period (1-based).
   *
   * @return change points in time order
   */
  public List<Integer> lastMonthsOfOldPeriods() {
    return changePoints.stream().map(ChangePoint::lastOfOld).toList();
  }

  /**
   * Returns τ + 1 for each change: the first month of the new period (1-based), the convention of
   * expert break lists.
   *
   * @return first months of new periods in time order
   */
  public List<Integer> firstMonthsOfNewPeriods() {
    return changePoints.stream().map(ChangePoint::firstOfNew).toList();
  }
}
