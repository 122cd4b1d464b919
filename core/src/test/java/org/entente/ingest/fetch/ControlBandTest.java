package org.entente.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Expected values worked by hand from the definitions R documents for {@code median} and {@code
 * mad} (constant 1.4826): median(1:9) = 5, mad(1:9) = 1.4826 × 2 = 2.9652 (not run in R here); for
 * c(0,0,0,0,1): median 0, MAD 0, mean |x − 0| = 0.2.
 */
class ControlBandTest {
  @Test
  void of_oneToNine_medianAndMadAsR() {
    ControlBand b = ControlBand.of(new double[] {3, 1, 4, 9, 5, 2, 6, 8, 7}, 1);
    assertEquals(5, b.median);
    assertEquals(2.9652, b.scale, 1e-12);
    assertEquals((20 - 5) / 2.9652, b.z(20), 1e-12);
  }

  @Test
  void of_madZero_fallsBackToMeanAbsoluteDeviation() {
    ControlBand b = ControlBand.of(new double[] {0, 0, 0, 0, 1}, 1);
    assertEquals(0, b.median);
    assertEquals(1.253314 * 0.2, b.scale, 1e-12);
  }

  @Test
  void of_constantOrShortWindow_hasNoBand() {
    assertNull(ControlBand.of(new double[] {2, 2, 2}, 1));
    assertNull(ControlBand.of(new double[] {1, 2}, 10));
  }
}
