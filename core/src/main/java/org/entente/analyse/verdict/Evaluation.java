package org.entente.analyse.verdict;

import java.util.Map;
import org.entente.system.Proposition;

/**
 * One kind of test ({@code Proposition.test()}): reads the operationalisation, computes the
 * evidence and applies the proposition's verdict rules. Implementations are stateless.
 */
interface Evaluation {

  /**
   * Evaluates one proposition.
   *
   * @param p the proposition
   * @param s its operationalisation
   * @param c the data
   * @param evidence where the numbers go, in a readable order; filled even when the evaluation
   *     stops early
   * @return the verdict and its reason
   * @throws org.entente.analyse.AnalysisException if the data cannot support the test (the caller
   *     turns it into an inconclusive verdict with the message as reason)
   */
  Judgement evaluate(Proposition p, Spec s, Context c, Map<String, Object> evidence);

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

    static Judgement notSupported(String reason) {
      return new Judgement(Outcome.NOT_SUPPORTED, reason);
    }

    static Judgement inconclusive(String reason) {
      return new Judgement(Outcome.INCONCLUSIVE, reason);
    }
  }

  /** A number for a reason text: at most four significant decimals. */
  static String num(double d) {
    if (Double.isNaN(d)) {
      return "undefined";
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
