package org.entente.store.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.entente.cameo.Cameo;
import org.entente.cameo.CameoEventType;
import org.entente.model.Event;
import org.entente.store.DyadQuery;
import org.entente.store.FileLoad;
import org.entente.store.FileMeta;
import org.entente.store.LoadBatch;
import org.entente.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads with deferred rollups ({@code ingest --defer-rollups}): until a fold, every read answers
 * from the events exactly as a store whose loads kept the rollups answers from its rollups; the
 * fold then leaves rollups equal, row for row, to that store's.
 */
class DeferredRollupTest {
  @TempDir Path tmp;

  /** Three files one by one (RollupSqlTest's random events), then two files in one batch. */
  private static void load(DuckDbStore s) {
    RollupSqlTest.fill(s, 7);
    loadBatch(s);
  }

  /** Two files of random events in one batch. */
  private static void loadBatch(DuckDbStore s) {
    SplittableRandom r = new SplittableRandom(11);
    List<CameoEventType> codes = List.copyOf(Cameo.bundled().eventTypes());
    String[] countries = {"RUS", "PRK", "USA", "CHN", "JPN"};
    try (LoadBatch batch = s.beginBatch().orElseThrow()) {
      for (int f = 0; f < 2; f++) {
        FileLoad load = batch.beginFile(new FileMeta("/batch" + f, 10 + f, null, null));
        for (int i = 0; i < 300; i++) {
          CameoEventType t = codes.get(r.nextInt(codes.size()));
          String c1 = countries[r.nextInt(countries.length)];
          String c2 = countries[r.nextInt(countries.length)];
          // months after the first files' (2014-2016): the batch adds months to event_months
          LocalDate day = LocalDate.of(2017 + i % 2, 1 + i % 12, 1 + i % 28);
          load.add(
              new Event(
                  "gdelt2",
                  "b" + f + "-" + i,
                  day,
                  c1,
                  c1,
                  i % 3 == 0 ? "GOV" : null,
                  c2,
                  c2,
                  i % 5 == 0 ? "GOV" : null,
                  t.code(),
                  t.code().length() > 3 ? t.code().substring(0, 3) : t.code(),
                  t.root(),
                  t.quad(),
                  t.goldstein(),
                  r.nextInt(30),
                  r.nextInt(8),
                  r.nextInt(20),
                  null,
                  null,
                  r.nextBoolean(),
                  null),
              "part",
              i + 1);
        }
        load.finish("crc32c:batch" + f, "test", 300, 0);
      }
      batch.commit();
    }
  }

  /** The queries compared: rollup queries of several shapes, and one the events always answer. */
  private static List<DyadQuery> queries() {
    List<DyadQuery> out = new ArrayList<>();
    for (String[] pair : new String[][] {{"RUS", "PRK"}, {"USA", "CHN"}, {"PRK", "JPN"}}) {
      for (DyadQuery.Weighting w :
          List.of(DyadQuery.Weighting.NONE, DyadQuery.Weighting.MENTIONS)) {
        for (DyadQuery.Dedup d : List.of(DyadQuery.Dedup.NONE, DyadQuery.Dedup.DAILY)) {
          for (boolean stateOnly : new boolean[] {false, true}) {
            DyadQuery q =
                new DyadQuery(
                    pair[0],
                    pair[1],
                    false,
                    null,
                    null,
                    DyadQuery.Frequency.MONTH,
                    w,
                    d,
                    stateOnly,
                    false);
            out.add(q);
            out.add(q.withDataSource("gdelt2"));
          }
        }
      }
    }
    return out;
  }

  /** Everything a read can take from the rollups, as one comparable list. */
  private static List<Object> answers(DuckDbStore s) {
    List<Object> out = new ArrayList<>();
    List<DyadQuery> qs = queries();
    for (DyadQuery q : qs) {
      out.add(q + " " + s.aggregate(q));
      out.add(q + " " + s.extent(q));
      out.add(q + " " + s.codeCounts(q));
    }
    List<DyadQuery> sameShape =
        qs.stream()
            .filter(
                q ->
                    q.dedup() == DyadQuery.Dedup.NONE
                        && q.weighting() == DyadQuery.Weighting.NONE
                        && !q.stateOnly()
                        && q.dataSource() == null)
            .toList();
    assertEquals(3, sameShape.size());
    out.add(s.aggregateAll(sameShape));
    out.add(s.extentAll(sameShape));
    out.add(s.codeCountsAll(sameShape));
    out.add(s.summary().eventsByDyad());
    out.add(s.sources());
    out.add(s.monthsObserved("gdelt2"));
    out.add(s.monthsObserved("icews"));
    return out;
  }

  /** RollupSqlTest's three files of seed {@code seed} in a new store {@code db}. */
  private static void fill(Path db, long seed, boolean deferRollups) {
    try (DuckDbStore s = DuckDbStore.open(db)) {
      s.deferRollups(deferRollups);
      RollupSqlTest.fill(s, seed);
    }
  }

  /** The two rollups and the event months of {@code kept} and {@code other}, row for row. */
  private static void assertSameRollups(Path kept, Path other) throws Exception {
    for (String table : List.of(RollupSql.TABLE, CodeRollupSql.TABLE, Schema.EVENT_MONTHS)) {
      List<String> want = rows(kept, table);
      assertFalse(want.isEmpty(), table);
      assertEquals(want, rows(other, table), table);
    }
  }

  /** Renames a column of the code rollup of the store {@code db} (closed). */
  private static void renameCodeRollupColumn(Path db, String from, String to) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement st = c.createStatement()) {
      st.execute("ALTER TABLE " + CodeRollupSql.TABLE + " RENAME COLUMN " + from + " TO " + to);
    }
  }

  /** A table's rows, in order, as text. */
  private static List<String> rows(Path db, String table) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY ALL")) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(rs.getString(i)).append('|');
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  @Test
  void deferredLoads_answerAsRollupsDo_andTheFoldBuildsTheSameRollups() throws Exception {
    Path kept = tmp.resolve("kept.duckdb");
    Path deferred = tmp.resolve("deferred.duckdb");
    List<Object> expected;
    try (DuckDbStore s = DuckDbStore.open(kept)) {
      load(s);
      assertEquals(0, s.rollupsPending());
      expected = answers(s);
    }
    try (DuckDbStore s = DuckDbStore.open(deferred)) {
      s.deferRollups(true);
      load(s);
      // three files alone and two in a batch, every one with events
      assertEquals(5, s.rollupsPending());
      // the loads left the rollups empty: a read of them would find nothing
      DyadQuery rus = queries().get(0);
      assertEquals(List.of(), s.aggregateInSql(rus));
      assertTrue(s.aggregate(rus).size() > 5, "months of " + rus);
      assertEquals(expected, answers(s));
    }
    // the list survives the process: a reader opened later takes the events as well
    try (DuckDbStore s = DuckDbStore.openReadOnly(deferred)) {
      assertEquals(5, s.rollupsPending());
      assertEquals(expected, answers(s));
      assertThrows(StoreException.class, s::foldRollups);
    }
    try (DuckDbStore s = DuckDbStore.open(deferred)) {
      assertEquals(5, s.foldRollups());
      assertEquals(0, s.rollupsPending());
      assertEquals(expected, answers(s));
      assertEquals(0, s.foldRollups(), "a second fold has nothing to add");
    }
    assertSameRollups(kept, deferred);
    try (DuckDbStore s = DuckDbStore.openReadOnly(deferred)) {
      assertEquals(expected, answers(s));
    }
  }

  @Test
  void loadAfterDeferredOnes_keepsItsOwnRollup_andTheFoldAddsTheRest() throws Exception {
    Path kept = tmp.resolve("kept.duckdb");
    Path mixed = tmp.resolve("mixed.duckdb");
    List<Object> expected;
    try (DuckDbStore s = DuckDbStore.open(kept)) {
      load(s);
      expected = answers(s);
    }
    try (DuckDbStore s = DuckDbStore.open(mixed)) {
      s.deferRollups(true);
      RollupSqlTest.fill(s, 7);
      s.deferRollups(false);
      // the batch adds its own events to the rollups; the three files stay pending
      loadBatch(s);
      assertEquals(3, s.rollupsPending());
      // the rollups' rows of the batch and the pending files' rolled up on the fly: a key of both
      // has two rows, added up exactly
      assertFalse(s.aggregateInSql(queries().get(0)).isEmpty());
      assertEquals(expected, answers(s));
      assertEquals(3, s.foldRollups());
      assertEquals(expected, answers(s));
    }
    assertSameRollups(kept, mixed);
  }

  @Test
  void failedFold_changesNothing_andTheNextFoldAddsEveryFile() throws Exception {
    Path kept = tmp.resolve("kept.duckdb");
    Path db = tmp.resolve("failing.duckdb");
    fill(kept, 9, false);
    fill(db, 9, true);
    // the second of the fold's statements (the code rollup's MERGE) fails, the first succeeded
    renameCodeRollupColumn(db, "n", "n_renamed");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      StoreException e = assertThrows(StoreException.class, s::foldRollups);
      assertTrue(e.getMessage().contains("nothing changed"), e.getMessage());
      assertEquals(3, s.rollupsPending());
    }
    assertEquals(List.of(), rows(db, RollupSql.TABLE), "the first MERGE was rolled back");
    renameCodeRollupColumn(db, "n_renamed", "n");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      assertEquals(3, s.foldRollups());
    }
    assertSameRollups(kept, db);
  }

  @Test
  void rebuild_clearsTheDeferredFiles() throws Exception {
    Path db = tmp.resolve("rebuilt.duckdb");
    Path kept = tmp.resolve("kept.duckdb");
    fill(kept, 3, false);
    fill(db, 3, true);
    try (DuckDbStore s = DuckDbStore.open(db)) {
      assertEquals(3, s.rollupsPending());
      s.rebuildRollup();
      assertEquals(0, s.rollupsPending());
      assertEquals(0, s.foldRollups(), "rebuilt from every event: nothing left to add");
    }
    assertSameRollups(kept, db);
  }

  @Test
  void readOnlyStore_refusesToDefer() {
    Path db = tmp.resolve("ro.duckdb");
    DuckDbStore.open(db).close();
    try (DuckDbStore s = DuckDbStore.openReadOnly(db)) {
      assertThrows(StoreException.class, () -> s.deferRollups(true));
      assertEquals(0, s.rollupsPending());
    }
  }

  @Test
  void schema12Store_getsTheListOnOpen_andOlderVersionsAreRefusedTheNewOne() throws Exception {
    Path db = tmp.resolve("v12.duckdb");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      RollupSqlTest.fill(s, 5);
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement st = c.createStatement()) {
      st.execute("DROP TABLE " + Schema.ROLLUP_PENDING);
      st.execute("UPDATE meta SET value = '12' WHERE key = 'schema_version'");
    }
    try (DuckDbStore s = DuckDbStore.openReadOnly(db)) {
      assertEquals(0, s.rollupsPending());
      assertTrue(s.summary().eventsByDyad().size() > 3);
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
      rs.next();
      assertEquals(Integer.toString(Schema.VERSION), rs.getString(1));
      assertEquals(13, Schema.VERSION);
    }
  }
}
