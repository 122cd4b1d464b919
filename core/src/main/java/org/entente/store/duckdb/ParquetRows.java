package org.entente.store.duckdb;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.entente.model.ChronologyEntry;
import org.entente.store.StoreException;

/**
 * Reads Parquet files row by row with DuckDB's reader (e.g. a Spark engine lake's files), and maps
 * rows shared by the store and a lake.
 */
public final class ParquetRows {
  private ParquetRows() {}

  /** What to do with each row. */
  public interface Consumer {
    void row(ResultSet rs) throws SQLException;
  }

  /**
   * Runs {@code SELECT columns FROM files ORDER BY order} and passes each row to {@code c}.
   *
   * @throws StoreException if a file cannot be read
   */
  public static void read(List<Path> files, String columns, String order, Consumer c) {
    if (files.isEmpty()) {
      return;
    }
    StringBuilder list = new StringBuilder();
    for (Path f : files) {
      list.append(list.length() == 0 ? "" : ", ").append('\'');
      list.append(f.toAbsolutePath().toString().replace("'", "''")).append('\'');
    }
    try (DuckDbStore mem = DuckDbStore.inMemory();
        Statement st = mem.connection().createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT "
                    + columns
                    + " FROM read_parquet(["
                    + list
                    + "], hive_partitioning = false) ORDER BY "
                    + order)) {
      while (rs.next()) {
        c.row(rs);
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read " + files.get(0).getParent() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The chronology entry in the current row of {@code rs}, whose columns are id, event_date,
   * precision, actor1, actor2, event_code, goldstein, quad_class, title, description, source and
   * tags (joined by {@code ;}), as the store's table {@code chronology} and a lake hold them.
   */
  public static ChronologyEntry chronologyEntry(ResultSet rs) throws SQLException {
    String tags = rs.getString(12);
    return new ChronologyEntry(
        rs.getString(1),
        rs.getObject(2, LocalDate.class),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getDouble(7),
        rs.getInt(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        tags == null || tags.isEmpty() ? List.of() : List.of(tags.split(";")));
  }
}
