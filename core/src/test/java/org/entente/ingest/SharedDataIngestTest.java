package org.entente.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.cameo.Cameo;
import org.entente.cameo.QuadMapping;
import org.entente.ingest.FileReport.Status;
import org.entente.store.StoreSummary;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parsers on the real samples in {@code ../shared/data} (skipped when absent). Every expected
 * number names its origin: a folder's PROVENANCE.md, or a count made independently on the raw file
 * (awk or Python's csv module) when the PROVENANCE gives none.
 */
class SharedDataIngestTest {
  private static final Set<String> SIX = Set.of("USA", "CHN", "RUS", "JPN", "KOR", "PRK");
  private static final String TOUCHING_SIX =
      "SELECT count(*) FROM events WHERE actor1_country IN ('USA', 'CHN', 'RUS', 'JPN', 'KOR',"
          + " 'PRK') OR actor2_country IN ('USA', 'CHN', 'RUS', 'JPN', 'KOR', 'PRK')";
  @TempDir Path tmp;

  private Path db() {
    return tmp.resolve("store.duckdb");
  }

  private FileReport ingest(Path file, ActorFilter actors, QuadMapping quads) {
    try (DuckDbStore s = DuckDbStore.open(db())) {
      return new Ingestor(s, Cameo.bundled())
          .ingestFile(
              file, new IngestOptions(SourceFormat.AUTO, actors, quads), IngestListener.NONE);
    }
  }

  private FileReport ingest(Path file) {
    return ingest(file, ActorFilter.all(), QuadMapping.GDELT);
  }

  private FileReport ingestSix(Path file) {
    return ingest(file, ActorFilter.of(SIX), QuadMapping.GDELT);
  }

  private static void assertLoaded(FileReport r, String format, long read, long stored) {
    assertEquals(Status.LOADED, r.status(), r.toString());
    assertEquals(format, r.format(), r.toString());
    assertEquals(read, r.read(), r.toString());
    assertEquals(stored, r.stored(), r.toString());
    assertEquals(read, r.stored() + r.rejected() + r.duplicate() + r.filtered(), r.toString());
  }

  /** Directed dyad counts "A>B" from the store summary. */
  private Map<String, Long> directed() {
    Map<String, Long> out = new LinkedHashMap<>();
    try (DuckDbStore s = DuckDbStore.open(db())) {
      StoreSummary sum = s.summary();
      for (StoreSummary.DyadCount d : sum.eventsByDyad()) {
        if (d.aToB() > 0) {
          out.put(d.a() + ">" + d.b(), d.aToB());
        }
        if (d.bToA() > 0) {
          out.put(d.b() + ">" + d.a(), d.bToA());
        }
      }
    }
    return out;
  }

  /** Every stored event's quad class and Goldstein agree with the bundled CAMEO table. */
  private void assertQuadAndGoldsteinFollowTheTable() {
    Cameo cameo = Cameo.bundled();
    List<String> wrong = new ArrayList<>();
    for (List<String> r :
        StoreTables.rows(
            db(), "SELECT DISTINCT event_code, root_code, quad_class, goldstein FROM events")) {
      String code = r.get(0);
      if (!cameo.isEventCode(code)
          || !r.get(1).equals(code.substring(0, 2))
          || Integer.parseInt(r.get(2)) != QuadMapping.GDELT.quadOf(r.get(1))
          || Double.parseDouble(r.get(3)) != cameo.goldstein(code)) {
        wrong.add(r.toString());
      }
    }
    assertEquals(List.of(), wrong);
  }

  // --- GDELT 1.0, reed9999 -------------------------------------------------------------------

  @Test
  void ingestFile_gdeltV1BothLayouts_stores710Rows() {
    Path f = SharedData.file("gdelt-v1-events-reed9999", "events.csv");
    // 710 rows: 509 daily (58 cols) + 201 backfile (57 cols)
    // (gdelt-v1-events-reed9999/PROVENANCE.md)
    assertLoaded(ingest(f), "gdelt1", 710, 710);
    assertEquals(
        List.of(List.of("gdelt1", "509", "509", "2006-07-31", "2016-07-28")),
        StoreTables.rows(
            db(),
            "SELECT min(source), count(*), count(source_url), min(event_date), max(event_date)"
                + " FROM events WHERE line <= 509"));
    // rows 510–710: backfile, no SOURCEURL, SQLDATE 19820102..19821231 (same PROVENANCE)
    assertEquals(
        List.of(List.of("201", "0", "1982-01-02", "1982-12-31")),
        StoreTables.rows(
            db(),
            "SELECT count(*), count(source_url), min(event_date), max(event_date) FROM events"
                + " WHERE line > 509"));
    // 281 rows touch one of the six states (same PROVENANCE)
    assertEquals(281L, StoreTables.count(db(), TOUCHING_SIX));
    // QuadClass by root and Goldstein by code agree 100% with the lookups (same PROVENANCE)
    assertQuadAndGoldsteinFollowTheTable();
  }

  @Test
  void ingestFile_gdeltV1SixStates_keeps10InterStateRows() {
    FileReport r = ingestSix(SharedData.file("gdelt-v1-events-reed9999", "events.csv"));
    // 10 inter-state rows among the six (gdelt-v1-events-reed9999/PROVENANCE.md)
    assertLoaded(r, "gdelt1", 710, 10);
    assertEquals(700, r.filtered());
    // per directed dyad: counted with awk on columns 8 and 18 of the raw file (the PROVENANCE
    // names only some of them)
    assertEquals(
        Map.of(
            "USA>RUS", 3L,
            "USA>CHN", 2L,
            "CHN>USA", 1L,
            "CHN>JPN", 1L,
            "KOR>PRK", 1L,
            "RUS>CHN", 1L,
            "USA>PRK", 1L),
        directed());
    assertEquals(
        "CHN,JPN,KOR,PRK,RUS,USA",
        StoreTables.rows(db(), "SELECT actor_filter FROM files").get(0).get(0));
  }

  // --- GDELT 2.0 export, arekziobrowski -------------------------------------------------------

  @Test
  void ingestFile_gdeltV2Export_stores2111Rows() {
    Path f = SharedData.file("gdelt-v2-export-arekziobrowski", "20191024143000.export.CSV");
    // 2,111 rows, 61 columns, SQLDATE 20181024..20191024
    // (gdelt-v2-export-arekziobrowski/PROVENANCE.md; INDEX.md says 2,110: wc -l gives 2111)
    assertLoaded(ingest(f), "gdelt2", 2111, 2111);
    assertEquals(
        List.of(List.of("gdelt2", "2111", "2018-10-24", "2019-10-24")),
        StoreTables.rows(
            db(),
            "SELECT min(source), count(source_url), min(event_date), max(event_date) FROM"
                + " events"));
    // 812 rows touch at least one of the six (same PROVENANCE)
    assertEquals(812L, StoreTables.count(db(), TOUCHING_SIX));
    assertQuadAndGoldsteinFollowTheTable();
  }

  @Test
  void ingestFile_gdeltV2ExportSixStates_keeps34RowsByDyad() {
    Path f = SharedData.file("gdelt-v2-export-arekziobrowski", "20191024143000.export.CSV");
    assertLoaded(ingestSix(f), "gdelt2", 2111, 34);
    // per directed dyad (gdelt-v2-export-arekziobrowski/PROVENANCE.md)
    assertEquals(
        Map.ofEntries(
            Map.entry("USA>CHN", 6L),
            Map.entry("CHN>USA", 2L),
            Map.entry("JPN>USA", 4L),
            Map.entry("USA>JPN", 4L),
            Map.entry("USA>KOR", 3L),
            Map.entry("KOR>USA", 2L),
            Map.entry("CHN>JPN", 2L),
            Map.entry("JPN>CHN", 2L),
            Map.entry("CHN>KOR", 2L),
            Map.entry("KOR>CHN", 1L),
            Map.entry("CHN>RUS", 2L),
            Map.entry("RUS>USA", 1L),
            Map.entry("USA>RUS", 1L),
            Map.entry("PRK>USA", 1L),
            Map.entry("USA>PRK", 1L)),
        directed());
  }

  // --- GDELT 2.0 rewritten by pandas, gdeltPyR ------------------------------------------------

  @Test
  void ingestFile_pandasGdeltCsv_stores6090Rows() {
    Path f = SharedData.file("gdelt-v2-samples-gdeltPyR", "events2samps.csv");
    // 6,090 rows × 62 columns, three DATEADDED batches (gdelt-v2-samples-gdeltPyR/PROVENANCE.md)
    assertLoaded(ingest(f), "gdelt-csv", 6090, 6090);
    assertEquals(
        0L, StoreTables.count(db(), "SELECT count(*) FROM events WHERE source <> 'gdelt2'"));
    // leading zeros kept (`040`), floats re-printed by pandas read exactly (same PROVENANCE)
    assertEquals(
        4L,
        StoreTables.count(
            db(),
            "SELECT count(*) FROM events WHERE avg_tone = CAST('-0.11641443538999001' AS DOUBLE)"));
    assertEquals(
        0L, StoreTables.count(db(), "SELECT count(*) FROM events WHERE length(event_code) < 3"));
    assertQuadAndGoldsteinFollowTheTable();
  }

  @Test
  void ingestFile_pandasGdeltCsvSixStates_keeps76RowsByDirectedDyad() {
    Path f = SharedData.file("gdelt-v2-samples-gdeltPyR", "events2samps.csv");
    // 76 rows among the six (gdelt-v2-samples-gdeltPyR/PROVENANCE.md)
    assertLoaded(ingestSix(f), "gdelt-csv", 6090, 76);
    assertEquals(
        Map.ofEntries(
            Map.entry("RUS>USA", 15L),
            Map.entry("USA>RUS", 8L),
            Map.entry("USA>JPN", 8L),
            Map.entry("USA>KOR", 8L),
            Map.entry("JPN>USA", 7L),
            Map.entry("USA>CHN", 7L),
            Map.entry("USA>PRK", 6L),
            Map.entry("CHN>USA", 5L),
            Map.entry("RUS>CHN", 3L),
            Map.entry("CHN>PRK", 3L),
            Map.entry("PRK>CHN", 2L),
            Map.entry("PRK>USA", 2L),
            Map.entry("KOR>USA", 1L),
            Map.entry("PRK>JPN", 1L)),
        directed());
  }

  // --- ICEWS, andybega ------------------------------------------------------------------------

  @Test
  void ingestFile_icewsSample_stores3705EventsOnTwoDays() {
    Path f = SharedData.file("icews-sample-andybega", "events.2018.sample.tab");
    // 3,705 events; 2018-06-01 (2,359) and 2018-06-02 (1,346) (icews-sample-andybega/PROVENANCE.md)
    assertLoaded(ingest(f), "icews", 3705, 3705);
    assertEquals(
        List.of(List.of("2018-06-01", "2359"), List.of("2018-06-02", "1346")),
        StoreTables.rows(db(), "SELECT event_date, count(*) FROM events GROUP BY 1 ORDER BY 1"));
    assertEquals(
        0L,
        StoreTables.count(
            db(), "SELECT count(*) FROM events WHERE source <> 'icews' OR intensity IS NULL"));
  }

  @Test
  void ingestFile_icewsSampleSixStates_keeps644RowsWithPrkAndKorApart() {
    Path f = SharedData.file("icews-sample-andybega", "events.2018.sample.tab");
    // 644 inter-state rows among the six (icews-sample-andybega/PROVENANCE.md)
    assertLoaded(ingestSix(f), "icews", 3705, 644);
    Map<String, Long> d = directed();
    // the ten dyads the PROVENANCE lists (icews-sample-andybega/PROVENANCE.md)
    Map<String, Long> listed =
        Map.of(
            "USA>PRK", 181L,
            "PRK>USA", 131L,
            "USA>CHN", 71L,
            "RUS>PRK", 42L,
            "PRK>RUS", 38L,
            "CHN>USA", 30L,
            "PRK>KOR", 29L,
            "KOR>PRK", 24L,
            "JPN>USA", 21L,
            "RUS>USA", 14L);
    listed.forEach((dyad, n) -> assertEquals(n, d.get(dyad), dyad));
    assertEquals(644L, d.values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void ingestFile_icewsSample_countryNamesMapToCodesRowForRow() throws IOException {
    Path f = SharedData.file("icews-sample-andybega", "events.2018.sample.tab");
    ingest(f);
    // count the names in the raw file (columns 5 and 11) and compare with the stored codes
    Map<String, String> codes =
        Map.of(
            "North Korea", "PRK",
            "South Korea", "KOR",
            "Russian Federation", "RUS",
            "United States", "USA",
            "China", "CHN",
            "Japan", "JPN");
    Map<String, long[]> byName = new LinkedHashMap<>();
    codes.keySet().forEach(n -> byName.put(n, new long[2]));
    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split("\t", -1);
      if (byName.containsKey(c[4])) {
        byName.get(c[4])[0]++;
      }
      if (byName.containsKey(c[10])) {
        byName.get(c[10])[1]++;
      }
    }
    assertTrue(byName.get("North Korea")[0] > 0 && byName.get("South Korea")[1] > 0);
    byName.forEach(
        (name, n) -> {
          String code = codes.get(name);
          assertEquals(
              n[0],
              StoreTables.count(
                  db(), "SELECT count(*) FROM events WHERE actor1_country = '" + code + "'"),
              name + " as source");
          assertEquals(
              n[1],
              StoreTables.count(
                  db(), "SELECT count(*) FROM events WHERE actor2_country = '" + code + "'"),
              name + " as target");
        });
  }

  @Test
  void ingestFile_icewsWithIcewsQuadMapping_movesRoots09And14() {
    Path f = SharedData.file("icews-sample-andybega", "events.2018.sample.tab");
    ingest(f, ActorFilter.all(), QuadMapping.ICEWS);
    // METHODS §1.2: under the ICEWS tooling's mapping 09 → 3 and 14 → 4
    assertEquals(
        List.of(),
        StoreTables.rows(
            db(),
            "SELECT root_code, quad_class FROM events WHERE (root_code = '09' AND quad_class <>"
                + " 3) OR (root_code = '14' AND quad_class <> 4) OR (root_code <= '05' AND"
                + " quad_class <> 1)"));
    assertTrue(
        StoreTables.count(db(), "SELECT count(*) FROM events WHERE root_code IN ('09', '14')") > 0,
        "the sample has events of roots 09 or 14");
  }

  @Test
  void gdeltPyRMentions_autoDetected_unfilteredKeepsAllFilteredLinksNone() {
    // mentionssamp.csv: 1,635 rows of the Mentions table with a header (PROVENANCE.md); none of
    // its GLOBALEVENTIDs occurs in events2samps.csv (PROVENANCE.md), so a filtered store that holds
    // those events links none of them
    Path mentions = SharedData.file("gdelt-v2-samples-gdeltPyR", "mentionssamp.csv");
    Path events = SharedData.file("gdelt-v2-samples-gdeltPyR", "events2samps.csv");
    assertLoaded(ingestSix(events), "gdelt-csv", 6090, 76);
    FileReport six = ingestSix(mentions);
    assertLoaded(six, "gdelt2-mentions", 1635, 0);
    assertEquals(1635, six.filtered());
    assertTrue(six.message().contains("1635 mention(s) of events that are not in the store"));
    Path unfiltered = tmp.resolve("all.duckdb");
    try (DuckDbStore s = DuckDbStore.open(unfiltered)) {
      FileReport all =
          new Ingestor(s, Cameo.bundled())
              .ingestFile(mentions, IngestOptions.defaults(), IngestListener.NONE);
      assertLoaded(all, "gdelt2-mentions", 1635, 1635);
      org.entente.store.MentionSummary m = s.mentions();
      assertEquals(1635, m.rows());
      assertEquals(0, m.linked());
      assertEquals(java.time.LocalDateTime.of(2017, 7, 1, 23, 45), m.last());
    }
    assertEquals(
        1635L,
        StoreTables.count(unfiltered, "SELECT sum(mentions) FROM event_mentions"),
        "the view counts every stored mention once");
  }
}
