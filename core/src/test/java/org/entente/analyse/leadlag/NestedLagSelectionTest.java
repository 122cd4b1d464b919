package org.entente.analyse.leadlag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link NestedLagSelection} chooses the orders {@link LagSelection#select} chooses (its reference
 * here: two Hipparchus QR fits per candidate order), on dense, sparse and degenerate pairs.
 */
class NestedLagSelectionTest {

  private static double[] ar1(SplittableRandom random, int n, double phi, double zeroShare) {
    double[] s = new double[n];
    double level = 0;
    for (int t = 0; t < n; t++) {
      level = phi * level + random.nextGaussian();
      s[t] = random.nextDouble() < zeroShare ? 0 : level;
    }
    return s;
  }

  private static int reference(double[] x, double[] y, int maxLag, LagCriterion criterion) {
    return Math.max(1, LagSelection.select(x, y, maxLag).order(criterion));
  }

  @ParameterizedTest
  @EnumSource(LagCriterion.class)
  void order_randomDenseAndSparsePairs_sameOrderAsLagSelection(LagCriterion criterion) {
    SplittableRandom random = new SplittableRandom(20261201L);
    int checked = 0;
    for (int i = 0; i < 300; i++) {
      int n = 60 + random.nextInt(300);
      int maxLag = 1 + random.nextInt(12);
      double zeros = i % 3 == 0 ? 0.8 : 0;
      double[] x = ar1(random, n, random.nextDouble(), zeros);
      double[] y = ar1(random, n, random.nextDouble(), zeros);
      if (i % 2 == 0) {
        for (int t = 3; t < n; t++) {
          y[t] += 0.6 * x[t - 3]; // a planted lead, so that orders above 1 are chosen
        }
      }
      NestedLagSelection nested = new NestedLagSelection(n, maxLag);
      Integer expected;
      try {
        expected = reference(x, y, maxLag, criterion);
      } catch (IllegalArgumentException singular) {
        expected = null;
      }
      if (expected == null) {
        assertThrows(IllegalArgumentException.class, () -> nested.order(x, y, criterion));
      } else {
        assertEquals(expected, nested.order(x, y, criterion), "pair " + i);
        checked++;
      }
    }
    assertEquals(true, checked > 250, "most pairs can be fitted: " + checked);
  }

  @ParameterizedTest
  @EnumSource(LagCriterion.class)
  void order_constantCause_singularLikeLagSelection(LagCriterion criterion) {
    double[] x = new double[80];
    double[] y = ar1(new SplittableRandom(3), 80, 0.5, 0);
    assertThrows(IllegalArgumentException.class, () -> reference(x, y, 4, criterion));
    assertThrows(
        IllegalArgumentException.class, () -> new NestedLagSelection(80, 4).order(x, y, criterion));
  }
}
