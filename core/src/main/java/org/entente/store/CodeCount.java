package org.entente.store;

import java.time.YearMonth;
import java.util.Objects;

/**
 * The events of one directed dyad with one event code in one month, after a query's filters and
 * deduplication: the event-level detail the transactional-versus-strategic components need (METHODS
 * §6).
 *
 * @param month the calendar month
 * @param source actor 1 country code
 * @param target actor 2 country code
 * @param eventCode the CAMEO event code, leading zeros kept
 * @param quadClass the quad class 1..4 stored with these events
 * @param events number of events (unweighted)
 * @param weight summed event weight under the query's weighting
 * @param betweenGovernments events whose two actors both have type GOV
 */
public record CodeCount(
    YearMonth month,
    String source,
    String target,
    String eventCode,
    int quadClass,
    long events,
    double weight,
    long betweenGovernments) {

  /**
   * Validates.
   *
   * @throws NullPointerException if a reference is null
   */
  public CodeCount {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(eventCode, "eventCode");
  }
}
