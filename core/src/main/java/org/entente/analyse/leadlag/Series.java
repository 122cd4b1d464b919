package org.entente.analyse.leadlag;

import java.util.Objects;

/** Input checks shared by the lead–lag methods. */
final class Series {

  private Series() {}

  static void requireFinite(double[] y, String name) {
    Objects.requireNonNull(y, name);
    for (int i = 0; i < y.length; i++) {
      if (!Double.isFinite(y[i])) {
        throw new IllegalArgumentException(
            name + " must be gap-free and finite; index " + i + " is " + y[i]);
      }
    }
  }

  static void requireSameLength(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "series must have the same length, got " + x.length + " and " + y.length);
    }
  }

  static double mean(double[] y) {
    double s = 0;
    for (double v : y) {
      s += v;
    }
    return s / y.length;
  }
}
