package org.entente.store.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.entente.cameo.Cameo;
import org.entente.ingest.FileReport;
import org.entente.ingest.GdeltLines;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.ingest.StoreTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When DuckDB's reader fails on a file ({@code BulkTsvLoad.Declined}: here a line of 3 MB, over
 * read_csv's default maximum line size) the row path loads it, and the store's connection is left
 * as it was: {@code preserve_insertion_order}, which the bulk read turns off for its statement, is
 * on again after the rollback (found by review: it stayed off).
 */
class BulkReadDeclineTest {
  @TempDir Path dir;

  private static String insertionOrder(DuckDbStore s) throws SQLException {
    try (Statement st = s.connection().createStatement();
        ResultSet rs = st.executeQuery("SELECT current_setting('preserve_insertion_order')")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void aReaderFailureLeavesTheConnectionAsItWas() throws Exception {
    List<String> rows = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      GdeltLines row = GdeltLines.row(i, "20190115");
      rows.add((i == 8 ? row.url("https://example.org/" + "y".repeat(3 << 20)) : row).v2());
    }
    Path f = dir.resolve("long.export.CSV");
    Files.writeString(f, String.join("\n", rows) + "\n");
    Path db = dir.resolve("s.duckdb");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      String before = insertionOrder(s);
      Ingestor in = new Ingestor(s, Cameo.bundled()).bulkFromBytes(0);
      FileReport r = in.ingestFile(f, IngestOptions.defaults(), IngestListener.NONE);
      assertEquals(FileReport.Status.LOADED, r.status(), r.message());
      assertEquals(50, r.stored());
      assertFalse(before.isEmpty());
      assertEquals("true", before);
      assertEquals(before, insertionOrder(s));
    }
    assertEquals(50, StoreTables.count(db, "SELECT count(*) FROM events"));
  }
}
