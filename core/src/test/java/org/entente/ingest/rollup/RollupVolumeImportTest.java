package org.entente.ingest.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.entente.ingest.FileReport;
import org.entente.ingest.StoreTables;
import org.entente.store.FileLoad;
import org.entente.store.FileMeta;
import org.entente.store.RollupFrequency;
import org.entente.store.StoreException;
import org.entente.store.VolumeRow;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Version 2 of the rollup format: a last column {@code kind}; volume rows (a state's events with
 * any actor) go to the store's {@code volumes} table, checked as strictly as dyad rows. The rows
 * below are hand-written (synthetic).
 */
class RollupVolumeImportTest {
  @TempDir Path tmp;

  private static final String HEADER =
      "source,freq,period,actor1,actor2,directed,n,w1,w2,w3,w4,goldstein_sum,score,coverage,kind";

  private FileReport importLines(DuckDbStore s, String name, String... lines) throws Exception {
    Path f = tmp.resolve(name);
    Files.writeString(f, HEADER + "\n" + String.join("\n", lines) + "\n");
    return ImportFixtures.importFile(s, f, new Imports.Options(ImportFormat.ROLLUP, null, null));
  }

  /**
   * Version 3: rows of kind held name the pairs a source holds; they go to {@code held_pairs} (each
   * pair once, smaller code first), and a held row with a period, a quantity, a direction or one
   * country twice is rejected with its reason. The source then holds those pairs only.
   */
  @Test
  void version3_heldRows_areStoredOnceAndRestrictTheSourceToTheirPairs() throws Exception {
    Path db = tmp.resolve("s3.duckdb");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      FileReport r =
          importLines(
              s,
              "v3.csv",
              "gv,month,2019-10,RUS,PRK,true,4,2,1,1,0,3.5,,,dyad",
              "gv,month,2019-10,CHN,JPN,true,2,2,0,0,0,1.0,,,dyad",
              "gv,month,,RUS,PRK,false,,,,,,,,,held",
              "gv,month,,PRK,RUS,false,,,,,,,,,held",
              "gv,month,,USA,RUS,FALSE,,,,,,,,,Held",
              "gv,month,2019-10,USA,PRK,false,,,,,,,,,held",
              "gv,month,,USA,PRK,false,1,,,,,,,,held",
              "gv,month,,USA,PRK,true,,,,,,,,,held",
              "gv,month,,USA,USA,false,,,,,,,,,held",
              "gv,month,,USA,XXX,false,,,,,,,,,held");
      assertEquals(10, r.read(), r.toString());
      assertEquals(4, r.stored(), r.toString());
      assertEquals(1, r.duplicate(), r.toString());
      assertEquals(5, r.rejected(), r.toString());
      org.entente.store.EventStore scoped = org.entente.store.SourceSelection.scope(s, "gv");
      assertEquals(1, scoped.aggregate(org.entente.store.DyadQuery.monthly("RUS", "PRK")).size());
      org.entente.store.UnsupportedQueryException e =
          assertThrows(
              org.entente.store.UnsupportedQueryException.class,
              () -> scoped.aggregate(org.entente.store.DyadQuery.monthly("CHN", "JPN")));
      assertTrue(
          e.getMessage().contains("'gv' was imported from")
              && e.getMessage().contains("PRK-RUS, RUS-USA"),
          e.getMessage());
      // info's count of the source's dyads: the held pairs with rows (not CHN-JPN, refused)
      assertEquals(1, dyads(s, "gv"));
    }
    assertEquals(
        List.of(List.of("PRK", "RUS"), List.of("RUS", "USA")),
        StoreTables.rows(db, "SELECT actor1, actor2 FROM held_pairs ORDER BY ALL"));
    assertEquals(
        List.of(
            List.of("bad held row"),
            List.of("bad held row"),
            List.of("bad held row"),
            List.of("bad held row"),
            List.of("unknown country")),
        StoreTables.rows(db, "SELECT reason FROM rejects ORDER BY reason"));
  }

  /**
   * A file whose held rows are all rejected (here: another frequency than its dyad rows') still
   * restricts its source: it answers no pair, saying why, instead of every pair as zero events.
   */
  @Test
  void version3_heldRowsAllRejected_leaveTheSourceAnsweringNoPair() throws Exception {
    Path db = tmp.resolve("s4.duckdb");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      FileReport r =
          importLines(
              s,
              "rejected.csv",
              "s3,month,2023-01,USA,RUS,true,3,1,1,1,0,2.5,,,dyad",
              "s3,day,,RUS,USA,false,,,,,,,,,held");
      assertEquals(2, r.read(), r.toString());
      assertEquals(1, r.stored(), r.toString());
      assertEquals(1, r.rejected(), r.toString());
      assertEquals(0, r.duplicate(), r.toString());
      org.entente.store.EventStore scoped = org.entente.store.SourceSelection.scope(s, "s3");
      for (String[] pair : new String[][] {{"USA", "RUS"}, {"CHN", "JPN"}}) {
        org.entente.store.UnsupportedQueryException e =
            assertThrows(
                org.entente.store.UnsupportedQueryException.class,
                () -> scoped.aggregate(org.entente.store.DyadQuery.monthly(pair[0], pair[1])));
        assertTrue(e.getMessage().contains("were all rejected"), e.getMessage());
      }
      assertEquals(0, dyads(s, "s3"), "no pair answers");
    }
  }

  /**
   * With several files of one source, a pair answers (and counts among the source's dyads in {@code
   * info}) only if every file with held rows holds it: two files holding different pairs leave no
   * pair; a file whose held rows were all rejected leaves none either.
   */
  @Test
  void version3_severalFilesOfASource_countThePairsEveryHeldFileHolds() throws Exception {
    try (DuckDbStore s = DuckDbStore.open(tmp.resolve("s5.duckdb"))) {
      importLines(
          s,
          "a.csv",
          "gv,month,2019-10,RUS,PRK,true,4,2,1,1,0,3.5,,,dyad",
          "gv,month,,PRK,RUS,false,,,,,,,,,held");
      assertEquals(1, dyads(s, "gv"));
      importLines(
          s,
          "b.csv",
          "gv,month,2019-11,CHN,JPN,true,2,2,0,0,0,1.0,,,dyad",
          "gv,month,,CHN,JPN,false,,,,,,,,,held");
      org.entente.store.EventStore scoped = org.entente.store.SourceSelection.scope(s, "gv");
      for (String[] pair : new String[][] {{"RUS", "PRK"}, {"CHN", "JPN"}}) {
        assertThrows(
            org.entente.store.UnsupportedQueryException.class,
            () -> scoped.aggregate(org.entente.store.DyadQuery.monthly(pair[0], pair[1])));
      }
      assertEquals(0, dyads(s, "gv"), "neither pair is held by both files");
      importLines(
          s,
          "c.csv",
          "gw,month,2019-10,RUS,PRK,true,4,2,1,1,0,3.5,,,dyad",
          "gw,month,,PRK,RUS,false,,,,,,,,,held");
      importLines(
          s,
          "d.csv",
          "gw,month,2019-12,RUS,PRK,true,1,1,0,0,0,1.0,,,dyad",
          "gw,month,,USA,USA,false,,,,,,,,,held");
      assertEquals(0, dyads(s, "gw"), "d.csv's held rows were all rejected: no pair answers");
    }
  }

  /** The number of dyads {@code source} has data for, as {@code info} shows it. */
  private static long dyads(DuckDbStore s, String source) {
    return s.sources().stream()
        .filter(x -> x.name().equals(source))
        .findFirst()
        .orElseThrow()
        .dyads();
  }

  /**
   * Imported sums are exact: daily Goldstein sums 0.1, 0.2 and 0.3 give a month of 0.6 (the exact
   * sum of the three doubles, by BigDecimal) in either order of the rows; a quantity of 1.5e308,
   * which two of summed to infinity (an empty value in a yearly series), is rejected with its
   * reason.
   */
  @Test
  void importedSums_exactInAnyRowOrder_andHugeValuesRejected() throws Exception {
    String[] rows = {
      "gx,day,2019-10-01,RUS,PRK,true,1,1,0,0,0,0.1,,,dyad",
      "gx,day,2019-10-02,RUS,PRK,true,1,1,0,0,0,0.2,,,dyad",
      "gx,day,2019-10-03,RUS,PRK,true,1,1,0,0,0,0.3,,,dyad"
    };
    double exact =
        new java.math.BigDecimal(0.1)
            .add(new java.math.BigDecimal(0.2))
            .add(new java.math.BigDecimal(0.3))
            .doubleValue();
    int k = 0;
    for (String[] order : new String[][] {rows, {rows[2], rows[1], rows[0]}}) {
      k++;
      Path db = tmp.resolve("exact" + k + ".duckdb");
      try (DuckDbStore s = DuckDbStore.open(db)) {
        FileReport r =
            importLines(
                s,
                "sums" + k + ".csv",
                order[0],
                order[1],
                order[2],
                "gx,day,2019-10-04,RUS,PRK,true,1,1,0,0,0,1.5e308,,,dyad",
                "gx,day,2019-10-05,RUS,PRK,true,1,1,0,0,0,,1e15,,dyad");
        assertEquals(3, r.stored(), r.toString());
        assertEquals(2, r.rejected(), r.toString());
        org.entente.store.EventStore scoped = org.entente.store.SourceSelection.scope(s, "gx");
        List<org.entente.store.PeriodAggregate> month =
            scoped.aggregate(org.entente.store.DyadQuery.monthly("RUS", "PRK"));
        assertEquals(1, month.size(), month.toString());
        assertEquals(exact, month.get(0).goldsteinWeightedSum());
        assertEquals(0.6, month.get(0).goldsteinWeightedSum());
      }
      assertTrue(
          StoreTables.rows(db, "SELECT detail FROM rejects ORDER BY line").stream()
              .allMatch(d -> d.get(0).contains("below 10^15")),
          StoreTables.rows(db, "SELECT detail FROM rejects").toString());
    }
  }

  @Test
  void version2_dyadAndVolumeRows_areStoredEachInItsTable() throws Exception {
    Path db = tmp.resolve("s.duckdb");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      FileReport r =
          importLines(
              s,
              "v2.csv",
              "gv,month,2019-10,RUS,PRK,true,4,2,1,1,0,3.5,,,dyad",
              "gv,month,2019-10,PRK,RUS,true,1,1,0,0,0,1.0,,,",
              "gv,month,2019-10,RUS,,,120,60,20,30,10,88.25,,,volume",
              "gv,month,2019-10,PRK,,,30,10,5,10,5,-4.5,,,volume",
              // a second report of the same state-month: a duplicate, the first read kept
              "gv,month,2019-10,PRK,,,31,10,5,10,6,-4.5,,,volume",
              "gv,month,2019-10,USA,CHN,,5,1,1,1,2,0,,,volume",
              "gv,month,2019-10,USA,,,,1,1,1,2,0,,,volume",
              "gv,month,2019-10,USA,,,5,1,1,1,2,0,,,states",
              "gv,month,2019-10,XXX,,,5,1,1,1,2,0,,,volume",
              "gv,month,2019-10,USA,,,5,1,1,1,2,0,7.5,,volume");
      assertEquals(10, r.read(), r.toString());
      assertEquals(4, r.stored(), r.toString());
      assertEquals(1, r.duplicate(), r.toString());
      assertEquals(5, r.rejected(), r.toString());
    }
    assertEquals(
        List.of(List.of("PRK", "30", "-4.5"), List.of("RUS", "120", "88.25")),
        StoreTables.rows(
            db,
            "SELECT actor, CAST(n AS VARCHAR), CAST(goldstein_sum AS VARCHAR) FROM volumes"
                + " ORDER BY actor"));
    assertEquals(2, StoreTables.count(db, "SELECT count(*) FROM aggregates"));
    assertEquals(
        List.of(
            List.of("bad kind"),
            List.of("bad row"),
            List.of("bad volume row"),
            List.of("bad volume row"),
            List.of("unknown country")),
        StoreTables.rows(db, "SELECT reason FROM rejects ORDER BY reason"));
  }

  @Test
  void volumeRows_ofAnotherFrequencyOrAnEventSource_areRefused() throws Exception {
    Path db = tmp.resolve("s.duckdb");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      FileReport first = importLines(s, "a.csv", "gv,year,2019,RUS,PRK,true,4,2,1,1,0,3.5,,,");
      assertEquals(1, first.stored(), first.toString());
      // the importer rejects the row (one native frequency per source) ...
      FileReport mixed =
          importLines(s, "b.csv", "gv,month,2019-10,RUS,,,120,60,20,30,10,1,,,volume");
      assertEquals(1, mixed.rejected(), mixed.toString());
      assertEquals(0, mixed.stored(), mixed.toString());
      // ... and the store refuses volume rows of an event source whoever adds them
      try (FileLoad events = s.beginFile(new FileMeta("/e", 1, null, null))) {
        events.add(
            new org.entente.model.Event(
                "gdelt2",
                "1",
                LocalDate.of(2019, 10, 2),
                "RUS",
                "RUS",
                null,
                "PRK",
                "PRK",
                null,
                "036",
                "036",
                "03",
                1,
                4.0,
                null,
                null,
                null,
                null,
                null,
                null,
                null),
            "e",
            1);
        events.commit("crc32c:e", "test", 1, 0);
      }
      FileLoad load = s.beginFile(new FileMeta("/v", 1, null, null));
      load.addVolume(
          new VolumeRow(
              "gdelt2",
              RollupFrequency.MONTH,
              LocalDate.of(2019, 10, 1),
              "RUS",
              3L,
              null,
              null,
              null,
              null,
              null),
          "v",
          1);
      StoreException e =
          assertThrows(StoreException.class, () -> load.commit("crc32c:v", "test", 1, 0));
      assertTrue(e.getMessage().contains("both events and aggregate rows"), e.getMessage());
      load.close();
    }
    assertEquals(0, StoreTables.count(db, "SELECT count(*) FROM volumes"));
    assertEquals(
        List.of(List.of("mixed frequency")),
        StoreTables.rows(db, "SELECT DISTINCT reason FROM rejects"));
  }
}
