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
   * @param events whether the load staged events
   * @param aggregates whether the load staged aggregate rows
   */
  static void check(
      Statement st, String path, boolean events, boolean aggregates, LoadStatements sql)
      throws SQLException {
    // only what the load staged can clash: a load of events alone into a store without
    // aggregates (the common case, e.g. thousands of small GDELT files) needs no query
    String clash = null;
    if (aggregates) {
      clash =
          first(
              st,
              "SELECT DISTINCT s.source FROM temp.main.staging_aggregates s WHERE EXISTS (SELECT 1"
                  + " FROM events e WHERE e.source = s.source)");
    }
    if (clash == null && events && sql.aggregatesPresent(st)) {
      clash =
          first(
              st,
              "SELECT DISTINCT s.source FROM temp.main.staging s WHERE EXISTS (SELECT 1 FROM "
                  + Schema.AGGREGATES
                  + " a WHERE a.source = s.source)");
    }
    if (clash != null) {
      throw new SQLException(
          "source '"
              + clash
              + "' would hold both events and aggregate rows; import "
              + path
              + " under another name");
    }
    if (!aggregates) {
      return;
    }
    String mixed =
        first(
            st,
            "SELECT source FROM (SELECT source, freq FROM temp.main.staging_aggregates UNION SELECT"
                + " a.source, a.freq FROM "
                + Schema.AGGREGATES
                + " a WHERE a.source IN (SELECT source FROM temp.main.staging_aggregates)) GROUP BY"
                + " source HAVING count(DISTINCT freq) > 1");
    if (mixed != null) {
      throw new SQLException(
          "source '" + mixed + "' would hold rows of more than one frequency (" + path + ")");
    }
  }

  private static String first(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql + " LIMIT 1")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
