package org.entente.analyse.verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.analyse.PeriodAnalysis;
import org.entente.analyse.PeriodReport;
import org.entente.analyse.PeriodRequest;
import org.entente.analyse.changepoint.BreakComparison;
import org.entente.analyse.changepoint.DetectionMethod;
import org.entente.analyse.changepoint.Penalty;
import org.entente.analyse.series.AnalysisSeries;
import org.entente.analyse.series.Dyad;
import org.entente.analyse.series.Imputation;
import org.entente.analyse.series.Score;
import org.entente.analyse.verdict.Evaluation.Finding;
import org.entente.measure.Period;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.MonthRange;
import org.entente.system.Proposition;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Test kind {@code changepoints} (P3): do detected changes match an expert periodisation?
 *
 * <p>Operationalisation read: {@code y} (dyad, score), {@code frequency}, {@code window}, {@code
 * method} (pelt, binseg), {@code penalty} (bic, mbic, aic, hq, sic0 or a number), {@code
 * min_length}, {@code compare} (scheme, tolerance_months), {@code expected} (min_recall,
 * min_precision), {@code minimum.periods_with_events}, and optionally {@code scale} (v2: {@code
 * lrv}). Runs {@link PeriodAnalysis} with σ̂ = MAD(Δy)/√2 (METHODS §3.1; v1) or the given scale and
 * no imputation; a σ̂ of 0 is insufficient data. At a frequency coarser than months the tolerance
 * is converted to whole periods (rounded down).
 *
 * <p>Test: a Monte Carlo test of the number of expert breaks matched against the same number of
 * changes placed uniformly at random at least L apart ({@link #DRAWS} draws, seed {@link #SEED}), p
 * = (1 + #{matches* ≥ matches})/(B + 1), one-sided. Effect: recall; "supported" also needs recall
 * and precision at their minimum. Thresholds are written with two decimals and compared with a
 * tolerance of 0.005, so that "two of three" (recall 2/3 = 0.667) meets "recall ≥ 0.67" as the
 * rule's own words say. No change detected → inconclusive (nothing to compare); too few periods
 * with events → insufficient data. The test has no "against" side: few matches is absence of
 * evidence.
 */
final class ChangePointEvaluation implements Evaluation {
  /** Tolerance of a threshold written with two decimals. */
  static final double ROUNDING = 0.005;

  @Override
  public Finding evaluate(Proposition p, Spec s, Context c, Map<String, Object> evidence) {
    Dyad yd = Dyad.parse(s.string("y.dyad"));
    Score score = Score.parse(s.string("y.score"));
    Frequency f = Context.frequency(s);
    DetectionMethod method;
    try {
      method = org.entente.analyse.Vocabulary.method(s.string("method"));
    } catch (IllegalArgumentException e) {
      throw s.fail("method", "pelt or binseg");
    }
    Penalty penalty = penalty(s.raw("penalty"));
    String scheme = s.string("compare.scheme");
    int monthsPerPeriod = f.months();
    int tolerance = s.integer("compare.tolerance_months") / monthsPerPeriod;
    double minRecall = s.number("expected.min_recall");
    double minPrecision = s.number("expected.min_precision");
    int minWithEvents = s.integer("minimum.periods_with_events");
    Optional<MonthRange> window = c.window(s, "window", List.of(yd), f, evidence);
    if (window.isEmpty()) {
      return Finding.insufficient("no events of " + yd + " in the window");
    }
    AnalysisSeries y = c.series.dyad(yd, score, c.options(f), window.get());
    evidence.put("periods", y.length());
    evidence.put("periods_with_events", y.periodsWithData());
    if (y.periodsWithData() < minWithEvents) {
      return Finding.insufficient(
          "too few periods with events: "
              + y.periodsWithData()
              + " of "
              + y.length()
              + " (minimum "
              + minWithEvents
              + ")");
    }
    PeriodRequest request =
        new PeriodRequest(
            method,
            penalty,
            s.integer("min_length"),
            Imputation.NONE,
            s.has("scale") ? PeriodRequest.scale(s.string("scale")) : PeriodRequest.Scale.MAD,
            Double.NaN,
            scheme,
            tolerance);
    PeriodReport r = PeriodAnalysis.run(y, request);
    evidence.put("beta", r.result().beta());
    evidence.put("sigma", r.result().scale());
    evidence.put(
        "changes",
        r.changes().stream()
            .map(ch -> ch.lastOfOld().label() + "|" + ch.firstOfNew().label())
            .toList());
    PeriodReport.Comparison cmp = r.comparison();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scheme", scheme);
    m.put("tolerance", tolerance);
    m.put("expert_breaks", cmp.expertBreaks().stream().map(Period::label).toList());
    m.put("detected_breaks", cmp.detected().stream().map(Period::label).toList());
    m.put(
        "matches",
        cmp.matches().stream().map(x -> x.expert().label() + "~" + x.detected().label()).toList());
    m.put("precision", cmp.precision());
    m.put("recall", cmp.recall());
    m.put("f1", cmp.f1());
    m.put("hausdorff", cmp.hausdorff());
    evidence.put("comparison", m);
    String what =
        cmp.truePositives()
            + " of "
            + cmp.expertBreaks().size()
            + " expert breaks matched within "
            + tolerance
            + " period(s) by "
            + cmp.detected().size()
            + " detected change(s): recall "
            + Evaluation.num(cmp.recall())
            + ", precision "
            + Evaluation.num(cmp.precision());
    if (cmp.expertBreaks().isEmpty()) {
      return Finding.insufficient("no expert break falls inside the window");
    }
    if (cmp.detected().isEmpty()) {
      return Finding.early(
          Judgement.inconclusive(what + ": no change detected, nothing to compare"));
    }
    List<Integer> expert = new ArrayList<>();
    for (Period e : cmp.expertBreaks()) {
      expert.add(y.indexOf(e) + 1);
    }
    List<Integer> detected = r.result().firstMonthsOfNewPeriods();
    int minLength = s.integer("min_length");
    int exceed = 0;
    RandomGenerator random = new Well19937c(SEED);
    for (int b = 0; b < DRAWS; b++) {
      List<Integer> placed = randomBreaks(random, y.length(), detected.size(), minLength);
      if (BreakComparison.compare(expert, placed, tolerance).truePositives()
          >= cmp.truePositives()) {
        exceed++;
      }
    }
    double pv = (1.0 + exceed) / (DRAWS + 1.0);
    boolean met =
        cmp.recall() >= minRecall - ROUNDING && cmp.precision() >= minPrecision - ROUNDING;
    TestResult t =
        new TestResult(
            yd + " detected changes vs " + scheme + " breaks",
            "Monte Carlo test of the matches against the same number of changes placed at random"
                + " (minimum spacing "
                + minLength
                + "), "
                + DRAWS
                + " draws, seed "
                + SEED
                + ", one-sided",
            detected.size(),
            cmp.truePositives(),
            pv,
            Double.NaN,
            cmp.recall(),
            "recall",
            "recall >= " + minRecall + " and precision >= " + minPrecision,
            met,
            cmp.truePositives() > 0 ? TestResult.Direction.PREDICTED : TestResult.Direction.NONE,
            pv);
    return Finding.of(List.of(t), Decisions.atLeast(1, 1, null));
  }

  /** Monte Carlo draws and their seed. */
  static final int DRAWS = 9999;

  static final long SEED = 1;

  /**
   * k distinct first positions of new periods in L + 1..n − L + 1 at least L apart, uniformly by
   * rejection.
   */
  static List<Integer> randomBreaks(RandomGenerator random, int n, int k, int minLength) {
    int lo = minLength + 1;
    int hi = n - minLength + 1;
    if (hi < lo) {
      return List.of();
    }
    for (int attempt = 0; attempt < 10_000; attempt++) {
      java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
      while (set.size() < Math.min(k, hi - lo + 1)) {
        set.add(lo + random.nextInt(hi - lo + 1));
      }
      Integer prev = null;
      boolean ok = true;
      for (int v : set) {
        if (prev != null && v - prev < minLength) {
          ok = false;
          break;
        }
        prev = v;
      }
      if (ok) {
        return List.copyOf(set);
      }
    }
    throw new org.entente.analyse.AnalysisException(
        "cannot place " + k + " changes at random at least " + minLength + " apart");
  }

  static Penalty penalty(Object v) {
    return v instanceof Number n
        ? Penalty.manual(n.doubleValue())
        : PeriodRequest.penalty(String.valueOf(v));
  }
}
