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
 * 6 imported state volumes, version 7 the event-code rollup, version 8 the months of the rows an
 * actor filter left out, version 9 exact sums in both rollups, version 10 the pairs imported rollup
 * files hold; older stores get them on first open.
 */
class AggregateSchemaTest {
  @TempDir Path tmp;

  /**
   * A new store under {@code name}.duckdb taken back to schema {@code version} by {@code undo}
   * (statements that drop what later versions added).
   */
  private Path downgraded(String name, int version, String... undo) throws Exception {
    return downgraded(name, version, s -> {}, undo);
  }

  /** {@link #downgraded(String, int, String...)} of a store {@code fill} loaded first. */
  private Path downgraded(
      String name, int version, java.util.function.Consumer<DuckDbStore> fill, String... undo)
      throws Exception {
    Path db = tmp.resolve(name + ".duckdb");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      fill.accept(s);
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement st = c.createStatement()) {
      for (String sql : undo) {
        st.execute(sql);
      }
      st.execute("UPDATE meta SET value = '" + version + "' WHERE key = 'schema_version'");
    }
    return db;
  }

  @Test
  void openReadOnly_version3Store_migratesWithAnEmptyAggregatesTable() throws Exception {
    Path db = downgraded("v3", 3, "DROP TABLE " + Schema.AGGREGATES);
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
    Path db = downgraded("v4", 4, "DROP VIEW event_mentions", "DROP TABLE " + Schema.MENTIONS);
    try (DuckDbStore s = DuckDbStore.openReadOnly(db)) {
      assertEquals(0, s.mentions().rows());
    }
    assertEquals(
        Schema.VERSION,
        StoreTables.count(db, "SELECT value FROM meta WHERE key = 'schema_version'"));
    assertEquals(0, StoreTables.count(db, "SELECT count(*) FROM event_mentions"));
  }

  @Test
  void openReadOnly_version5Store_migratesWithAVolumesTable() throws Exception {
    Path db = downgraded("v5", 5, "DROP TABLE " + Schema.VOLUMES);
    try (DuckDbStore s = DuckDbStore.openReadOnly(db)) {
      assertEquals(0, s.volumeRows().size());
    }
    assertEquals(
        Schema.VERSION,
        StoreTables.count(db, "SELECT value FROM meta WHERE key = 'schema_version'"));
    assertEquals(0, StoreTables.count(db, "SELECT count(*) FROM " + Schema.VOLUMES));
  }

  @Test
  void openReadOnly_version6StoreWithEvents_migratesWithTheCodeRollupBuiltFromTheEvents()
      throws Exception {
    Path db =
        downgraded("v6", 6, s -> RollupSqlTest.fill(s, 11), "DROP TABLE " + CodeRollupSql.TABLE);
    org.entente.store.DyadQuery q = org.entente.store.DyadQuery.monthly("USA", "CHN");
    try (DuckDbStore s = DuckDbStore.openReadOnly(db)) {
      java.util.List<org.entente.store.CodeCount> codes = s.codeCounts(q);
      assertEquals(s.codeCountsFromEvents(q), codes);
      org.junit.jupiter.api.Assertions.assertTrue(codes.size() > 20, "codes: " + codes.size());
    }
    assertEquals(
        Schema.VERSION,
        StoreTables.count(db, "SELECT value FROM meta WHERE key = 'schema_version'"));
  }

  /**
   * Version 8 rollups held plain double sums; version 11 holds exact sums as BIGINT pairs: a
   * migrated store's rollups are rebuilt from its events (the version 8 tables here hold every sum
   * plus 1, so a kept table would show), and answer every weighting as the events do, bit for bit.
   */
  @Test
  void openReadOnly_version8Store_rebuildsBothRollupsWithExactSums() throws Exception {
    // version 8's columns (plain doubles), each its sum's high part plus 1: never the right value
    StringBuilder doubles = new StringBuilder("n");
    for (String c : RollupSql.SUMS) {
      doubles.append(", CAST(").append(c).append("_hi AS DOUBLE) + 1 ").append(c);
    }
    Path db =
        downgraded(
            "v8",
            8,
            s -> RollupSqlTest.fill(s, 12),
            "CREATE TABLE old AS SELECT source, actor1_country, actor2_country, month, quad_class,"
                + " state_actors, root_event, statement, "
                + doubles
                + " FROM "
                + RollupSql.TABLE,
            "DROP TABLE " + RollupSql.TABLE,
            "ALTER TABLE old RENAME TO " + RollupSql.TABLE,
            "CREATE TABLE old_codes AS SELECT source, actor1_country, actor2_country, month,"
                + " event_code, quad_class, state_actors, gov, root_event, statement, n,"
                + " CAST(w_articles_hi AS DOUBLE) + 1 w_articles, CAST(w_sources_hi AS DOUBLE) + 1"
                + " w_sources, CAST(w_mentions_hi AS DOUBLE) + 1 w_mentions, CAST(w_logmentions_hi"
                + " AS DOUBLE) + 1 w_logmentions FROM "
                + CodeRollupSql.TABLE,
            "DROP TABLE " + CodeRollupSql.TABLE,
            "ALTER TABLE old_codes RENAME TO " + CodeRollupSql.TABLE);
    assertEquals(
        "DOUBLE",
        StoreTables.rows(
                db,
                "SELECT data_type FROM information_schema.columns WHERE table_name = '"
                    + RollupSql.TABLE
                    + "' AND column_name = 'g_sum'")
            .get(0)
            .get(0));
    try (DuckDbStore s = DuckDbStore.openReadOnly(db)) {
      for (org.entente.store.DyadQuery.Weighting w :
          org.entente.store.DyadQuery.Weighting.values()) {
        if (w == org.entente.store.DyadQuery.Weighting.ALLMENTIONS) {
          continue;
        }
        org.entente.store.DyadQuery q =
            new org.entente.store.DyadQuery(
                "USA",
                "CHN",
                false,
                null,
                null,
                org.entente.store.DyadQuery.Frequency.MONTH,
                w,
                org.entente.store.DyadQuery.Dedup.NONE,
                false,
                false);
        java.util.List<org.entente.store.PeriodAggregate> got = s.aggregate(q);
        org.junit.jupiter.api.Assertions.assertFalse(got.isEmpty(), w.name());
        assertEquals(s.aggregateFromEvents(q), got, w.name());
        assertEquals(s.codeCountsFromEvents(q), s.codeCounts(q), w.name());
      }
    }
    assertEquals(
        Schema.VERSION,
        StoreTables.count(db, "SELECT value FROM meta WHERE key = 'schema_version'"));
    for (String t : new String[] {RollupSql.TABLE, CodeRollupSql.TABLE}) {
      assertEquals(
          "BIGINT",
          StoreTables.rows(
                  db,
                  "SELECT data_type FROM information_schema.columns WHERE table_name = '"
                      + t
                      + "' AND column_name = 'w_logmentions_hi'")
              .get(0)
              .get(0),
          t);
    }
  }

  @Test
  void openReadOnly_version9Store_migratesWithAnEmptyHeldPairsTable() throws Exception {
    Path db = downgraded("v9", 9, "DROP TABLE " + Schema.HELD_PAIRS);
    try (DuckDbStore s = DuckDbStore.openReadOnly(db)) {
      assertEquals(java.util.List.of(), s.heldPairs());
    }
    assertEquals(
        Schema.VERSION,
        StoreTables.count(db, "SELECT value FROM meta WHERE key = 'schema_version'"));
    assertEquals(0, StoreTables.count(db, "SELECT count(*) FROM " + Schema.HELD_PAIRS));
  }

  /**
   * Version 11 rollups had a PRIMARY KEY; version 12's have none (its index cost more than the rest
   * of a load): a migrated store keeps every rollup row as it was, and later loads merge into them.
   */
  @Test
  void openReadOnly_version11Store_dropsTheRollupsPrimaryKeysAndKeepsTheirRows() throws Exception {
    String[][] tables = {
      {RollupSql.TABLE, RollupSql.COLUMNS, RollupSql.KEY},
      {CodeRollupSql.TABLE, CodeRollupSql.COLUMNS, CodeRollupSql.KEY}
    };
    java.util.List<String> undo = new java.util.ArrayList<>();
    for (String[] t : tables) {
      undo.add("CREATE TABLE keyed (" + t[1] + ", PRIMARY KEY (" + t[2] + "))");
      undo.add("INSERT INTO keyed SELECT * FROM " + t[0]);
      undo.add("DROP TABLE " + t[0]);
      undo.add("ALTER TABLE keyed RENAME TO " + t[0]);
    }
    Path db = downgraded("v11", 11, s -> RollupSqlTest.fill(s, 14), undo.toArray(new String[0]));
    String keys =
        "SELECT count(*) FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY' AND"
            + " table_name IN ('"
            + RollupSql.TABLE
            + "', '"
            + CodeRollupSql.TABLE
            + "')";
    assertEquals(2, StoreTables.count(db, keys));
    java.util.Map<String, java.util.List<java.util.List<String>>> before =
        new java.util.HashMap<>();
    for (String[] t : tables) {
      before.put(t[0], StoreTables.rows(db, "FROM " + t[0] + " ORDER BY ALL"));
      org.junit.jupiter.api.Assertions.assertTrue(before.get(t[0]).size() > 100, t[0]);
    }
    try (DuckDbStore s = DuckDbStore.openReadOnly(db)) {
      assertEquals(
          s.aggregateFromEvents(org.entente.store.DyadQuery.monthly("USA", "CHN")),
          s.aggregate(org.entente.store.DyadQuery.monthly("USA", "CHN")));
    }
    assertEquals(
        Schema.VERSION,
        StoreTables.count(db, "SELECT value FROM meta WHERE key = 'schema_version'"));
    assertEquals(0, StoreTables.count(db, keys));
    for (String[] t : tables) {
      assertEquals(before.get(t[0]), StoreTables.rows(db, "FROM " + t[0] + " ORDER BY ALL"), t[0]);
    }
    // a load into the migrated store merges into the kept rows
    java.time.LocalDate day = java.time.LocalDate.of(2025, 1, 5);
    try (DuckDbStore s = DuckDbStore.open(db)) {
      loadOne(s, "a", null, day);
      loadOne(s, "b", null, day.plusDays(1));
      org.entente.store.DyadQuery q = org.entente.store.DyadQuery.monthly("RUS", "PRK");
      assertEquals(s.aggregateFromEvents(q), s.aggregate(q));
    }
    for (String[] t : tables) {
      assertEquals(
          "1 2",
          String.join(
              " ",
              StoreTables.rows(
                      db,
                      "SELECT count(*), sum(n) FROM " + t[0] + " WHERE month = DATE '2025-01-01'")
                  .get(0)),
          t[0]);
    }
  }

  /**
   * A store of a newer schema is refused, for reading and for writing, naming both versions, and
   * left untouched (an older version used to set its number back and then fail on its rollups).
   */
  @Test
  void open_storeOfANewerSchema_isRefusedAndLeftUntouched() throws Exception {
    Path db = downgraded("v99", Schema.VERSION + 1);
    assertRefusedUntouched(db, "schema " + (Schema.VERSION + 1), "up to " + Schema.VERSION);
  }

  /**
   * Opening {@code db} for reading and for writing is refused with a message holding each of {@code
   * parts}, and the file's bytes stay as they were.
   */
  private static void assertRefusedUntouched(Path db, String... parts) throws Exception {
    byte[] before = java.nio.file.Files.readAllBytes(db);
    for (boolean write : new boolean[] {false, true}) {
      org.entente.store.NotAStoreException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              org.entente.store.NotAStoreException.class,
              () -> (write ? DuckDbStore.open(db) : DuckDbStore.openReadOnly(db)).close());
      for (String part : parts) {
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(part), e.getMessage());
      }
    }
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        before, java.nio.file.Files.readAllBytes(db));
  }

  /** A version that is not a positive number is refused naming it, the file untouched. */
  @Test
  void open_storeWithAnUnreadableSchemaVersion_isRefusedNamingIt() throws Exception {
    for (String v : new String[] {"13a", "-3", "2147483648"}) {
      Path db = downgraded("bad" + Math.abs(v.hashCode()), 12);
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
          Statement st = c.createStatement()) {
        st.execute("UPDATE meta SET value = '" + v + "' WHERE key = 'schema_version'");
      }
      assertRefusedUntouched(db, "schema version '" + v + "'");
    }
  }

  /**
   * Version 12 keeps the months with events per source ({@code event_months}; the dyad rollup read
   * before lacks the events without both countries): an older store gets it from its events.
   */
  @Test
  void openReadOnly_storeWithoutEventMonths_buildsThemFromTheEvents() throws Exception {
    Path db =
        downgraded("v11m", 11, s -> RollupSqlTest.fill(s, 15), "DROP TABLE " + Schema.EVENT_MONTHS);
    java.util.Set<java.time.YearMonth> expected = new java.util.TreeSet<>();
    for (java.util.List<String> r :
        StoreTables.rows(
            db,
            "SELECT DISTINCT strftime(event_date, '%Y-%m') FROM events WHERE source = 'gdelt2'")) {
      expected.add(java.time.YearMonth.parse(r.get(0)));
    }
    org.junit.jupiter.api.Assertions.assertTrue(expected.size() >= 6, expected.toString());
    try (DuckDbStore s = DuckDbStore.openReadOnly(db)) {
      assertEquals(expected, s.monthsObserved("gdelt2"));
    }
  }

  /**
   * A migration is one transaction: when a later step fails (here the copy of the keyed rollup,
   * whose target name a stray table holds), the earlier ones (the event-code rollup built from the
   * events) are undone and the store keeps its version.
   */
  @Test
  void open_migrationFailingHalfWay_leavesTheStoreAsItWas() throws Exception {
    Path db =
        downgraded(
            "half",
            6,
            s -> RollupSqlTest.fill(s, 16),
            "DROP TABLE " + CodeRollupSql.TABLE,
            "CREATE TABLE keyed (" + RollupSql.COLUMNS + ", PRIMARY KEY (" + RollupSql.KEY + "))",
            "INSERT INTO keyed SELECT * FROM " + RollupSql.TABLE,
            "DROP TABLE " + RollupSql.TABLE,
            "ALTER TABLE keyed RENAME TO " + RollupSql.TABLE,
            "CREATE TABLE " + RollupSql.TABLE + "_unkeyed (x INTEGER)");
    org.junit.jupiter.api.Assertions.assertThrows(
        RuntimeException.class, () -> DuckDbStore.open(db).close());
    assertEquals(6, StoreTables.count(db, "SELECT value FROM meta WHERE key = 'schema_version'"));
    assertEquals(
        0,
        StoreTables.count(
            db,
            "SELECT count(*) FROM information_schema.tables WHERE table_name = '"
                + CodeRollupSql.TABLE
                + "'"),
        "the code rollup built before the failure is undone");
  }

  /** One gdelt2 RUS-PRK event on {@code day}, loaded as file {@code name} with {@code filter}. */
  private static void loadOne(DuckDbStore s, String name, String filter, java.time.LocalDate day) {
    try (org.entente.store.FileLoad load =
        s.beginFile(new org.entente.store.FileMeta("/" + name, 1, null, filter))) {
      load.add(
          org.entente.store.EventStoreTestBase.rusPrk(
              name, day, "GOV", "042", 1, 1.9, 1, 1, 0.0, null),
          name,
          1);
      load.commit("crc32c:" + name, "test", 1, 0);
    }
  }

  /**
   * A version 7 store did not record the months of the rows its filtered loads left out: once
   * migrated, a feed with such a load has unknown months (null), also after new loads; a store
   * whose loads were all unfiltered knows them, and records them from its next file on.
   */
  @Test
  void openReadOnly_version7Store_filteredLoadsBeforeItLeaveTheMonthsUnknown() throws Exception {
    String[] undo = {
      "DROP TABLE " + Schema.FILTERED_MONTHS,
      "DELETE FROM meta WHERE key = '" + Schema.FILTERED_MONTHS_FROM + "'"
    };
    Path filtered =
        downgraded(
            "v7f",
            7,
            s -> {
              loadOne(s, "a", null, java.time.LocalDate.of(2015, 1, 5));
              loadOne(s, "b", "PRK,RUS", java.time.LocalDate.of(2015, 3, 5));
            },
            undo);
    try (DuckDbStore s = DuckDbStore.openReadOnly(filtered)) {
      assertEquals(null, s.monthsObserved("gdelt2"));
    }
    assertEquals(
        3,
        StoreTables.count(
            filtered, "SELECT value FROM meta WHERE key = 'filtered_months_from_file'"));
    try (DuckDbStore s = DuckDbStore.open(filtered)) {
      loadOne(s, "c", "PRK,RUS", java.time.LocalDate.of(2015, 4, 5));
      assertEquals(null, s.monthsObserved("gdelt2"), "file b's months stay unknown");
    }

    Path unfiltered =
        downgraded("v7u", 7, s -> loadOne(s, "a", null, java.time.LocalDate.of(2015, 1, 5)), undo);
    try (DuckDbStore s = DuckDbStore.open(unfiltered)) {
      assertEquals(java.util.Set.of(java.time.YearMonth.of(2015, 1)), s.monthsObserved("gdelt2"));
      try (org.entente.store.FileLoad load =
          s.beginFile(new org.entente.store.FileMeta("/d", 1, null, "PRK,RUS"))) {
        load.observed("gdelt2", java.util.Set.of(java.time.YearMonth.of(2015, 2)));
        load.commit("crc32c:d", "test", 1, 1);
      }
      assertEquals(
          java.util.Set.of(java.time.YearMonth.of(2015, 1), java.time.YearMonth.of(2015, 2)),
          s.monthsObserved("gdelt2"));
    }
  }
}
