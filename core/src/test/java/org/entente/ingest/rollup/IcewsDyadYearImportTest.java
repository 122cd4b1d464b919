package org.entente.ingest.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.entente.analyse.series.Score;
import org.entente.ingest.FileReport;
import org.entente.ingest.StoreTables;
import org.entente.measure.DyadScore;
import org.entente.measure.DyadSeries;
import org.entente.measure.Measure;
import org.entente.store.DyadQuery;
import org.entente.store.Quantities;
import org.entente.store.SourceInfo;
import org.entente.store.TestQueries;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import icews-dyad-year}: rows become yearly directed aggregates with w1..w4 and n, bad
 * rows are rejected with their line, reruns are skipped, and series read them at yearly frequency
 * only. Fixture {@code icews-dyad-year-small.csv} is synthetic, in the netify layout.
 */
class IcewsDyadYearImportTest {
  @TempDir Path tmp;

  private static final Imports.Options OPTIONS =
      new Imports.Options(ImportFormat.ICEWS_DYAD_YEAR, "icews-test", null);

  private static DyadQuery yearly(String a, String b, boolean directed) {
    return TestQueries.plain(a, b, directed, DyadQuery.Frequency.YEAR, "icews-test");
  }

  @Test
  void importFile_sixRowsTwoBad_storesFourRejectsThreeWithLines() {
    Path db = tmp.resolve("s.duckdb");
    Path f = ImportFixtures.copy("icews-dyad-year-small.csv", tmp);
    try (DuckDbStore s = DuckDbStore.open(db)) {
      FileReport r = ImportFixtures.importFile(s, f, OPTIONS);
      assertEquals(FileReport.Status.LOADED, r.status(), r.message());
      assertEquals(7, r.read());
      assertEquals(4, r.stored());
      assertEquals(3, r.rejected());
      FileReport again = ImportFixtures.importFile(s, f, OPTIONS);
      assertEquals(FileReport.Status.SKIPPED, again.status());
      SourceInfo info = s.sources().get(0);
      assertEquals("icews-test", info.name());
      assertEquals(SourceInfo.Kind.AGGREGATE, info.kind());
      assertEquals("year", info.frequency());
      assertEquals(4, info.rows());
      assertEquals(java.time.LocalDate.of(2011, 12, 31), info.last());
    }
    assertEquals(
        List.of(
            List.of("6", "missing count", "verbConf is empty"),
            List.of("7", "unknown country", "i: 'Atlantis' is not a country code"),
            List.of("8", "bad year", "year: '201' is not YYYY")),
        StoreTables.rows(db, "SELECT line, reason, detail FROM rejects ORDER BY line"));
  }

  @Test
  void series_readOnlyStore_readsTheImportedSourceAsTheWritableStoreDoes() {
    Path db = tmp.resolve("s.duckdb");
    List<List<DyadScore>> written = new java.util.ArrayList<>();
    try (DuckDbStore s = DuckDbStore.open(db)) {
      ImportFixtures.importFile(s, ImportFixtures.copy("icews-dyad-year-small.csv", tmp), OPTIONS);
      written.add(new Measure(s).series(yearly("RUS", "PRK", true)).scores());
      written.add(new Measure(s).series(yearly("RUS", "PRK", false)).scores());
    }
    // a read-only store reads its imported sources once and keeps them: asked twice, same answer
    try (DuckDbStore s = DuckDbStore.openReadOnly(db)) {
      for (int i = 0; i < 2; i++) {
        assertEquals(written.get(0), new Measure(s).series(yearly("RUS", "PRK", true)).scores());
        assertEquals(written.get(1), new Measure(s).series(yearly("RUS", "PRK", false)).scores());
        assertEquals(
            Quantities.EVENTS,
            s.quantities(
                TestQueries.plain("RUS", "PRK", false, DyadQuery.Frequency.YEAR, "gdelt2")));
      }
    }
  }

  @Test
  void series_directedYearly_equalsTheFileCounts() {
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      ImportFixtures.importFile(s, ImportFixtures.copy("icews-dyad-year-small.csv", tmp), OPTIONS);
      DyadSeries ser = new Measure(s).series(yearly("RUS", "PRK", true));
      assertEquals(2, ser.scores().size());
      DyadScore y2010 = ser.scores().get(0);
      assertEquals("2010", y2010.period().label());
      assertEquals(116, y2010.n());
      assertEquals(
          List.of(100.0, 4.0, 10.0, 2.0), List.of(y2010.w1(), y2010.w2(), y2010.w3(), y2010.w4()));
      assertEquals((104.0 - 12) / 116, y2010.s4(), 1e-12);
      assertTrue(Double.isNaN(y2010.goldsteinSum()), "ICEWS dyad-years have no Goldstein values");
      assertTrue(Double.isNaN(y2010.goldsteinMean()));
      assertEquals(1.0, y2010.coverage());
      assertEquals(List.of("goldstein_sum", "goldstein_mean", "score"), ser.missingColumns());
    }
  }

  @Test
  void series_undirected_sumsBothDirections_zeroYearIsNoGap() {
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      ImportFixtures.importFile(s, ImportFixtures.copy("icews-dyad-year-small.csv", tmp), OPTIONS);
      DyadSeries ser = new Measure(s).series(yearly("RUS", "PRK", false));
      DyadScore y2010 = ser.scores().get(0);
      assertEquals(203, y2010.n());
      assertEquals(180.0, y2010.w1());
      assertEquals(3.0, y2010.w4());
      DyadScore y2011 = ser.scores().get(1);
      assertEquals(134, y2011.n());
      assertFalse(y2011.gap());
    }
  }

  @Test
  void series_yearOutsideCoverage_isAGapNotAZero() {
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      ImportFixtures.importFile(s, ImportFixtures.copy("icews-dyad-year-small.csv", tmp), OPTIONS);
      DyadSeries ser =
          new Measure(s)
              .series(
                  yearly("RUS", "PRK", true)
                      .withRange(YearMonth.of(2009, 1), YearMonth.of(2012, 12)));
      assertEquals(4, ser.scores().size());
      DyadScore y2009 = ser.scores().get(0);
      assertTrue(y2009.gap());
      assertTrue(Double.isNaN(y2009.w1()));
      assertTrue(Double.isNaN(y2009.s6()), "a gap has no S6 (S6 is 0 only for a known empty year)");
      assertTrue(ser.scores().get(3).gap());
    }
  }

  @Test
  void series_monthlyFromYearly_isAClearError() {
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      ImportFixtures.importFile(s, ImportFixtures.copy("icews-dyad-year-small.csv", tmp), OPTIONS);
      DyadQuery monthly =
          TestQueries.plain("RUS", "PRK", true, DyadQuery.Frequency.MONTH, "icews-test");
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new Measure(s).series(monthly));
      assertTrue(e.getMessage().contains("no monthly from yearly counts"), e.getMessage());
    }
  }

  @Test
  void goldsteinMean_fromQuadCounts_namesWhatIsMissing() {
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      ImportFixtures.importFile(s, ImportFixtures.copy("icews-dyad-year-small.csv", tmp), OPTIONS);
      DyadSeries ser = new Measure(s).series(yearly("RUS", "PRK", true));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> Score.GOLDSTEIN_MEAN.requireFrom(ser.quantities(), "icews-test"));
      assertEquals(
          "score goldstein_mean needs goldstein_sum, which source 'icews-test' lacks (it holds n,"
              + " w1..w4); choose another score, e.g. --score s6",
          e.getMessage());
      Score.S6.requireFrom(ser.quantities(), "icews-test");
    }
  }

  @Test
  void importFile_underAnEventSourceName_isRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Imports.factory(
                new Imports.Options(ImportFormat.ICEWS_DYAD_YEAR, "gdelt2", null),
                org.entente.cameo.Cameo.bundled(),
                List.of()));
  }
}
