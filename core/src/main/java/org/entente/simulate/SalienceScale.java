package org.entente.simulate;

import java.util.Locale;

/** How salience is written in an actor table: 0..1, 0..100, or decided from the values. */
public enum SalienceScale {
  /** 0..100 if any salience exceeds 1, else 0..1. */
  AUTO,
  /** Saliences are on 0..1. */
  UNIT,
  /** Saliences are on 0..100 and are divided by 100. */
  PERCENT;

  /**
   * Parses {@code auto}, {@code 1} or {@code 100}; anything else is an IllegalArgumentException.
   */
  public static SalienceScale parse(String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "auto" -> AUTO;
      case "1" -> UNIT;
      case "100" -> PERCENT;
      default ->
          throw new IllegalArgumentException(
              "salience scale must be auto, 1 or 100, not '" + s + "'");
    };
  }

  /** The option value as written on the command line. */
  public String label() {
    return switch (this) {
      case AUTO -> "auto";
      case UNIT -> "1";
      case PERCENT -> "100";
    };
  }
}
