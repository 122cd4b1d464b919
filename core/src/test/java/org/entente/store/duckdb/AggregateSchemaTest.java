package org.entente.store.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.entente.ingest.StoreTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema version 4 adds the table of imported aggregates; older stores get it on first open. */
class AggregateSchemaTest {
  @TempDir Path tmp;

  @Test
  void openReadOnly_version3Store_migratesToVersion4WithAnEmptyAggregatesTable() throws Exception {
    Path db = tmp.resolve("v3.duckdb");
    DuckDbStore.open(db).close();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement st = c.createStatement()) {
      st.execute("DROP TABLE " + Schema.AGGREGATES);
      st.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'");
    }
    try (DuckDbStore s = DuckDbStore.openReadOnly(db)) {
      assertEquals(0, s.sources().size());
    }
    assertEquals(4, StoreTables.count(db, "SELECT value FROM meta WHERE key = 'schema_version'"));
    assertEquals(0, StoreTables.count(db, "SELECT count(*) FROM " + Schema.AGGREGATES));
  }
}
