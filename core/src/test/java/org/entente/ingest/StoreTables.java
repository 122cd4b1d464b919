package org.entente.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a closed DuckDB store file with plain JDBC, to check what the store really holds (events,
 * rejects, files) independently of the store's own API.
 */
public final class StoreTables {
  private StoreTables() {}

  /** The single number a query returns, e.g. {@code SELECT count(*) FROM events}. */
  public static long count(Path db, String sql) {
    List<List<String>> r = rows(db, sql);
    return Long.parseLong(r.get(0).get(0));
  }

  /** All rows of a query, every value as a string ({@code null} for SQL NULL). */
  public static List<List<String>> rows(Path db, String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      List<List<String>> out = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("query failed on " + db + ": " + sql, e);
    }
  }

  /**
   * Every row of every table of the store, sorted: two equal snapshots mean the store holds the
   * same data.
   */
  public static Map<String, List<List<String>>> snapshot(Path db) {
    Map<String, List<List<String>>> out = new TreeMap<>();
    for (List<String> t :
        rows(
            db,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND"
                + " table_type = 'BASE TABLE' ORDER BY 1")) {
      out.put(t.get(0), rows(db, "SELECT * FROM \"" + t.get(0) + "\" ORDER BY ALL"));
    }
    return out;
  }

  /** Row counts of events, rejects and files, in that order. */
  public static List<Long> tableCounts(Path db) {
    return List.of(
        count(db, "SELECT count(*) FROM events"),
        count(db, "SELECT count(*) FROM rejects"),
        count(db, "SELECT count(*) FROM files"));
  }
}
