package org.entente.analyse.series;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.entente.analyse.AnalysisException;
import org.entente.measure.Period;
import org.entente.store.DyadQuery.Frequency;

/**
 * A series an analysis runs on: one value per consecutive period, from the store (a dyad's score)
 * or from an external CSV file (a column). Undefined values are NaN.
 *
 * @param label what the series is, e.g. {@code RUS-PRK} or {@code trade.csv:exports}
 * @param origin {@code store} or the file it was read from
 * @param score the score name ({@code s6}, ...) or the file's column name
 * @param frequency the period length
 * @param periods consecutive periods of that frequency, in order
 * @param values one value per period, NaN where undefined
 * @param events events per period for a store series; {@code null} for an external one
 */
public record AnalysisSeries(
    String label,
    String origin,
    String score,
    Frequency frequency,
    List<Period> periods,
    double[] values,
    long[] events) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if a reference other than {@code events} is null
   * @throws IllegalArgumentException if the lengths differ or the periods are not consecutive
   */
  public AnalysisSeries {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(frequency, "frequency");
    periods = List.copyOf(periods);
    values = values.clone();
    events = events == null ? null : events.clone();
    if (values.length != periods.size() || (events != null && events.length != values.length)) {
      throw new IllegalArgumentException("periods, values and events must have the same length");
    }
    for (int i = 0; i < periods.size(); i++) {
      Period p = periods.get(i);
      if (p.frequency() != frequency || (i > 0 && !periods.get(i - 1).next().equals(p))) {
        throw new IllegalArgumentException("periods must be consecutive " + frequency + "s");
      }
    }
  }

  /** A copy of the values. */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** A copy of the event counts, or {@code null} for an external series. */
  @Override
  public long[] events() {
    return events == null ? null : events.clone();
  }

  /** The number of periods. */
  public int length() {
    return values.length;
  }

  /** Whether the series has no periods. */
  public boolean isEmpty() {
    return values.length == 0;
  }

  /**
   * Whether period {@code i} has data: events for a store series, a defined value for an external
   * one.
   */
  public boolean hasData(int i) {
    return events != null ? events[i] > 0 : !Double.isNaN(values[i]);
  }

  /** The number of periods with data (see {@link #hasData(int)}). */
  public int periodsWithData() {
    int k = 0;
    for (int i = 0; i < values.length; i++) {
      if (hasData(i)) {
        k++;
      }
    }
    return k;
  }

  /** Total events, or -1 for an external series. */
  public long totalEvents() {
    if (events == null) {
      return -1;
    }
    long s = 0;
    for (long e : events) {
      s += e;
    }
    return s;
  }

  /** The number of undefined (NaN) values. */
  public int undefined() {
    int k = 0;
    for (double v : values) {
      if (Double.isNaN(v)) {
        k++;
      }
    }
    return k;
  }

  /**
   * The position of a period, or -1 if it is outside the series.
   *
   * @param p a period of this series' frequency
   * @return its index
   */
  public int indexOf(Period p) {
    if (periods.isEmpty() || p.frequency() != frequency) {
      return -1;
    }
    Period first = periods.get(0);
    int months =
        (p.first().getYear() - first.first().getYear()) * 12
            + p.first().getMonthValue()
            - first.first().getMonthValue();
    int step = frequency.months();
    int i = Math.floorDiv(months, step);
    return months % step == 0 && i >= 0 && i < periods.size() ? i : -1;
  }

  /**
   * The sub-series from period index {@code from} (inclusive) to {@code to} (exclusive).
   *
   * @throws IndexOutOfBoundsException if the range is outside the series
   */
  public AnalysisSeries slice(int from, int to) {
    double[] v = java.util.Arrays.copyOfRange(values, from, to);
    long[] e = events == null ? null : java.util.Arrays.copyOfRange(events, from, to);
    return new AnalysisSeries(
        label, origin, score, frequency, new ArrayList<>(periods.subList(from, to)), v, e);
  }

  /**
   * The values with undefined periods filled.
   *
   * @param imputation how to fill
   * @return a gap-free copy of the values
   * @throws AnalysisException naming the series and its first undefined period if {@code
   *     imputation} is {@link Imputation#NONE} and a value is undefined, or if no value is defined
   */
  public double[] filled(Imputation imputation) {
    try {
      return imputation.fill(values);
    } catch (IllegalStateException e) {
      int k = undefined();
      int i = firstIndex();
      String first = i < 0 ? "" : periods.get(i).label();
      if (k == values.length) {
        throw new AnalysisException(
            "series " + label + " (" + score + ") has no defined value to work with", e);
      }
      throw new AnalysisException(
          "series "
              + label
              + " ("
              + score
              + ") has "
              + k
              + " undefined period(s), the first "
              + first
              + reasonUndefined(i, score),
          e);
    }
  }

  /** Index of the first undefined period, or -1. */
  private int firstIndex() {
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Why period {@code i} is undefined and what to do: no value in a file; no events, where a score
   * defined without events (s6) is an alternative; or, for s6 (defined without events), a period
   * the source did not observe (a gap of an imported aggregate), where only an imputation helps.
   */
  private String reasonUndefined(int i, String score) {
    if (events == null) {
      return " (no value in the file); choose an imputation (zero, carry or linear)";
    }
    if (i >= 0 && events[i] == 0 && !"s6".equals(score)) {
      return " (no events); choose an imputation (zero, carry or linear) or a score defined for"
          + " empty periods (s6)";
    }
    return " (a period the source did not observe); choose an imputation (zero, carry or linear)";
  }
}
