package org.entente.analyse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import org.entente.analyse.leadlag.LagCriterion;
import org.entente.analyse.leadlag.MultipleTesting;
import org.entente.analyse.leadlag.Resampling;
import org.entente.analyse.series.AnalysisSeries;
import org.entente.analyse.series.Imputation;
import org.entente.analyse.series.Score;
import org.entente.analyse.series.SeriesOptions;
import org.entente.analyse.series.SeriesSource;
import org.entente.store.DyadQuery.Frequency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadLagAnalysisTest {
  @TempDir Path dir;

  private Path csv(String name, double[]... columns) throws IOException {
    StringBuilder sb = new StringBuilder("period");
    for (int c = 0; c < columns.length; c++) {
      sb.append(",c").append(c);
    }
    sb.append('\n');
    for (int i = 0; i < columns[0].length; i++) {
      sb.append(YearMonth.of(2000, 1).plusMonths(i));
      for (double[] col : columns) {
        sb.append(',').append(col[i]);
      }
      sb.append('\n');
    }
    return Files.writeString(dir.resolve(name), sb);
  }

  private static List<AnalysisSeries> load(Path f, String... columns) {
    return new SeriesSource(null)
        .load(
            java.util.Arrays.stream(columns)
                .map(c -> SeriesSource.spec(f + ":" + c, Score.S6))
                .toList(),
            SeriesOptions.defaults(Frequency.MONTH));
  }

  private static LeadLagRequest request(
      int lags, LeadLagRequest.Difference d, int boot, long seed) {
    return new LeadLagRequest(
        12, LagCriterion.AIC, lags, d, boot, seed, Resampling.CIRCULAR_SHIFT, Imputation.NONE);
  }

  /** METHODS §4.4 test vector: p = 1 with a constant, read through the CSV path. */
  @Test
  void run_methodsTestVectorFromCsv_reproducesBothFTests() throws IOException {
    double[] x = {0.4, 1.5, -1.8, 1.7, 0.0, -0.8, -0.8, -1.1, -0.2, 0.8, 0.6, 0.6};
    double[] y = {-0.5, -0.2, 1.7, -1.1, 2.1, 0.4, -0.9, -0.2, -0.7, -0.1, 0.4, 0.5};
    List<AnalysisSeries> s = load(csv("vector.csv", x, y), "c0", "c1");
    LeadLagReport r =
        LeadLagAnalysis.run(s.get(0), s.get(1), request(1, LeadLagRequest.Difference.NONE, 0, 5));
    assertEquals(1, r.lags());
    assertNull(r.selection());
    assertEquals(42.810, r.xToY().test().fStatistic(), 5e-3);
    assertEquals(1, r.xToY().test().dfNumerator());
    assertEquals(8, r.xToY().test().dfDenominator());
    assertEquals(1.80e-4, r.xToY().test().fPValue(), 5e-6);
    assertEquals(0.00043, r.yToX().test().fStatistic(), 5e-5);
    assertEquals(0.984, r.yToX().test().fPValue(), 5e-4);
    assertTrue(Double.isNaN(r.xToY().pBootstrap()));
    assertEquals(0, r.differenceOrder());
  }

  /** x is AR(1); y follows x two months later. Planted through the CSV path. */
  @Test
  void run_plantedLeadOfTwoMonths_findsXLeadingYOnly() throws IOException {
    Random rnd = new Random(11);
    int n = 150;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      x[t] = (t > 0 ? 0.5 * x[t - 1] : 0) + rnd.nextGaussian();
      y[t] = (t > 1 ? 0.8 * x[t - 2] : 0) + 0.5 * rnd.nextGaussian();
    }
    List<AnalysisSeries> s = load(csv("lead.csv", x, y), "c0", "c1");
    LeadLagReport r =
        LeadLagAnalysis.run(
            s.get(0), s.get(1), request(0, LeadLagRequest.Difference.AUTO, 999, 42));
    assertEquals(0, r.differenceOrder(), r.differenceReason());
    assertTrue(r.lags() >= 2, "selected " + r.lags());
    assertTrue(r.xToY().test().fPValue() < 1e-6);
    // n = 150, minimum shift 15: all 121 distinct circular shifts, none reaching the observed
    assertEquals(121, r.xToY().resampled().replicates());
    assertEquals(1.0 / 122, r.xToY().pBootstrap(), 1e-12);
    assertEquals(42, r.xToY().resampled().seed());
    assertTrue(r.xToY().coefficientSum() > 0.5, "sum " + r.xToY().coefficientSum());
    // the reverse direction is a true null: not significant at 1%, and far weaker
    assertTrue(r.yToX().test().fPValue() > 0.01, "y->x p " + r.yToX().test().fPValue());
    assertTrue(r.yToX().test().fStatistic() < r.xToY().test().fStatistic() / 10);
    assertEquals(2, r.ccf().correlation().peakLag());
    assertTrue(r.ccf().correlation().at(2) > 0.6);

    LeadLagReport again =
        LeadLagAnalysis.run(
            s.get(0), s.get(1), request(0, LeadLagRequest.Difference.AUTO, 999, 42));
    assertEquals(r.yToX().pBootstrap(), again.yToX().pBootstrap(), 0);
  }

  private static double[][] independentAr1(Random rnd, int n) {
    double[][] xy = new double[2][n];
    for (int t = 0; t < n; t++) {
      for (double[] v : xy) {
        v[t] = (t > 0 ? 0.5 * v[t - 1] : 0) + rnd.nextGaussian();
      }
    }
    return xy;
  }

  /**
   * Lag selection on a short series stops at ⌊(n − 2)/5⌋, where the VAR keeps as many residual
   * degrees of freedom per equation as coefficients. Up to ⌊(n − 2)/3⌋ = 12 at n = 40, AIC chose
   * order 12 for 182 of 200 independent AR(1) pairs (df2 3); the METHODS 4.3 pair (n = 12) keeps
   * p_max = 2.
   */
  @Test
  void run_shortSeries_selectionStopsAtNMinusTwoOverFive() throws IOException {
    Random rnd = new Random(3);
    int chosenAtCap = 0;
    for (int i = 0; i < 20; i++) {
      double[][] xy = independentAr1(rnd, 40);
      List<AnalysisSeries> s = load(csv("ar" + i + ".csv", xy[0], xy[1]), "c0", "c1");
      LeadLagReport r =
          LeadLagAnalysis.run(s.get(0), s.get(1), request(0, LeadLagRequest.Difference.NONE, 0, 1));
      assertEquals(7, r.maxLagUsed());
      assertEquals(8, r.selection().aic().length);
      assertTrue(r.lags() <= 7);
      assertTrue(r.xToY().test().dfDenominator() >= 40 - 3 * 7 - 1);
      chosenAtCap += r.lags() == 7 ? 1 : 0;
    }
    assertTrue(chosenAtCap < 10, chosenAtCap + " of 20 at the cap");

    double[] x = {0.4, 1.5, -1.8, 1.7, 0.0, -0.8, -0.8, -1.1, -0.2, 0.8, 0.6, 0.6};
    double[] y = {-0.5, -0.2, 1.7, -1.1, 2.1, 0.4, -0.9, -0.2, -0.7, -0.1, 0.4, 0.5};
    List<AnalysisSeries> m = load(csv("vector.csv", x, y), "c0", "c1");
    LeadLagReport vector =
        LeadLagAnalysis.run(m.get(0), m.get(1), request(0, LeadLagRequest.Difference.NONE, 0, 1));
    assertEquals(2, vector.maxLagUsed());
    assertEquals(1, vector.lags(), vector.lagsReason());
    // a fixed --lags may still go up to ⌊(n − 2)/3⌋
    LeadLagReport fixed =
        LeadLagAnalysis.run(m.get(0), m.get(1), request(3, LeadLagRequest.Difference.NONE, 0, 1));
    assertEquals(3, fixed.lags());
  }

  /**
   * n = 20 leaves 17 distinct circular shifts of at least 2: the resampling p-value cannot go below
   * 1/18 = 0.056, and the report says so.
   */
  @Test
  void run_tooFewShiftsForFivePercent_warns() throws IOException {
    double[][] xy = independentAr1(new Random(4), 20);
    List<AnalysisSeries> s = load(csv("twenty.csv", xy[0], xy[1]), "c0", "c1");
    LeadLagReport r =
        LeadLagAnalysis.run(s.get(0), s.get(1), request(1, LeadLagRequest.Difference.NONE, 999, 1));
    assertEquals(17, r.xToY().resampled().replicates());
    assertTrue(r.xToY().pBootstrap() >= 1.0 / 18);
    assertTrue(
        r.warnings().stream().anyMatch(w -> w.contains("cannot go below 1/18 = 0.056")),
        r.warnings().toString());

    LeadLagReport block =
        LeadLagAnalysis.run(
            s.get(0),
            s.get(1),
            new LeadLagRequest(
                12,
                LagCriterion.AIC,
                1,
                LeadLagRequest.Difference.NONE,
                999,
                1,
                Resampling.BLOCK_BOOTSTRAP,
                Imputation.NONE));
    assertTrue(block.warnings().stream().noneMatch(w -> w.contains("cannot go below")));
  }

  @Test
  void run_randomWalks_areDifferencedUnderAuto() throws IOException {
    Random rnd = new Random(5);
    int n = 120;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int t = 1; t < n; t++) {
      x[t] = x[t - 1] + rnd.nextGaussian();
      y[t] = y[t - 1] + rnd.nextGaussian();
    }
    List<AnalysisSeries> s = load(csv("walk.csv", x, y), "c0", "c1");
    LeadLagReport r =
        LeadLagAnalysis.run(s.get(0), s.get(1), request(0, LeadLagRequest.Difference.AUTO, 0, 1));
    assertEquals(1, r.differenceOrder());
    assertTrue(r.adfX().pValue() > 0.05);
    assertTrue(r.adfXDifferenced().rejectsUnitRootAt5Percent());
    assertEquals(n - 1 - r.lags(), r.xToY().test().nobs());
  }

  @Test
  void adjust_twoPairs_givesBenjaminiHochbergAcrossAllFourTests() throws IOException {
    Random rnd = new Random(2);
    int n = 80;
    double[] a = new double[n];
    double[] b = new double[n];
    double[] c = new double[n];
    for (int t = 0; t < n; t++) {
      a[t] = rnd.nextGaussian();
      b[t] = (t > 0 ? a[t - 1] : 0) + rnd.nextGaussian();
      c[t] = rnd.nextGaussian();
    }
    List<AnalysisSeries> s = load(csv("three.csv", a, b, c), "c0", "c1", "c2");
    LeadLagRequest q = request(1, LeadLagRequest.Difference.NONE, 199, 9);
    List<LeadLagReport> adjusted =
        LeadLagAnalysis.adjust(
            List.of(
                LeadLagAnalysis.run(s.get(0), s.get(1), q),
                LeadLagAnalysis.run(s.get(0), s.get(2), q)));
    double[] p = new double[4];
    double[] got = new double[4];
    for (int i = 0; i < 2; i++) {
      p[2 * i] = adjusted.get(i).xToY().test().fPValue();
      p[2 * i + 1] = adjusted.get(i).yToX().test().fPValue();
      got[2 * i] = adjusted.get(i).xToY().pAdjusted();
      got[2 * i + 1] = adjusted.get(i).yToX().pAdjusted();
    }
    assertArrayEquals(MultipleTesting.benjaminiHochberg(p), got, 0);
    assertTrue(got[0] >= p[0]);
  }

  @Test
  void run_tooShortOrConstant_failsWithTheReason() throws IOException {
    List<AnalysisSeries> s =
        load(csv("short.csv", new double[] {1, 2, 1, 3}, new double[] {2, 1, 2, 2}), "c0", "c1");
    assertThrows(
        AnalysisException.class,
        () ->
            LeadLagAnalysis.run(
                s.get(0), s.get(1), request(0, LeadLagRequest.Difference.NONE, 0, 1)));
    double[] flat = new double[30];
    double[] v = new double[30];
    for (int i = 0; i < 30; i++) {
      v[i] = Math.sin(i);
    }
    List<AnalysisSeries> f = load(csv("flat.csv", flat, v), "c0", "c1");
    AnalysisException e =
        assertThrows(
            AnalysisException.class,
            () ->
                LeadLagAnalysis.run(
                    f.get(0), f.get(1), request(0, LeadLagRequest.Difference.NONE, 0, 1)));
    assertTrue(e.getMessage().contains("constant"), e.getMessage());

    // a trend is differenced into a constant: called a straight line, with the way out
    double[] trend = new double[30];
    for (int i = 0; i < 30; i++) {
      trend[i] = 2 * i;
    }
    List<AnalysisSeries> t = load(csv("trend.csv", trend, v), "c0", "c1");
    AnalysisException line =
        assertThrows(
            AnalysisException.class,
            () ->
                LeadLagAnalysis.run(
                    t.get(0), t.get(1), request(0, LeadLagRequest.Difference.FIRST, 0, 1)));
    assertTrue(
        line.getMessage().contains("is a straight line")
            && line.getMessage().contains("all 2.0")
            && line.getMessage().contains("--difference none"),
        line.getMessage());
  }
}
