package org.entente.store;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The native frequency of a row of the rollup interchange format ({@code docs/rollup-format.md}): a
 * day, a calendar month or a calendar year. A period is stored as its first day.
 */
public enum RollupFrequency {
  DAY,
  MONTH,
  YEAR;

  /**
   * The word used in the {@code freq} column and in options: {@code day}, {@code month}, {@code
   * year}.
   */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code day}, {@code month} or {@code year}.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static RollupFrequency parse(String s) {
    for (RollupFrequency f : values()) {
      if (f.word().equals(s.trim().toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown frequency '" + s + "' (expected day, month or year)");
  }

  /**
   * Parses a {@code --freq} option: {@code day}, {@code month} or {@code year}, with the aliases
   * every {@code --freq} takes ({@link FrequencyWords}); the interchange format's {@code freq}
   * column takes the three words only ({@link #parse}).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static RollupFrequency option(String s) {
    try {
      return parse(FrequencyWords.canonical(s));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown frequency '" + s + "' (expected day, month or year)", e);
    }
  }

  /**
   * The first day of the period written {@code text}: {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code
   * YYYY} for a day, month or year.
   *
   * @throws IllegalArgumentException if the text is not a period of this frequency
   */
  public LocalDate parsePeriod(String text) {
    String t = text.trim();
    try {
      return switch (this) {
        case DAY -> {
          if (t.length() != 10) {
            throw new DateTimeParseException("not YYYY-MM-DD", t, 0);
          }
          yield LocalDate.parse(t);
        }
        case MONTH -> {
          if (t.length() != 7) {
            throw new DateTimeParseException("not YYYY-MM", t, 0);
          }
          yield YearMonth.parse(t).atDay(1);
        }
        case YEAR -> {
          if (!t.matches("[0-9]{4}")) {
            throw new DateTimeParseException("not YYYY", t, 0);
          }
          yield LocalDate.of(Integer.parseInt(t), 1, 1);
        }
      };
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "period '" + t + "' is not a " + word() + " (expected " + pattern() + ")");
    }
  }

  /** {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}. */
  public String pattern() {
    return switch (this) {
      case DAY -> "YYYY-MM-DD";
      case MONTH -> "YYYY-MM";
      case YEAR -> "YYYY";
    };
  }

  /** The label of the period starting on {@code start}, in {@link #pattern()}. */
  public String label(LocalDate start) {
    return switch (this) {
      case DAY -> start.toString();
      case MONTH -> YearMonth.from(start).toString();
      case YEAR -> Integer.toString(start.getYear());
    };
  }

  /** Whether a series of frequency {@code f} can be summed from periods of this frequency. */
  public boolean canServe(DyadQuery.Frequency f) {
    return switch (this) {
      case DAY, MONTH -> true;
      case YEAR -> f == DyadQuery.Frequency.YEAR;
    };
  }

  /** The adverb used in messages: daily, monthly, yearly. */
  public String adjective() {
    return switch (this) {
      case DAY -> "daily";
      case MONTH -> "monthly";
      case YEAR -> "yearly";
    };
  }
}
