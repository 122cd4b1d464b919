package org.entente.analyse.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link WelchTest} against scipy 1.17.1: {@code scipy.stats.ttest_ind(a, b, equal_var=False,
 * alternative="greater")} (and {@code "less"}), values printed with repr().
 */
class WelchTestReferenceTest {

  @Test
  void test_againstScipy_matchesStatisticDfAndBothTails() {
    WelchTest.Result r =
        WelchTest.test(
            new double[] {0.5, 1.2, 0.8, 1.9, 1.4, 0.7}, new double[] {0.1, 0.3, -0.2, 0.6, 0.2});
    assertEquals(3.5491425099668543, r.t(), 1e-12);
    assertEquals(8.056922255374412, r.df(), 1e-10);
    assertEquals(0.0037164966652938887, r.pGreater(), 1e-10);
    assertEquals(0.9962835033347062, r.pLess(), 1e-10);
    WelchTest.Result s =
        WelchTest.test(new double[] {2, 3, 3, 4, 10}, new double[] {1, 1, 2, 2, 2, 3, 3, 4});
    assertEquals(1.4515340165285513, s.t(), 1e-12);
    assertEquals(4.526086240833783, s.df(), 1e-10);
    assertEquals(0.10611154937347526, s.pGreater(), 1e-10);
  }

  @Test
  void test_zeroVariance_isExactInTheDirectionTheMeansMoved() {
    WelchTest.Result r = WelchTest.test(new double[] {1, 1, 1}, new double[] {0, 0});
    assertEquals(0, r.pGreater(), 0);
    assertEquals(1, r.pLess(), 0);
    WelchTest.Result same = WelchTest.test(new double[] {0, 0}, new double[] {0, 0, 0});
    assertEquals(1, same.pGreater(), 0);
    assertEquals(1, same.pLess(), 0);
  }

  @Test
  void test_singleObservation_hasNoPValue() {
    assertTrue(Double.isNaN(WelchTest.test(new double[] {1}, new double[] {0, 1}).pGreater()));
  }
}
