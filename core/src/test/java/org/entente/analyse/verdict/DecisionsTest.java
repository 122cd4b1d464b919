package org.entente.analyse.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The verdict rules of docs/analysis.md on tests with given q-values. */
class DecisionsTest {

  private static TestResult test(double q, TestResult.Direction d, boolean met, boolean tost) {
    return new TestResult(
        tost ? "s, negligible" : "s",
        tost ? "TOST Welch t" : "permutation test",
        20,
        0,
        q,
        q,
        0.1,
        "difference",
        "0.05",
        met,
        tost ? TestResult.Direction.AGAINST : d,
        Double.NaN);
  }

  @Test
  void atLeast_randomTests_supportedOnlyWithQBelow005InThePredictedDirection() {
    Random r = new Random(11);
    TestResult.Direction[] dirs = TestResult.Direction.values();
    int supported = 0;
    int contradicted = 0;
    for (int round = 0; round < 5000; round++) {
      List<TestResult> tests = new ArrayList<>();
      int series = 1 + r.nextInt(3);
      for (int i = 0; i < series; i++) {
        double q = r.nextDouble() < 0.4 ? r.nextDouble() * 0.06 : r.nextDouble();
        tests.add(test(q, dirs[r.nextInt(3)], r.nextBoolean(), false));
        if (r.nextBoolean()) {
          tests.add(test(r.nextDouble() * 0.2, null, false, true));
        }
      }
      int k = 1 + r.nextInt(series);
      Evaluation.Judgement j = Decisions.atLeast(k, series, null).apply(tests);
      long supports =
          tests.stream()
              .filter(t -> !t.method().startsWith("TOST"))
              .filter(TestResult::supports)
              .count();
      if (j.outcome() == Outcome.SUPPORTED) {
        supported++;
        assertTrue(supports >= k, j.reason());
        // no directional test significant against (a series shown negligible may coexist with k
        // supports of the others)
        assertTrue(
            tests.stream()
                .filter(t -> !t.method().startsWith("TOST"))
                .noneMatch(TestResult::contradicts),
            j.reason());
      }
      if (j.outcome() == Outcome.CONTRADICTED) {
        contradicted++;
        assertTrue(tests.stream().anyMatch(TestResult::contradicts), j.reason());
      }
      assertTrue(j.outcome() != Outcome.INSUFFICIENT_DATA);
    }
    assertTrue(supported > 100 && contradicted > 100, supported + " / " + contradicted);
  }

  @Test
  void atLeast_significantButBelowTheMinimumEffect_isInconclusive() {
    TestResult t = test(0.001, TestResult.Direction.PREDICTED, false, false);
    Evaluation.Judgement j = Decisions.atLeast(1, 1, null).apply(List.of(t));
    assertEquals(Outcome.INCONCLUSIVE, j.outcome(), j.reason());
  }

  @Test
  void atLeast_qJustAbove005_isInconclusiveAndJustBelowSupported() {
    TestResult above = test(0.0500001, TestResult.Direction.PREDICTED, true, false);
    TestResult below = test(0.0499999, TestResult.Direction.PREDICTED, true, false);
    assertEquals(
        Outcome.INCONCLUSIVE, Decisions.atLeast(1, 1, null).apply(List.of(above)).outcome());
    assertEquals(Outcome.SUPPORTED, Decisions.atLeast(1, 1, null).apply(List.of(below)).outcome());
  }

  @Test
  void atLeast_negligibleByTost_contradictsOnlyWhenSupportBecomesImpossible() {
    TestResult a = test(0.5, TestResult.Direction.PREDICTED, false, false);
    TestResult aNegligible = test(0.01, null, false, true);
    TestResult b = test(0.5, TestResult.Direction.PREDICTED, false, false);
    // one of two series negligible, one support needed: still possible
    assertEquals(
        Outcome.INCONCLUSIVE,
        Decisions.atLeast(1, 2, null).apply(List.of(a, aNegligible, b)).outcome());
    // two supports needed: impossible
    assertEquals(
        Outcome.CONTRADICTED,
        Decisions.atLeast(2, 2, null).apply(List.of(a, aNegligible, b)).outcome());
  }
}
