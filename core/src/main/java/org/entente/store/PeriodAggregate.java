package org.entente.store;

import java.time.LocalDate;

/**
 * Sums over the events of one dyad in one period (METHODS §1.5), or over an imported aggregate's
 * rows of that period. A quantity the source lacks ({@link EventStore#quantities}) is NaN (0 for
 * {@code n}).
 *
 * @param periodStart first day of the period (month, quarter or year)
 * @param n number of events (after deduplication, unweighted)
 * @param w1 summed weight of quad-1 events (verbal cooperation); likewise w2..w4
 * @param goldsteinWeightedSum Σ w·g
 * @param weightSum Σ w
 * @param score the summed external score of an aggregate, NaN without one
 * @param coverage the share of the period's days the source covers: 1 for event sources; for an
 *     aggregate Σ days(native period) × coverage(native period) / days(period)
 */
public record PeriodAggregate(
    LocalDate periodStart,
    long n,
    double w1,
    double w2,
    double w3,
    double w4,
    double goldsteinWeightedSum,
    double weightSum,
    double score,
    double coverage) {

  /** The sums of an event source (no external score, full coverage). */
  public PeriodAggregate(
      LocalDate periodStart,
      long n,
      double w1,
      double w2,
      double w3,
      double w4,
      double goldsteinWeightedSum,
      double weightSum) {
    this(periodStart, n, w1, w2, w3, w4, goldsteinWeightedSum, weightSum, Double.NaN, 1.0);
  }
}
