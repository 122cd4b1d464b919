package org.entente.ingest;

import java.util.Locale;

/** Input formats {@code entente ingest --format} accepts. */
public enum SourceFormat {
  /** Detect from the header and the column count, row by row where layouts mix. */
  AUTO,
  /** GDELT 1.0 events: TAB-separated, no header, 57 (backfile) or 58 (daily) columns. */
  GDELT1,
  /** GDELT 2.0 events: TAB-separated, no header, 61 columns. */
  GDELT2,
  /** GDELT events as comma-separated text with a header row (BigQuery, pandas, R). */
  GDELT_CSV,
  /** ICEWS coded event data: TAB-separated with a header row. */
  ICEWS,
  /**
   * The GDELT 2.0 Mentions table: TAB-separated, no header, 16 columns; or comma-separated with a
   * header row. Each mention is linked to its event by GLOBALEVENTID.
   */
  GDELT2_MENTIONS,
  /** Entente's curated chronology format (TAB-separated with a header row). */
  ENTENTE;

  /** The option value users type, e.g. {@code gdelt-csv}. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses an option value ({@code auto}, {@code gdelt1}, {@code gdelt2}, {@code gdelt-csv}, {@code
   * gdelt2-mentions}, {@code icews}, {@code entente}).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static SourceFormat parse(String s) {
    for (SourceFormat f : values()) {
      if (f.optionName().equalsIgnoreCase(s)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '"
            + s
            + "' (expected auto, gdelt1, gdelt2, gdelt-csv, gdelt2-mentions, icews or"
            + " entente)");
  }
}
