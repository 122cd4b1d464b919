package org.entente.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A state volume row of the rollup interchange format, version 2 ({@code kind} = {@code volume},
 * {@code docs/rollup-format.md}): how many of the source's events in one period have the state as
 * either actor (each event once, whatever the other actor is, none included). The denominator V of
 * the intensity N/V (METHODS §1.5): for a pair A, B, V = volume(A) + volume(B) − the events between
 * A and B in either direction.
 *
 * @param source the source's name
 * @param freq the native frequency
 * @param period the period's first day
 * @param actor the state's country code (ISO-3 / CAMEO)
 * @param n number of events, or {@code null}
 * @param w1 events of quad class 1 (verbal cooperation), or {@code null}; likewise w2..w4
 * @param goldsteinSum Σ Goldstein over the events, or {@code null}
 */
public record VolumeRow(
    String source,
    RollupFrequency freq,
    LocalDate period,
    String actor,
    Long n,
    Double w1,
    Double w2,
    Double w3,
    Double w4,
    Double goldsteinSum) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the period does not start its frequency's period, n is
   *     negative or missing, or a quad count is negative or not a number
   */
  public VolumeRow {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(freq, "freq");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(actor, "actor");
    if (freq.parsePeriod(freq.label(period)).compareTo(period) != 0) {
      throw new IllegalArgumentException(period + " does not start a " + freq.word());
    }
    if (n == null) {
      throw new IllegalArgumentException("a volume row needs n, the number of events");
    }
    if (n < 0) {
      throw new IllegalArgumentException("n is negative: " + n);
    }
    for (Double w : new Double[] {w1, w2, w3, w4}) {
      if (w != null && (w < 0 || w.isNaN() || w.isInfinite())) {
        throw new IllegalArgumentException("a quad count is negative or not a number: " + w);
      }
    }
    RollupRow.bounded("w1", w1);
    RollupRow.bounded("w2", w2);
    RollupRow.bounded("w3", w3);
    RollupRow.bounded("w4", w4);
    RollupRow.bounded("goldstein_sum", goldsteinSum);
  }
}
