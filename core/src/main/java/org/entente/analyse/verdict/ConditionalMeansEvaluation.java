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
 * ratio), {@code alpha}, {@code minimum} (hostile_periods, other_periods).
 *
 * <p>Per period: the condition dyad's sign by the rule (a period whose score is undefined, because
 * the condition dyad has no events, is neither hostile nor other and is left out); the outcome is
 * the number of outcome-dyad events (both directions) whose event code is or extends a listed code.
 * Test: one-sided Welch t, hostile mean above the others' ({@link WelchTest}). Rules as written,
 * checked in this order: too few hostile or other periods → inconclusive; difference ≤ 0 → not
 * supported; p &lt; α and others' mean ≤ ratio × hostile mean → supported; ratio exceeded and p ≥ α
 * → not supported; p ≥ α with the ratio met → inconclusive. The case the rules do not cover (p &lt;
 * α, ratio exceeded) is inconclusive and says so.
 */
final class ConditionalMeansEvaluation implements Evaluation {

  @Override
  public Judgement evaluate(Proposition p, Spec s, Context c, Map<String, Object> evidence) {
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
    double alpha = s.number("alpha");
    double maxRatio = s.number("expected.max_other_to_hostile_ratio");
    String expected = s.string("expected.hostile_minus_other");
    if (!expected.equals("positive")) {
      throw s.fail("expected.hostile_minus_other", "positive");
    }
    int minHostile = s.integer("minimum.hostile_periods");
    int minOther = s.integer("minimum.other_periods");
    Optional<MonthRange> window = c.window(s, "window", List.of(cond, out), f, evidence);
    if (window.isEmpty()) {
      return Judgement.inconclusive("no events of " + cond + " or " + out + " in the window");
    }
    DyadSeries condition = c.series.scores(cond, c.options(f), window.get());
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
      return Judgement.inconclusive(
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
    WelchTest.Result t = WelchTest.test(array(hostileValues), array(otherValues));
    double ratio = t.meanA() > 0 ? t.meanB() / t.meanA() : Double.NaN;
    Map<String, Object> test = new LinkedHashMap<>();
    test.put("hostile_mean", t.meanA());
    test.put("other_mean", t.meanB());
    test.put("hostile_sd", t.sdA());
    test.put("other_sd", t.sdB());
    test.put("difference", t.difference());
    test.put("t", t.t());
    test.put("df", t.df());
    test.put("p_one_sided", t.pGreater());
    test.put("other_to_hostile_ratio", ratio);
    evidence.put("welch", test);
    String means =
        "hostile mean "
            + Evaluation.num(t.meanA())
            + " vs other "
            + Evaluation.num(t.meanB())
            + " ("
            + hostileValues.size()
            + " and "
            + otherValues.size()
            + " periods), one-sided Welch p = "
            + Evaluation.num(t.pGreater())
            + ", ratio "
            + Evaluation.num(ratio);
    boolean significant = t.pGreater() < alpha;
    boolean ratioMet = ratio <= maxRatio;
    if (!(t.difference() > 0)) {
      return Judgement.notSupported(means + ": the hostile-period mean is not higher");
    }
    if (significant && ratioMet) {
      return Judgement.supported(
          means + ": significantly higher and the others' mean is at most " + maxRatio + " of it");
    }
    if (!ratioMet && !significant) {
      return Judgement.notSupported(
          means + ": the others' mean exceeds " + maxRatio + " of the hostile mean, p ≥ α");
    }
    if (!significant) {
      return Judgement.inconclusive(means + ": higher but not significant (p ≥ α)");
    }
    return Judgement.inconclusive(
        means
            + ": significantly higher but the others' mean exceeds "
            + maxRatio
            + " of it, a case the stated rules do not cover");
  }

  private static double[] array(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
