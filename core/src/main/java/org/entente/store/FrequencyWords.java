package org.entente.store;

import java.util.Locale;

/**
 * The words of a {@code --freq} option (and the API's {@code freq}), shared by the analyses'
 * frequencies ({@link DyadQuery.Frequency}: month, quarter, year) and the export's ({@link
 * RollupFrequency}: day, month, year), so that an alias one command takes, another taking the same
 * frequency takes too: {@code monthly} and {@code m} for month, {@code quarterly} and {@code q} for
 * quarter, {@code yearly}, {@code annual} and {@code y} for year, {@code daily} and {@code d} for
 * day; any case, blanks around ignored.
 */
public final class FrequencyWords {
  private FrequencyWords() {}

  /** The canonical word of {@code s} (day, month, quarter, year), or {@code s} lower-cased. */
  public static String canonical(String s) {
    String w = s.strip().toLowerCase(Locale.ROOT);
    return switch (w) {
      case "day", "daily", "d" -> "day";
      case "month", "monthly", "m" -> "month";
      case "quarter", "quarterly", "q" -> "quarter";
      case "year", "yearly", "annual", "y" -> "year";
      default -> w;
    };
  }
}
