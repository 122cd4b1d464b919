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
 * <p>Per native period the rows of the dyad are summed first (an undirected query over a directed
 * source adds both directions; their coverage is the larger of the two), then per target period:
 *
 * <pre>
 * X(P)        = Σ_{p ⊂ P} X(p)            for n, w1..w4, goldstein_sum, score (additive)
 * coverage(P) = Σ_{p ⊂ P} days(p)·cov(p) / days(P)   (cov empty = 1; periods without a row add 0)
 * </pre>
 *
 * so coverage is the day-weighted share of the target period the source covers. A finer period than
 * the native one cannot be computed and is refused (e.g. monthly from yearly counts).
 */
final class ImportedSql {
  private final String sql;
  private final String extentSql;
  private final List<Object> params;

  private ImportedSql(String sql, String extentSql, List<Object> params) {
    this.sql = sql;
    this.extentSql = extentSql;
    this.params = params;
  }

  /**
   * The SQL of {@code q} over an aggregate source of native frequency {@code nativeFreq}.
   *
   * @throws IllegalArgumentException if {@code q} asks for a finer frequency, event weights,
   *     deduplication or event filters, which aggregates cannot give
   */
  static ImportedSql of(DyadQuery q, RollupFrequency nativeFreq) {
    String name = q.dataSource();
    if (!nativeFreq.canServe(q.frequency())) {
      throw new IllegalArgumentException(
          "source '"
              + name
              + "' holds "
              + nativeFreq.adjective()
              + " rows: a "
              + q.frequency().name().toLowerCase(java.util.Locale.ROOT)
              + "ly series cannot be computed from "
              + nativeFreq.adjective()
              + " counts (e.g. no monthly from yearly counts); use --freq year");
    }
    if (q.weighting() != DyadQuery.Weighting.NONE
        || q.dedup() != DyadQuery.Dedup.NONE
        || q.stateOnly()
        || q.dropStatements()) {
      throw new IllegalArgumentException(
          "source '"
              + name
              + "' is an imported aggregate: event weights (--weight), deduplication (--dedup),"
              + " --state-only and --drop-statements need individual events");
    }
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder("source = ?");
    params.add(name);
    if (q.directed()) {
      where.append(" AND directed AND actor1 = ? AND actor2 = ?");
      params.add(q.source());
      params.add(q.target());
    } else {
      where.append(" AND ((actor1 = ? AND actor2 = ?) OR (actor1 = ? AND actor2 = ?))");
      params.add(q.source());
      params.add(q.target());
      params.add(q.target());
      params.add(q.source());
    }
    if (q.from() != null) {
      where.append(" AND period >= ?");
      params.add(Date.valueOf(start(nativeFreq, q.from().atDay(1))));
    }
    if (q.to() != null) {
      where.append(" AND period <= ?");
      params.add(Date.valueOf(q.to().atEndOfMonth()));
    }
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
    String perNative =
        "SELECT period, CAST(date_trunc('"
            + unit
            + "', period) AS DATE) p, sum(n) n, sum(w1) w1, sum(w2) w2, sum(w3) w3, sum(w4) w4,"
            + " fsum(goldstein_sum) g, fsum(score) score, max(coalesce(coverage, 1.0)) *"
            + " (CAST(period + "
            + nativeLength
            + " AS DATE) - period) cov_days FROM "
            + Schema.AGGREGATES
            + " WHERE "
            + where
            + " GROUP BY period";
    String sql =
        "SELECT p, sum(n), fsum(w1), fsum(w2), fsum(w3), fsum(w4), fsum(g), fsum(score),"
            + " sum(cov_days) / (CAST(p + "
            + length
            + " AS DATE) - p) FROM ("
            + perNative
            + ") GROUP BY p ORDER BY p";
    String extent =
        "SELECT min(period), max(CAST(period + "
            + nativeLength
            + " AS DATE) - 1) FROM "
            + Schema.AGGREGATES
            + " WHERE "
            + where;
    return new ImportedSql(sql, extent, params);
  }

  private static LocalDate start(RollupFrequency f, LocalDate day) {
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

  /** Per aggregate source as {@link org.entente.store.SourceInfo} wants it. */
  static final String SOURCES =
      "SELECT source, count(*), min(period), max(CASE freq WHEN 'day' THEN period WHEN 'month' THEN"
          + " CAST(period + INTERVAL 1 MONTH AS DATE) - 1 ELSE CAST(period + INTERVAL 1 YEAR AS"
          + " DATE) - 1 END), any_value(freq), count(DISTINCT least(actor1, actor2) || '-' ||"
          + " greatest(actor1, actor2)) FROM "
          + Schema.AGGREGATES
          + " GROUP BY source";

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
