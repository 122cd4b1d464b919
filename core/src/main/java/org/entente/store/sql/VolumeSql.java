package org.entente.store.sql;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.entente.store.DyadQuery;
import org.entente.store.UnsupportedQueryException;

/**
 * The volume V of a pair A, B per period: the events with A or B as either actor's country, each
 * once, whatever the other actor (METHODS §1.5, the denominator of the intensity N/V). Read from
 * the events of a source ingested without an actor filter (every engine runs {@link #events}), or
 * from imported state volumes as V = volume(A) + volume(B) − the events between A and B.
 */
public final class VolumeSql {
  private VolumeSql() {}

  /**
   * Refuses what a volume cannot follow: V counts every event of the two states, unweighted and
   * undeduplicated, so N must too.
   *
   * @throws UnsupportedQueryException naming the option
   */
  public static void requirePlain(DyadQuery q) {
    List<String> options = new ArrayList<>();
    if (q.weighting() != DyadQuery.Weighting.NONE) {
      options.add("--weight " + q.weighting().optionName());
    }
    if (q.dedup() != DyadQuery.Dedup.NONE) {
      options.add("--dedup " + q.dedup().optionName());
    }
    if (q.stateOnly()) {
      options.add("--state-only");
    }
    if (q.dropStatements()) {
      options.add("--drop-statements");
    }
    if (!options.isEmpty()) {
      throw new UnsupportedQueryException(
          "the intensity N/V counts all events of the two states, unweighted and"
              + " undeduplicated (METHODS §1.5): leave out "
              + String.join(", ", options));
    }
    if (q.from() == null || q.to() == null) {
      throw new IllegalArgumentException("a volume needs a fixed range: " + q);
    }
  }

  /** {@code date_trunc}'s unit of the query's frequency. */
  static String unit(DyadQuery q) {
    return switch (q.frequency()) {
      case MONTH -> "month";
      case QUARTER -> "quarter";
      case YEAR -> "year";
    };
  }

  /**
   * Per period start (as a DATE), the number of events with either of the pair's countries as actor
   * 1 or actor 2, over the table {@code events}; takes {@link #eventParams}.
   */
  public static String events(DyadQuery q) {
    return "SELECT CAST(date_trunc('"
        + unit(q)
        + "', event_date) AS DATE) p, count(*) v FROM events WHERE "
        + (q.dataSource() == null ? "" : "source = ? AND ")
        + "event_date >= ? AND event_date <= ? AND (actor1_country IN (?, ?) OR"
        + " actor2_country IN (?, ?)) GROUP BY p ORDER BY p";
  }

  /** The parameters of {@link #events}. */
  public static List<Object> eventParams(DyadQuery q) {
    List<Object> p = new ArrayList<>();
    if (q.dataSource() != null) {
      p.add(q.dataSource());
    }
    p.add(Date.valueOf(q.from().atDay(1)));
    p.add(Date.valueOf(q.to().atEndOfMonth()));
    p.add(q.source());
    p.add(q.target());
    p.add(q.source());
    p.add(q.target());
    return p;
  }

  /**
   * Every period of the query's fixed range with {@code found}'s value, 0 where it has none (a
   * source of events observes every period).
   */
  public static java.util.SortedMap<java.time.LocalDate, Long> zeroFilled(
      DyadQuery q, java.util.Map<java.time.LocalDate, Long> found) {
    java.util.SortedMap<java.time.LocalDate, Long> out = new java.util.TreeMap<>();
    int step = q.frequency().months();
    java.time.YearMonth first = q.from();
    first = first.minusMonths((first.getMonthValue() - 1) % step);
    for (java.time.YearMonth m = first; !m.isAfter(q.to()); m = m.plusMonths(step)) {
      java.time.LocalDate start = m.atDay(1);
      out.put(start, found.getOrDefault(start, 0L));
    }
    return out;
  }

  /**
   * Per period start, V from imported state volumes ({@code volumes}) of the query's source: the
   * two states' volumes minus the pair's events in the source's dyad rows ({@code aggregates}, both
   * directions), in every native period the source has volume rows for; takes {@link
   * #importedParams}.
   */
  public static String imported(DyadQuery q) {
    String range = " AND period >= ? AND period <= ?";
    return "SELECT CAST(date_trunc('"
        + unit(q)
        + "', c.period) AS DATE) p, sum(coalesce(c.v, 0) - coalesce(d.pn, 0)) v FROM (SELECT"
        + " period, sum(n) FILTER (WHERE actor = ? OR actor = ?) v FROM volumes WHERE source = ?"
        + range
        + " GROUP BY period) c LEFT JOIN (SELECT period, sum(n) pn FROM aggregates WHERE source ="
        + " ? AND ((actor1 = ? AND actor2 = ?) OR (actor1 = ? AND actor2 = ?))"
        + range
        + " GROUP BY period) d ON c.period = d.period GROUP BY p ORDER BY p";
  }

  /**
   * The parameters of {@link #imported}.
   *
   * @param firstNative the first day of the native period holding the range's first month
   */
  public static List<Object> importedParams(DyadQuery q, java.time.LocalDate firstNative) {
    Date from = Date.valueOf(firstNative);
    Date to = Date.valueOf(q.to().atEndOfMonth());
    return List.of(
        q.source(),
        q.target(),
        q.dataSource(),
        from,
        to,
        q.dataSource(),
        q.source(),
        q.target(),
        q.target(),
        q.source(),
        from,
        to);
  }
}
