package org.entente.analyse.verdict;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One statistical test behind a verdict.
 *
 * @param name what is tested, e.g. {@code RUS-PRK after − before}
 * @param method the test, named so that it can be reproduced (e.g. {@code exact Poisson rate ratio
 *     (conditional binomial), two-sided}, {@code permutation, B = 9999, seed 1})
 * @param n the sample size the test rests on (events, periods or units; the method says which)
 * @param statistic the test statistic or the observed count (NaN if none)
 * @param p the raw p-value (two-sided for a directional test, see {@link Direction}); NaN for a
 *     deterministic check that has no sampling distribution
 * @param q the Benjamini–Hochberg adjusted p-value across every test of the run (NaN until
 *     adjusted, and for NaN p)
 * @param effect the effect size (units in {@code effectUnit})
 * @param effectUnit what the effect is, e.g. {@code difference of means of s6}
 * @param minimumEffect the minimum stated for "supported", in words with its number
 * @param effectMet whether the effect is on the predicted side and at least the minimum
 * @param direction on which side of the prediction the estimate lies ({@link Direction#AGAINST} for
 *     an equivalence test, whose alternative is "negligible")
 * @param pPredicted the one-sided p-value in the predicted direction (NaN if not directional)
 */
public record TestResult(
    String name,
    String method,
    int n,
    double statistic,
    double p,
    double q,
    double effect,
    String effectUnit,
    String minimumEffect,
    boolean effectMet,
    Direction direction,
    double pPredicted) {

  /** Significance level of the adjusted p-values. */
  public static final double ALPHA = 0.05;

  /** On which side of the prediction a test's estimate, or its alternative, lies. */
  public enum Direction {
    PREDICTED,
    AGAINST,
    NONE;

    /** {@code predicted}, {@code against}, {@code none}. */
    public String text() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Validates. */
  public TestResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(effectUnit, "effectUnit");
    Objects.requireNonNull(minimumEffect, "minimumEffect");
    Objects.requireNonNull(direction, "direction");
  }

  /** The same test with its adjusted p-value. */
  public TestResult withQ(double adjusted) {
    return new TestResult(
        name,
        method,
        n,
        statistic,
        p,
        adjusted,
        effect,
        effectUnit,
        minimumEffect,
        effectMet,
        direction,
        pPredicted);
  }

  /** q &lt; 0.05 in the predicted direction with the effect at its minimum. */
  public boolean supports() {
    return q < ALPHA && direction == Direction.PREDICTED && effectMet;
  }

  /** q &lt; 0.05 against the prediction (or equivalence shown). */
  public boolean contradicts() {
    return q < ALPHA && direction == Direction.AGAINST;
  }

  /** The test in words for a reason: "name: n = 5, method p = 0.079, q = 0.2". */
  public String words() {
    return name
        + ": "
        + method
        + ", n = "
        + n
        + ", p = "
        + Evaluation.num(p)
        + ", q = "
        + Evaluation.num(q)
        + ", "
        + effectUnit
        + " "
        + Evaluation.num(effect)
        + (method.startsWith("TOST")
            ? " (equivalence: negligible " + minimumEffect + " if q < 0.05)"
            : " ("
                + direction.text()
                + (effectMet ? ", minimum met" : ", minimum " + minimumEffect + " not met")
                + ")");
  }

  /** The JSON object ({@code name, method, n, statistic, p, q, effect, direction, ...}). */
  public Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("method", method);
    m.put("n", n);
    m.put("statistic", statistic);
    m.put("p", p);
    m.put("q", q);
    m.put("effect", effect);
    m.put("direction", direction.text());
    m.put("effect_unit", effectUnit);
    m.put("minimum_effect", minimumEffect);
    m.put("effect_met", effectMet);
    m.put("p_predicted", pPredicted);
    return m;
  }
}
