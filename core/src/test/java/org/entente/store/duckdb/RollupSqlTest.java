package org.entente.store.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;
import org.entente.cameo.Cameo;
import org.entente.cameo.CameoEventType;
import org.entente.model.Event;
import org.entente.store.DyadQuery;
import org.entente.store.FileLoad;
import org.entente.store.FileMeta;
import org.entente.store.PeriodAggregate;
import org.junit.jupiter.api.Test;

/**
 * The dyad-month rollup answers every query it supports exactly as the events do: random events
 * (missing types, roots and counts included, several files so the rollup is merged), compared query
 * by query with the event-level SQL.
 */
class RollupSqlTest {
  private static final String[] COUNTRIES = {"RUS", "PRK", "USA", "CHN", null};
  private static final String[] TYPES = {"GOV", "MIL", "BUS", null};

  static void fill(DuckDbStore s, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<CameoEventType> codes = List.copyOf(Cameo.bundled().eventTypes());
    int id = 0;
    for (int file = 0; file < 3; file++) {
      try (FileLoad load = s.beginFile(new FileMeta("/f" + file, 1, null, null))) {
        for (int i = 0; i < 400; i++) {
          CameoEventType t = codes.get(r.nextInt(codes.size()));
          String c1 = COUNTRIES[r.nextInt(COUNTRIES.length)];
          String c2 = COUNTRIES[r.nextInt(COUNTRIES.length)];
          boolean gdelt = r.nextBoolean();
          // a third of the rows of later files repeat earlier ids: duplicates must not count twice
          int eventId = file > 0 && r.nextInt(3) == 0 ? r.nextInt(Math.max(1, id)) : id++;
          LocalDate day = LocalDate.of(2014 + eventId % 3, 1 + eventId % 12, 1 + eventId % 28);
          load.add(
              new Event(
                  gdelt ? "gdelt2" : "icews",
                  Integer.toString(eventId),
                  day,
                  c1,
                  c1,
                  TYPES[r.nextInt(TYPES.length)],
                  c2,
                  c2,
                  TYPES[r.nextInt(TYPES.length)],
                  t.code(),
                  t.code().length() > 3 ? t.code().substring(0, 3) : t.code(),
                  t.root(),
                  t.quad(),
                  t.goldstein(),
                  gdelt ? r.nextInt(50) : null,
                  gdelt ? r.nextInt(10) : null,
                  gdelt ? r.nextInt(40) : null,
                  null,
                  null,
                  gdelt ? Boolean.valueOf(r.nextBoolean()) : null,
                  null),
              "part",
              i + 1);
        }
        load.commit("crc32c:" + file, "test", 400, 0);
      }
    }
  }

  private static DyadQuery all(DyadQuery.Weighting w) {
    return new DyadQuery(
        "RUS",
        "PRK",
        false,
        null,
        null,
        DyadQuery.Frequency.MONTH,
        w,
        DyadQuery.Dedup.NONE,
        false,
        false);
  }

  @Test
  void aggregate_everySupportedQuery_equalsTheEventLevelResult() {
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      fill(s, 42);
      int compared = 0;
      for (String[] pair : new String[][] {{"RUS", "PRK"}, {"USA", "CHN"}, {"PRK", "USA"}}) {
        for (boolean directed : new boolean[] {false, true}) {
          for (DyadQuery.Frequency f : DyadQuery.Frequency.values()) {
            for (DyadQuery.Weighting w : DyadQuery.Weighting.values()) {
              if (!RollupSql.supports(all(w))) {
                continue; // allmentions reads the mentions: never the rollup
              }
              for (DyadQuery.Dedup d : List.of(DyadQuery.Dedup.NONE, DyadQuery.Dedup.ROOT)) {
                for (int flags = 0; flags < 4; flags++) {
                  for (YearMonth[] range :
                      new YearMonth[][] {
                        {null, null}, {YearMonth.of(2014, 5), YearMonth.of(2015, 8)}
                      }) {
                    DyadQuery all =
                        new DyadQuery(
                            pair[0],
                            pair[1],
                            directed,
                            range[0],
                            range[1],
                            f,
                            w,
                            d,
                            (flags & 1) != 0,
                            (flags & 2) != 0);
                    // one source at a time too (without the filters: they are checked above)
                    for (String source :
                        flags == 0 ? new String[] {null, "gdelt2", "icews"} : new String[] {null}) {
                      DyadQuery q = all.withDataSource(source);
                      assertSame(s.aggregateFromEvents(q), s.aggregate(q), q.toString());
                      // summed in Java from the rollup rows: DuckDB's GROUP BY, bit for bit
                      assertEquals(s.aggregateInSql(q), s.aggregate(q), q.toString());
                      assertEquals(s.extentFromEvents(q), s.extent(q), q.toString());
                      compared++;
                    }
                  }
                }
              }
            }
          }
        }
      }
      assertEquals(3 * 2 * 3 * 5 * 2 * (4 + 2) * 2, compared);
    }
  }

  @Test
  void aggregate_chronologyStore_equalsDuckDbsGroupByBitForBit() {
    // the bundled chronology's Goldstein values (one decimal) make sums that depend on the order
    // of addition: the sums added in Java must be DuckDB's exactly, at every frequency
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      org.entente.ingest.FileReport r =
          new org.entente.ingest.Ingestor(s, Cameo.bundled())
              .ingestBytes(
                  "chronology.tsv",
                  org.entente.system.Chronology.bundledBytes(),
                  org.entente.ingest.IngestOptions.defaults(),
                  org.entente.ingest.IngestListener.NONE);
      assertTrue(r.stored() > 500, r.toString());
      String[] six = {"RUS", "PRK", "CHN", "USA", "KOR", "JPN"};
      int periods = 0;
      for (String a : six) {
        for (String b : six) {
          for (DyadQuery.Frequency f : DyadQuery.Frequency.values()) {
            if (a.equals(b)) {
              continue;
            }
            DyadQuery q =
                new DyadQuery(
                    a,
                    b,
                    a.compareTo(b) < 0,
                    null,
                    null,
                    f,
                    DyadQuery.Weighting.NONE,
                    DyadQuery.Dedup.NONE,
                    false,
                    false);
            List<PeriodAggregate> expected = s.aggregateInSql(q);
            assertEquals(expected, s.aggregate(q), q.toString());
            periods += expected.size();
          }
        }
      }
      assertTrue(periods > 500, "periods compared: " + periods);
      // all dyads among the six, both directions and pooled, read in one scan: the same sums
      for (DyadQuery.Frequency f : DyadQuery.Frequency.values()) {
        List<DyadQuery> all = new java.util.ArrayList<>();
        for (String a : six) {
          for (String b : six) {
            if (!a.equals(b)) {
              for (boolean directed : new boolean[] {true, false}) {
                all.add(
                    new DyadQuery(
                        a,
                        b,
                        directed,
                        YearMonth.of(1991, 1),
                        YearMonth.of(2024, 12),
                        f,
                        DyadQuery.Weighting.NONE,
                        DyadQuery.Dedup.NONE,
                        false,
                        false));
              }
            }
          }
        }
        List<List<PeriodAggregate>> together = s.aggregateAll(all);
        for (int i = 0; i < all.size(); i++) {
          assertEquals(s.aggregateInSql(all.get(i)), together.get(i), all.get(i).toString());
        }
      }
    }
  }

  @Test
  void aggregateAll_weightedAndFilteredQueriesOfRandomEvents_equalEachQueryAlone() {
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      fill(s, 7);
      String[] four = {"RUS", "PRK", "USA", "CHN"};
      for (DyadQuery.Weighting w : DyadQuery.Weighting.values()) {
        if (!RollupSql.supports(all(w))) {
          continue; // allmentions reads the mentions, one query at a time
        }
        for (int flags = 0; flags < 8; flags++) {
          for (String source : new String[] {null, "gdelt2"}) {
            List<DyadQuery> all = new java.util.ArrayList<>();
            for (String a : four) {
              for (String b : four) {
                if (!a.equals(b)) {
                  for (boolean directed : new boolean[] {true, false}) {
                    all.add(
                        new DyadQuery(
                                a,
                                b,
                                directed,
                                YearMonth.of(2014, 3),
                                YearMonth.of(2016, 10),
                                DyadQuery.Frequency.QUARTER,
                                w,
                                (flags & 4) != 0 ? DyadQuery.Dedup.ROOT : DyadQuery.Dedup.NONE,
                                (flags & 1) != 0,
                                (flags & 2) != 0)
                            .withDataSource(source));
                  }
                }
              }
            }
            List<List<PeriodAggregate>> together = s.aggregateAll(all);
            for (int i = 0; i < all.size(); i++) {
              assertEquals(s.aggregateInSql(all.get(i)), together.get(i), all.get(i).toString());
            }
          }
        }
      }
    }
  }

  @Test
  void aggregate_oneSource_countsOnlyItsEventsAndTheSourcesAddUp() {
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      fill(s, 11);
      DyadQuery q = DyadQuery.monthly("RUS", "PRK");
      long all = s.aggregate(q).stream().mapToLong(PeriodAggregate::n).sum();
      long gdelt =
          s.aggregate(q.withDataSource("gdelt2")).stream().mapToLong(PeriodAggregate::n).sum();
      long icews =
          s.aggregate(q.withDataSource("icews")).stream().mapToLong(PeriodAggregate::n).sum();
      assertTrue(gdelt > 0 && icews > 0, gdelt + " " + icews);
      assertEquals(all, gdelt + icews);
      assertEquals(List.of(), s.aggregate(q.withDataSource("gdelt1")));
      List<org.entente.store.SourceInfo> sources = s.sources();
      assertEquals(
          List.of("gdelt2", "icews"),
          sources.stream().map(org.entente.store.SourceInfo::name).toList());
      assertEquals(
          sources.stream().mapToLong(org.entente.store.SourceInfo::rows).sum(),
          s.summary().eventsBySource().stream().mapToLong(c -> c.count()).sum());
    }
  }

  @Test
  void schema_version2Store_renamesTheChronologySourceAndSplitsTheRollupBySource() {
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      fill(s, 5);
      DyadQuery q = DyadQuery.monthly("RUS", "PRK").withDataSource("icews");
      List<PeriodAggregate> icews = s.aggregate(q);
      try (var st = s.connection().createStatement()) {
        // a version 2 store: chronology events named 'entente', a rollup without a source column
        st.execute("UPDATE events SET source = 'entente' WHERE source = 'icews'");
        st.execute("DROP TABLE " + RollupSql.TABLE);
        st.execute(
            "CREATE TABLE "
                + RollupSql.TABLE
                + " AS SELECT * EXCLUDE (source) FROM ("
                + RollupSql.rollupOf("events")
                + ")");
        st.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'");
        Schema.create(s.connection());
      } catch (java.sql.SQLException e) {
        throw new AssertionError(e);
      }
      assertSame(icews, s.aggregate(q.withDataSource("chronology")), "renamed source");
      assertEquals(List.of(), s.aggregate(q.withDataSource("entente")));
    }
  }

  @Test
  void schema_storeWithoutRollup_buildsItFromTheEvents() {
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      fill(s, 7);
      DyadQuery q = DyadQuery.monthly("RUS", "PRK");
      List<PeriodAggregate> before = s.aggregate(q);
      try (var st = s.connection().createStatement()) {
        st.execute("DROP TABLE " + RollupSql.TABLE);
        Schema.create(s.connection());
      } catch (java.sql.SQLException e) {
        throw new AssertionError(e);
      }
      assertSame(before, s.aggregate(q), "rebuilt rollup");
      assertTrue(!before.isEmpty());
    }
  }

  /**
   * The rollups keep one row per key (since schema 12 no PRIMARY KEY enforces it): three files
   * whose events share months add to the rows they share, and the rows are exactly those of a
   * rollup built from all the events at once.
   */
  @Test
  void merge_filesSharingMonths_keepOneRowPerKeyWithTheSumsOfAllTheEvents() throws Exception {
    try (DuckDbStore s = DuckDbStore.inMemory();
        var st = s.connection().createStatement()) {
      fill(s, 5);
      for (String[] t :
          new String[][] {
            {RollupSql.TABLE, RollupSql.KEY, RollupSql.rollupOf("events")},
            {CodeRollupSql.TABLE, CodeRollupSql.KEY, CodeRollupSql.rollupOf("events")}
          }) {
        long rows = count(st, "SELECT count(*) FROM " + t[0]);
        assertEquals(rows, count(st, "SELECT count(DISTINCT (" + t[1] + ")) FROM " + t[0]), t[0]);
        long perFile = 0;
        for (int file = 1; file <= 3; file++) {
          String ofFile =
              t[2].replace(
                  " FROM events ", " FROM (SELECT * FROM events WHERE file_id = " + file + ") ");
          perFile += count(st, "SELECT count(*) FROM (" + ofFile + ")");
        }
        // the files' own dyad rollups overlap: rows were merged, not only inserted (the code
        // rollup's keys hold the event code too: AggregateSchemaTest merges into its rows)
        long merged = t[0].equals(RollupSql.TABLE) ? 50 : 0;
        assertTrue(perFile >= rows + merged, t[0] + ": " + perFile + " rows by file, " + rows);
        assertEquals(
            0, count(st, "SELECT count(*) FROM (FROM " + t[0] + " EXCEPT ALL " + t[2] + ")"));
        assertEquals(
            0, count(st, "SELECT count(*) FROM (" + t[2] + " EXCEPT ALL FROM " + t[0] + ")"));
      }
    }
  }

  private static long count(java.sql.Statement st, String sql) throws java.sql.SQLException {
    try (java.sql.ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void codeCounts_everySupportedQuery_equalsTheEventLevelCounts() {
    // the code rollup (schema 7) against the events, query by query: counts and GOV-GOV counts
    // exactly, weights within rounding (logmentions is summed per rollup row first)
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      fill(s, 43);
      int compared = 0;
      int rows = 0;
      for (String[] pair : new String[][] {{"RUS", "PRK"}, {"USA", "CHN"}}) {
        for (boolean directed : new boolean[] {false, true}) {
          for (DyadQuery.Weighting w : DyadQuery.Weighting.values()) {
            if (!RollupSql.supports(all(w))) {
              continue;
            }
            for (DyadQuery.Dedup d : List.of(DyadQuery.Dedup.NONE, DyadQuery.Dedup.ROOT)) {
              for (int flags = 0; flags < 4; flags++) {
                for (YearMonth[] range :
                    new YearMonth[][] {
                      {null, null}, {YearMonth.of(2014, 5), YearMonth.of(2015, 8)}
                    }) {
                  for (String source : new String[] {null, "gdelt2", "icews"}) {
                    DyadQuery q =
                        new DyadQuery(
                                pair[0],
                                pair[1],
                                directed,
                                range[0],
                                range[1],
                                DyadQuery.Frequency.YEAR,
                                w,
                                d,
                                (flags & 1) != 0,
                                (flags & 2) != 0)
                            .withDataSource(source);
                    List<org.entente.store.CodeCount> expected = s.codeCountsFromEvents(q);
                    List<org.entente.store.CodeCount> actual = s.codeCounts(q);
                    assertEquals(expected.size(), actual.size(), q.toString());
                    for (int i = 0; i < expected.size(); i++) {
                      org.entente.store.CodeCount e = expected.get(i);
                      org.entente.store.CodeCount a = actual.get(i);
                      assertEquals(counted(e), counted(a), q.toString());
                      assertEquals(
                          e.weight(), a.weight(), 1e-12 * Math.max(1, e.weight()), q.toString());
                    }
                    rows += expected.size();
                    compared++;
                  }
                }
              }
            }
          }
        }
      }
      assertEquals(2 * 2 * 5 * 2 * 4 * 2 * 3, compared);
      assertTrue(rows > 5000, "code rows compared: " + rows);
    }
  }

  @Test
  void extentAll_inOneRead_equalsTheUnionOfEachQuerysExtent() {
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      fill(s, 44);
      String[] countries = {"RUS", "PRK", "USA", "CHN"};
      int compared = 0;
      for (boolean directed : new boolean[] {false, true}) {
        for (int flags = 0; flags < 4; flags++) {
          for (String source : new String[] {null, "gdelt2", "icews"}) {
            for (YearMonth[] range :
                new YearMonth[][] {{null, null}, {YearMonth.of(2014, 5), YearMonth.of(2015, 8)}}) {
              // the six pairs of four countries, and two subsets
              List<DyadQuery> pairs = new java.util.ArrayList<>();
              for (int i = 0; i < countries.length; i++) {
                for (int j = i + 1; j < countries.length; j++) {
                  pairs.add(
                      new DyadQuery(
                              countries[i],
                              countries[j],
                              directed,
                              range[0],
                              range[1],
                              DyadQuery.Frequency.QUARTER,
                              DyadQuery.Weighting.NONE,
                              DyadQuery.Dedup.NONE,
                              (flags & 1) != 0,
                              (flags & 2) != 0)
                          .withDataSource(source));
                }
              }
              for (List<DyadQuery> some :
                  List.of(pairs, pairs.subList(0, 2), pairs.subList(4, 6))) {
                // the union of each query's own extent, read one by one from the events
                YearMonth lo = null;
                YearMonth hi = null;
                for (DyadQuery q : some) {
                  java.util.Optional<org.entente.store.MonthRange> e = s.extentFromEvents(q);
                  if (e.isPresent()) {
                    lo = lo == null || e.get().first().isBefore(lo) ? e.get().first() : lo;
                    hi = hi == null || e.get().last().isAfter(hi) ? e.get().last() : hi;
                  }
                }
                assertEquals(
                    lo == null
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(new org.entente.store.MonthRange(lo, hi)),
                    s.extentAll(some),
                    some.toString());
                compared++;
              }
            }
          }
        }
      }
      assertEquals(2 * 4 * 3 * 2 * 3, compared);
    }
  }

  @Test
  void codeCountsAll_inOneRead_equalsEachQuerysOwnCounts() {
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      fill(s, 45);
      String[] countries = {"RUS", "PRK", "USA", "CHN"};
      int compared = 0;
      for (boolean directed : new boolean[] {false, true}) {
        for (DyadQuery.Weighting w :
            List.of(DyadQuery.Weighting.NONE, DyadQuery.Weighting.LOGMENTIONS)) {
          for (String source : new String[] {null, "gdelt2"}) {
            List<DyadQuery> pairs = new java.util.ArrayList<>();
            for (int i = 0; i < countries.length; i++) {
              for (int j = 0; j < countries.length; j++) {
                if (i != j && (directed || i < j)) {
                  pairs.add(
                      new DyadQuery(
                              countries[i],
                              countries[j],
                              directed,
                              YearMonth.of(2014, 3),
                              YearMonth.of(2016, 2),
                              DyadQuery.Frequency.MONTH,
                              w,
                              DyadQuery.Dedup.ROOT,
                              false,
                              true)
                          .withDataSource(source));
                }
              }
            }
            List<List<org.entente.store.CodeCount>> all = s.codeCountsAll(pairs);
            assertEquals(pairs.size(), all.size());
            for (int k = 0; k < pairs.size(); k++) {
              List<org.entente.store.CodeCount> own = s.codeCountsFromEvents(pairs.get(k));
              assertEquals(own.size(), all.get(k).size(), pairs.get(k).toString());
              for (int i = 0; i < own.size(); i++) {
                org.entente.store.CodeCount e = own.get(i);
                org.entente.store.CodeCount a = all.get(k).get(i);
                assertEquals(counted(e), counted(a), pairs.get(k).toString());
                assertEquals(e.weight(), a.weight(), 1e-12 * Math.max(1, e.weight()));
              }
              assertTrue(!own.isEmpty(), pairs.get(k).toString());
              compared++;
            }
          }
        }
      }
      assertEquals(2 * (6 + 12) * 2, compared);
    }
  }

  @Test
  void codeCounts_codesWithLeadingZerosAndLetters_comeBackAsStored() {
    // the rollup query returns codes of digits as numbers (length and value): leading zeros must
    // survive, and a code with a letter comes back as text; codes are ordered by code point, as
    // DuckDB orders their UTF-8 bytes (U+FF21 before U+1F600, whose UTF-16 surrogates sort first)
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      try (FileLoad load = s.beginFile(new FileMeta("/codes", 1, null, null))) {
        String[] codes = {
          "0211", "020", "01", "13A", "1823", "0211", "\uD83D\uDE00", "\uFF21\uFF21"
        };
        for (int i = 0; i < codes.length; i++) {
          load.add(
              new Event(
                  "gdelt2",
                  Integer.toString(i),
                  LocalDate.of(2020, 3, 1 + i),
                  "RUS",
                  "RUS",
                  "GOV",
                  "PRK",
                  "PRK",
                  "GOV",
                  codes[i],
                  codes[i].substring(0, Math.min(3, codes[i].length())),
                  codes[i].substring(0, 2),
                  1,
                  1.0,
                  3,
                  1,
                  3,
                  null,
                  null,
                  Boolean.TRUE,
                  null),
              "part",
              i + 1);
        }
        load.commit("crc32c:codes", "test", codes.length, 0);
      }
      DyadQuery q = DyadQuery.monthly("PRK", "RUS");
      List<org.entente.store.CodeCount> counts = s.codeCounts(q);
      assertEquals(s.codeCountsFromEvents(q), counts);
      assertEquals(
          List.of("01", "020", "0211", "13A", "1823", "\uFF21\uFF21", "\uD83D\uDE00"),
          counts.stream().map(org.entente.store.CodeCount::eventCode).toList());
      assertEquals(2, counts.get(2).events());
      assertEquals("RUS", counts.get(0).source());
    }
  }

  @Test
  void schema_storeWithoutCodeRollup_buildsItFromTheEvents() {
    // a version 6 store has no code rollup: opening it builds the table from the events
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      fill(s, 8);
      DyadQuery q = DyadQuery.monthly("RUS", "PRK");
      List<org.entente.store.CodeCount> before = s.codeCountsFromEvents(q);
      try (var st = s.connection().createStatement()) {
        st.execute("DROP TABLE " + CodeRollupSql.TABLE);
        Schema.create(s.connection());
      } catch (java.sql.SQLException e) {
        throw new AssertionError(e);
      }
      assertEquals(before, s.codeCounts(q));
      assertTrue(before.size() > 20, "codes: " + before.size());
    }
  }

  /** A code count without its weight (compared within rounding apart). */
  private static List<Object> counted(org.entente.store.CodeCount c) {
    return List.of(
        c.month(),
        c.source(),
        c.target(),
        c.eventCode(),
        c.quadClass(),
        c.events(),
        c.betweenGovernments());
  }

  private static void assertSame(
      List<PeriodAggregate> expected, List<PeriodAggregate> actual, String what) {
    assertEquals(expected.size(), actual.size(), what);
    for (int i = 0; i < expected.size(); i++) {
      PeriodAggregate e = expected.get(i);
      PeriodAggregate a = actual.get(i);
      assertEquals(e.periodStart(), a.periodStart(), what);
      assertEquals(e.n(), a.n(), what);
      double[] ev = {e.w1(), e.w2(), e.w3(), e.w4(), e.goldsteinWeightedSum(), e.weightSum()};
      double[] av = {a.w1(), a.w2(), a.w3(), a.w4(), a.goldsteinWeightedSum(), a.weightSum()};
      for (int k = 0; k < ev.length; k++) {
        assertEquals(ev[k], av[k], 1e-9 * Math.max(1, Math.abs(ev[k])), what + " value " + k);
      }
    }
  }
}
