package org.entente.store.duckdb;

import static org.entente.ingest.GdeltLines.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.entente.cameo.Cameo;
import org.entente.ingest.FileReport;
import org.entente.ingest.GdeltLines;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.ingest.Samples;
import org.entente.ingest.StoreTables;
import org.entente.model.Event;
import org.entente.store.DyadQuery;
import org.entente.store.DyadQuery.Dedup;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.DyadQuery.Weighting;
import org.entente.store.FileLoad;
import org.entente.store.FileMeta;
import org.entente.store.MonthRange;
import org.entente.store.NotAStoreException;
import org.entente.store.PeriodAggregate;
import org.entente.store.StoreException;
import org.entente.store.StoreSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DuckDB engine: loads, the manifest, the summary and the dyad aggregates (METHODS §1.4). */
class DuckDbStoreTest {
  @TempDir Path tmp;

  private static DuckDbStore storeWith(String... lines) {
    DuckDbStore s = DuckDbStore.inMemory();
    load(s, "t.tsv", GdeltLines.lines(lines));
    return s;
  }

  private static FileReport load(DuckDbStore s, String name, String text) {
    FileReport r =
        new Ingestor(s, Cameo.bundled())
            .ingestBytes(
                name,
                text.getBytes(StandardCharsets.UTF_8),
                IngestOptions.defaults(),
                IngestListener.NONE);
    assertEquals(0, r.rejected(), r.toString());
    return r;
  }

  private static DyadQuery query(
      String a, String b, boolean directed, Weighting w, Dedup d, boolean state, boolean drop) {
    return new DyadQuery(a, b, directed, null, null, Frequency.MONTH, w, d, state, drop);
  }

  private static DyadQuery directed(String a, String b) {
    return query(a, b, true, Weighting.NONE, Dedup.NONE, false, false);
  }

  private static PeriodAggregate only(List<PeriodAggregate> l) {
    assertEquals(1, l.size(), l.toString());
    return l.get(0);
  }

  @Test
  void aggregate_directedAndUndirected_poolOrSeparateDirections() {
    try (DuckDbStore s =
        storeWith(
            row(1, "20170801").actors("USA", "PRK").code("036").v1(),
            row(2, "20170802").actors("USA", "PRK").code("111").v1(),
            row(3, "20170803").actors("PRK", "USA").code("190").v1(),
            row(4, "20170804").actors("USA", "KOR").code("190").v1(),
            row(5, "20170805").actors("KOR", "PRK").code("190").v1())) {
      PeriodAggregate usaPrk = only(s.aggregate(directed("USA", "PRK")));
      assertEquals(2, usaPrk.n());
      assertEquals(1, usaPrk.w1(), 0.0);
      assertEquals(1, usaPrk.w3(), 0.0);
      assertEquals(4.0 - 2.0, usaPrk.goldsteinWeightedSum(), 1e-12);
      PeriodAggregate prkUsa = only(s.aggregate(directed("PRK", "USA")));
      assertEquals(1, prkUsa.n());
      assertEquals(1, prkUsa.w4(), 0.0);
      PeriodAggregate both = only(s.aggregate(DyadQuery.monthly("PRK", "USA")));
      assertEquals(3, both.n());
      assertEquals(LocalDate.of(2017, 8, 1), both.periodStart());
      assertEquals(4.0 - 2.0 - 10.0, both.goldsteinWeightedSum(), 1e-12);
      assertEquals(3, both.weightSum(), 0.0);
    }
  }

  @Test
  void aggregate_sameSqlAgainWithOtherDyadsAndAfterALoad_answersFromTheNewParametersAndData() {
    // the query connections keep their prepared statements: reused, they must bind anew and
    // see what was loaded since
    try (DuckDbStore s =
        storeWith(
            row(1, "20170801").actors("USA", "PRK").code("036").v1(),
            row(2, "20170802").actors("PRK", "USA").code("190").v1())) {
      assertEquals(1, only(s.aggregate(directed("USA", "PRK"))).n());
      assertEquals(1, only(s.aggregate(directed("PRK", "USA"))).n());
      assertEquals(List.of(), s.aggregate(directed("USA", "KOR")));
      assertEquals(
          LocalDate.of(2017, 8, 1), only(s.aggregate(directed("USA", "PRK"))).periodStart());
      load(
          s,
          "more.tsv",
          GdeltLines.lines(row(3, "20170803").actors("USA", "PRK").code("036").v1()));
      assertEquals(2, only(s.aggregate(directed("USA", "PRK"))).n());
      assertEquals(1, only(s.aggregate(directed("PRK", "USA"))).n());
    }
  }

  @Test
  void aggregate_range_includesWholeMonthsOnly() {
    try (DuckDbStore s =
        storeWith(
            row(1, "20170131").v1(),
            row(2, "20170201").v1(),
            row(3, "20170331").v1(),
            row(4, "20170401").v1())) {
      DyadQuery q =
          DyadQuery.monthly("USA", "PRK").withRange(YearMonth.of(2017, 2), YearMonth.of(2017, 3));
      List<PeriodAggregate> a = s.aggregate(q);
      assertEquals(
          List.of(LocalDate.of(2017, 2, 1), LocalDate.of(2017, 3, 1)),
          a.stream().map(PeriodAggregate::periodStart).toList());
      assertEquals(
          Optional.of(new MonthRange(YearMonth.of(2017, 2), YearMonth.of(2017, 3))), s.extent(q));
      assertEquals(
          Optional.of(new MonthRange(YearMonth.of(2017, 1), YearMonth.of(2017, 4))),
          s.extent(DyadQuery.monthly("USA", "PRK")));
      assertEquals(Optional.empty(), s.extent(DyadQuery.monthly("USA", "JPN")));
    }
  }

  @Test
  void aggregate_quarterAndYear_startOnTheFirstMonth() {
    try (DuckDbStore s =
        storeWith(row(1, "20170215").v1(), row(2, "20170330").v1(), row(3, "20171231").v1())) {
      DyadQuery q = DyadQuery.monthly("USA", "PRK");
      DyadQuery quarterly =
          new DyadQuery(
              "USA",
              "PRK",
              false,
              null,
              null,
              Frequency.QUARTER,
              Weighting.NONE,
              Dedup.NONE,
              false,
              false);
      DyadQuery yearly =
          new DyadQuery(
              "USA",
              "PRK",
              false,
              null,
              null,
              Frequency.YEAR,
              Weighting.NONE,
              Dedup.NONE,
              false,
              false);
      assertEquals(3, s.aggregate(q).size());
      List<PeriodAggregate> qa = s.aggregate(quarterly);
      assertEquals(
          List.of(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 10, 1)),
          qa.stream().map(PeriodAggregate::periodStart).toList());
      assertEquals(List.of(2L, 1L), qa.stream().map(PeriodAggregate::n).toList());
      PeriodAggregate y = only(s.aggregate(yearly));
      assertEquals(LocalDate.of(2017, 1, 1), y.periodStart());
      assertEquals(3, y.n());
    }
  }

  @Test
  void aggregate_stateOnly_keepsEventsWhoseBothActorsAreGovOrMil() {
    try (DuckDbStore s =
        storeWith(
            row(1, "20170801").types("GOV", "GOV").v1(),
            row(2, "20170801").types("MIL", "GOV").v1(),
            row(3, "20170801").types("GOV", "").v1(),
            row(4, "20170801").types("BUS", "GOV").v1(),
            row(5, "20170801").types("", "").v1())) {
      assertEquals(5, only(s.aggregate(directed("USA", "PRK"))).n());
      assertEquals(
          2,
          only(s.aggregate(query("USA", "PRK", true, Weighting.NONE, Dedup.NONE, true, false)))
              .n());
    }
  }

  @Test
  void aggregate_dropStatements_leavesOutRoot01() {
    try (DuckDbStore s =
        storeWith(
            row(1, "20170801").code("010").v1(),
            row(2, "20170801").code("012").v1(),
            row(3, "20170801").code("036").v1(),
            row(4, "20170801").code("111").v1())) {
      PeriodAggregate a =
          only(s.aggregate(query("USA", "PRK", true, Weighting.NONE, Dedup.NONE, false, true)));
      assertEquals(2, a.n());
      assertEquals(1, a.w1(), 0.0);
      assertEquals(1, a.w3(), 0.0);
    }
  }

  @Test
  void aggregate_dedupRoot_keepsRootEventsAndSourcesWithoutTheNotion() {
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      load(
          s,
          "g.tsv",
          GdeltLines.lines(
              row(1, "20180601").actors("USA", "PRK").root(true).v1(),
              row(2, "20180601").actors("USA", "PRK").root(false).v1(),
              row(3, "20180601").actors("USA", "PRK").root(false).v1()));
      load(
          s,
          "i.tab",
          GdeltLines.lines(
              Samples.ICEWS_HEADER,
              Samples.icews(
                  "9", "2018-06-01", "", "United States", "036", "4", "", "North Korea")));
      DyadQuery root = query("USA", "PRK", true, Weighting.NONE, Dedup.ROOT, false, false);
      assertEquals(4, only(s.aggregate(directed("USA", "PRK"))).n());
      assertEquals(2, only(s.aggregate(root)).n()); // GDELT root + the ICEWS event
    }
  }

  @Test
  void aggregate_dedupDaily_collapsesSameDayCountriesAndCodeKeepingTheMaximumWeight() {
    try (DuckDbStore s =
        storeWith(
            row(1, "20170801").code("036").counts(3, 1, 3).v1(),
            row(2, "20170801").code("036").counts(9, 2, 7).v1(), // same group: max articles 7
            row(3, "20170801").code("036").counts(5, 1, 5).v1(),
            row(4, "20170801").code("0311").counts(2, 1, 2).v1(), // other code
            row(5, "20170802").code("036").counts(4, 1, 4).v1(), // other day
            row(6, "20170801").actors("PRK", "USA").code("036").counts(6, 1, 6).v1())) { // reverse
      DyadQuery daily = query("USA", "PRK", true, Weighting.ARTICLES, Dedup.DAILY, false, false);
      PeriodAggregate a = only(s.aggregate(daily));
      assertEquals(3, a.n());
      assertEquals(7 + 2 + 4, a.weightSum(), 0.0);
      assertEquals(7 * 4.0 + 2 * cameoG("0311") + 4 * 4.0, a.goldsteinWeightedSum(), 1e-9);
      DyadQuery pooled = query("USA", "PRK", false, Weighting.ARTICLES, Dedup.DAILY, false, false);
      assertEquals(4, only(s.aggregate(pooled)).n()); // the reverse direction is its own group
      DyadQuery none = query("USA", "PRK", true, Weighting.ARTICLES, Dedup.NONE, false, false);
      assertEquals(5, only(s.aggregate(none)).n());
      assertEquals(3 + 7 + 5 + 2 + 4, only(s.aggregate(none)).weightSum(), 0.0);
    }
  }

  private static double cameoG(String code) {
    return Cameo.bundled().goldstein(code);
  }

  @Test
  void aggregate_dedupUrl_collapsesSameUrlCountriesAndCodeButNotRowsWithoutUrl() {
    try (DuckDbStore s =
        storeWith(
            row(1, "20170801").url("http://a.example/x").counts(3, 1, 3).v1(),
            row(2, "20170803").url("http://a.example/x").counts(8, 1, 8).v1(), // same URL, later
            row(3, "20170801").url("http://a.example/x").code("111").v1(), // same URL, other code
            row(4, "20170801").url("http://a.example/y").v1(), // other URL
            row(5, "20170801").v1(), // no URL
            row(6, "20170801").v1())) { // no URL
      DyadQuery url = query("USA", "PRK", true, Weighting.MENTIONS, Dedup.URL, false, false);
      PeriodAggregate a = only(s.aggregate(url));
      assertEquals(5, a.n());
      assertEquals(8 + 1 + 1 + 1 + 1, a.weightSum(), 0.0); // rows without NumMentions weigh 1
    }
  }

  @Test
  void aggregate_dedupUrlGroupAcrossMonths_countsOnceInTheFirstMonthWithTheGroupMaximum() {
    try (DuckDbStore s =
        storeWith(
            row(1, "20170730").url("http://a.example/z").counts(3, 1, 3).v1(),
            row(2, "20170803").url("http://a.example/z").counts(8, 1, 8).v1())) {
      YearMonth jul = YearMonth.of(2017, 7);
      YearMonth aug = YearMonth.of(2017, 8);
      DyadQuery julyOnly =
          new DyadQuery(
              "USA",
              "PRK",
              true,
              jul,
              jul,
              Frequency.MONTH,
              Weighting.MENTIONS,
              Dedup.URL,
              false,
              false);
      PeriodAggregate a = only(s.aggregate(julyOnly));
      assertEquals(1, a.n());
      assertEquals(8, a.weightSum(), 0.0, "the maximum over the whole group, not over July");
      DyadQuery augustOnly =
          new DyadQuery(
              "USA",
              "PRK",
              true,
              aug,
              aug,
              Frequency.MONTH,
              Weighting.MENTIONS,
              Dedup.URL,
              false,
              false);
      assertEquals(List.of(), s.aggregate(augustOnly), "the group is July's event");
      DyadQuery open = query("USA", "PRK", true, Weighting.MENTIONS, Dedup.URL, false, false);
      assertEquals(jul, YearMonth.from(only(s.aggregate(open)).periodStart()));
    }
  }

  @Test
  void aggregate_weightings_useTheCountsOrOneWhereMissing() {
    try (DuckDbStore s =
        storeWith(
            row(1, "20170801").counts(30, 3, 20).v1(),
            row(2, "20170801").code("111").counts(6, 2, 4).v1(),
            row(3, "20170801").code("190").v1())) { // no counts
      double[] expected = {3, 20 + 4 + 1, 3 + 2 + 1, 30 + 6 + 1};
      Weighting[] ws = {Weighting.NONE, Weighting.ARTICLES, Weighting.SOURCES, Weighting.MENTIONS};
      for (int i = 0; i < ws.length; i++) {
        PeriodAggregate a =
            only(s.aggregate(query("USA", "PRK", true, ws[i], Dedup.NONE, false, false)));
        assertEquals(expected[i], a.weightSum(), 1e-12, ws[i].toString());
        assertEquals(a.weightSum(), a.w1() + a.w2() + a.w3() + a.w4(), 1e-12, ws[i].toString());
      }
      PeriodAggregate log =
          only(
              s.aggregate(
                  query("USA", "PRK", true, Weighting.LOGMENTIONS, Dedup.NONE, false, false)));
      assertEquals(Math.log(31), log.w1(), 1e-12);
      assertEquals(Math.log(7), log.w3(), 1e-12);
    }
  }

  @Test
  void summary_afterLoads_countsSourcesDyadsRejectsAndExtent() {
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      load(
          s,
          "a.tsv",
          GdeltLines.lines(
              row(1, "20170801").actors("USA", "PRK").v1(),
              row(2, "20170901").actors("PRK", "USA").v1(),
              row(3, "20170901").actors("PRK", "USA").v2(),
              row(4, "20171001").actors("KOR", "PRK").v1()));
      new Ingestor(s, Cameo.bundled())
          .ingestBytes(
              "b.tsv",
              GdeltLines.lines(
                      row(1, "20170801").actors("USA", "PRK").v1(), // a duplicate
                      "x\ty",
                      row(5, "20150231").v1())
                  .getBytes(StandardCharsets.UTF_8),
              IngestOptions.defaults(),
              IngestListener.NONE);
      StoreSummary sum = s.summary();
      assertEquals(
          List.of(new StoreSummary.Count("gdelt1", 3), new StoreSummary.Count("gdelt2", 1)),
          sum.eventsBySource());
      assertEquals(
          List.of(
              new StoreSummary.DyadCount("PRK", "USA", 2, 1),
              new StoreSummary.DyadCount("KOR", "PRK", 1, 0)),
          sum.eventsByDyad());
      assertEquals(
          List.of(
              new StoreSummary.Count("bad column count", 1),
              new StoreSummary.Count("impossible date", 1)),
          sum.rejectsByReason());
      assertEquals(new MonthRange(YearMonth.of(2017, 8), YearMonth.of(2017, 10)), sum.extent());
      assertEquals(List.of("a.tsv", "b.tsv"), sum.files().stream().map(f -> f.path()).toList());
      assertEquals(4, sum.files().get(0).rowsStored());
      assertEquals(2, sum.files().get(1).rowsRejected());
    }
  }

  @Test
  void summary_emptyStore_hasNoExtent() {
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      StoreSummary sum = s.summary();
      assertEquals(List.of(), sum.eventsBySource());
      assertNull(sum.extent());
    }
  }

  private static Event event(String id, String c1, String c2) {
    return new Event(
        "gdelt2",
        id,
        LocalDate.of(2019, 10, 24),
        c1,
        c1,
        null,
        c2,
        c2,
        null,
        "036",
        "036",
        "03",
        1,
        4.0,
        2,
        1,
        2,
        -1.0,
        null,
        Boolean.TRUE,
        null);
  }

  @Test
  void beginFile_commit_storesEventsRejectsAndTheManifestTogether() {
    Path db = tmp.resolve("s.duckdb");
    try (DuckDbStore s = DuckDbStore.open(db);
        FileLoad load = s.beginFile(new FileMeta("/data/x.CSV", 123, null, "PRK,USA"))) {
      load.add(event("1", "USA", "PRK"), "x.CSV", 1);
      load.add(event("1", "USA", "PRK"), "x.CSV", 2); // same id and date: a duplicate
      load.add(event("2", "PRK", "USA"), "x.CSV", 3);
      load.reject("x.CSV", 4, "bad date", "column 2", "raw\ttext");
      FileLoad.LoadResult r = load.commit("crc32c:00000001:123", "gdelt2", 5, 1);
      assertEquals(new FileLoad.LoadResult(2, 1, 1), r);
      assertThrows(IllegalStateException.class, () -> load.commit("c", "gdelt2", 5, 1));
      assertEquals(1, s.filesWithSize(123).size());
      assertEquals("PRK,USA", s.filesWithChecksum("crc32c:00000001:123").get(0).actorFilter());
    }
    assertEquals(
        List.of(List.of("1", "x.CSV", "4", "bad date", "column 2", "raw\ttext")),
        StoreTables.rows(db, "SELECT * FROM rejects"));
    assertEquals(
        List.of(
            List.of(
                "/data/x.CSV", "123", "crc32c:00000001:123", "gdelt2", "5", "2", "1", "1", "1")),
        StoreTables.rows(
            db,
            "SELECT path, bytes, checksum, format, rows_read, rows_stored, rows_rejected,"
                + " rows_duplicate, rows_filtered FROM files"));
    assertEquals(
        List.of(List.of("1", "1"), List.of("2", "3")),
        StoreTables.rows(db, "SELECT source_event_id, line FROM events ORDER BY line"));
  }

  @Test
  void beginFile_keepsTheFirstReadOfEveryKey_andNoneAnotherFileHolds() {
    // a load of its own appends its events straight to the events table and deletes the ones
    // that are not new at commit: keys read again in the file and keys of an earlier file must
    // all count as duplicates, the first read kept
    Path db = tmp.resolve("s.duckdb");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      try (FileLoad earlier = s.beginFile(new FileMeta("/data/a.CSV", 1, null, null))) {
        earlier.add(event("9", "USA", "PRK"), "a.CSV", 1);
        earlier.commit("crc32c:0000000a:1", "gdelt2", 1, 0);
      }
      try (FileLoad load = s.beginFile(new FileMeta("/data/b.CSV", 2, null, null))) {
        String[] ids = {"1", "2", "1", "3", "9", "2", "4", "5", "6", "1", "7"};
        for (int i = 0; i < ids.length; i++) {
          load.add(event(ids[i], "USA", "PRK"), "b.CSV", i + 1);
        }
        // 7 new keys (1..7); 1 twice more, 2 once more, 9 held by a.CSV: 4 duplicates
        assertEquals(
            new FileLoad.LoadResult(7, 4, 0), load.commit("crc32c:0000000b:2", "gdelt2", 11, 0));
      }
      try (FileLoad failed = s.beginFile(new FileMeta("/data/c.CSV", 3, null, null))) {
        for (int i = 0; i < 7; i++) {
          failed.add(event("c" + i, "USA", "PRK"), "c.CSV", i + 1);
        }
        failed.abort(); // appended to the events table: the rollback takes them back
      }
    }
    assertEquals(
        List.of(
            List.of("9", "1"),
            List.of("1", "1"),
            List.of("2", "2"),
            List.of("3", "4"),
            List.of("4", "7"),
            List.of("5", "8"),
            List.of("6", "9"),
            List.of("7", "11")),
        StoreTables.rows(db, "SELECT source_event_id, line FROM events ORDER BY file_id, line"));
    assertEquals(
        List.of(List.of("/data/a.CSV", "1", "0"), List.of("/data/b.CSV", "7", "4")),
        StoreTables.rows(db, "SELECT path, rows_stored, rows_duplicate FROM files ORDER BY path"));
    assertEquals(
        List.of(List.of("8")), StoreTables.rows(db, "SELECT sum(n) FROM " + RollupSql.TABLE));
  }

  @Test
  void beginFile_abortOrCloseWithoutCommit_leavesNothing() {
    Path db = tmp.resolve("s.duckdb");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      FileLoad a = s.beginFile(new FileMeta("/a", 1, null, null));
      a.add(event("1", "USA", "PRK"), "a", 1);
      a.reject("a", 2, "bad date", null, "x");
      a.abort();
      a.abort(); // safe twice
      try (FileLoad b = s.beginFile(new FileMeta("/b", 1, null, null))) {
        b.add(event("2", "USA", "PRK"), "b", 1);
        b.reject("b", 2, "bad date", null, "x");
      } // closed without commit
      FileLoad c = s.beginFile(new FileMeta("/c", 1, null, null));
      c.add(event("3", "USA", "PRK"), "c", 1);
      c.commit("crc32c:00000003:1", "gdelt2", 1, 0);
    }
    assertEquals(List.of(1L, 0L, 1L), StoreTables.tableCounts(db));
    assertEquals("3", StoreTables.rows(db, "SELECT source_event_id FROM events").get(0).get(0));
  }

  @Test
  void open_existingFile_keepsEverythingAcrossReopen() {
    Path db = tmp.resolve("nested/dir/s.duckdb");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      load(s, "a.tsv", GdeltLines.lines(row(1, "20170801").v1()));
    }
    try (DuckDbStore s = DuckDbStore.open(db)) {
      assertEquals(1, only(s.aggregate(DyadQuery.monthly("USA", "PRK"))).n());
      assertTrue(s.toString().contains("s.duckdb"));
    }
  }

  @Test
  void open_fileThatIsNotADatabase_isRefusedAndLeftUntouched() throws IOException {
    Path notDb = tmp.resolve("notes.duckdb");
    String text = "this is not a DuckDB database\n".repeat(200);
    Files.writeString(notDb, text);
    NotAStoreException e = assertThrows(NotAStoreException.class, () -> DuckDbStore.open(notDb));
    assertTrue(e.getMessage().contains("notes.duckdb"), e.getMessage());
    assertThrows(NotAStoreException.class, () -> DuckDbStore.openReadOnly(notDb));
    assertEquals(text, Files.readString(notDb));
    assertFalse(Files.exists(tmp.resolve("notes.duckdb.wal")));
  }

  @Test
  void open_csvFile_isRefusedAndLeftUntouched() throws IOException {
    // a user's results file given as --db by mistake: before, DuckDB silently used memory
    Path csv = tmp.resolve("results.csv");
    byte[] bytes = "period,n\n2020,3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Files.write(csv, bytes);
    assertThrows(NotAStoreException.class, () -> DuckDbStore.open(csv));
    assertArrayEquals(bytes, Files.readAllBytes(csv));
  }

  @Test
  void open_duckDbDatabaseOfAnotherProgram_isRefusedAndKeepsItsTables() throws Exception {
    Path other = tmp.resolve("other.duckdb");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + other);
        java.sql.Statement st = c.createStatement()) {
      st.execute("CREATE TABLE results (x INTEGER)");
      st.execute("INSERT INTO results VALUES (42)");
    }
    NotAStoreException e = assertThrows(NotAStoreException.class, () -> DuckDbStore.open(other));
    assertTrue(e.getMessage().contains("another program"), e.getMessage());
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + other);
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_catalog ="
                    + " current_database()")) {
      rs.next();
      assertEquals(1, rs.getLong(1), "no Entente table was added");
    }
  }

  @Test
  void openReadOnly_missingFile_isRefusedWithoutCreatingIt() {
    Path missing = tmp.resolve("missing.duckdb");
    assertThrows(NotAStoreException.class, () -> DuckDbStore.openReadOnly(missing));
    assertFalse(Files.exists(missing));
  }

  @Test
  void openReadOnly_manyReadersShareTheFile_andCannotWrite() {
    Path db = tmp.resolve("shared.duckdb");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      load(s, "a.tsv", GdeltLines.lines(row(1, "20170801").v1()));
    }
    try (DuckDbStore r1 = DuckDbStore.openReadOnly(db);
        DuckDbStore r2 = DuckDbStore.openReadOnly(db)) {
      assertTrue(r1.readOnly());
      assertEquals(1, only(r1.aggregate(DyadQuery.monthly("USA", "PRK"))).n());
      assertEquals(1, only(r2.aggregate(DyadQuery.monthly("USA", "PRK"))).n());
      StoreException e =
          assertThrows(
              StoreException.class,
              () -> r1.beginFile(new org.entente.store.FileMeta("b.tsv", 1, null, null)));
      assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    }
  }

  /**
   * The manifest's formats and actor filters: a writable store reads them anew (a load adds a
   * format), a read-only store once (no writer can change its file while it is open; every scoped
   * dyad query of a request asks for them).
   */
  @Test
  void manifest_writableStoreReadsItAnew_readOnlyStoreKeepsItsFirstReading() {
    Path db = tmp.resolve("manifest.duckdb");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      load(s, "a.tsv", GdeltLines.lines(row(1, "20170801").v1()));
      assertEquals(List.of("gdelt1"), s.formats());
      load(s, "b.CSV", GdeltLines.lines(row(2, "20170802").v2()));
      assertEquals(List.of("gdelt1", "gdelt2"), s.formats());
      assertNotSame(s.formats(), s.formats());
    }
    try (DuckDbStore r = DuckDbStore.openReadOnly(db)) {
      List<String> formats = r.formats();
      assertEquals(List.of("gdelt1", "gdelt2"), formats);
      assertSame(formats, r.formats());
      assertThrows(UnsupportedOperationException.class, () -> formats.add("x"));
      assertSame(r.actorFilters(), r.actorFilters());
      // scoped queries, which ask for both, still answer
      for (String source : List.of("gdelt1", "gdelt2")) {
        assertEquals(
            1,
            only(org.entente.store.SourceSelection.scope(r, source)
                    .aggregate(DyadQuery.monthly("USA", "PRK")))
                .n());
      }
    }
  }

  @Test
  void openReadOnly_queriesFromManyThreadsAtOnce_giveTheSameAnswers() throws Exception {
    Path db = tmp.resolve("threads.duckdb");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      load(
          s,
          "a.tsv",
          GdeltLines.lines(
              row(1, "20170801").v1(), row(2, "20170802").v1(), row(3, "20170901").v1()));
    }
    try (DuckDbStore r = DuckDbStore.openReadOnly(db)) {
      var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
      try {
        List<java.util.concurrent.Future<Long>> fs = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
          fs.add(
              pool.submit(
                  () ->
                      r.aggregate(DyadQuery.monthly("USA", "PRK")).stream()
                          .mapToLong(a -> a.n())
                          .sum()));
        }
        for (var f : fs) {
          assertEquals(3L, f.get());
        }
      } finally {
        pool.shutdown();
      }
    }
  }
}
