package org.entente.analyse.series;

import java.nio.file.Path;
import java.util.Objects;

/** Where a series comes from: a dyad's score in the store, or a column of a CSV file. */
public sealed interface SeriesSpec permits SeriesSpec.OfDyad, SeriesSpec.OfFile {

  /** A label for messages and output: {@code RUS-PRK} or {@code FILE:COLUMN}. */
  String label();

  /**
   * A dyad's score in the store.
   *
   * @param dyad the dyad
   * @param score the score read
   */
  record OfDyad(Dyad dyad, Score score) implements SeriesSpec {
    /** Validates. */
    public OfDyad {
      Objects.requireNonNull(dyad, "dyad");
      Objects.requireNonNull(score, "score");
    }

    @Override
    public String label() {
      return dyad.label();
    }
  }

  /**
   * A column of a CSV file with a {@code period} column (see {@link SeriesCsvReader}).
   *
   * @param file the file
   * @param column the column
   */
  record OfFile(Path file, String column) implements SeriesSpec {
    /** Validates. */
    public OfFile {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(column, "column");
    }

    @Override
    public String label() {
      return file + ":" + column;
    }
  }

  /**
   * Parses {@code A-B}, {@code A>B} or {@code FILE:COLUMN} (split at the last colon).
   *
   * @param text the option value
   * @param score the score a dyad is read with
   * @return the spec
   * @throws IllegalArgumentException if {@code text} is neither a dyad nor FILE:COLUMN
   */
  static SeriesSpec parse(String text, Score score) {
    if (Dyad.looksLikeDyad(text)) {
      return new OfDyad(Dyad.parseKnown(text), score);
    }
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException(
          "'" + text + "' is neither a dyad (A-B, A>B) nor FILE:COLUMN");
    }
    return new OfFile(Path.of(text.substring(0, colon)), text.substring(colon + 1));
  }
}
