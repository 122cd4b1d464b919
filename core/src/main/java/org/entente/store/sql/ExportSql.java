package org.entente.store.sql;

import org.entente.store.RollupFrequency;

/**
 * The rollup interchange format ({@code docs/rollup-format.md}) computed from the events: per
 * source, period and ordered pair of actor countries, the event count, the unweighted count per
 * quad class and the Goldstein sum. Undeduplicated and unweighted: the additive quantities any
 * consumer can re-aggregate. The BigQuery SQL in {@code docs/bigquery/} computes the same from
 * GDELT's public tables.
 */
public final class ExportSql {
  private ExportSql() {}

  /** The rollup of the table {@code events} in DuckDB's dialect. */
  public static String rollup(RollupFrequency freq) {
    return rollup(freq, Dialect.DUCKDB);
  }

  /** The rollup of the table {@code events} in {@code dialect}, ordered by its key. */
  public static String rollup(RollupFrequency freq, Dialect dialect) {
    String format =
        switch (freq) {
          case DAY -> "%Y-%m-%d";
          case MONTH -> "%Y-%m";
          case YEAR -> "%Y";
        };
    return "SELECT source, '"
        + freq.word()
        + "' AS freq, "
        + dialect.format("date_trunc('" + freq.word() + "', event_date)", format)
        + " AS period, actor1_country AS actor1, actor2_country AS actor2, true AS directed,"
        + " count(*) AS n, count(*) FILTER (WHERE quad_class = 1) AS w1, count(*) FILTER (WHERE"
        + " quad_class = 2) AS w2, count(*) FILTER (WHERE quad_class = 3) AS w3, count(*) FILTER"
        + " (WHERE quad_class = 4) AS w4, "
        + dialect.sum("goldstein")
        + " AS goldstein_sum, CAST(NULL AS DOUBLE)"
        + " AS score, CAST(NULL AS DOUBLE) AS coverage FROM events WHERE actor1_country IS NOT"
        + " NULL AND actor2_country IS NOT NULL AND actor1_country <> actor2_country GROUP BY"
        + " source, period, actor1, actor2 ORDER BY source, period, actor1, actor2";
  }
}
