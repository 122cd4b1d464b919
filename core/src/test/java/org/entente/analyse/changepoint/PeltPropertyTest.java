package org.entente.analyse.changepoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * PELT against exhaustive optimal partitioning, and PELT's work on a long series.
 *
 * <p>The reference here is written independently of the production code: its own MAD, its own
 * penalties, segment costs by direct two-pass sums instead of prefix sums, and the O(n²) recursion
 * of Jackson et al. (2005) over every admissible last change point, without pruning.
 */
class PeltPropertyTest {

  private static final long SEED = 20240619L;

  @Test
  void pelt_randomSeriesWithPlantedChanges_equalsExhaustiveOptimalPartitioning() {
    SplittableRandom random = new SplittableRandom(SEED);
    Penalty[] penalties = {
      Penalty.bic(),
      Penalty.sic0(),
      Penalty.aic(),
      Penalty.hannanQuinn(),
      Penalty.mbic(),
      Penalty.manual(2.0),
      Penalty.manual(0.5)
    };
    int[] minLengths = {1, 2, 3, 3, 5};
    int withChanges = 0;
    int cases = 300;
    for (int c = 0; c < cases; c++) {
      double[] y = plantedSeries(random, 15 + random.nextInt(66));
      Penalty penalty = penalties[random.nextInt(penalties.length)];
      int minLength = minLengths[random.nextInt(minLengths.length)];
      ChangePointSettings settings =
          ChangePointSettings.defaults().withPenalty(penalty).withMinSegmentLength(minLength);
      String label = "case " + c + " n=" + y.length + " " + penalty.type() + " L=" + minLength;

      ChangePointResult pelt = ChangePoints.pelt().detect(y, settings);
      double scale = referenceMadScale(y);
      Reference reference = optimalPartitioning(y, scale, penalty, minLength);

      assertEquals(scale, pelt.scale(), 1e-12 * scale, label);
      assertEquals(
          reference.optimum(),
          pelt.penalisedCost(),
          1e-8 * (1 + Math.abs(reference.optimum())),
          label);
      assertEquals(reference.changes(), pelt.lastMonthsOfOldPeriods(), label);
      for (int k = 1; k < pelt.segments().size(); k++) {
        assertTrue(pelt.segments().get(k).length() >= minLength, label);
      }
      if (!reference.changes().isEmpty()) {
        withChanges++;
      }
    }
    assertTrue(withChanges > cases / 2, "most cases should have changes, had " + withChanges);
  }

  @Test
  void pelt_hundredThousandMonthsWithRegularChanges_subquadraticWorkAndFindsChanges() {
    SplittableRandom random = new SplittableRandom(SEED + 1);
    int n = 100_000;
    double[] y = new double[n];
    List<Integer> planted = new ArrayList<>();
    double mean = 0;
    int next = 200 + random.nextInt(400);
    for (int i = 0; i < n; i++) {
      if (i == next) {
        planted.add(i + 1); // first month (1-based) of the new period
        mean += (random.nextBoolean() ? 1 : -1) * (2.0 + random.nextDouble());
        next = i + 200 + random.nextInt(400);
      }
      y[i] = mean + gaussian(random);
    }
    ChangePointSettings settings = ChangePointSettings.defaults().withPenalty(Penalty.bic());

    long start = System.nanoTime();
    ChangePointResult result = ChangePoints.pelt().detect(y, settings);
    double seconds = (System.nanoTime() - start) / 1e9;
    MeanCost cost = new MeanCost(y, result.scale(), false);
    Pelt.Run run = Pelt.run(cost, result.beta(), settings.minSegmentLength());

    // quadratic work would be about n^2 / 2 = 5e9 cost evaluations
    assertTrue(
        run.costEvaluations() < (long) n * n / 100,
        "cost evaluations " + run.costEvaluations() + " not far below n^2");
    assertEquals(run.changes(), result.lastMonthsOfOldPeriods());
    BreakComparison found = BreakComparison.compare(planted, result.firstMonthsOfNewPeriods(), 3);
    assertTrue(found.recall() > 0.95, "recall " + found.recall());
    assertTrue(found.precision() > 0.95, "precision " + found.precision());
    assertTrue(seconds < 30, "took " + seconds + " s");
  }

  @Test
  void pelt_hundredThousandMonthsMbic_subquadraticWork() {
    SplittableRandom random = new SplittableRandom(SEED + 2);
    int n = 100_000;
    double[] y = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      if (i % 500 == 499) {
        mean = 3 * gaussian(random);
      }
      y[i] = mean + gaussian(random);
    }
    double scale = ChangePoints.madScale(y);
    Penalty mbic = Penalty.mbic();
    Pelt.Run run = Pelt.run(new MeanCost(y, scale, true), mbic.beta(n), 3);
    assertTrue(run.costEvaluations() < (long) n * n / 100, "evaluations " + run.costEvaluations());
    assertTrue(run.changes().size() > 100, "changes " + run.changes().size());
  }

  // ---------------------------------------------------------------- independent reference

  private record Reference(double optimum, List<Integer> changes) {}

  private static Reference optimalPartitioning(
      double[] y, double scale, Penalty penalty, int minLength) {
    int n = y.length;
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = y[i] / scale;
    }
    double beta = referenceBeta(penalty, n);
    boolean lengthTerm = penalty.type() == Penalty.Type.MBIC;
    if (n < 2 * minLength) {
      return new Reference(segmentCost(z, 0, n, lengthTerm), List.of());
    }
    double[] f = new double[n + 1];
    int[] last = new int[n + 1];
    Arrays.fill(f, Double.POSITIVE_INFINITY);
    f[0] = -beta;
    for (int t = minLength; t <= n; t++) {
      for (int tau = 0; tau <= t - minLength; tau++) {
        if (tau != 0 && tau < minLength) {
          continue; // no admissible segmentation of 1..tau
        }
        double v = f[tau] + segmentCost(z, tau, t, lengthTerm) + beta;
        if (v < f[t]) {
          f[t] = v;
          last[t] = tau;
        }
      }
    }
    List<Integer> changes = new ArrayList<>();
    for (int t = last[n]; t > 0; t = last[t]) {
      changes.add(t);
    }
    Collections.reverse(changes);
    return new Reference(f[n], changes);
  }

  /** Σ (z − z̄)² over months s+1..t by two passes, plus ln(t − s) under MBIC. */
  private static double segmentCost(double[] z, int s, int t, boolean lengthTerm) {
    double mean = 0;
    for (int i = s; i < t; i++) {
      mean += z[i];
    }
    mean /= (t - s);
    double ss = 0;
    for (int i = s; i < t; i++) {
      ss += (z[i] - mean) * (z[i] - mean);
    }
    return lengthTerm ? ss + Math.log(t - s) : ss;
  }

  private static double referenceBeta(Penalty penalty, int n) {
    switch (penalty.type()) {
      case BIC:
        return 2 * Math.log(n);
      case SIC0:
        return Math.log(n);
      case AIC:
        return 4;
      case HANNAN_QUINN:
        return 4 * Math.log(Math.log(n));
      case MBIC:
        return 3 * Math.log(n);
      default:
        return penalty.manualValue();
    }
  }

  private static double referenceMadScale(double[] y) {
    double[] d = new double[y.length - 1];
    for (int i = 0; i < d.length; i++) {
      d[i] = y[i + 1] - y[i];
    }
    double med = median(d);
    for (int i = 0; i < d.length; i++) {
      d[i] = Math.abs(d[i] - med);
    }
    return 1.4826 * median(d) / Math.sqrt(2);
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  /** Piecewise-constant mean (0 to 4 changes, jumps of 0.5 to 3 SD) plus Gaussian noise. */
  private static double[] plantedSeries(SplittableRandom random, int n) {
    double[] y = new double[n];
    int changes = random.nextInt(5);
    List<Integer> at = new ArrayList<>();
    for (int k = 0; k < changes; k++) {
      at.add(1 + random.nextInt(n - 1));
    }
    double mean = random.nextDouble() * 2 - 1;
    double noise = 0.05 + random.nextDouble();
    for (int i = 0; i < n; i++) {
      if (at.contains(i)) {
        mean += (random.nextBoolean() ? 1 : -1) * noise * (0.5 + 2.5 * random.nextDouble());
      }
      y[i] = mean + noise * gaussian(random);
    }
    return y;
  }

  private static double gaussian(SplittableRandom random) {
    // Box–Muller; SplittableRandom has no nextGaussian in Java 17
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
