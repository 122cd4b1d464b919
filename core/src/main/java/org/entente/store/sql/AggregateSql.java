package org.entente.store.sql;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.entente.store.DyadQuery;

/**
 * SQL for a dyad aggregate (METHODS §1.4–1.5): filters in the order actors → state-only →
 * statements → deduplication, then per-period sums of weights by quad class and of w·g. Every
 * engine runs these same statements over its table {@code events}, in its {@link Dialect}; the
 * {@code ?} markers take {@link #params()} in order.
 */
public final class AggregateSql {
  private final DyadQuery q;
  private final Dialect dialect;
  private final String base;
  private final List<Object> params;
  private final String filtered;
  private final List<Object> filteredParams;

  private AggregateSql(
      DyadQuery q,
      Dialect dialect,
      String base,
      List<Object> params,
      String filtered,
      List<Object> filteredParams) {
    this.q = q;
    this.dialect = dialect;
    this.base = base;
    this.params = params;
    this.filtered = filtered;
    this.filteredParams = filteredParams;
  }

  /**
   * The group of {@code --dedup url}: the source URL when it is a web address (http or https), else
   * the event alone. GDELT 1.0 carries placeholders such as "BBC Monitoring" in SOURCEURL (4,971 of
   * the Georgia files' 105,444 rows); grouping by them merged distinct events months apart.
   */
  static final String URL_KEY =
      "CASE WHEN lower(source_url) LIKE 'http://%' OR lower(source_url) LIKE 'https://%' THEN"
          + " source_url ELSE source || ':' || source_event_id || ':' || event_date END";

  /** The statements of {@code q} in DuckDB's dialect. */
  public static AggregateSql of(DyadQuery q) {
    return of(q, Dialect.DUCKDB);
  }

  /** The statements of {@code q} in {@code dialect}. */
  public static AggregateSql of(DyadQuery q, Dialect dialect) {
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder();
    DyadPredicate.append(q, where, params);
    // The range is applied before grouping except for --dedup url, whose groups can span months: a
    // group is the event of its first date, weighing the maximum over the whole group, so the range
    // must select groups, not the rows of a group.
    StringBuilder range = new StringBuilder();
    List<Object> rangeParams = new ArrayList<>();
    if (q.from() != null) {
      range.append(" AND event_date >= ?");
      rangeParams.add(Date.valueOf(q.from().atDay(1)));
    }
    if (q.to() != null) {
      range.append(" AND event_date <= ?");
      rangeParams.add(Date.valueOf(q.to().atEndOfMonth()));
    }
    boolean byUrl = q.dedup() == DyadQuery.Dedup.URL;
    if (!byUrl) {
      where.append(range);
      params.addAll(rangeParams);
    }
    if (q.stateOnly()) {
      where.append(" AND actor1_type IN ('GOV', 'MIL') AND actor2_type IN ('GOV', 'MIL')");
    }
    if (q.dropStatements()) {
      where.append(" AND root_code <> '01'");
    }
    if (q.dedup() == DyadQuery.Dedup.ROOT) {
      where.append(" AND coalesce(is_root, true)");
    }
    String w =
        switch (q.weighting()) {
          case NONE -> "1.0";
          case ARTICLES -> "coalesce(num_articles, 1)";
          case SOURCES -> "coalesce(num_sources, 1)";
          case MENTIONS -> "coalesce(num_mentions, 1)";
          case LOGMENTIONS -> "coalesce(ln(1 + num_mentions), 1.0)";
          case ALLMENTIONS -> "coalesce(em.nm, 0)";
        };
    String from =
        q.weighting() == DyadQuery.Weighting.ALLMENTIONS
            ? "events LEFT JOIN (SELECT global_event_id gid, count(*) nm FROM mentions"
                + " GROUP BY global_event_id) em ON source = 'gdelt2' AND em.gid ="
                + " TRY_CAST(source_event_id AS BIGINT)"
            : "events";
    String filtered =
        "SELECT event_date, actor1_country, actor2_country, event_code, quad_class q, goldstein g, "
            + w
            + " w, source_url, source, source_event_id, coalesce(actor1_type = 'GOV' AND"
            + " actor2_type = 'GOV', false) gov FROM "
            + from
            + " WHERE "
            + where;
    // a group's mean Goldstein score from its exact sum, so that it does not depend on the order
    // in which threads combine partial sums
    String mean = "(" + dialect.sum("g") + " / count(*))";
    String base =
        switch (q.dedup()) {
          case NONE, ROOT -> filtered;
          case DAILY ->
              "SELECT event_date, actor1_country, actor2_country, event_code, max(w) w, min(q) q, "
                  + mean
                  + " g, bool_or(gov) gov FROM ("
                  + filtered
                  + ") GROUP BY event_date, actor1_country, actor2_country, event_code";
          case URL ->
              "SELECT * FROM (SELECT min(event_date) event_date, actor1_country, actor2_country,"
                  + " event_code, max(w) w, min(q) q, "
                  + mean
                  + " g, bool_or(gov) gov FROM ("
                  + filtered
                  + ") GROUP BY "
                  + URL_KEY
                  + ", actor1_country, actor2_country, event_code) WHERE true"
                  + range;
        };
    // the events the query reads before deduplication, in its range (for --weight allmentions)
    List<Object> checkParams = new ArrayList<>(params);
    String check = filtered;
    if (byUrl) {
      check = "SELECT * FROM (" + filtered + ") WHERE true" + range;
      checkParams.addAll(rangeParams);
      params.addAll(rangeParams);
    }
    return new AggregateSql(q, dialect, base, params, check, checkParams);
  }

  /**
   * The number of events the query reads (before deduplication) and how many of them weigh 0 under
   * {@code --weight allmentions}: events without a row in the Mentions table.
   */
  public String unmentioned() {
    return "SELECT count(*), count(*) FILTER (WHERE w = 0) FROM (" + filtered + ")";
  }

  public void bindUnmentioned(PreparedStatement ps) throws SQLException {
    for (int i = 0; i < filteredParams.size(); i++) {
      ps.setObject(i + 1, filteredParams.get(i));
    }
  }

  /**
   * Per-period sums: period start, n, w1..w4, Σw·g, Σw (see {@link
   * org.entente.store.PeriodAggregate}), ordered by period.
   */
  public String aggregate() {
    String unit =
        switch (q.frequency()) {
          case MONTH -> "month";
          case QUARTER -> "quarter";
          case YEAR -> "year";
        };
    return "SELECT CAST(date_trunc('"
        + unit
        + "', event_date) AS DATE) p, count(*) n, coalesce("
        + dialect.sum("w", "q = 1")
        + ", 0), coalesce("
        + dialect.sum("w", "q = 2")
        + ", 0), coalesce("
        + dialect.sum("w", "q = 3")
        + ", 0), coalesce("
        + dialect.sum("w", "q = 4")
        + ", 0), coalesce("
        + dialect.sum("w * g")
        + ", 0), coalesce("
        + dialect.sum("w")
        + ", 0) FROM ("
        + base
        + ") GROUP BY p ORDER BY p";
  }

  /**
   * Per-month, per-direction, per-code counts (for {@link org.entente.store.CodeCount}): month,
   * actor 1 country, actor 2 country, event code, quad class, events, summed weight, events between
   * two GOV actors.
   */
  // Sums of doubles are Dialect.sum: exact in DuckDB, so the same query gives the same bits in
  // any run and any order of rows.

  public String codeCounts() {
    return "SELECT CAST(date_trunc('month', event_date) AS DATE) m, actor1_country, actor2_country,"
        + " event_code, q, count(*) n, coalesce("
        + dialect.sum("w")
        + ", 0), count(*) FILTER (WHERE gov) FROM ("
        + base
        + ") GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5";
  }

  /** First and last event date (both null without events). */
  public String extent() {
    return "SELECT min(event_date), max(event_date) FROM (" + base + ")";
  }

  /** The values of the statements' {@code ?} markers, in order. */
  public List<Object> params() {
    return Collections.unmodifiableList(params);
  }

  /** Binds {@link #params()} to a JDBC statement. */
  public void bind(PreparedStatement ps) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
  }
}
