package org.entente.store.duckdb;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.entente.store.DyadQuery;
import org.entente.store.RollupFrequency;

/**
 * SQL over the imported aggregates ({@code aggregates}) of one source, for a dyad query at the
 * source's native frequency or coarser.
 *
 * <p>A native period is covered when the source has a row in it for any dyad (its coverage the
 * largest given); in a covered period a dyad without a row had no events (0), outside them every
 * period is a gap. Per native period the dyad's rows are summed first (an undirected query over a
 * directed source adds both directions), then per target period:
 *
 * <pre>
 * X(P)        = Σ_{p ⊂ P} X(p)            for n, w1..w4, goldstein_sum, score (additive)
 * coverage(P) = Σ_{p ⊂ P} days(p)·cov(p) / days(P)   (cov empty = 1; uncovered periods add 0)
 * </pre>
 *
 * so coverage is the day-weighted share of the target period the source covers. A finer period than
 * the native one cannot be computed and is refused (e.g. monthly from yearly counts).
 */
final class ImportedSql {
  /**
   * The exact sum of a DOUBLE expression ({@link org.entente.store.sql.ExactSum}): imported rows
   * summed in any order give the same bits, and a sum beyond the units' range is an error, not
   * infinity (values are below {@link org.entente.store.RollupRow#LIMIT}).
   */
  private static String exact(String expr) {
    return org.entente.store.sql.ExactSum.sum(expr, null);
  }

  private final String sql;
  private final String extentSql;
  private final List<Object> params;
  private final List<Object> extentParams;

  private ImportedSql(
      String sql, String extentSql, List<Object> params, List<Object> extentParams) {
    this.sql = sql;
    this.extentSql = extentSql;
    this.params = params;
    this.extentParams = extentParams;
  }

  /**
   * The SQL of {@code q} over an aggregate source of native frequency {@code nativeFreq}.
   *
   * @throws IllegalArgumentException if {@code q} asks for a finer frequency, event weights,
   *     deduplication or event filters, which aggregates cannot give
   */
  static ImportedSql of(DyadQuery q, RollupFrequency nativeFreq) {
    String name = q.dataSource();
    requireCoarser(q, nativeFreq);
    if (q.weighting() != DyadQuery.Weighting.NONE
        || q.dedup() != DyadQuery.Dedup.NONE
        || q.stateOnly()
        || q.dropStatements()) {
      throw new org.entente.store.UnsupportedQueryException(
          "source '"
              + name
              + "' is an imported aggregate: event weights (--weight), deduplication (--dedup),"
              + " --state-only and --drop-statements need individual events");
    }
    List<Object> rangeParams = new ArrayList<>();
    StringBuilder range = new StringBuilder();
    if (q.from() != null) {
      range.append(" AND period >= ?");
      rangeParams.add(Date.valueOf(start(nativeFreq, q.from().atDay(1))));
    }
    if (q.to() != null) {
      range.append(" AND period <= ?");
      rangeParams.add(Date.valueOf(q.to().atEndOfMonth()));
    }
    List<Object> pairParams = new ArrayList<>();
    StringBuilder where = new StringBuilder("source = ?");
    pairParams.add(name);
    if (q.directed()) {
      where.append(" AND directed AND actor1 = ? AND actor2 = ?");
      pairParams.add(q.source());
      pairParams.add(q.target());
    } else {
      where.append(" AND ((actor1 = ? AND actor2 = ?) OR (actor1 = ? AND actor2 = ?))");
      pairParams.add(q.source());
      pairParams.add(q.target());
      pairParams.add(q.target());
      pairParams.add(q.source());
    }
    where.append(range);
    pairParams.addAll(rangeParams);
    List<Object> params = new ArrayList<>();
    params.add(name);
    params.addAll(rangeParams);
    params.addAll(pairParams);
    String nativeLength = "INTERVAL 1 " + nativeFreq.word().toUpperCase(java.util.Locale.ROOT);
    String unit;
    String length;
    switch (q.frequency()) {
      case MONTH -> {
        unit = "month";
        length = "INTERVAL 1 MONTH";
      }
      case QUARTER -> {
        unit = "quarter";
        length = "INTERVAL 3 MONTH";
      }
      case YEAR -> {
        unit = "year";
        length = "INTERVAL 1 YEAR";
      }
      default -> throw new IllegalStateException(q.frequency().name());
    }
    // a native period is covered when the source has a row in it for any dyad; a covered period
    // without a row of this dyad holds no events of it (0), an uncovered one is a gap
    String cover =
        "SELECT period, max(coalesce(coverage, 1.0)) * (CAST(period + "
            + nativeLength
            + " AS DATE) - period) cov_days FROM "
            + Schema.AGGREGATES
            + " WHERE source = ?"
            + range
            + " GROUP BY period";
    String dyad =
        "SELECT period, sum(n) n, "
            + exact("w1")
            + " w1, "
            + exact("w2")
            + " w2, "
            + exact("w3")
            + " w3, "
            + exact("w4")
            + " w4, "
            + exact("goldstein_sum")
            + " g, "
            + exact("score")
            + " score FROM "
            + Schema.AGGREGATES
            + " WHERE "
            + where
            + " GROUP BY period";
    String sums =
        "SELECT CAST(date_trunc('"
            + unit
            + "', c.period) AS DATE) p, sum(coalesce(d.n, 0)) n, "
            + exact("coalesce(d.w1, 0)")
            + " w1, "
            + exact("coalesce(d.w2, 0)")
            + " w2, "
            + exact("coalesce(d.w3, 0)")
            + " w3, "
            + exact("coalesce(d.w4, 0)")
            + " w4, "
            + exact("coalesce(d.g, 0)")
            + " g, "
            + exact("coalesce(d.score, 0)")
            + " score, sum(c.cov_days) cov_days FROM ("
            + cover
            + ") c LEFT JOIN ("
            + dyad
            + ") d ON c.period = d.period GROUP BY p";
    String sql =
        "SELECT p, n, w1, w2, w3, w4, g, score, cov_days / (CAST(p + "
            + length
            + " AS DATE) - p) FROM ("
            + sums
            + ") ORDER BY p";
    String extent =
        "SELECT min(period), max(CAST(period + "
            + nativeLength
            + " AS DATE) - 1) FROM "
            + Schema.AGGREGATES
            + " WHERE "
            + where;
    return new ImportedSql(sql, extent, params, pairParams);
  }

  /**
   * Refuses a query finer than its aggregate source's native frequency (e.g. monthly from yearly
   * counts).
   *
   * @throws org.entente.store.UnsupportedQueryException naming the frequencies
   */
  static void requireCoarser(DyadQuery q, RollupFrequency nativeFreq) {
    if (nativeFreq.canServe(q.frequency())) {
      return;
    }
    String asked =
        switch (q.frequency()) {
          case MONTH -> "monthly";
          case QUARTER -> "quarterly";
          case YEAR -> "yearly";
        };
    throw new org.entente.store.UnsupportedQueryException(
        "source '"
            + q.dataSource()
            + "' holds "
            + nativeFreq.adjective()
            + " rows and a series is never finer than its source (no "
            + asked
            + " from "
            + nativeFreq.adjective()
            + " counts): read it at --freq year");
  }

  /** The first day of the native period holding {@code day}. */
  static LocalDate start(RollupFrequency f, LocalDate day) {
    return switch (f) {
      case DAY -> day;
      case MONTH -> day.withDayOfMonth(1);
      case YEAR -> day.withDayOfYear(1);
    };
  }

  /**
   * Whether the source holds undirected rows of the pair only (a directed query then has nothing to
   * read): parameters source, a, b, b, a.
   */
  static final String UNDIRECTED_ONLY =
      "SELECT count(*) FILTER (WHERE directed), count(*) FROM "
          + Schema.AGGREGATES
          + " WHERE source = ? AND ((actor1 = ? AND actor2 = ?) OR (actor1 = ? AND actor2 = ?))";

  /**
   * Per aggregate source: native frequency, rows, and whether every row has n, all of w1..w4,
   * goldstein_sum and score.
   */
  static final String SOURCE_TRAITS =
      "SELECT source, any_value(freq), count(*), bool_and(n IS NOT NULL), bool_and(w1 IS NOT NULL"
          + " AND w2 IS NOT NULL AND w3 IS NOT NULL AND w4 IS NOT NULL), bool_and(goldstein_sum IS"
          + " NOT NULL), bool_and(score IS NOT NULL) FROM "
          + Schema.AGGREGATES
          + " GROUP BY source";

  /**
   * Per aggregate source: rows, and rows with n, with all of w1..w4, with goldstein_sum and with
   * score.
   */
  static final String QUANTITY_COUNTS =
      "SELECT source, count(*), count(n), count(*) FILTER (WHERE w1 IS NOT NULL AND w2 IS NOT NULL"
          + " AND w3 IS NOT NULL AND w4 IS NOT NULL), count(goldstein_sum), count(score) FROM "
          + Schema.AGGREGATES
          + " GROUP BY source ORDER BY source";

  /**
   * Per aggregate source as {@link org.entente.store.SourceInfo} wants it. Its dyads are the pairs
   * that answer: held by every file of the source with held rows ({@code held_pairs}; a file whose
   * held rows were all rejected, marked by an empty pair, holds none), as {@link
   * org.entente.store.ActorFilters#leftOut} refuses the others.
   */
  static final String SOURCES =
      "SELECT source, 'AGGREGATE', count(*), min(period), max(CASE freq WHEN 'day' THEN period WHEN 'month' THEN"
          + " CAST(period + INTERVAL 1 MONTH AS DATE) - 1 ELSE CAST(period + INTERVAL 1 YEAR AS"
          + " DATE) - 1 END), any_value(freq), count(DISTINCT least(actor1, actor2) || '-' ||"
          + " greatest(actor1, actor2)) FILTER (WHERE (SELECT count(DISTINCT file_id) FROM "
          + Schema.HELD_PAIRS
          + " h WHERE h.source = a.source AND h.actor1 = least(a.actor1, a.actor2) AND h.actor2 ="
          + " greatest(a.actor1, a.actor2)) = (SELECT count(DISTINCT file_id) FROM "
          + Schema.HELD_PAIRS
          + " h WHERE h.source = a.source)) FROM "
          + Schema.AGGREGATES
          + " a GROUP BY source";

  String aggregate() {
    return sql;
  }

  String extent() {
    return extentSql;
  }

  void bind(PreparedStatement ps) throws SQLException {
    bind(ps, params);
  }

  void bindExtent(PreparedStatement ps) throws SQLException {
    bind(ps, extentParams);
  }

  private static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setObject(i + 1, values.get(i));
    }
  }
}
