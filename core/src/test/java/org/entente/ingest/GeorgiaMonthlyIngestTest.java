package org.entente.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.entente.cameo.Cameo;
import org.entente.cameo.QuadMapping;
import org.entente.ingest.FileReport.Status;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 23 R-exported monthly GDELT 1.0 files of {@code gdelt-v1-georgia-monthly-undp} (three
 * layouts, gzipped), ingested once without and once with {@code --actors USA,RUS}. Skipped when the
 * shared data is absent.
 */
class GeorgiaMonthlyIngestTest {
  private static final String DIR = "gdelt-v1-georgia-monthly-undp";

  /**
   * Rows per file and the month every row of the file is dated in. The total, 105,444, and the
   * extremes (aug2012 1,255, feb2012 8,484) are in gdelt-v1-georgia-monthly-undp/PROVENANCE.md; the
   * per-file counts are not, and were counted with Python's csv module on the raw files.
   */
  private static final Map<String, Object[]> FILES = new LinkedHashMap<>();

  /**
   * USA–RUS rows (both directions) per month: 18–113 with the peak in December 2012
   * (gdelt-v1-georgia-monthly-undp/PROVENANCE.md); per-month values counted with Python's csv
   * module on Actor1/Actor2CountryCode (stripped) of the raw files.
   */
  static final Map<String, Long> USA_RUS = new LinkedHashMap<>();

  static {
    Object[][] f = {
      {"june2011", 5274, "2011-06", 31L},
      {"july2011", 6303, "2011-07", 56L},
      {"aug2011", 5894, "2011-08", 96L},
      {"sept2011", 5856, "2011-09", 22L},
      {"oct2011", 4050, "2011-10", 46L},
      {"nov2011", 5316, "2011-11", 68L},
      {"dec2011", 3029, "2011-12", 27L},
      {"jan2012", 4324, "2012-01", 31L},
      {"feb2012", 8484, "2012-02", 18L},
      {"mar2012", 8441, "2012-03", 55L},
      {"apr2012", 5865, "2012-04", 45L},
      {"may2012", 6601, "2012-05", 23L},
      {"june2012", 6237, "2012-06", 56L},
      {"july2012", 1509, "2012-07", 23L},
      {"aug2012", 1255, "2012-08", 44L},
      {"sept2012", 2223, "2012-09", 34L},
      {"oct2012", 2300, "2012-10", 80L},
      {"nov2012", 5230, "2012-11", 44L},
      {"december12", 2575, "2012-12", 113L},
      {"january13", 3196, "2013-01", 59L},
      {"february13", 4672, "2013-02", 86L},
      {"april13", 3542, "2013-04", 34L},
      {"may13", 3268, "2013-05", 33L}
    };
    for (Object[] r : f) {
      FILES.put(r[0] + ".csv.gz", new Object[] {r[1], r[2]});
      USA_RUS.put((String) r[2], (Long) r[3]);
    }
  }

  @TempDir static Path tmp;
  private static Path all;
  private static Path usaRus;
  private static Map<String, FileReport> reportsAll;
  private static Map<String, FileReport> reportsUsaRus;

  @BeforeAll
  static void ingestAllMonths() throws IOException {
    if (!SharedData.present(DIR)) {
      return; // each test then skips with a message (an aborted @BeforeAll would report nothing)
    }
    Path dir = SharedData.dir(DIR);
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".csv.gz")).sorted().toList();
    }
    all = tmp.resolve("all.duckdb");
    usaRus = tmp.resolve("usa-rus.duckdb");
    reportsAll = ingest(all, files, ActorFilter.all());
    reportsUsaRus = ingest(usaRus, files, ActorFilter.of(Set.of("USA", "RUS")));
  }

  private static Map<String, FileReport> ingest(Path db, List<Path> files, ActorFilter f) {
    Map<String, FileReport> out = new LinkedHashMap<>();
    try (DuckDbStore s = DuckDbStore.open(db)) {
      Ingestor ing = new Ingestor(s, Cameo.bundled());
      for (Path p : files) {
        out.put(
            p.getFileName().toString(),
            ing.ingestFile(
                p,
                new IngestOptions(SourceFormat.AUTO, f, QuadMapping.GDELT),
                IngestListener.NONE));
      }
    }
    return out;
  }

  @Test
  void ingestFile_eachMonthlyFile_storesEveryRow() {
    SharedData.dir(DIR);
    assertEquals(FILES.keySet(), reportsAll.keySet(), "the 23 files (no March 2013)");
    long total = 0;
    for (Map.Entry<String, Object[]> e : FILES.entrySet()) {
      FileReport r = reportsAll.get(e.getKey());
      assertEquals(Status.LOADED, r.status(), r.toString());
      assertEquals("gdelt-csv", r.format());
      assertEquals(((Integer) e.getValue()[0]).longValue(), r.read(), e.getKey());
      assertEquals(r.read(), r.stored(), e.getKey() + ": " + r);
      total += r.stored();
    }
    // 105,444 rows in total (gdelt-v1-georgia-monthly-undp/PROVENANCE.md)
    assertEquals(105_444, total);
    assertEquals(0L, StoreTables.count(all, "SELECT count(*) FROM rejects"));
  }

  @Test
  void ingestFile_allThreeLayouts_dateEveryRowInTheFilesMonth() {
    SharedData.dir(DIR);
    // layouts B (december12, january13, february13, april13, may13: R row name prepended) and C
    // (june2011: trailing "06") would be misdated if their columns were not aligned
    Map<String, List<String>> expected = new LinkedHashMap<>();
    FILES.forEach((file, v) -> expected.put(file, List.of((String) v[1], (String) v[1])));
    Map<String, List<String>> actual = new LinkedHashMap<>();
    for (List<String> r :
        StoreTables.rows(
            all,
            "SELECT regexp_extract(f.path, '[^/\\\\]+$'), strftime(min(e.event_date), '%Y-%m'),"
                + " strftime(max(e.event_date), '%Y-%m') FROM events e JOIN files f USING"
                + " (file_id) GROUP BY 1")) {
      actual.put(r.get(0), List.of(r.get(1), r.get(2)));
    }
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((file, months) -> assertEquals(months, actual.get(file), file));
  }

  @Test
  void ingestFile_layoutBFirstRows_takeTheEventIdNotTheRowName() {
    SharedData.dir(DIR);
    // december12.csv first data row: "12",224660885,20121201,...,"AFG",... ,"040"
    // april13.csv first data row: "11783",253472894,20130401,"GOV","MINISTRY ",...," ARM",...,"010"
    assertEquals(
        List.of(
            Arrays.asList("224660885", "2012-12-01", null, "AFG", "040", "2"),
            Arrays.asList("253472894", "2013-04-01", null, "ARM", "010", "2")),
        StoreTables.rows(
            all,
            "SELECT source_event_id, event_date, actor1_country, actor2_country, event_code,"
                + " line FROM events WHERE source_event_id IN ('224660885', '253472894') ORDER"
                + " BY 1"));
    assertEquals(
        0L,
        StoreTables.count(
            all, "SELECT count(*) FROM events WHERE source_event_id IN ('12', '11783')"));
  }

  @Test
  void ingestFile_strayAndMissingValues_areStrippedAndNull() {
    SharedData.dir(DIR);
    // april13/may13 have actor codes with stray spaces (" ARM", "MINISTRY "), NA elsewhere
    assertEquals(
        0L,
        StoreTables.count(
            all,
            "SELECT count(*) FROM events WHERE actor1_code <> trim(actor1_code) OR actor2_code"
                + " <> trim(actor2_code) OR actor1_country <> trim(actor1_country) OR"
                + " actor2_country <> trim(actor2_country) OR actor1_country = 'NA'"));
    // SOURCEURL is "" before the daily era and real in april13/may13 (same PROVENANCE)
    assertEquals(
        List.of(List.of("0")),
        StoreTables.rows(
            all,
            "SELECT count(source_url) FROM events e JOIN files f USING (file_id) WHERE f.path"
                + " LIKE '%2011.csv.gz' OR f.path LIKE '%2012.csv.gz'"));
    assertTrue(
        StoreTables.count(
                all,
                "SELECT count(source_url) FROM events e JOIN files f USING (file_id) WHERE"
                    + " f.path LIKE '%april13.csv.gz'")
            > 3000);
  }

  @Test
  void ingestFile_usaRusFilter_keepsTheUsaRusRowsOfEachMonth() {
    SharedData.dir(DIR);
    long kept = 0;
    for (Map.Entry<String, Object[]> e : FILES.entrySet()) {
      FileReport r = reportsUsaRus.get(e.getKey());
      String month = (String) e.getValue()[1];
      assertEquals(USA_RUS.get(month), r.stored(), e.getKey());
      assertEquals(r.read() - r.stored(), r.filtered(), e.getKey());
      kept += r.stored();
    }
    assertEquals(
        USA_RUS.values().stream().mapToLong(Long::longValue).sum(),
        StoreTables.count(usaRus, "SELECT count(*) FROM events"));
    assertEquals(kept, StoreTables.count(usaRus, "SELECT count(*) FROM events"));
    assertEquals(
        0L,
        StoreTables.count(
            usaRus,
            "SELECT count(*) FROM events WHERE NOT (actor1_country IN ('USA', 'RUS') AND"
                + " actor2_country IN ('USA', 'RUS') AND actor1_country <> actor2_country)"));
  }

  /**
   * The store read with {@code --actors USA,RUS} still knows the 23 months its files covered, from
   * the rows the filter left out as well as those it kept: March 2013, whose file the folder lacks,
   * is a gap (as in the unfiltered store), not a month of zero USA-RUS events.
   */
  @Test
  void ingestFile_usaRusFilter_observesTheFilesMonthsAndMarch2013IsAGap() {
    SharedData.dir(DIR);
    Set<java.time.YearMonth> files =
        new java.util.TreeSet<>(
            FILES.values().stream().map(v -> java.time.YearMonth.parse((String) v[1])).toList());
    assertEquals(23, files.size());
    try (DuckDbStore filtered = DuckDbStore.openReadOnly(usaRus);
        DuckDbStore unfiltered = DuckDbStore.openReadOnly(all)) {
      assertEquals(files, filtered.monthsObserved("gdelt1"));
      assertEquals(files, unfiltered.monthsObserved("gdelt1"));
      List<org.entente.measure.DyadScore> s =
          new org.entente.measure.Measure(filtered)
              .series(
                  org.entente.store.DyadQuery.monthly("USA", "RUS")
                      .withRange(java.time.YearMonth.of(2013, 2), java.time.YearMonth.of(2013, 4)))
              .scores();
      assertEquals(List.of(false, true, false), s.stream().map(d -> d.gap()).toList());
      assertEquals(List.of(86L, 34L), List.of(s.get(0).n(), s.get(2).n()));
    }
  }
}
