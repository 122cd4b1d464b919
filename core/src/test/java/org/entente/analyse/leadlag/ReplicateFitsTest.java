package org.entente.analyse.leadlag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ReplicateFits} chooses the orders {@link LagSelection#select} chooses and finds the
 * unrestricted RSS of {@link GrangerCausality#test} (its references here: Hipparchus QR fits), on
 * dense, sparse and degenerate pairs.
 */
class ReplicateFitsTest {

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
      ReplicateFits nested = new ReplicateFits(n, maxLag);
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

  @org.junit.jupiter.api.Test
  void grangerRss_randomPairs_matchesTheHipparchusFitOrFailsLikeIt() {
    SplittableRandom random = new SplittableRandom(77L);
    for (int i = 0; i < 300; i++) {
      int n = 60 + random.nextInt(300);
      int lags = 1 + random.nextInt(12);
      double zeros = i % 3 == 0 ? 0.9 : 0;
      double[] x = ar1(random, n, random.nextDouble(), zeros);
      double[] y = ar1(random, n, random.nextDouble(), 0);
      ReplicateFits fits = new ReplicateFits(n, 12);
      double expected;
      try {
        expected = GrangerCausality.test(x, y, lags).rssUnrestricted();
      } catch (IllegalArgumentException singular) {
        assertThrows(IllegalArgumentException.class, () -> fits.grangerRss(x, y, lags));
        continue;
      }
      assertEquals(expected, fits.grangerRss(x, y, lags), 1e-10 * expected, "pair " + i);
    }
  }

  @ParameterizedTest
  @EnumSource(LagCriterion.class)
  void order_constantCause_singularLikeLagSelection(LagCriterion criterion) {
    double[] x = new double[80];
    double[] y = ar1(new SplittableRandom(3), 80, 0.5, 0);
    assertThrows(IllegalArgumentException.class, () -> reference(x, y, 4, criterion));
    assertThrows(
        IllegalArgumentException.class, () -> new ReplicateFits(80, 4).order(x, y, criterion));
  }
}
