package org.entente.measure;

import java.time.LocalDate;
import java.time.YearMonth;
import org.entente.store.DyadQuery.Frequency;

/**
 * A month, quarter or year, labelled {@code YYYY-MM}, {@code YYYY-Qn} or {@code YYYY}.
 *
 * @param first first month of the period
 */
public record Period(Frequency frequency, YearMonth first) implements Comparable<Period> {

  /** The period of this frequency containing {@code month}. */
  public static Period containing(Frequency f, YearMonth month) {
    return switch (f) {
      case MONTH -> new Period(f, month);
      case QUARTER ->
          new Period(f, YearMonth.of(month.getYear(), ((month.getMonthValue() - 1) / 3) * 3 + 1));
      case YEAR -> new Period(f, YearMonth.of(month.getYear(), 1));
    };
  }

  /** The period of this frequency containing {@code day}. */
  public static Period containing(Frequency f, LocalDate day) {
    return containing(f, YearMonth.from(day));
  }

  /** The following period. */
  public Period next() {
    return new Period(frequency, first.plusMonths(months()));
  }

  /** Last month of the period. */
  public YearMonth last() {
    return first.plusMonths(months() - 1);
  }

  private int months() {
    return switch (frequency) {
      case MONTH -> 1;
      case QUARTER -> 3;
      case YEAR -> 12;
    };
  }

  /** {@code 2024-06}, {@code 2024-Q2} or {@code 2024}. */
  public String label() {
    return switch (frequency) {
      case MONTH -> first.toString();
      case QUARTER -> first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1);
      case YEAR -> Integer.toString(first.getYear());
    };
  }

  @Override
  public int compareTo(Period o) {
    return first.compareTo(o.first);
  }

  @Override
  public String toString() {
    return label();
  }
}
