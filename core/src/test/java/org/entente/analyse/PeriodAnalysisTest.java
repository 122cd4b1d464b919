package org.entente.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import org.entente.analyse.changepoint.DetectionMethod;
import org.entente.analyse.changepoint.Penalty;
import org.entente.analyse.series.AnalysisSeries;
import org.entente.analyse.series.Imputation;
import org.entente.analyse.series.Score;
import org.entente.analyse.series.SeriesCsvReader;
import org.entente.analyse.series.SeriesOptions;
import org.entente.analyse.series.SeriesSource;
import org.entente.measure.Period;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeriodAnalysisTest {
  @TempDir Path dir;

  private static PeriodRequest request(DetectionMethod m, Penalty p, String compare, int tol) {
    return new PeriodRequest(
        m, p, 3, Imputation.NONE, PeriodRequest.Scale.MAD, Double.NaN, compare, tol);
  }

  /** METHODS §3 worked example, read from a CSV file with month labels. */
  @Test
  void run_methodsWorkedExampleFromCsv_splitsAfterMonthFive() throws IOException {
    double[] y = {0.42, 0.38, 0.45, 0.40, 0.41, -0.10, -0.05, -0.12, -0.08, -0.02, -0.09, -0.11};
    StringBuilder csv = new StringBuilder("period,y\n");
    for (int i = 0; i < y.length; i++) {
      csv.append(YearMonth.of(2020, 1).plusMonths(i)).append(',').append(y[i]).append('\n');
    }
    Path f = Files.writeString(dir.resolve("worked.csv"), csv);
    AnalysisSeries s = SeriesCsvReader.read(f, "y");
    for (DetectionMethod m : DetectionMethod.values()) {
      PeriodReport r = PeriodAnalysis.run(s, request(m, Penalty.bic(), null, 3));
      assertEquals(0.05242, r.result().scale(), 5e-6);
      assertEquals(4.970, r.result().beta(), 5e-4);
      assertEquals(1, r.changes().size(), m.toString());
      assertEquals("2020-05", r.changes().get(0).lastOfOld().label());
      assertEquals("2020-06", r.changes().get(0).firstOfNew().label());
      assertEquals(0.412, r.periods().get(0).mean(), 5e-4);
      assertEquals(-0.081, r.periods().get(1).mean(), 5e-4);
      assertEquals("2020-12", r.periods().get(1).last().label());
      assertEquals(7, r.periods().get(1).length());
      assertEquals(-1, r.periods().get(1).events());
    }
    PeriodReport mbic =
        PeriodAnalysis.run(s, request(DetectionMethod.PELT, Penalty.mbic(), null, 3));
    assertEquals("2020-06", mbic.changes().get(0).firstOfNew().label());
  }

  /**
   * The default scale (long-run SD, the shift's differences left out) on METHODS §3's worked
   * example: σ̂ = 0.0423 (LongRunScaleCalibrationTest) and the change after month 5 is found, as
   * METHODS finds it with its σ̂ = 0.05242. With all differences the one shift made φ̂ 0.63 and σ̂
   * 0.396, and no change was found.
   */
  @Test
  void run_methodsWorkedExampleWithTheDefaultScale_splitsAfterMonthFive() throws IOException {
    double[] y = {0.42, 0.38, 0.45, 0.40, 0.41, -0.10, -0.05, -0.12, -0.08, -0.02, -0.09, -0.11};
    StringBuilder csv = new StringBuilder("period,y\n");
    for (int i = 0; i < y.length; i++) {
      csv.append(YearMonth.of(2020, 1).plusMonths(i)).append(',').append(y[i]).append('\n');
    }
    AnalysisSeries s = SeriesCsvReader.read(Files.writeString(dir.resolve("w.csv"), csv), "y");
    for (DetectionMethod m : DetectionMethod.values()) {
      PeriodReport r =
          PeriodAnalysis.run(
              s,
              new PeriodRequest(
                  m,
                  Penalty.bic(),
                  3,
                  Imputation.NONE,
                  PeriodRequest.Scale.LRV,
                  Double.NaN,
                  null,
                  3));
      assertEquals(0.0423051, r.result().scale(), 1e-6, m.toString());
      assertEquals(1, r.changes().size(), m.toString());
      assertEquals("2020-05", r.changes().get(0).lastOfOld().label());
    }
  }

  /** A monthly series with mean shifts at Rozman's breaks (2014-03, 2018-01, 2022-01). */
  private static String rozmanLike(int seed, boolean shifts) {
    Random rnd = new Random(seed);
    StringBuilder csv = new StringBuilder("period,level\n");
    for (YearMonth m = YearMonth.of(2012, 1);
        !m.isAfter(YearMonth.of(2024, 12));
        m = m.plusMonths(1)) {
      double mean = 0;
      if (shifts) {
        mean =
            m.isBefore(YearMonth.of(2014, 3))
                ? 0.1
                : m.isBefore(YearMonth.of(2018, 1))
                    ? -0.4
                    : m.isBefore(YearMonth.of(2022, 1)) ? 0.2 : 0.7;
      }
      csv.append(m).append(',').append(mean + 0.05 * rnd.nextGaussian()).append('\n');
    }
    return csv.toString();
  }

  @Test
  void run_compareRozmanOnPlantedBreaks_matchesAllThree() throws IOException {
    Path f = Files.writeString(dir.resolve("planted.csv"), rozmanLike(7, true));
    AnalysisSeries s = SeriesCsvReader.read(f, "level");
    PeriodReport r =
        PeriodAnalysis.run(s, request(DetectionMethod.PELT, Penalty.mbic(), "rozman", 3));
    assertEquals(
        List.of("2014-03", "2018-01", "2022-01"),
        r.changes().stream().map(c -> c.firstOfNew().label()).toList());
    PeriodReport.Comparison c = r.comparison();
    assertEquals(3, c.truePositives());
    assertEquals(1.0, c.precision(), 0);
    assertEquals(1.0, c.recall(), 0);
    assertEquals(1.0, c.f1(), 0);
    assertEquals(0.0, c.hausdorff(), 0);
    assertTrue(c.outside().isEmpty());
    assertEquals(4, r.periods().size());
    assertEquals(-0.4, r.periods().get(1).mean(), 0.02);
  }

  @Test
  void run_compareRozmanWithoutBreaks_hasZeroRecall() throws IOException {
    Path f = Files.writeString(dir.resolve("flat.csv"), rozmanLike(7, false));
    PeriodReport r =
        PeriodAnalysis.run(
            SeriesCsvReader.read(f, "level"),
            request(DetectionMethod.PELT, Penalty.mbic(), "rozman", 3));
    assertTrue(r.changes().isEmpty());
    assertEquals(0.0, r.comparison().recall(), 0);
    assertTrue(Double.isNaN(r.comparison().precision()));
    assertTrue(Double.isNaN(r.comparison().hausdorff()));
  }

  @Test
  void run_quarterlySeries_mapsExpertBreaksToQuartersAndLeavesOutEarlierOnes() throws IOException {
    StringBuilder csv = new StringBuilder("period,v\n");
    Random rnd = new Random(3);
    for (int y = 2016; y <= 2024; y++) {
      for (int q = 1; q <= 4; q++) {
        double mean = y < 2018 ? 0 : y < 2022 ? 1 : 2;
        csv.append(y)
            .append("-Q")
            .append(q)
            .append(',')
            .append(mean + 0.1 * rnd.nextGaussian())
            .append('\n');
      }
    }
    Path f = Files.writeString(dir.resolve("q.csv"), csv);
    PeriodReport r =
        PeriodAnalysis.run(
            SeriesCsvReader.read(f, "v"),
            request(DetectionMethod.PELT, Penalty.mbic(), "rozman", 1));
    PeriodReport.Comparison c = r.comparison();
    assertEquals(List.of("2014-03"), c.outside());
    assertEquals(
        List.of("2018-Q1", "2022-Q1"), c.expertBreaks().stream().map(Period::label).toList());
    assertEquals(2, c.truePositives());
  }

  @Test
  void run_sparseStoreSeries_failsOnAZeroScaleButRunsWithTheSdScale() {
    StoreFixture fx = new StoreFixture();
    fx.mix(YearMonth.of(2020, 2), "RUS", "PRK", 3, 0);
    fx.mix(YearMonth.of(2020, 9), "RUS", "PRK", 0, 2);
    fx.mix(YearMonth.of(2021, 3), "RUS", "PRK", 3, 0);
    // filtered, as a six-state store: its empty months are months of zero events (S6 = 0)
    try (DuckDbStore s = fx.buildFiltered()) {
      AnalysisSeries y =
          new SeriesSource(s)
              .load(
                  List.of(SeriesSource.spec("RUS-PRK", Score.S6)),
                  SeriesOptions.defaults(Frequency.MONTH))
              .get(0);
      assertEquals(14, y.length());
      AnalysisException e =
          assertThrows(
              AnalysisException.class,
              () -> PeriodAnalysis.run(y, request(DetectionMethod.PELT, Penalty.mbic(), null, 3)));
      assertTrue(e.getMessage().contains("MAD"), e.getMessage());
      PeriodReport r =
          PeriodAnalysis.run(
              y,
              new PeriodRequest(
                  DetectionMethod.PELT,
                  Penalty.mbic(),
                  3,
                  Imputation.NONE,
                  PeriodRequest.Scale.SD,
                  Double.NaN,
                  null,
                  3));
      assertTrue(r.result().scale() > 0);
      assertEquals(8, r.periods().stream().mapToLong(PeriodReport.Segment::events).sum());
    }
  }

  @Test
  void run_undefinedScoreWithoutImputation_isRejectedAndImputedWithZero() {
    StoreFixture fx = new StoreFixture();
    for (int m = 1; m <= 12; m += 2) {
      fx.mix(YearMonth.of(2020, m), "RUS", "PRK", m, 2);
    }
    try (DuckDbStore s = fx.build()) {
      AnalysisSeries y =
          new SeriesSource(s)
              .load(
                  List.of(SeriesSource.spec("RUS-PRK", Score.S4)),
                  SeriesOptions.defaults(Frequency.MONTH))
              .get(0);
      assertThrows(
          AnalysisException.class,
          () -> PeriodAnalysis.run(y, request(DetectionMethod.PELT, Penalty.bic(), null, 3)));
      PeriodReport r =
          PeriodAnalysis.run(
              y,
              new PeriodRequest(
                  DetectionMethod.PELT,
                  Penalty.bic(),
                  3,
                  Imputation.ZERO,
                  PeriodRequest.Scale.SD,
                  Double.NaN,
                  null,
                  3));
      assertEquals(5, r.imputed());
    }
  }
}
