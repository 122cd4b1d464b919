package org.entente.analyse.series;

import java.util.Locale;

/**
 * How undefined periods (NaN) of a series are filled before a method that needs a gap-free series
 * (change points, lead–lag). The imputation used is written into every output.
 *
 * <p>{@code ZERO} treats a period without events as neutral (the value S6 takes by construction);
 * {@code CARRY} repeats the last defined value (leading gaps take the first defined value); {@code
 * LINEAR} interpolates linearly between the neighbouring defined values (gaps at either end take
 * the nearest defined value). All three understate the uncertainty of the filled periods.
 */
public enum Imputation {
  /** No filling: a series with an undefined period is rejected. */
  NONE,
  /** Undefined periods become 0. */
  ZERO,
  /** Last observation carried forward. */
  CARRY,
  /** Linear interpolation. */
  LINEAR;

  /**
   * Parses {@code none}, {@code zero}, {@code carry} or {@code linear}.
   *
   * @param s the name, case-insensitive
   * @return the imputation
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Imputation parse(String s) {
    for (Imputation i : values()) {
      if (i.name().equalsIgnoreCase(s.trim())) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "unknown imputation '" + s + "' (expected none, zero, carry or linear)");
  }

  /** The name used in options and output. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Fills the NaNs of {@code values}.
   *
   * @param values the series; not modified
   * @return a new, gap-free array; a copy when there is nothing to fill
   * @throws IllegalStateException if this is {@code NONE} and a value is NaN, or every value is NaN
   */
  double[] fill(double[] values) {
    double[] out = values.clone();
    int first = -1;
    for (int i = 0; i < out.length; i++) {
      if (!Double.isNaN(out[i])) {
        first = i;
        break;
      }
    }
    if (java.util.Arrays.stream(out).noneMatch(Double::isNaN)) {
      return out;
    }
    if (this == NONE) {
      throw new IllegalStateException("undefined periods and no imputation");
    }
    if (this == ZERO) {
      for (int i = 0; i < out.length; i++) {
        if (Double.isNaN(out[i])) {
          out[i] = 0;
        }
      }
      return out;
    }
    if (first < 0) {
      throw new IllegalStateException("no defined value to impute from");
    }
    for (int i = 0; i < first; i++) {
      out[i] = out[first];
    }
    int previous = first;
    for (int i = first + 1; i < out.length; i++) {
      if (Double.isNaN(out[i])) {
        continue;
      }
      if (i - previous > 1) {
        for (int j = previous + 1; j < i; j++) {
          out[j] =
              this == CARRY
                  ? out[previous]
                  : out[previous] + (out[i] - out[previous]) * (j - previous) / (i - previous);
        }
      }
      previous = i;
    }
    for (int j = previous + 1; j < out.length; j++) {
      out[j] = out[previous];
    }
    return out;
  }
}
