package org.entente.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.entente.cameo.Cameo;
import org.entente.cameo.QuadMapping;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.FileReport;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.ingest.SharedData;
import org.entente.ingest.SourceFormat;
import org.entente.store.DyadQuery;
import org.entente.store.DyadQuery.Dedup;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.DyadQuery.Weighting;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;

/** Dyad series on the real samples in {@code ../shared/data} (skipped when absent). */
class MeasureSharedDataTest {

  private static void ingest(DuckDbStore s, List<Path> files, Set<String> actors) {
    Ingestor ing = new Ingestor(s, Cameo.bundled());
    IngestOptions o =
        new IngestOptions(SourceFormat.AUTO, ActorFilter.of(actors), QuadMapping.GDELT);
    for (Path f : files) {
      FileReport r = ing.ingestFile(f, o, IngestListener.NONE);
      assertEquals(FileReport.Status.LOADED, r.status(), r.toString());
    }
  }

  @Test
  void series_georgiaUsaRus_hasEveryMonthWithTheMissingMarch2013Empty() throws IOException {
    Path dir = SharedData.dir("gdelt-v1-georgia-monthly-undp");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".csv.gz")).sorted().toList();
    }
    try (DuckDbStore store = DuckDbStore.inMemory()) {
      ingest(store, files, Set.of("USA", "RUS"));
      List<DyadScore> s = new Measure(store).series(DyadQuery.monthly("USA", "RUS")).scores();
      // 2011-06 .. 2013-05; March 2013 is missing from the data set
      // (gdelt-v1-georgia-monthly-undp/PROVENANCE.md)
      assertEquals(24, s.size());
      assertEquals(YearMonth.of(2011, 6), s.get(0).period().first());
      assertEquals(YearMonth.of(2013, 5), s.get(23).period().first());
      // USA–RUS rows per month, both directions: 18–113, peak December 2012 (same PROVENANCE);
      // the per-month values were counted with Python's csv module on the raw files
      assertEquals(
          List.of(
              31L, 56L, 96L, 22L, 46L, 68L, 27L, 31L, 18L, 55L, 45L, 23L, 56L, 23L, 44L, 34L, 80L,
              44L, 113L, 59L, 86L, 0L, 34L, 33L),
          s.stream().map(DyadScore::n).toList());
      DyadScore march2013 = s.get(21);
      assertEquals("2013-03", march2013.period().label());
      assertTrue(Double.isNaN(march2013.goldsteinMean()));
      assertTrue(Double.isNaN(march2013.s4()));
      // read with --actors, the rows the filter left out still tell the months the files covered:
      // March 2013 is a gap (S6 undefined), not a month of zero USA-RUS events
      assertTrue(march2013.gap(), march2013.toString());
      assertTrue(Double.isNaN(march2013.s6()));
      DyadScore peak = s.stream().max(Comparator.comparingLong(DyadScore::n)).orElseThrow();
      assertEquals("2012-12", peak.period().label());
      assertEquals(
          18L, s.stream().filter(d -> d.n() > 0).mapToLong(DyadScore::n).min().orElseThrow());
      // directed series add up to the undirected one
      DyadQuery usaRus =
          new DyadQuery(
              "USA",
              "RUS",
              true,
              null,
              null,
              Frequency.MONTH,
              Weighting.NONE,
              Dedup.NONE,
              false,
              false);
      DyadQuery rusUsa =
          new DyadQuery(
              "RUS",
              "USA",
              true,
              null,
              null,
              Frequency.MONTH,
              Weighting.NONE,
              Dedup.NONE,
              false,
              false);
      long directed =
          new Measure(store).series(usaRus).scores().stream().mapToLong(DyadScore::n).sum()
              + new Measure(store).series(rusUsa).scores().stream().mapToLong(DyadScore::n).sum();
      assertEquals(s.stream().mapToLong(DyadScore::n).sum(), directed);
    }
  }

  @Test
  void series_icewsSample_usaPrkAndPrkKorDirectedCounts() {
    Path f = SharedData.file("icews-sample-andybega", "events.2018.sample.tab");
    try (DuckDbStore store = DuckDbStore.inMemory()) {
      ingest(store, List.of(f), Set.of("USA", "PRK", "KOR", "RUS"));
      Measure m = new Measure(store);
      // icews-sample-andybega/PROVENANCE.md: USA→PRK 181, PRK→USA 131, RUS→PRK 42, PRK→RUS 38,
      // PRK→KOR 29, KOR→PRK 24
      String[][] dyads = {
        {"USA", "PRK", "181"},
        {"PRK", "USA", "131"},
        {"RUS", "PRK", "42"},
        {"PRK", "RUS", "38"},
        {"PRK", "KOR", "29"},
        {"KOR", "PRK", "24"}
      };
      for (String[] d : dyads) {
        DyadQuery q =
            new DyadQuery(
                d[0],
                d[1],
                true,
                null,
                null,
                Frequency.MONTH,
                Weighting.NONE,
                Dedup.NONE,
                false,
                false);
        List<DyadScore> s = m.series(q).scores();
        assertEquals(1, s.size(), d[0] + ">" + d[1]);
        assertEquals("2018-06", s.get(0).period().label());
        assertEquals(Long.parseLong(d[2]), s.get(0).n(), d[0] + ">" + d[1]);
      }
      assertEquals(29 + 24, m.series(DyadQuery.monthly("KOR", "PRK")).scores().get(0).n());
    }
  }
}
