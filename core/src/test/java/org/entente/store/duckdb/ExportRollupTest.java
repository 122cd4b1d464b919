package org.entente.store.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entente.ingest.FileReport;
import org.entente.ingest.StoreTables;
import org.entente.ingest.rollup.ImportFixtures;
import org.entente.ingest.rollup.ImportFormat;
import org.entente.ingest.rollup.Imports;
import org.entente.measure.DyadScore;
import org.entente.measure.Measure;
import org.entente.store.DyadQuery;
import org.entente.store.RollupFrequency;
import org.entente.store.RollupRow;
import org.entente.store.TempFilesTest;
import org.entente.store.TestQueries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export rollup} writes the interchange format; importing it into another store gives the
 * same series as the events (n, quad counts, Goldstein sum) in every period the source covers (a
 * period in which the source has no event at all is a gap of the aggregate), and an existing file
 * is never touched.
 */
class ExportRollupTest {
  @TempDir Path tmp;

  private static final List<String> HEADER = RollupRow.COLUMNS;

  /** Imports {@code csv} in the rollup format into {@code store}. */
  private static FileReport importRollup(DuckDbStore store, Path csv) {
    return ImportFixtures.importFile(
        store, csv, new Imports.Options(ImportFormat.ROLLUP, null, null));
  }

  @Test
  void exportThenImport_monthly_givesTheEventSeries() throws Exception {
    Path csv = tmp.resolve("rollup.csv");
    try (DuckDbStore events = DuckDbStore.open(tmp.resolve("events.duckdb"))) {
      RollupSqlTest.fill(events, 11);
      long rows = events.exportRollup(RollupFrequency.MONTH, false, csv);
      assertTrue(rows > 50, "rows " + rows);
      assertEquals(
          String.join(",", HEADER), Files.readAllLines(csv).get(0), "the interchange header");
      try (DuckDbStore imported = DuckDbStore.open(tmp.resolve("imported.duckdb"))) {
        FileReport r = importRollup(imported, csv);
        assertEquals(rows, r.stored(), r.toString());
        int compared = 0;
        for (String source : List.of("gdelt2", "icews")) {
          for (boolean directed : new boolean[] {true, false}) {
            for (DyadQuery.Frequency f : DyadQuery.Frequency.values()) {
              DyadQuery q = TestQueries.plain("RUS", "PRK", directed, f, source);
              List<DyadScore> a = new Measure(events).series(q).scores();
              List<DyadScore> b = new Measure(imported).series(q).scores();
              assertEquals(a.size(), b.size(), q.label() + " " + f);
              for (int i = 0; i < a.size(); i++) {
                String what = source + " " + q.label() + " " + a.get(i).period();
                if (b.get(i).gap()) {
                  // a period in which the source has no event at all is not in the file: a gap
                  assertEquals(0, a.get(i).n(), what);
                  continue;
                }
                compared++;
                assertEquals(a.get(i).n(), b.get(i).n(), what);
                assertEquals(a.get(i).w1(), b.get(i).w1(), what);
                assertEquals(a.get(i).w4(), b.get(i).w4(), what);
                assertEquals(a.get(i).goldsteinSum(), b.get(i).goldsteinSum(), 1e-9, what);
                assertEquals(a.get(i).s6(), b.get(i).s6(), 1e-12, what);
              }
            }
          }
        }
        assertTrue(compared > 100, "compared " + compared);
      }
    }
  }

  @Test
  void exportWithVolumesThenImport_givesTheVolumesOfTheEvents() throws Exception {
    Path csv = tmp.resolve("volumes.csv");
    try (DuckDbStore events = DuckDbStore.open(tmp.resolve("events.duckdb"))) {
      RollupSqlTest.fill(events, 11);
      org.entente.store.RollupExport x =
          events.exportRollup(RollupFrequency.MONTH, false, csv, true);
      assertEquals(List.of("gdelt2", "icews"), x.volumeSources());
      try (DuckDbStore imported = DuckDbStore.open(tmp.resolve("imported.duckdb"))) {
        FileReport r = importRollup(imported, csv);
        assertEquals(x.rows(), r.stored(), r.toString());
        int compared = 0;
        for (String source : List.of("gdelt2", "icews")) {
          for (String[] pair : new String[][] {{"RUS", "PRK"}, {"USA", "CHN"}, {"CHN", "PRK"}}) {
            for (DyadQuery.Frequency f : DyadQuery.Frequency.values()) {
              DyadQuery q =
                  TestQueries.plain(pair[0], pair[1], false, f, source)
                      .withRange(java.time.YearMonth.of(2013, 1), java.time.YearMonth.of(2016, 12));
              java.util.SortedMap<java.time.LocalDate, Long> a = events.volumes(q);
              java.util.SortedMap<java.time.LocalDate, Long> b = imported.volumes(q);
              for (var e : a.entrySet()) {
                Long v = b.get(e.getKey());
                if (v == null) {
                  // a period in which the source has no event at all: not in the file, unknown
                  assertEquals(0L, e.getValue(), source + " " + q.label() + " " + e.getKey());
                } else {
                  compared++;
                  assertEquals(e.getValue(), v, source + " " + q.label() + " " + e.getKey());
                }
              }
            }
          }
        }
        assertTrue(compared > 100, "compared " + compared);
      }
    }
  }

  @Test
  void volumes_ofAnAggregateWithoutThem_areRefusedWithWhatToDo() throws Exception {
    Path csv = tmp.resolve("v1.csv");
    try (DuckDbStore events = DuckDbStore.open(tmp.resolve("events.duckdb"))) {
      RollupSqlTest.fill(events, 3);
      events.exportRollup(RollupFrequency.MONTH, false, csv);
    }
    try (DuckDbStore imported = DuckDbStore.open(tmp.resolve("imported.duckdb"))) {
      importRollup(imported, csv);
      DyadQuery q =
          TestQueries.plain("RUS", "PRK", false, DyadQuery.Frequency.MONTH, "gdelt2")
              .withRange(java.time.YearMonth.of(2014, 1), java.time.YearMonth.of(2014, 12));
      org.entente.store.UnsupportedQueryException e =
          assertThrows(
              org.entente.store.UnsupportedQueryException.class, () -> imported.volumes(q));
      assertTrue(e.getMessage().contains("export rollup --volumes"), e.getMessage());
    }
  }

  @Test
  void exportRollup_parquet_hasTheInterchangeColumns() {
    Path pq = tmp.resolve("rollup.parquet");
    long rows;
    try (DuckDbStore s = DuckDbStore.open(tmp.resolve("s.duckdb"))) {
      RollupSqlTest.fill(s, 3);
      rows = s.exportRollup(RollupFrequency.DAY, true, pq);
    }
    {
      assertEquals(
          rows,
          StoreTables.count(
              tmp.resolve("s.duckdb"), "SELECT count(*) FROM read_parquet('" + pq + "')"));
      List<List<String>> cols =
          StoreTables.rows(
              tmp.resolve("s.duckdb"),
              "SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet('" + pq + "'))");
      assertEquals(HEADER, cols.stream().map(c -> c.get(0)).toList());
    }
  }

  @Test
  void exportRollup_removesATemporaryFileLeftByAnEndedExport_leavesNoneOfItsOwn() throws Exception {
    Path out = Files.createDirectory(tmp.resolve("out"));
    Path orphan =
        TempFilesTest.file(
            out, ".entente-export-" + TempFilesTest.endedProcess() + ".77.parquet", 30);
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      RollupSqlTest.fill(s, 3);
      assertTrue(s.exportRollup(RollupFrequency.YEAR, true, out.resolve("r.parquet")) > 0);
    }
    try (java.util.stream.Stream<Path> files = Files.list(out)) {
      assertEquals(
          List.of("r.parquet"),
          files.map(f -> f.getFileName().toString()).toList(),
          "the orphan removed, the export's own temporary file moved into place");
    }
    assertTrue(Files.notExists(orphan));
  }

  @Test
  void exportRollup_existingFile_isRefusedAndLeftUntouched() throws Exception {
    Path mine = tmp.resolve("mine.csv");
    Files.writeString(mine, "user data\n");
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      RollupSqlTest.fill(s, 5);
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> s.exportRollup(RollupFrequency.YEAR, false, mine));
      assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    }
    assertEquals("user data\n", Files.readString(mine));
    try (var files = Files.list(tmp)) {
      assertEquals(List.of(mine), files.toList(), "no temporary file left behind");
    }
  }
}
