package org.entente.analyse.verdict;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.entente.system.Proposition;

/**
 * One kind of test ({@code Proposition.test()}): reads the operationalisation, computes the
 * evidence and its tests with raw p-values, and says how the verdict follows from the tests once
 * their p-values are adjusted across the run. Implementations are stateless.
 */
interface Evaluation {

  /**
   * Evaluates one proposition up to its tests.
   *
   * @param p the proposition
   * @param s its operationalisation
   * @param c the data
   * @param evidence where the numbers go, in a readable order; filled even when the evaluation
   *     stops early
   * @return the tests and the rule that turns their adjusted p-values into a verdict, or an early
   *     verdict (insufficient data) without tests
   * @throws org.entente.analyse.AnalysisException if the data cannot support the test (the caller
   *     turns it into "insufficient data" with the message as reason)
   */
  Finding evaluate(Proposition p, Spec s, Context c, Map<String, Object> evidence);

  /**
   * Tests with raw p-values and the decision on their adjusted values, or an early judgement.
   *
   * @param early the verdict reached without tests, or {@code null}
   * @param tests the tests (raw p-values; q NaN)
   * @param decide from the tests with q filled (same order) to the verdict
   */
  record Finding(
      Judgement early, List<TestResult> tests, Function<List<TestResult>, Judgement> decide) {

    static Finding insufficient(String reason) {
      return new Finding(Judgement.insufficient(reason), List.of(), null);
    }

    static Finding early(Judgement j) {
      return new Finding(j, List.of(), null);
    }

    static Finding of(List<TestResult> tests, Function<List<TestResult>, Judgement> decide) {
      return new Finding(null, List.copyOf(tests), decide);
    }
  }

  /**
   * A verdict and its reason.
   *
   * @param outcome the verdict
   * @param reason why, in words, with the deciding numbers
   */
  record Judgement(Outcome outcome, String reason) {
    static Judgement supported(String reason) {
      return new Judgement(Outcome.SUPPORTED, reason);
    }

    static Judgement contradicted(String reason) {
      return new Judgement(Outcome.CONTRADICTED, reason);
    }

    static Judgement inconclusive(String reason) {
      return new Judgement(Outcome.INCONCLUSIVE, reason);
    }

    static Judgement insufficient(String reason) {
      return new Judgement(Outcome.INSUFFICIENT_DATA, reason);
    }
  }

  /** A number for a reason text: at most four significant decimals. */
  static String num(double d) {
    if (Double.isNaN(d)) {
      return "undefined";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "∞" : "-∞";
    }
    if (d != 0 && Math.abs(d) < 0.001) {
      return String.format(java.util.Locale.ROOT, "%.2e", d);
    }
    return new java.math.BigDecimal(d)
        .setScale(4, java.math.RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }
}
