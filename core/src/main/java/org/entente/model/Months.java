package org.entente.model;

import java.time.YearMonth;

/**
 * Months as users write them ({@code --from}, {@code --to}, the API's {@code from} and {@code to}),
 * parsed in one place for the CLI and the API: {@code YYYY-MM}, or {@code YYYY} for January (or
 * December at the end of a range), with ASCII digits, in the years events can have ({@link
 * #MIN_YEAR}..{@link #MAX_YEAR}, the same bounds the parsers put on event dates).
 */
public final class Months {
  /** Earliest year an event may have. */
  public static final int MIN_YEAR = 1900;

  /** Latest year an event may have. */
  public static final int MAX_YEAR = 2100;

  private Months() {}

  /**
   * The month {@code s} names, or null for null or blank.
   *
   * @param endOfYear whether a bare year means its December (the end of a range)
   * @throws IllegalArgumentException naming the value and what is wrong with it
   */
  public static YearMonth parse(String s, boolean endOfYear) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.strip();
    boolean year = t.length() == 4 && digits(t, 0, 4);
    boolean month = t.length() == 7 && digits(t, 0, 4) && t.charAt(4) == '-' && digits(t, 5, 7);
    if (!year && !month) {
      throw new IllegalArgumentException("'" + s + "' is not a month (YYYY-MM or YYYY)");
    }
    int y = Integer.parseInt(t.substring(0, 4));
    int m = year ? (endOfYear ? 12 : 1) : Integer.parseInt(t.substring(5, 7));
    if (m < 1 || m > 12) {
      throw new IllegalArgumentException("'" + s + "' is not a month: months run 01 to 12");
    }
    if (y < MIN_YEAR || y > MAX_YEAR) {
      throw new IllegalArgumentException(
          "'"
              + s
              + "' is outside the years events can have ("
              + MIN_YEAR
              + " to "
              + MAX_YEAR
              + ")");
    }
    return YearMonth.of(y, m);
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
