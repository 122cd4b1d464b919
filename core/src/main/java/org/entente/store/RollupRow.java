package org.entente.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the rollup interchange format ({@code docs/rollup-format.md}): the additive quantities
 * of one dyad in one period of a source. Every quantity is {@code null} when the source lacks it
 * (absent, not zero).
 *
 * @param source the source's name
 * @param freq the native frequency
 * @param period the period's first day
 * @param actor1 actor 1 country code (ISO-3 / CAMEO); for an undirected row the smaller code
 * @param actor2 actor 2 country code; for an undirected row the larger code
 * @param directed whether the row counts actor1→actor2 only
 * @param n number of events, or {@code null}
 * @param w1 verbal cooperation events (quad 1), or {@code null}; likewise w2..w4
 * @param goldsteinSum Σ Goldstein over the events, or {@code null}
 * @param score an external score of the period, or {@code null}
 * @param coverage share of the period's days present, in (0, 1], or {@code null} for 1
 */
public record RollupRow(
    String source,
    RollupFrequency freq,
    LocalDate period,
    String actor1,
    String actor2,
    boolean directed,
    Long n,
    Double w1,
    Double w2,
    Double w3,
    Double w4,
    Double goldsteinSum,
    Double score,
    Double coverage) {

  /** The interchange format's columns, in order: a public interface, keep them exactly. */
  public static final java.util.List<String> COLUMNS =
      java.util.List.of(
          "source",
          "freq",
          "period",
          "actor1",
          "actor2",
          "directed",
          "n",
          "w1",
          "w2",
          "w3",
          "w4",
          "goldstein_sum",
          "score",
          "coverage");

  /**
   * The column version 2 of the format adds at the end: {@code dyad} (or empty) for a dyad row,
   * {@code volume} for a state volume row ({@link VolumeRow}).
   */
  public static final String KIND = "kind";

  /** The columns of version 2, in order: {@link #COLUMNS} and {@link #KIND}. */
  public static final java.util.List<String> COLUMNS_V2 =
      java.util.stream.Stream.concat(COLUMNS.stream(), java.util.stream.Stream.of(KIND)).toList();

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the dyad is not two different actors, an undirected row's
   *     actors are not in order, the period does not start its frequency's period, a count is
   *     negative, a quantity is not a number of magnitude below {@link #LIMIT}, or the coverage is
   *     outside (0, 1]
   */
  public RollupRow {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(freq, "freq");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(actor1, "actor1");
    Objects.requireNonNull(actor2, "actor2");
    if (actor1.equals(actor2)) {
      throw new IllegalArgumentException("a dyad needs two different actors: " + actor1);
    }
    if (!directed && actor1.compareTo(actor2) > 0) {
      throw new IllegalArgumentException(
          "an undirected row names the smaller code first: " + actor2 + "," + actor1);
    }
    if (freq.parsePeriod(freq.label(period)).compareTo(period) != 0) {
      throw new IllegalArgumentException(period + " does not start a " + freq.word());
    }
    if (n != null && n < 0) {
      throw new IllegalArgumentException("n is negative: " + n);
    }
    for (Double w : new Double[] {w1, w2, w3, w4}) {
      if (w != null && (w < 0 || w.isNaN() || w.isInfinite())) {
        throw new IllegalArgumentException("a quad count is negative or not a number: " + w);
      }
    }
    if (coverage != null && !(coverage > 0 && coverage <= 1)) {
      throw new IllegalArgumentException("coverage " + coverage + " is not in (0, 1]");
    }
    bounded("w1", w1);
    bounded("w2", w2);
    bounded("w3", w3);
    bounded("w4", w4);
    bounded("goldstein_sum", goldsteinSum);
    bounded("score", score);
  }

  /**
   * The largest magnitude of a quantity the store sums (10^15): sums are exact in 128-bit units of
   * 2^-60 ({@link org.entente.store.sql.ExactSum}), which hold 10^5 such values of one period; two
   * values of 1.5e308 summed to infinity, an empty value in a yearly series.
   */
  public static final double LIMIT = 1e15;

  /**
   * Refuses a quantity that is not a finite number of magnitude below {@link #LIMIT}.
   *
   * @throws IllegalArgumentException naming the column and the value
   */
  static void bounded(String column, Double x) {
    if (x != null && !(Math.abs(x) < LIMIT)) {
      throw new IllegalArgumentException(
          column
              + " "
              + x
              + " is not a number below 10^15 in magnitude (the largest the store sums)");
    }
  }

  /** The quantities this row has. */
  public java.util.Set<Quantity> quantities() {
    java.util.EnumSet<Quantity> q = java.util.EnumSet.noneOf(Quantity.class);
    if (n != null) {
      q.add(Quantity.N);
    }
    if (w1 != null && w2 != null && w3 != null && w4 != null) {
      q.add(Quantity.QUADS);
    }
    if (goldsteinSum != null) {
      q.add(Quantity.GOLDSTEIN);
    }
    if (score != null) {
      q.add(Quantity.SCORE);
    }
    return q;
  }
}
