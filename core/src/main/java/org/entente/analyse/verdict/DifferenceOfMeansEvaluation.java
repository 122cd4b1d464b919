package org.entente.analyse.verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.entente.analyse.series.AnalysisSeries;
import org.entente.analyse.series.Dyad;
import org.entente.analyse.series.Imputation;
import org.entente.analyse.series.Score;
import org.entente.analyse.verdict.Evaluation.Finding;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.MonthRange;
import org.entente.system.Proposition;

/**
 * Test kind {@code difference_of_means} (P4, P5, P9): did each series move in its expected
 * direction between a before and an after window?
 *
 * <p>Operationalisation read: {@code series} (dyad, score, expected increase or decrease), {@code
 * frequency}, {@code before}, {@code after} (windows), {@code minimum.periods_with_events_each_
 * window} ({@code alpha} is superseded by the run-wide rule q &lt; 0.05). Per series: the score of
 * every calendar period in each window (a window starting or ending inside a period gives a partial
 * period; S6 is 0 for periods without events) and the difference of means after − before, tested
 * two-sided by a seeded permutation test when a window has fewer than {@link #PERMUTATION_BELOW}
 * periods, else by Welch's t ({@link WelchTest}); and a TOST (two one-sided Welch t tests,
 * Schuirmann 1987) of a negligible difference inside ±{@link #NEGLIGIBLE}. "Supported" needs the
 * difference at least {@link #MINIMUM_EFFECT} in the expected direction. The per-proposition rules
 * are in {@link #rules}. A series with fewer periods with events than the minimum in either window
 * makes the data insufficient.
 */
final class DifferenceOfMeansEvaluation implements Evaluation {

  /** Periods per window below which the permutation test replaces Welch's t. */
  static final int PERMUTATION_BELOW = 30;

  /** Permutations and their seed. */
  static final int PERMUTATIONS = 9999;

  static final long SEED = 1;

  /** Minimum |difference of means| for "supported", in score units (S6 lies in (−1, 1)). */
  static final double MINIMUM_EFFECT = 0.05;

  /** Half-width of the negligible band of the difference of means (TOST). */
  static final double NEGLIGIBLE = 0.02;

  /**
   * The decision per proposition, transcribing the pre-registered rules into the run-wide
   * vocabulary. P4: "all three means move in the expected direction and at least two of the moves
   * are significant"; P5: "both means move in the expected direction and at least one move is
   * significant"; P9: "JPN-KOR rises significantly and neither US dyad falls significantly" (the
   * first series decides, the others can only contradict).
   */
  static Function<List<TestResult>, Judgement> rules(String id, int series) {
    return switch (id) {
      case "P4" -> Decisions.atLeast(2, series, DifferenceOfMeansEvaluation::allAsExpected);
      case "P5" -> Decisions.atLeast(1, series, DifferenceOfMeansEvaluation::allAsExpected);
      case "P9" -> Decisions.atLeast(1, 1, null);
      default -> null;
    };
  }

  private static String allAsExpected(List<TestResult> tests) {
    List<String> not = new ArrayList<>();
    for (TestResult t : tests) {
      if (!t.method().startsWith("TOST") && t.direction() != TestResult.Direction.PREDICTED) {
        not.add(t.name());
      }
    }
    return not.isEmpty()
        ? null
        : "not every series moves as expected (" + String.join(", ", not) + ")";
  }

  @Override
  public Finding evaluate(Proposition p, Spec s, Context c, Map<String, Object> evidence) {
    Function<List<TestResult>, Judgement> rules = rules(p.id(), s.list("series").size());
    if (rules == null) {
      throw new IllegalStateException(
          "proposition " + p.id() + ": no transcription of its difference_of_means verdict rules");
    }
    Frequency f = Context.frequency(s);
    int minimum = s.integer("minimum.periods_with_events_each_window");
    int k = s.list("series").size();
    List<Dyad> dyads = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      dyads.add(Dyad.parse(s.element("series", i).string("dyad")));
    }
    Optional<MonthRange> before = c.window(s, "before", dyads, f, evidence);
    Optional<MonthRange> after = c.window(s, "after", dyads, f, evidence);
    if (before.isEmpty() || after.isEmpty()) {
      return Finding.insufficient(
          "no events of the series in the " + (before.isEmpty() ? "before" : "after") + " window");
    }
    List<Score> scores = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      Spec e = s.element("series", i);
      scores.add(Score.parse(e.string("score")));
      String exp = e.string("expected");
      if (!exp.equals("increase") && !exp.equals("decrease")) {
        throw e.fail("expected", "increase or decrease");
      }
      expected.add(exp);
    }
    // every series of a window read together: two reads of the store, not two per series
    List<AnalysisSeries> befores = c.series.dyads(dyads, scores, c.options(f), before.get());
    List<AnalysisSeries> afters = c.series.dyads(dyads, scores, c.options(f), after.get());
    List<TestResult> tests = new ArrayList<>();
    List<Object> rows = new ArrayList<>();
    List<String> sparse = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      Dyad d = dyads.get(i);
      Score score = scores.get(i);
      String exp = expected.get(i);
      AnalysisSeries b = befores.get(i);
      AnalysisSeries a = afters.get(i);
      double[] av = a.filled(Imputation.NONE);
      double[] bv = b.filled(Imputation.NONE);
      WelchTest.Result t = WelchTest.test(av, bv);
      boolean up = exp.equals("increase");
      double diff = t.difference();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("dyad", d.label());
      row.put("score", score.optionName());
      row.put("expected", exp);
      row.put("before_mean", t.meanB());
      row.put("after_mean", t.meanA());
      row.put("difference", diff);
      row.put("before_periods", b.length());
      row.put("after_periods", a.length());
      row.put("before_periods_with_events", b.periodsWithData());
      row.put("after_periods_with_events", a.periodsWithData());
      rows.add(row);
      if (b.periodsWithData() < minimum || a.periodsWithData() < minimum) {
        sparse.add(
            d.label() + " (" + b.periodsWithData() + " before, " + a.periodsWithData() + " after)");
        continue;
      }
      String name = d.label() + " " + score.optionName() + " after − before";
      String unit = "difference of means";
      String min = "|difference| >= " + MINIMUM_EFFECT + " as expected";
      boolean met = (up ? diff : -diff) >= MINIMUM_EFFECT;
      TestResult.Direction dir = Decisions.direction(diff, up);
      int n = av.length + bv.length;
      if (Math.min(av.length, bv.length) < PERMUTATION_BELOW) {
        ExactTests.Permutation perm = ExactTests.permutationTest(av, bv, PERMUTATIONS, SEED);
        tests.add(
            new TestResult(
                name,
                "permutation test of the difference of means, B = "
                    + PERMUTATIONS
                    + ", seed "
                    + SEED
                    + " ("
                    + bv.length
                    + " and "
                    + av.length
                    + " periods), two-sided",
                n,
                diff,
                perm.twoSided(),
                Double.NaN,
                diff,
                unit,
                min,
                met,
                dir,
                up ? perm.tails().greater() : perm.tails().less()));
      } else {
        double pe = up ? t.pGreater() : t.pLess();
        double pa = up ? t.pLess() : t.pGreater();
        tests.add(
            new TestResult(
                name,
                "Welch t (" + bv.length + " and " + av.length + " periods), two-sided",
                n,
                t.t(),
                Math.min(1, 2 * Math.min(pe, pa)),
                Double.NaN,
                diff,
                unit,
                min,
                met,
                dir,
                pe));
      }
      WelchTest.Result lowT = WelchTest.test(shift(av, NEGLIGIBLE), bv);
      WelchTest.Result highT = WelchTest.test(shift(av, -NEGLIGIBLE), bv);
      double tost = Math.max(lowT.pGreater(), highT.pLess());
      tests.add(
          new TestResult(
              name + ", negligible",
              "TOST Welch t, difference inside ±" + NEGLIGIBLE,
              n,
              diff,
              tost,
              Double.NaN,
              diff,
              unit,
              "inside ±" + NEGLIGIBLE,
              false,
              TestResult.Direction.AGAINST,
              Double.NaN));
    }
    evidence.put("series", rows);
    if (!sparse.isEmpty()) {
      return Finding.insufficient(
          "too few periods with events (minimum "
              + minimum
              + " in each window): "
              + String.join(", ", sparse));
    }
    return Finding.of(tests, rules);
  }

  /** x + δ elementwise: testing mean(a) − mean(b) &gt; −δ is testing mean(a + δ) &gt; mean(b). */
  private static double[] shift(double[] x, double delta) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] + delta;
    }
    return y;
  }
}
