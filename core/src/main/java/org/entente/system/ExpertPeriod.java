package org.entente.system;

import java.time.YearMonth;

/**
 * One period of an expert periodisation.
 *
 * @param scheme the periodisation, e.g. {@code rozman}
 * @param last last month, inclusive, or {@code null} if open-ended
 * @param seed the seed essay it comes from
 */
public record ExpertPeriod(
    String scheme,
    String name,
    YearMonth first,
    YearMonth last,
    String seed,
    String characterisation) {

  /** Whether {@code month} falls in this period. */
  public boolean contains(YearMonth month) {
    return !month.isBefore(first) && (last == null || !month.isAfter(last));
  }
}
