package org.entente.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.entente.cameo.Cameo;
import org.entente.ingest.FileReport;
import org.entente.ingest.GdeltLines;
import org.entente.ingest.IngestListener;
import org.entente.ingest.Ingestor;
import org.entente.ingest.LakeImporter;
import org.entente.ingest.LakeManifest;
import org.entente.ingest.Samples;
import org.entente.store.EventStore;
import org.entente.store.duckdb.DuckDbStore;
import org.entente.system.ActorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lake's manifest entry keeps the months of the rows a load's actor filter left out; imported
 * into DuckDB they stay the feed's observed months. An entry written before they were recorded
 * (without {@code filteredMonths}) leaves the months unknown, in the lake and once imported.
 */
class FilteredMonthsLakeTest {
  @TempDir Path dir;

  private static final Set<YearMonth> JAN_FEB =
      Set.of(YearMonth.of(2015, 1), YearMonth.of(2015, 2));

  private List<FileReport> importInto(Path db) {
    try (EventStore duck = DuckDbStore.open(db)) {
      List<FileReport> r =
          new LakeImporter(duck).importLake(dir.resolve("lake"), IngestListener.NONE);
      assertTrue(r.stream().allMatch(x -> x.status() == FileReport.Status.LOADED), r.toString());
      assertEquals(List.of(1L), r.stream().map(FileReport::stored).toList());
      return r;
    }
  }

  private static Set<YearMonth> months(Path db) {
    try (EventStore duck = DuckDbStore.openReadOnly(db)) {
      return duck.monthsObserved("gdelt2");
    }
  }

  @Test
  void importedLake_keepsTheMonthsOfTheRowsLeftOut_anOlderEntryLeavesThemUnknown()
      throws IOException {
    Path file = dir.resolve("20150210000000.export.CSV");
    Files.writeString(
        file,
        GdeltLines.lines(
            GdeltLines.row(1, "20150130").actors("RUS", "PRK").code("036").v2(),
            GdeltLines.row(2, "20150210").actors("FRA", "DEU").code("036").v2()));
    try (EventStore lake = SparkStore.open(SparkTests.session(), dir.resolve("lake").toString())) {
      List<FileReport> r =
          new Ingestor(lake, Cameo.bundled(), ActorRegistry.bundled())
              .ingest(List.of(file), Samples.sixStates(), IngestListener.NONE);
      assertEquals(List.of(1L), r.stream().map(FileReport::filtered).toList(), r.toString());
      assertEquals(JAN_FEB, lake.monthsObserved("gdelt2"));
    }
    Path entry = dir.resolve("lake").resolve(LakeManifest.DIRECTORY).resolve("000001.json");
    ObjectMapper json = new ObjectMapper();
    ObjectNode node = (ObjectNode) json.readTree(entry.toFile());
    assertEquals("{\"gdelt2\":[\"2015-02\"]}", node.get("filteredMonths").toString());

    importInto(dir.resolve("a.duckdb"));
    assertEquals(JAN_FEB, months(dir.resolve("a.duckdb")));

    // the entry as a version before 2026-12 wrote it
    node.remove("filteredMonths");
    json.writeValue(entry.toFile(), node);
    // Hadoop's local file system keeps a checksum beside each file: the edit would fail it
    Files.deleteIfExists(entry.resolveSibling(".000001.json.crc"));
    try (EventStore lake = SparkStore.open(SparkTests.session(), dir.resolve("lake").toString())) {
      assertEquals(null, lake.monthsObserved("gdelt2"));
    }
    importInto(dir.resolve("b.duckdb"));
    assertEquals(null, months(dir.resolve("b.duckdb")));
  }
}
