package org.entente.store.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.entente.ingest.StoreTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 4 adds the table of imported aggregates, version 5 the GDELT 2.0 mentions, version
 * 6 imported state volumes; older stores get them on first open.
 */
class AggregateSchemaTest {
  @TempDir Path tmp;

  @Test
  void openReadOnly_version3Store_migratesWithAnEmptyAggregatesTable() throws Exception {
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
    assertEquals(
        Schema.VERSION,
        StoreTables.count(db, "SELECT value FROM meta WHERE key = 'schema_version'"));
    assertEquals(0, StoreTables.count(db, "SELECT count(*) FROM " + Schema.AGGREGATES));
  }

  @Test
  void openReadOnly_version4Store_migratesWithMentionsAndTheirView() throws Exception {
    Path db = tmp.resolve("v4.duckdb");
    DuckDbStore.open(db).close();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement st = c.createStatement()) {
      st.execute("DROP VIEW event_mentions");
      st.execute("DROP TABLE " + Schema.MENTIONS);
      st.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'");
    }
    try (DuckDbStore s = DuckDbStore.openReadOnly(db)) {
      assertEquals(0, s.mentions().rows());
    }
    assertEquals(
        Schema.VERSION,
        StoreTables.count(db, "SELECT value FROM meta WHERE key = 'schema_version'"));
    assertEquals(0, StoreTables.count(db, "SELECT count(*) FROM event_mentions"));
  }

  @Test
  void openReadOnly_version5Store_migratesTo6WithAVolumesTable() throws Exception {
    Path db = tmp.resolve("v5.duckdb");
    DuckDbStore.open(db).close();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement st = c.createStatement()) {
      st.execute("DROP TABLE " + Schema.VOLUMES);
      st.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'");
    }
    try (DuckDbStore s = DuckDbStore.openReadOnly(db)) {
      assertEquals(0, s.volumeRows().size());
    }
    assertEquals(6, StoreTables.count(db, "SELECT value FROM meta WHERE key = 'schema_version'"));
    assertEquals(0, StoreTables.count(db, "SELECT count(*) FROM " + Schema.VOLUMES));
  }
}
