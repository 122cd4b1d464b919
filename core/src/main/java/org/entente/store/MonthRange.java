package org.entente.store;

import java.time.YearMonth;

/** An inclusive range of months. */
public record MonthRange(YearMonth first, YearMonth last) {
  public MonthRange {
    if (first.isAfter(last)) {
      throw new IllegalArgumentException("range starts after it ends: " + first + ".." + last);
    }
  }
}
