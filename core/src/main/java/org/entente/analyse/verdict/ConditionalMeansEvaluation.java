package org.entente.analyse.verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.analyse.SignRule;
import org.entente.analyse.series.Dyad;
import org.entente.analyse.series.Score;
import org.entente.analyse.triangle.Sign;
import org.entente.analyse.triangle.SignRules;
import org.entente.analyse.verdict.Evaluation.Finding;
import org.entente.measure.DyadScore;
import org.entente.measure.DyadSeries;
import org.entente.measure.Period;
import org.entente.store.CodeCount;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.MonthRange;
import org.entente.system.Proposition;

/**
 * Test kind {@code conditional_means} (P2): is an outcome higher in the periods when a condition
 * dyad is hostile than in the others?
 *
 * <p>Operationalisation read: {@code condition} (dyad, score, sign_rule band or posterior, tau,
 * hostile_when negative or positive), {@code outcome} (dyad, measure economic_events, codes),
 * {@code frequency}, {@code window}, {@code expected} (hostile_minus_other, max_other_to_hostile_
 * ratio), {@code minimum} (hostile_periods, other_periods). ({@code alpha} is superseded by the
 * run-wide rule q &lt; 0.05.)
 *
 * <p>Per period: the condition dyad's sign by the rule (a period whose score is undefined, because
 * the condition dyad has no events, is neither hostile nor other and is left out); the outcome is
 * the number of outcome-dyad events (both directions) whose event code is or extends a listed code.
 * Test, chosen by the number of outcome events: below {@link #EXACT_BELOW}, the exact conditional
 * test of two Poisson rates (events per hostile period vs per other period, {@link ExactTests}),
 * with an exact TOST of a negligible rate ratio inside (0.8, 1.25); from {@link #EXACT_BELOW} on, a
 * seeded permutation test of the difference of period means (counts that large are overdispersed,
 * which a Poisson test ignores). Effect: the rate ratio; its minimum for "supported" is 1/ratio of
 * {@code max_other_to_hostile_ratio} (2 for 0.5), the pre-registered ratio condition. Too few
 * hostile or other periods, or no outcome event at all → insufficient data.
 */
final class ConditionalMeansEvaluation implements Evaluation {

  @Override
  public Finding evaluate(Proposition p, Spec s, Context c, Map<String, Object> evidence) {
    Dyad cond = Dyad.parse(s.string("condition.dyad"));
    Score score = Score.parse(s.string("condition.score"));
    SignRule rule = SignRule.parse(s.string("condition.sign_rule"));
    double tau = s.number("condition.tau");
    Sign hostile =
        switch (s.string("condition.hostile_when")) {
          case "negative" -> Sign.NEGATIVE;
          case "positive" -> Sign.POSITIVE;
          default -> throw s.fail("condition.hostile_when", "negative or positive");
        };
    Dyad out = Dyad.parse(s.string("outcome.dyad"));
    if (!s.string("outcome.measure").equals("economic_events")) {
      throw s.fail("outcome.measure", "economic_events");
    }
    List<String> codes = s.list("outcome.codes").stream().map(Object::toString).toList();
    Frequency f = Context.frequency(s);
    double maxRatio = s.number("expected.max_other_to_hostile_ratio");
    String expected = s.string("expected.hostile_minus_other");
    if (!expected.equals("positive")) {
      throw s.fail("expected.hostile_minus_other", "positive");
    }
    int minHostile = s.integer("minimum.hostile_periods");
    int minOther = s.integer("minimum.other_periods");
    evidence.put(
        "sign_rule",
        rule.optionName()
            + (rule == SignRule.BAND ? " (tau " + tau + ") on " + score.optionName() : ""));
    Optional<MonthRange> window = c.window(s, "window", List.of(cond, out), f, evidence);
    if (window.isEmpty()) {
      return Finding.insufficient("no events of " + cond + " or " + out + " in the window");
    }
    DyadSeries condition = c.series.quadScores(cond, c.options(f), window.get());
    Map<Period, Double> outcome = new LinkedHashMap<>();
    for (DyadScore d : condition.scores()) {
      outcome.put(d.period(), 0.0);
    }
    for (CodeCount cc :
        c.store.codeCounts(
            c.options(f).withRange(window.get().first(), window.get().last()).query(out))) {
      if (codes.stream().anyMatch(cc.eventCode()::startsWith)) {
        outcome.merge(Period.containing(f, cc.month()), (double) cc.events(), Double::sum);
      }
    }
    List<Double> hostileValues = new ArrayList<>();
    List<Double> otherValues = new ArrayList<>();
    List<String> hostilePeriods = new ArrayList<>();
    List<String> otherPeriods = new ArrayList<>();
    List<String> undefined = new ArrayList<>();
    for (DyadScore d : condition.scores()) {
      double v = score.of(d);
      Sign sg;
      if (d.gap()) {
        // a period the source did not observe has no condition
        undefined.add(d.period().label());
        continue;
      }
      if (rule == SignRule.POSTERIOR) {
        sg = SignRules.posterior(d.w1() + d.w2(), d.w3() + d.w4()).sign();
      } else if (rule == SignRule.BAND) {
        if (Double.isNaN(v)) {
          undefined.add(d.period().label());
          continue;
        }
        sg = SignRules.band(v, tau);
      } else {
        throw s.fail("condition.sign_rule", "band or posterior");
      }
      double o = outcome.get(d.period());
      if (sg == hostile) {
        hostileValues.add(o);
        hostilePeriods.add(d.period().label());
      } else {
        otherValues.add(o);
        otherPeriods.add(d.period().label());
      }
    }
    evidence.put("hostile_periods", hostilePeriods);
    evidence.put("other_periods", otherPeriods.size());
    evidence.put("undefined_condition_periods", undefined.size());
    double outcomeTotal = outcome.values().stream().mapToDouble(Double::doubleValue).sum();
    evidence.put("outcome_events_total", outcomeTotal);
    if (hostileValues.size() < minHostile || otherValues.size() < minOther) {
      return Finding.insufficient(
          "too few periods: "
              + hostileValues.size()
              + " hostile and "
              + otherValues.size()
              + " other (minimum "
              + minHostile
              + " and "
              + minOther
              + ")");
    }
    int hostileEvents = (int) Math.round(sum(hostileValues));
    int otherEvents = (int) Math.round(sum(otherValues));
    int events = hostileEvents + otherEvents;
    int th = hostileValues.size();
    int to = otherValues.size();
    double hostileMean = (double) hostileEvents / th;
    double otherMean = (double) otherEvents / to;
    double rateRatio = hostileMean / otherMean;
    double minRatio = 1 / maxRatio;
    Map<String, Object> test = new LinkedHashMap<>();
    test.put("hostile_mean", hostileMean);
    test.put("other_mean", otherMean);
    test.put("hostile_events", hostileEvents);
    test.put("other_events", otherEvents);
    test.put("rate_ratio", rateRatio);
    test.put("other_to_hostile_ratio", hostileMean > 0 ? otherMean / hostileMean : Double.NaN);
    evidence.put("rates", test);
    if (events == 0) {
      return Finding.insufficient(
          "no " + out + " economic events in the " + (th + to) + " periods: nothing to compare");
    }
    String name = out + " economic events per period, hostile vs other";
    List<TestResult> tests = new ArrayList<>();
    String unit = "rate ratio hostile/other";
    String minimum = "rate ratio >= " + Evaluation.num(minRatio);
    boolean met = rateRatio >= minRatio;
    TestResult.Direction dir = Decisions.direction(rateRatio - 1, true);
    if (events < EXACT_BELOW) {
      ExactTests.Tails tails = ExactTests.poissonRateRatio(hostileEvents, th, otherEvents, to);
      tests.add(
          new TestResult(
              name,
              "exact Poisson rate ratio (conditional binomial, "
                  + events
                  + " events in "
                  + th
                  + " hostile and "
                  + to
                  + " other periods), two-sided",
              events,
              hostileEvents,
              tails.twoSided(),
              Double.NaN,
              rateRatio,
              unit,
              minimum,
              met,
              dir,
              tails.greater()));
      double eq =
          ExactTests.poissonEquivalence(
              hostileEvents, th, otherEvents, to, 1 / EQUIVALENCE, EQUIVALENCE);
      tests.add(
          new TestResult(
              name + ", negligible",
              "TOST exact conditional binomial, rate ratio inside ("
                  + Evaluation.num(1 / EQUIVALENCE)
                  + ", "
                  + Evaluation.num(EQUIVALENCE)
                  + ")",
              events,
              hostileEvents,
              eq,
              Double.NaN,
              rateRatio,
              unit,
              "inside the band",
              false,
              TestResult.Direction.AGAINST,
              Double.NaN));
    } else {
      double[] h = array(hostileValues);
      double[] o = array(otherValues);
      ExactTests.Permutation perm = ExactTests.permutationTest(h, o, PERMUTATIONS, SEED);
      tests.add(
          new TestResult(
              name,
              "permutation test of the difference of period means, B = "
                  + PERMUTATIONS
                  + ", seed "
                  + SEED
                  + " ("
                  + events
                  + " events: too many for a Poisson model of overdispersed counts), two-sided",
              th + to,
              hostileMean - otherMean,
              perm.twoSided(),
              Double.NaN,
              rateRatio,
              unit,
              minimum,
              met,
              dir,
              perm.tails().greater()));
    }
    return Finding.of(tests, Decisions.atLeast(1, 1, null));
  }

  /** Below this many outcome events the exact Poisson test is used, else a permutation test. */
  static final int EXACT_BELOW = 50;

  /** Equivalence band of the rate ratio: (1/1.25, 1.25). */
  static final double EQUIVALENCE = 1.25;

  /** Permutations of the permutation test and their seed. */
  static final int PERMUTATIONS = 9999;

  static final long SEED = 1;

  private static double sum(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).sum();
  }

  private static double[] array(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
