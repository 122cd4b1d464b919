package org.entente.store.sql;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.entente.store.RollupFrequency;

/**
 * The rollup interchange format ({@code docs/rollup-format.md}) computed from the events: per
 * source, period and ordered pair of actor countries, the event count, the unweighted count per
 * quad class and the Goldstein sum. Undeduplicated and unweighted: the additive quantities any
 * consumer can re-aggregate. The BigQuery SQL in {@code docs/bigquery/} computes the same from
 * GDELT's public tables. Version 2 of the format adds each state's volume per period: its events
 * with any actor (the denominator of the intensity N/V, METHODS §1.5).
 */
public final class ExportSql {
  private ExportSql() {}

  /** The rollup of the table {@code events} in DuckDB's dialect. */
  public static String rollup(RollupFrequency freq) {
    return rollup(freq, Dialect.DUCKDB);
  }

  /** The rollup of the table {@code events} in {@code dialect}, ordered by its key (version 1). */
  public static String rollup(RollupFrequency freq, Dialect dialect) {
    return dyads(freq, dialect, "", "") + " ORDER BY source, period, actor1, actor2";
  }

  /**
   * The rollup of version 2: the dyad rows of {@link #rollup} ({@code kind} = {@code dyad}), then
   * for each source in {@code volumeSources} and period, one row per state with its volume ({@code
   * kind} = {@code volume}): the events with the state as actor 1 or actor 2 country, each event
   * once (an event of a state with itself counts once; one whose other actor has no country counts
   * too), with their quad counts and Goldstein sum.
   *
   * @param volumeSources the sources whose volumes to write (sources ingested with every actor)
   */
  public static String rollupWithVolumes(
      RollupFrequency freq, Dialect dialect, Collection<String> volumeSources) {
    return rollupWithKinds(freq, dialect, volumeSources, java.util.Map.of());
  }

  /**
   * What {@code export rollup} writes: version 1 ({@link #rollup(RollupFrequency, Dialect)}) when
   * there are neither volumes nor held pairs to write, else {@link #rollupWithKinds}.
   */
  public static String forExport(
      RollupFrequency freq,
      Dialect dialect,
      Collection<String> volumeSources,
      java.util.Map<String, ? extends Collection<String>> held) {
    return volumeSources.isEmpty() && held.isEmpty()
        ? rollup(freq, dialect)
        : rollupWithKinds(freq, dialect, volumeSources, held);
  }

  /**
   * The rollup of version 2 ({@link #rollupWithVolumes}), and of version 3 when {@code held} names
   * sources: for each, one row of kind {@code held} per pair its events are held for (period,
   * quantities empty, directed false), so that a store importing the file refuses the other pairs
   * instead of reading them as zero events.
   *
   * @param held per source whose files read with {@code --actors} left dyads out, its held pairs as
   *     {@link org.entente.store.HeldPairs#key}s: its dyad rows are those of these pairs only (the
   *     events of another pair are partial: some of its files left them out), and a source that
   *     holds no pair in full is left out (no held row could say so)
   */
  public static String rollupWithKinds(
      RollupFrequency freq,
      Dialect dialect,
      Collection<String> volumeSources,
      java.util.Map<String, ? extends Collection<String>> held) {
    String restricted =
        held.keySet().stream().map(ExportSql::literal).collect(Collectors.joining(", "));
    String keys =
        held.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(p -> literal(e.getKey() + ":" + p)))
            .collect(Collectors.joining(", "));
    String sql =
        dyads(
            freq,
            dialect,
            ", 'dyad' AS kind",
            restricted.isEmpty()
                ? ""
                : " AND (source NOT IN ("
                    + restricted
                    + ")"
                    + (keys.isEmpty()
                        ? ""
                        : " OR source || ':' || least(actor1_country, actor2_country) || '-' ||"
                            + " greatest(actor1_country, actor2_country) IN ("
                            + keys
                            + ")")
                    + ")");
    List<String> rows = new java.util.ArrayList<>();
    held.forEach(
        (source, pairs) -> {
          for (String p : pairs) {
            String[] ab = p.split("-", 2);
            rows.add("(" + literal(source) + ", " + literal(ab[0]) + ", " + literal(ab[1]) + ")");
          }
        });
    if (!rows.isEmpty()) {
      sql +=
          " UNION ALL SELECT source, '"
              + freq.word()
              + "' AS freq, CAST(NULL AS STRING) AS period, actor1, actor2, false AS directed,"
              + " CAST(NULL AS BIGINT) AS n, CAST(NULL AS BIGINT) AS w1, CAST(NULL AS BIGINT) AS"
              + " w2, CAST(NULL AS BIGINT) AS w3, CAST(NULL AS BIGINT) AS w4, CAST(NULL AS DOUBLE)"
              + " AS goldstein_sum, CAST(NULL AS DOUBLE) AS score, CAST(NULL AS DOUBLE) AS"
              + " coverage, 'held' AS kind FROM "
              + dialect.values(rows, "h", "source, actor1, actor2");
    }
    if (!volumeSources.isEmpty()) {
      String in =
          " AND source IN ("
              + volumeSources.stream().map(ExportSql::literal).collect(Collectors.joining(", "))
              + ")";
      sql +=
          " UNION ALL SELECT source, '"
              + freq.word()
              + "' AS freq, "
              + period(freq, dialect)
              + " AS period, actor AS actor1, CAST(NULL AS STRING) AS actor2, CAST(NULL AS"
              + " BOOLEAN) AS directed, "
              + counts(dialect)
              + ", 'volume' AS kind FROM (SELECT source, event_date, quad_class, goldstein,"
              + " actor1_country AS actor FROM events WHERE actor1_country IS NOT NULL"
              + in
              + " UNION ALL SELECT source, event_date, quad_class, goldstein, actor2_country AS"
              + " actor FROM events WHERE actor2_country IS NOT NULL AND (actor1_country IS NULL"
              + " OR actor1_country <> actor2_country)"
              + in
              + ") v GROUP BY source, period, actor";
    }
    return sql + " ORDER BY kind, source, period, actor1, actor2";
  }

  /**
   * The sources with events from a file ingested with an actor filter ({@code files.actor_filter}):
   * their volumes would count only the events inside the filter.
   *
   * @param filteredFiles an SQL set expression of the file_ids loaded with a filter, e.g. a
   *     subquery or a list of literals
   */
  public static String filteredSources(String filteredFiles) {
    return "SELECT DISTINCT source FROM events WHERE file_id IN (" + filteredFiles + ")";
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static String dyads(
      RollupFrequency freq, Dialect dialect, String extra, String condition) {
    return "SELECT source, '"
        + freq.word()
        + "' AS freq, "
        + period(freq, dialect)
        + " AS period, actor1_country AS actor1, actor2_country AS actor2, true AS directed, "
        + counts(dialect)
        + extra
        + " FROM events WHERE actor1_country IS NOT NULL AND actor2_country IS NOT NULL AND"
        + " actor1_country <> actor2_country"
        + condition
        + " GROUP BY source, period, actor1, actor2";
  }

  private static String period(RollupFrequency freq, Dialect dialect) {
    String format =
        switch (freq) {
          case DAY -> "%Y-%m-%d";
          case MONTH -> "%Y-%m";
          case YEAR -> "%Y";
        };
    return dialect.format("date_trunc('" + freq.word() + "', event_date)", format);
  }

  private static String counts(Dialect dialect) {
    return "count(*) AS n, count(*) FILTER (WHERE quad_class = 1) AS w1, count(*) FILTER (WHERE"
        + " quad_class = 2) AS w2, count(*) FILTER (WHERE quad_class = 3) AS w3, count(*) FILTER"
        + " (WHERE quad_class = 4) AS w4, "
        + dialect.sum("goldstein")
        + " AS goldstein_sum, CAST(NULL AS DOUBLE) AS score, CAST(NULL AS DOUBLE) AS coverage";
  }
}
