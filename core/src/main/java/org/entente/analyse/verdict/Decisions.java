package org.entente.analyse.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.entente.analyse.verdict.Evaluation.Judgement;

/**
 * The verdict rules shared by every test kind (docs/analysis.md, "Verdict rules"), applied to tests
 * whose p-values have been adjusted across the run:
 *
 * <ul>
 *   <li><b>supported</b>: at least {@code k} of the deciding tests have q &lt; 0.05 in the
 *       predicted direction with the effect at its stated minimum, and no test is significant
 *       against;
 *   <li><b>contradicted</b>: a test has q &lt; 0.05 against the prediction (for an equivalence
 *       test: the effect is shown to lie inside the negligible band) and support is then
 *       impossible;
 *   <li><b>inconclusive</b> otherwise, with every test's numbers in the reason.
 * </ul>
 */
final class Decisions {
  private Decisions() {}

  /**
   * The rule "k of the directional tests support, none contradicts". An equivalence test (method
   * starting with {@code TOST}) follows the directional test it belongs to; it contradicts only
   * when so many deciding tests are shown negligible that k supports are impossible.
   *
   * @param k supports needed
   * @param deciding how many leading tests of the list may count towards k (the others only
   *     contradict), e.g. 1 for "the first series rises significantly"
   * @param extra a further condition for support, or {@code null}: a text saying why it fails, or
   *     {@code null} when it holds
   */
  static Function<List<TestResult>, Judgement> atLeast(
      int k, int deciding, Function<List<TestResult>, String> extra) {
    return tests -> {
      List<String> supports = new ArrayList<>();
      List<String> against = new ArrayList<>();
      int negligible = 0;
      int directional = 0;
      for (TestResult t : tests) {
        boolean equivalence = t.method().startsWith("TOST");
        if (!equivalence) {
          directional++;
        }
        if (!equivalence && directional <= deciding && t.supports()) {
          supports.add(t.name());
        }
        if (t.contradicts()) {
          if (equivalence) {
            if (directional <= deciding) {
              negligible++;
            }
          } else {
            against.add(t.name());
          }
        }
      }
      String all = words(tests);
      if (!against.isEmpty()) {
        return Judgement.contradicted(
            String.join(", ", against)
                + " significantly against the prediction (q < 0.05); "
                + all);
      }
      int possible = Math.min(deciding, directional) - negligible;
      if (negligible > 0 && possible < k) {
        return Judgement.contradicted(
            negligible
                + " effect(s) shown negligible by an equivalence test (q < 0.05), so "
                + k
                + " significant effect(s) cannot occur; "
                + all);
      }
      if (supports.size() >= k) {
        String why = extra == null ? null : extra.apply(tests);
        if (why == null) {
          return Judgement.supported(
              supports.size()
                  + " test(s) significant in the predicted direction (q < 0.05, effect at its"
                  + " minimum; "
                  + k
                  + " needed): "
                  + all);
        }
        return Judgement.inconclusive("significant as predicted but " + why + "; " + all);
      }
      return Judgement.inconclusive(
          (supports.isEmpty() ? "no" : "only " + supports.size())
              + " test significant in the predicted direction with q < 0.05 and the effect at its"
              + " minimum ("
              + k
              + " needed); "
              + all);
    };
  }

  /** Every test's numbers, joined by "; ". */
  static String words(List<TestResult> tests) {
    List<String> parts = new ArrayList<>();
    for (TestResult t : tests) {
      parts.add(t.words());
    }
    return String.join("; ", parts);
  }

  /** The direction of an estimate relative to the prediction (0 or NaN: none). */
  static TestResult.Direction direction(double estimate, boolean predictedPositive) {
    if (!(estimate != 0) || Double.isNaN(estimate)) {
      return TestResult.Direction.NONE;
    }
    return (estimate > 0) == predictedPositive
        ? TestResult.Direction.PREDICTED
        : TestResult.Direction.AGAINST;
  }
}
