package org.entente.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Svg#n} prints what {@code String.format(Locale.ROOT, "%.1f", d)} prints (the reference).
 */
class SvgNumberTest {

  private static void same(double d) {
    assertEquals(String.format(Locale.ROOT, "%.1f", d), Svg.n(d), "d = " + d);
  }

  @Test
  void n_equalsFormatter_onHalvesSignsZerosAndExtremes() {
    double[] edge = {
      0,
      -0.0,
      0.05,
      -0.05,
      0.04,
      -0.04,
      0.15,
      0.25,
      0.35,
      0.45,
      1.45,
      2.5,
      -2.5,
      0.95,
      -0.95,
      9.95,
      99.95,
      123.45,
      -123.45,
      1e-9,
      -1e-9,
      1e7,
      1.5e16,
      -3.3e21,
      Double.MIN_VALUE,
      -Double.MIN_VALUE,
      Double.MAX_VALUE,
      0.1 + 0.2,
      1 / 3.0,
      -2 / 3.0,
      1e-5 + 0.05,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    for (double d : edge) {
      same(d);
    }
  }

  @Test
  void n_equalsFormatter_onRandomChartCoordinates() {
    SplittableRandom r = new SplittableRandom(20261201);
    for (int i = 0; i < 200_000; i++) {
      // coordinates as charts compute them: ratios and sums of scores, counts and pixel sizes
      double d =
          switch (i % 4) {
            case 0 -> (r.nextDouble() - 0.5) * 2000;
            case 1 -> Math.round(r.nextDouble() * 20000) / 100.0 + 0.05;
            case 2 -> (r.nextInt(4000) - 2000) / 40.0;
            default -> r.nextDouble() * Math.pow(10, r.nextInt(12) - 6);
          };
      same(d);
    }
  }
}
