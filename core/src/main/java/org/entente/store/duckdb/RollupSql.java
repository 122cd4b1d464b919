package org.entente.store.duckdb;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.entente.store.DyadQuery;
import org.entente.store.sql.AggregateSql;
import org.entente.store.sql.DyadPredicate;

/**
 * The dyad-month rollup: per (data source, actor-1 country, actor-2 country, month, quad class,
 * state-actor flag, root-event flag, statement flag) the event count, Σg, and Σw and Σw·g for every
 * weighting. It is kept up to date in the same transaction as each file load, so a dyad aggregate
 * without daily or same-URL deduplication (those need the events themselves) reads a few hundred
 * rollup rows instead of scanning every event: on a store of 10 million events this turns a
 * several-hundred-millisecond scan into milliseconds. Sums are exact reorderings of the event-level
 * sums (checked against {@link AggregateSql} by {@code RollupSqlTest}).
 */
final class RollupSql {
  static final String TABLE = "dyad_months";

  static final String COLUMNS =
      "source VARCHAR NOT NULL, actor1_country VARCHAR NOT NULL, actor2_country VARCHAR NOT NULL, month DATE NOT NULL,"
          + " quad_class TINYINT NOT NULL, state_actors BOOLEAN NOT NULL, root_event BOOLEAN NOT"
          + " NULL, statement BOOLEAN NOT NULL, n BIGINT NOT NULL, g_sum DOUBLE NOT NULL,"
          + " w_articles DOUBLE NOT NULL, wg_articles DOUBLE NOT NULL, w_sources DOUBLE NOT NULL,"
          + " wg_sources DOUBLE NOT NULL, w_mentions DOUBLE NOT NULL, wg_mentions DOUBLE NOT NULL,"
          + " w_logmentions DOUBLE NOT NULL, wg_logmentions DOUBLE NOT NULL, PRIMARY KEY"
          + " (source, actor1_country, actor2_country, month, quad_class, state_actors, root_event,"
          + " statement)";

  private static final String[] SUMS = {
    "n",
    "g_sum",
    "w_articles",
    "wg_articles",
    "w_sources",
    "wg_sources",
    "w_mentions",
    "wg_mentions",
    "w_logmentions",
    "wg_logmentions"
  };

  private final String sql;
  private final String extentSql;
  private final List<Object> params;

  private RollupSql(String sql, String extentSql, List<Object> params) {
    this.sql = sql;
    this.extentSql = extentSql;
    this.params = params;
  }

  /**
   * The rollup rows of the events in {@code relation} (a table with the events' columns). The
   * weights are those of {@link AggregateSql}; the flags are the state-only, statement and root
   * filters of {@link DyadQuery}, so every combination of them can be answered by summing rows.
   */
  static String rollupOf(String relation) {
    return "SELECT source, actor1_country, actor2_country, CAST(date_trunc('month', event_date) AS DATE),"
        + " quad_class, coalesce(actor1_type IN ('GOV', 'MIL') AND actor2_type IN ('GOV',"
        + " 'MIL'), false), coalesce(is_root, true), root_code = '01', count(*), sum(goldstein),"
        + weighted("coalesce(num_articles, 1)")
        + ","
        + weighted("coalesce(num_sources, 1)")
        + ","
        + weighted("coalesce(num_mentions, 1)")
        + ","
        + weighted("coalesce(ln(1 + num_mentions), 1.0)")
        + " FROM "
        + relation
        + " WHERE actor1_country IS NOT NULL AND actor2_country IS NOT NULL GROUP BY 1, 2, 3, 4, 5,"
        + " 6, 7, 8";
  }

  private static String weighted(String w) {
    return " sum(" + w + "), sum(" + w + " * goldstein)";
  }

  /** Adds the rollup of {@code relation} to the table (an upsert that adds the sums). */
  static String mergeFrom(String relation) {
    StringBuilder set = new StringBuilder();
    for (String c : SUMS) {
      set.append(set.length() == 0 ? "" : ", ").append(c).append(" = ").append(c);
      set.append(" + EXCLUDED.").append(c);
    }
    return "INSERT INTO "
        + TABLE
        + " "
        + rollupOf(relation)
        + " ON CONFLICT (source, actor1_country, actor2_country, month, quad_class, state_actors,"
        + " root_event, statement) DO UPDATE SET "
        + set;
  }

  /** Whether the rollup can answer {@code q} (it cannot deduplicate by day or URL). */
  static boolean supports(DyadQuery q) {
    return q.dedup() == DyadQuery.Dedup.NONE || q.dedup() == DyadQuery.Dedup.ROOT;
  }

  static RollupSql of(DyadQuery q) {
    if (!supports(q)) {
      throw new IllegalArgumentException("the rollup cannot deduplicate by " + q.dedup());
    }
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder();
    DyadPredicate.append(q, where, params);
    if (q.from() != null) {
      where.append(" AND month >= ?");
      params.add(Date.valueOf(q.from().atDay(1)));
    }
    if (q.to() != null) {
      where.append(" AND month <= ?");
      params.add(Date.valueOf(q.to().atDay(1)));
    }
    if (q.stateOnly()) {
      where.append(" AND state_actors");
    }
    if (q.dropStatements()) {
      where.append(" AND NOT statement");
    }
    if (q.dedup() == DyadQuery.Dedup.ROOT) {
      where.append(" AND root_event");
    }
    String w;
    String wg;
    switch (q.weighting()) {
      case NONE -> {
        w = "CAST(n AS DOUBLE)";
        wg = "g_sum";
      }
      case ARTICLES -> {
        w = "w_articles";
        wg = "wg_articles";
      }
      case SOURCES -> {
        w = "w_sources";
        wg = "wg_sources";
      }
      case MENTIONS -> {
        w = "w_mentions";
        wg = "wg_mentions";
      }
      case LOGMENTIONS -> {
        w = "w_logmentions";
        wg = "wg_logmentions";
      }
      default -> throw new IllegalStateException(q.weighting().name());
    }
    String unit =
        switch (q.frequency()) {
          case MONTH -> "month";
          case QUARTER -> "quarter";
          case YEAR -> "year";
        };
    StringBuilder quads = new StringBuilder();
    for (int k = 1; k <= 4; k++) {
      quads.append(" coalesce(sum(").append(w).append(") FILTER (WHERE quad_class = ");
      quads.append(k).append("), 0),");
    }
    String sql =
        "SELECT CAST(date_trunc('"
            + unit
            + "', month) AS DATE) p, sum(n),"
            + quads
            + " coalesce(sum("
            + wg
            + "), 0), coalesce(sum("
            + w
            + "), 0) FROM "
            + TABLE
            + " WHERE "
            + where
            + " GROUP BY p HAVING sum(n) > 0 ORDER BY p";
    String extent =
        "SELECT min(month), max(month) FROM " + TABLE + " WHERE " + where + " AND n > 0";
    return new RollupSql(sql, extent, params);
  }

  String aggregate() {
    return sql;
  }

  String extent() {
    return extentSql;
  }

  void bind(PreparedStatement ps) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
  }
}
