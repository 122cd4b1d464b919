package org.entente.store;

import java.time.LocalDate;

/**
 * Sums over the events of one dyad in one period (METHODS §1.5).
 *
 * @param periodStart first day of the period (month, quarter or year)
 * @param n number of events (after deduplication, unweighted)
 * @param w1 summed weight of quad-1 events (verbal cooperation); likewise w2..w4
 * @param goldsteinWeightedSum Σ w·g
 * @param weightSum Σ w
 */
public record PeriodAggregate(
    LocalDate periodStart,
    long n,
    double w1,
    double w2,
    double w3,
    double w4,
    double goldsteinWeightedSum,
    double weightSum) {}
