package org.entente.ingest.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entente.ingest.CsvFields;
import org.entente.ingest.FileReport;
import org.entente.ingest.SharedData;
import org.entente.measure.DyadScore;
import org.entente.measure.DyadSeries;
import org.entente.measure.Measure;
import org.entente.store.DyadQuery;
import org.entente.store.TestQueries;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;

/**
 * The imports on the public sample data in {@code shared/data} (skipped when it is absent): the
 * ICEWS dyad-years read back equal to the file, the gzemo pair scores as monthly sums with their
 * coverage, and the three event lists through the mappings shipped in {@code docs/event-lists}.
 */
class SharedDataImportTest {

  @Test
  void icewsDyadYear_chnJpn_yearlyQuadsEqualTheFile() throws Exception {
    Path file = SharedData.file("icews-dyad-year-netify", "icews_dyad_year_6states.csv");
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      FileReport r =
          ImportFixtures.importFile(
              s, file, new Imports.Options(ImportFormat.ICEWS_DYAD_YEAR, "icews-netify", null));
      assertEquals(390, r.stored(), r.toString());
      assertEquals(0, r.rejected());
      DyadSeries ser =
          new Measure(s)
              .series(
                  TestQueries.plain("CHN", "JPN", true, DyadQuery.Frequency.YEAR, "icews-netify"));
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String> header = CsvFields.texts(lines.get(0));
      int k = 0;
      for (String line : lines.subList(1, lines.size())) {
        List<String> f = CsvFields.texts(line);
        if (!f.get(header.indexOf("i_iso3c")).equals("CHN")
            || !f.get(header.indexOf("j_iso3c")).equals("JPN")) {
          continue;
        }
        DyadScore d = ser.scores().get(k++);
        assertEquals(f.get(header.indexOf("year")), d.period().label());
        assertEquals(Double.parseDouble(f.get(header.indexOf("verbCoop"))), d.w1());
        assertEquals(Double.parseDouble(f.get(header.indexOf("matlCoop"))), d.w2());
        assertEquals(Double.parseDouble(f.get(header.indexOf("verbConf"))), d.w3());
        assertEquals(Double.parseDouble(f.get(header.indexOf("matlConf"))), d.w4());
      }
      assertEquals(13, k, "2002-2014");
      assertEquals(13, ser.scores().size());
    }
  }

  @Test
  void gzemoPairScores_prkUsa2018_monthlySumsAndCoverage() throws Exception {
    Path file = SharedData.file("gdelt-daily-dyad-gzemo", "gdelt_daily_pair_scores_6states.csv");
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      FileReport r =
          ImportFixtures.importFile(
              s, file, new Imports.Options(ImportFormat.GDELT_PAIR_SCORES, "gzemo", null));
      assertEquals(32235, r.stored(), r.toString());
      // independent sums from the file
      double june = 0;
      int juneDays = 0;
      double year = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] f = line.split(",");
        if (f[1].equals("PRK") && f[2].equals("USA")) {
          if (f[0].startsWith("2018-06")) {
            june += Double.parseDouble(f[3]);
            juneDays++;
          }
          if (f[0].startsWith("2018")) {
            year += Double.parseDouble(f[3]);
          }
        }
      }
      DyadSeries monthly =
          new Measure(s)
              .series(
                  TestQueries.plain("PRK", "USA", false, DyadQuery.Frequency.MONTH, "gzemo")
                      .withRange(java.time.YearMonth.of(2018, 6), java.time.YearMonth.of(2018, 6)));
      DyadScore jun = monthly.scores().get(0);
      assertEquals(june, jun.score(), 1e-6 * Math.abs(june));
      assertEquals(juneDays / 30.0, jun.coverage(), 1e-12);
      DyadScore y2018 =
          new Measure(s)
              .series(TestQueries.plain("PRK", "USA", false, DyadQuery.Frequency.YEAR, "gzemo"))
              .scores()
              .get(0);
      assertEquals(year, y2018.score(), 1e-6 * Math.abs(year));
      assertTrue(y2018.score() > 140_000, "PROVENANCE: PRK-USA 2018 about +147k");
    }
  }

  @Test
  void eventLists_shippedMappings_storeEveryEvent() throws Exception {
    Path docs = org.entente.ingest.RepoDocs.file("event-lists");
    Object[][] lists = {
      {
        "prk-rus-cooperation-csis-timeline",
        "prk_rus_cooperation_events_2022_2026.csv",
        "prk-rus-cooperation-csis.mapping",
        277
      },
      {
        "nk-provocations-csis-stiles",
        "north_korea_provocations_1958_present.csv",
        "nk-provocations-csis.mapping",
        493
      },
      {
        "nk-missile-tests-cns-mesege1",
        "north_korea_missile_test_database.utf8.csv",
        "nk-missile-tests-cns.mapping",
        245
      }
    };
    for (Object[] l : lists) {
      Path file = SharedData.file((String) l[0], (String) l[1]);
      try (DuckDbStore s = DuckDbStore.inMemory()) {
        FileReport r =
            ImportFixtures.importFile(
                s,
                file,
                new Imports.Options(ImportFormat.EVENT_LIST, null, docs.resolve((String) l[2])));
        assertEquals((int) l[3], r.read(), r.toString());
        assertEquals((int) l[3], r.stored(), r.toString());
      }
    }
  }
}
