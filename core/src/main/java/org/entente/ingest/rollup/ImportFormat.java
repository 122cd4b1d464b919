package org.entente.ingest.rollup;

import java.util.Locale;

/** The formats {@code entente import FORMAT} reads. */
public enum ImportFormat {
  /** The rollup interchange format ({@code docs/rollup-format.md}). */
  ROLLUP("rollup", null),
  /** ICEWS directed dyad-year quad counts (the netify package's layout). */
  ICEWS_DYAD_YEAR("icews-dyad-year", "icews-dyad-year"),
  /** An undirected daily pair score (gzemo's GDELT graph layout). */
  GDELT_PAIR_SCORES("gdelt-pair-scores", "gdelt-pair-scores"),
  /** A dated, categorised event list read through a mapping file. */
  EVENT_LIST("event-list", null);

  private final String word;
  private final String defaultSource;

  ImportFormat(String word, String defaultSource) {
    this.word = word;
    this.defaultSource = defaultSource;
  }

  /** The word users type, e.g. {@code icews-dyad-year}. */
  public String word() {
    return word;
  }

  /** The source name used without {@code --source}, or {@code null} where the data names it. */
  public String defaultSource() {
    return defaultSource;
  }

  /**
   * Parses a format word.
   *
   * @throws IllegalArgumentException naming the accepted words
   */
  public static ImportFormat parse(String s) {
    for (ImportFormat f : values()) {
      if (f.word.equals(s.trim().toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown import format '"
            + s
            + "' (expected rollup, icews-dyad-year, gdelt-pair-scores or event-list)");
  }
}
