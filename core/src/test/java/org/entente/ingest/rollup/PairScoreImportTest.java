package org.entente.ingest.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.entente.analyse.series.Score;
import org.entente.ingest.FileReport;
import org.entente.measure.DyadScore;
import org.entente.measure.DyadSeries;
import org.entente.measure.Measure;
import org.entente.store.DyadQuery;
import org.entente.store.TestQueries;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import gdelt-pair-scores}: an undirected daily score; absent days are gaps, so a month's
 * coverage is its days present over its days. Fixture {@code pair-scores-gaps.csv} is synthetic.
 */
class PairScoreImportTest {
  @TempDir Path tmp;

  private static DyadQuery query(boolean directed, DyadQuery.Frequency f) {
    return TestQueries.plain("PRK", "RUS", directed, f, "pairs");
  }

  private DuckDbStore loaded() {
    DuckDbStore s = DuckDbStore.inMemory();
    FileReport r =
        ImportFixtures.importFile(
            s,
            ImportFixtures.copy("pair-scores-gaps.csv", tmp),
            new Imports.Options(ImportFormat.GDELT_PAIR_SCORES, "pairs", null));
    assertEquals(6, r.stored(), r.toString());
    assertEquals(2, r.rejected());
    return s;
  }

  @Test
  void series_monthly_sumsScoresWithDayWeightedCoverage() {
    try (DuckDbStore s = loaded()) {
      DyadSeries ser = new Measure(s).series(query(false, DyadQuery.Frequency.MONTH));
      assertEquals(2, ser.scores().size());
      DyadScore jan = ser.scores().get(0);
      assertEquals(12.0, jan.score(), 1e-12, "10.5 - 2.5 + 4.0; the reversed pair is the same");
      assertEquals(3.0 / 31, jan.coverage(), 1e-12);
      DyadScore feb = ser.scores().get(1);
      assertEquals(1.0, feb.score(), 1e-12);
      assertEquals(2.0 / 29, feb.coverage(), 1e-12, "2020 is a leap year");
      assertTrue(Double.isNaN(jan.s4()), "no quad counts");
      assertEquals(
          List.of(
              "n",
              "w1",
              "w2",
              "w3",
              "w4",
              "s3",
              "s4",
              "s5",
              "s6",
              "goldstein_sum",
              "goldstein_mean"),
          ser.missingColumns());
    }
  }

  @Test
  void series_monthsWithoutDays_areGaps() {
    try (DuckDbStore s = loaded()) {
      DyadSeries ser =
          new Measure(s)
              .series(
                  query(false, DyadQuery.Frequency.MONTH)
                      .withRange(YearMonth.of(2019, 12), YearMonth.of(2020, 3)));
      assertEquals(4, ser.scores().size());
      assertTrue(ser.scores().get(0).gap());
      assertTrue(Double.isNaN(ser.scores().get(0).score()));
      assertTrue(ser.scores().get(3).gap());
    }
  }

  @Test
  void series_yearly_coverageIsDaysPresentOverDaysOfTheYear() {
    try (DuckDbStore s = loaded()) {
      DyadScore y = new Measure(s).series(query(false, DyadQuery.Frequency.YEAR)).scores().get(0);
      assertEquals(13.0, y.score(), 1e-12);
      assertEquals(5.0 / 366, y.coverage(), 1e-12);
    }
  }

  @Test
  void series_directedQueryOfAnUndirectedScore_isAClearError() {
    try (DuckDbStore s = loaded()) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> new Measure(s).series(query(true, DyadQuery.Frequency.MONTH)));
      assertTrue(e.getMessage().contains("undirected only"), e.getMessage());
    }
  }

  @Test
  void s4_fromAPairScore_namesTheMissingQuadCounts() {
    try (DuckDbStore s = loaded()) {
      DyadSeries ser = new Measure(s).series(query(false, DyadQuery.Frequency.MONTH));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> Score.S4.requireFrom(ser.quantities(), "pairs"));
      assertEquals(
          "score s4 needs w1..w4, which source 'pairs' lacks (it holds score); choose another"
              + " score, e.g. --score score",
          e.getMessage());
    }
  }
}
