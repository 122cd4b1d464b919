package org.entente.store.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.entente.ingest.StoreTables;
import org.entente.model.Event;
import org.entente.store.FileLoad;
import org.entente.store.FileMeta;
import org.entente.store.LoadBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load of its own appends its events straight to {@code events} and deletes at commit the ones
 * that are not new; a batch stages them and moves on only the new ones. Both must keep the same
 * events: the first read of every key, none that an earlier file holds. Checked on files made to
 * take every path of the direct load: ids that ascend (no check of repeats), ids that repeat, ids
 * that are not numbers, spans of dates that another file of the source reaches (the held keys are
 * probed) and spans no other file reaches, two sources sharing ids.
 */
class DirectLoadTest {
  @TempDir Path tmp;

  private record Row(String source, String id, LocalDate date) {}

  /** Twelve files of 5 to 40 rows, drawn with a fixed seed. */
  private static List<List<Row>> files() {
    Random r = new Random(20261202L);
    List<List<Row>> files = new ArrayList<>();
    LocalDate start = LocalDate.of(2019, 1, 1);
    for (int f = 0; f < 12; f++) {
      List<Row> rows = new ArrayList<>();
      int n = 5 + r.nextInt(36);
      // files 0-3: ascending numeric ids in spans of their own; 4-7: ascending ids that run over
      // the rows of an earlier file (same keys) and on past them; 8-11: repeats and non-numeric
      // ids, dates drawn from a few days
      int k = r.nextInt(4);
      int off = r.nextInt(6);
      for (int i = 0; i < n; i++) {
        String id;
        LocalDate date;
        if (f < 4) {
          id = Long.toString(1000L * f + i);
          date = start.plusDays(40L * f + i / 3);
        } else if (f < 8) {
          id = Long.toString(1000L * k + off + i);
          date = start.plusDays(40L * k + (off + i) / 3);
        } else {
          id = r.nextInt(5) == 0 ? "x" + r.nextInt(10) : Long.toString(1000L * k + r.nextInt(12));
          date = start.plusDays(40L * k + r.nextInt(3));
        }
        String source = Math.floorMod(id.hashCode(), 4) == 0 ? "icews" : "gdelt2";
        rows.add(new Row(source, id, date));
      }
      files.add(rows);
    }
    return files;
  }

  private static Event event(Row row, int k) {
    String a = k % 2 == 0 ? "RUS" : "PRK";
    String b = k % 3 == 0 ? "CHN" : "USA";
    return new Event(
        row.source(),
        row.id(),
        row.date(),
        a,
        a,
        k % 5 == 0 ? "GOV" : null,
        b,
        b,
        null,
        "036",
        "036",
        "03",
        1,
        1.5 + k % 7,
        1 + k % 4,
        1,
        1 + k % 3,
        -1.0,
        null,
        Boolean.TRUE,
        null);
  }

  private static List<List<String>> content(Path db, String sql) {
    return StoreTables.rows(db, sql);
  }

  @Test
  void directLoads_keepWhatBatchesOfOneFileKeep() {
    List<List<Row>> files = files();
    Path direct = tmp.resolve("direct.duckdb");
    Path staged = tmp.resolve("staged.duckdb");
    List<FileLoad.LoadResult> directResults = new ArrayList<>();
    List<FileLoad.LoadResult> stagedResults = new ArrayList<>();
    try (DuckDbStore d = DuckDbStore.open(direct);
        DuckDbStore s = DuckDbStore.open(staged)) {
      for (int f = 0; f < files.size(); f++) {
        FileMeta meta = new FileMeta("/data/f" + f + ".csv", f + 1, null, null);
        try (FileLoad load = d.beginFile(meta)) {
          add(load, files.get(f), f);
          directResults.add(load.commit("crc32c:0000000" + f + ":" + f, "gdelt2", 50, 0));
        }
        try (LoadBatch batch = s.beginBatch().orElseThrow()) {
          FileLoad load = batch.beginFile(meta);
          add(load, files.get(f), f);
          load.finish("crc32c:0000000" + f + ":" + f, "gdelt2", 50, 0);
          stagedResults.addAll(batch.commit());
        }
      }
    }
    assertEquals(stagedResults, directResults);
    long duplicates = directResults.stream().mapToLong(FileLoad.LoadResult::duplicates).sum();
    // the draw holds repeats within files and keys of earlier files: both kinds must occur
    assertTrue(duplicates > 20, "duplicates " + duplicates);
    assertTrue(directResults.get(0).duplicates() == 0 && directResults.get(0).stored() > 0);
    for (String sql :
        List.of(
            "SELECT file_id, part, line, source, source_event_id, event_date, goldstein FROM"
                + " events ORDER BY ALL",
            "SELECT * EXCLUDE (ingested_at) FROM files ORDER BY ALL",
            "SELECT * FROM " + RollupSql.TABLE + " ORDER BY ALL",
            "SELECT * FROM " + CodeRollupSql.TABLE + " ORDER BY ALL")) {
      assertSameRows(content(staged, sql), content(direct, sql), sql);
    }
    // no key twice, whatever path each file took
    assertEquals(
        List.of(List.of("0")),
        content(
            direct,
            "SELECT count(*) FROM (SELECT source, source_event_id, event_date FROM events GROUP BY"
                + " ALL HAVING count(*) > 1)"));
  }

  /**
   * Equal rows, a number allowed to differ by 1e-12 relative (the rollups' sums of logarithms come
   * out of DuckDB's parallel aggregation in an order that varies with the plan).
   */
  private static void assertSameRows(
      List<List<String>> expected, List<List<String>> actual, String what) {
    assertEquals(expected.size(), actual.size(), what);
    for (int i = 0; i < expected.size(); i++) {
      List<String> e = expected.get(i);
      List<String> a = actual.get(i);
      assertEquals(e.size(), a.size(), what);
      for (int c = 0; c < e.size(); c++) {
        if (e.get(c) == null || a.get(c) == null) {
          assertEquals(e.get(c), a.get(c), what + ": row " + i);
        } else if (!e.get(c).equals(a.get(c))) {
          double x = Double.parseDouble(e.get(c));
          double y = Double.parseDouble(a.get(c));
          assertEquals(x, y, 1e-12 * Math.abs(x), what + ": row " + i + " " + e + " vs " + a);
        }
      }
    }
  }

  private static void add(FileLoad load, List<Row> rows, int f) {
    for (int i = 0; i < rows.size(); i++) {
      load.add(event(rows.get(i), f + i), "f" + f + ".csv", i + 1);
    }
  }

  @Test
  void repeatsAcrossRowGroups_keepTheFirstRead() {
    // 130,000 keys read twice: 260,000 rows over three of DuckDB's row groups (122,880 rows),
    // written to the file before the commit; the first read of each key (the lower rowid) stays
    int n = 130_000;
    Path db = tmp.resolve("big.duckdb");
    LocalDate day = LocalDate.of(2022, 6, 1);
    try (DuckDbStore s = DuckDbStore.open(db);
        FileLoad load = s.beginFile(new FileMeta("/big", 1, null, null))) {
      for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < n; i++) {
          Row row = new Row("gdelt2", Integer.toString(i), day.plusDays(i % 30));
          // k = 0 on the first read, 1 on the second: the kept rows must all be first reads
          load.add(event(row, pass), "big", (long) pass * n + i + 1);
        }
      }
      assertEquals(
          new FileLoad.LoadResult(n, n, 0), load.commit("crc32c:00000001:1", "gdelt2", 2L * n, 0));
    }
    assertEquals(
        List.of(List.of(Integer.toString(n), "1", Integer.toString(n), "1.5", "1.5")),
        content(
            db,
            "SELECT count(*), min(line), max(line), min(goldstein), max(goldstein) FROM events"));
  }

  @Test
  void idNumber_onlyPlainAsciiDigitsUpTo18() {
    assertEquals(0, DuckDbFileLoad.idNumber("0"));
    assertEquals(1234567890123L, DuckDbFileLoad.idNumber("1234567890123"));
    assertEquals(999_999_999_999_999_999L, DuckDbFileLoad.idNumber("999999999999999999"));
    assertEquals(-1, DuckDbFileLoad.idNumber("1000000000000000000")); // 19 digits
    assertEquals(-1, DuckDbFileLoad.idNumber(""));
    assertEquals(-1, DuckDbFileLoad.idNumber("12a"));
    assertEquals(-1, DuckDbFileLoad.idNumber("-12"));
    assertEquals(-1, DuckDbFileLoad.idNumber("١٢")); // Arabic-Indic digits
  }

  @Test
  void ascendingIds_heldByAnEarlierFileInTheSpan_areDuplicates() {
    Path db = tmp.resolve("s.duckdb");
    LocalDate day = LocalDate.of(2020, 5, 1);
    try (DuckDbStore s = DuckDbStore.open(db)) {
      try (FileLoad a = s.beginFile(new FileMeta("/a", 1, null, null))) {
        a.add(event(new Row("gdelt2", "5", day), 1), "a", 1);
        a.add(event(new Row("gdelt2", "7", day.plusDays(1)), 1), "a", 2);
        a.commit("crc32c:0000000a:1", "gdelt2", 2, 0);
      }
      try (FileLoad b = s.beginFile(new FileMeta("/b", 2, null, null))) {
        // ascending: 5 and 7 again (7 on another day: a new key), 9 new
        b.add(event(new Row("gdelt2", "5", day), 2), "b", 1);
        b.add(event(new Row("gdelt2", "7", day), 2), "b", 2);
        b.add(event(new Row("gdelt2", "9", day.plusDays(1)), 2), "b", 3);
        assertEquals(
            new FileLoad.LoadResult(2, 1, 0), b.commit("crc32c:0000000b:2", "gdelt2", 3, 0));
      }
      try (FileLoad c = s.beginFile(new FileMeta("/c", 3, null, null))) {
        // the same ids, another source: new keys
        c.add(event(new Row("icews", "5", day), 3), "c", 1);
        c.add(event(new Row("icews", "9", day.plusDays(1)), 3), "c", 2);
        assertEquals(
            new FileLoad.LoadResult(2, 0, 0), c.commit("crc32c:0000000c:3", "icews", 2, 0));
      }
    }
    try (DuckDbStore s = DuckDbStore.open(db)) {
      try (FileLoad d = s.beginFile(new FileMeta("/d", 4, null, null))) {
        // an id read twice in a row does not ascend: the second is a duplicate
        d.add(event(new Row("gdelt2", "20", day), 4), "d", 1);
        d.add(event(new Row("gdelt2", "20", day), 5), "d", 2);
        assertEquals(
            new FileLoad.LoadResult(1, 1, 0), d.commit("crc32c:0000000d:4", "gdelt2", 2, 0));
      }
    }
    assertEquals(
        List.of(List.of("4", "1")),
        content(db, "SELECT file_id, line FROM events WHERE source_event_id = '20'"));
    assertEquals(
        List.of(
            List.of("1", "gdelt2", "5", "2020-05-01"),
            List.of("1", "gdelt2", "7", "2020-05-02"),
            List.of("2", "gdelt2", "7", "2020-05-01"),
            List.of("2", "gdelt2", "9", "2020-05-02"),
            List.of("3", "icews", "5", "2020-05-01"),
            List.of("3", "icews", "9", "2020-05-02")),
        content(
            db,
            "SELECT file_id, source, source_event_id, event_date FROM events WHERE file_id < 4"
                + " ORDER BY ALL"));
    assertEquals(List.of(List.of("7")), content(db, "SELECT sum(n) FROM " + RollupSql.TABLE));
  }
}
