package org.entente.store.duckdb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The store-wide rules a load must keep, checked inside its transaction before anything is written:
 * a name is either an event source or an aggregate source, never both, and an aggregate source has
 * one native frequency. Importers reject offending rows first; this is the guard that keeps a store
 * consistent whatever the caller did.
 */
final class SourceConflicts {
  private SourceConflicts() {}

  /**
   * @param events the relation of the events the load stores (the staging table, or the load's rows
   *     of {@code events}), or null when it stores none
   * @param aggregates whether the load staged aggregate rows
   * @param volumes whether the load staged state volume rows
   */
  static void check(
      Statement st,
      String path,
      String events,
      boolean aggregates,
      boolean volumes,
      LoadStatements sql)
      throws SQLException {
    // only what the load staged can clash: a load of events alone into a store without
    // aggregates (the common case, e.g. thousands of small GDELT files) needs no query
    String staged = stagedSources(aggregates, volumes);
    String clash = null;
    if (staged != null) {
      clash =
          first(
              st,
              "SELECT DISTINCT s.source FROM ("
                  + staged
                  + ") s WHERE EXISTS (SELECT 1 FROM events e WHERE e.source = s.source)");
    }
    if (clash == null && events != null && sql.aggregatesPresent(st)) {
      clash =
          first(
              st,
              "SELECT DISTINCT s.source FROM "
                  + events
                  + " s WHERE EXISTS (SELECT 1 FROM "
                  + Schema.AGGREGATES
                  + " a WHERE a.source = s.source) OR EXISTS (SELECT 1 FROM "
                  + Schema.VOLUMES
                  + " v WHERE v.source = s.source)");
    }
    if (clash != null) {
      throw new SQLException(
          "source '"
              + clash
              + "' would hold both events and aggregate rows ("
              + path
              + "): keep them apart, by importing the aggregates under another name (import"
              + " --source NAME) or by using another store (--db)");
    }
    if (staged == null) {
      return;
    }
    String mixed =
        first(
            st,
            "SELECT source FROM ("
                + staged
                + " UNION SELECT a.source, a.freq FROM "
                + Schema.AGGREGATES
                + " a WHERE a.source IN (SELECT source FROM ("
                + staged
                + ")) UNION SELECT v.source, v.freq FROM "
                + Schema.VOLUMES
                + " v WHERE v.source IN (SELECT source FROM ("
                + staged
                + "))) GROUP BY source HAVING count(DISTINCT freq) > 1");
    if (mixed != null) {
      throw new SQLException(
          "source '" + mixed + "' would hold rows of more than one frequency (" + path + ")");
    }
    if (aggregates) {
      // a pair's rows of one source are all directed or all undirected (the rows of one file are
      // checked as they are read; this covers rows already stored)
      String pair =
          "SELECT source, least(actor1, actor2) AS a, greatest(actor1, actor2) AS b, directed";
      String both =
          first(
              st,
              "SELECT source || ' ' || a || '-' || b FROM ("
                  + pair
                  + " FROM temp.main.staging_aggregates UNION "
                  + pair
                  + " FROM "
                  + Schema.AGGREGATES
                  + " WHERE source IN (SELECT source FROM temp.main.staging_aggregates)) GROUP BY"
                  + " source, a, b HAVING count(DISTINCT directed) > 1");
      if (both != null) {
        throw new SQLException(
            "source and pair '"
                + both
                + "' would hold both directed and undirected rows ("
                + path
                + "): a pair's rows of one source are all directed or all undirected");
      }
    }
  }

  /** The (source, freq) pairs the load staged as aggregate or volume rows, or null for none. */
  private static String stagedSources(boolean aggregates, boolean volumes) {
    String a = "SELECT source, freq FROM temp.main.staging_aggregates";
    String v = "SELECT source, freq FROM temp.main.staging_volumes";
    if (aggregates && volumes) {
      return a + " UNION " + v;
    }
    return aggregates ? a : volumes ? v : null;
  }

  private static String first(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql + " LIMIT 1")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
