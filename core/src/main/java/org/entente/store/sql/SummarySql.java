package org.entente.store.sql;

/**
 * The statements of a store's summary and source list over its tables {@code events} and {@code
 * rejects}, common to every engine.
 */
public final class SummarySql {
  private SummarySql() {}

  /** Events per source: source, count, ordered by source. */
  public static final String EVENTS_BY_SOURCE =
      "SELECT source, count(*) FROM events GROUP BY source ORDER BY source";

  /**
   * Events per undirected dyad of two different countries: a, b (a &lt; b), a→b, b→a; the busiest
   * first.
   */
  public static final String EVENTS_BY_DYAD =
      "SELECT least(actor1_country, actor2_country) a, greatest(actor1_country,"
          + " actor2_country) b, count(*) FILTER (WHERE actor1_country <="
          + " actor2_country) ab, count(*) FILTER (WHERE actor1_country >"
          + " actor2_country) ba FROM events WHERE actor1_country IS NOT NULL AND"
          + " actor2_country IS NOT NULL AND actor1_country <> actor2_country GROUP BY"
          + " 1, 2 ORDER BY ab + ba DESC, a, b";

  /** Rejected rows per reason: reason, count; the most frequent first. */
  public static final String REJECTS_BY_REASON =
      "SELECT reason, count(*) FROM rejects GROUP BY reason ORDER BY count(*) DESC, reason";

  /** First and last event date (null without events). */
  public static final String EXTENT = "SELECT min(event_date), max(event_date) FROM events";

  /**
   * Each event source as a {@link org.entente.store.SourceInfo}: name, kind, rows, first, last,
   * frequency, distinct undirected dyads of two different countries.
   */
  public static final String EVENT_SOURCES =
      "SELECT source, 'EVENTS', count(*), min(event_date), max(event_date), 'event',"
          + " count(DISTINCT CASE WHEN actor1_country IS NOT NULL AND actor2_country IS NOT NULL"
          + " AND actor1_country <> actor2_country THEN least(actor1_country, actor2_country) ||"
          + " '-' || greatest(actor1_country, actor2_country) END) FROM events GROUP BY source";
}
