package org.entente.store;

import java.time.YearMonth;

/** An inclusive range of months. */
public record MonthRange(YearMonth first, YearMonth last) {
  public MonthRange {
    if (first.isAfter(last)) {
      throw new IllegalArgumentException("range starts after it ends: " + first + ".." + last);
    }
  }

  /** The smallest range holding every one of {@code ranges}; empty if there are none. */
  public static java.util.Optional<MonthRange> span(Iterable<MonthRange> ranges) {
    YearMonth lo = null;
    YearMonth hi = null;
    for (MonthRange r : ranges) {
      lo = lo == null || r.first().isBefore(lo) ? r.first() : lo;
      hi = hi == null || r.last().isAfter(hi) ? r.last() : hi;
    }
    return lo == null ? java.util.Optional.empty() : java.util.Optional.of(new MonthRange(lo, hi));
  }
}
