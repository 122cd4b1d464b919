package org.entente.ingest.rollup;

import java.util.List;
import org.entente.ingest.Fields;
import org.entente.ingest.RowRejected;
import org.entente.ingest.RowSink;
import org.entente.store.RollupFrequency;
import org.entente.store.RollupRow;

/**
 * The rollup interchange format ({@code docs/rollup-format.md}): a header naming exactly {@link
 * #COLUMNS} (version 1) or those and {@code kind} (version 2), in any order; one dyad-period per
 * row, or in version 2 a state's volume in a period ({@code kind} = {@code volume}).
 */
final class RollupCsvParser extends CsvImportParser {
  /** The interchange format's columns. */
  static final List<String> COLUMNS = RollupRow.COLUMNS;

  private final int[] at = new int[COLUMNS.size()];
  private final int kind;
  private final String sourceOverride;
  private final Countries countries;
  private final SourceRules rules;
  private String firstSource;

  RollupCsvParser(String header, String sourceOverride, Countries countries, SourceRules rules) {
    super(header);
    for (int k = 0; k < at.length; k++) {
      at[k] = required(COLUMNS.get(k));
    }
    kind = column(RollupRow.KIND);
    for (String c : columnNames()) {
      if (!RollupRow.COLUMNS_V2.contains(c)) {
        throw new IllegalArgumentException(
            "the header has column '" + c + "', which the rollup format does not define");
      }
    }
    this.sourceOverride = sourceOverride;
    this.countries = countries;
    this.rules = rules;
  }

  @Override
  void record(List<String> f, long line, RowSink sink) throws RowRejected {
    String given = value(f, at[0]);
    if (sourceOverride != null && given != null) {
      if (firstSource == null) {
        firstSource = given;
      } else if (!firstSource.equals(given)) {
        throw new RowRejected(
            "several sources",
            "--source "
                + sourceOverride
                + " would pool source '"
                + given
                + "' with '"
                + firstSource
                + "'; import each source's rows under a name of its own");
      }
    }
    String source = sourceOverride != null ? sourceOverride : given;
    if (source == null) {
      throw new RowRejected("missing source", "source is empty and no --source was given");
    }
    String rowKind = value(f, kind);
    boolean heldRow = "held".equalsIgnoreCase(rowKind);
    RollupFrequency freq;
    try {
      String freqText = value(f, at[1]);
      try {
        freq = RollupFrequency.parse(freqText == null ? "" : freqText);
      } catch (IllegalArgumentException e) {
        throw new RowRejected("bad frequency", "freq: " + e.getMessage());
      }
      rules.aggregate(source, freq);
      if (heldRow) {
        held(f, line, sink, source);
        return;
      }
    } catch (RowRejected r) {
      if (heldRow) {
        // the file restricts the source, though this row cannot say to which pair: the source
        // keeps the restriction (to the pairs of its valid held rows, none if there are none)
        sink.heldPair(source, null, null, line);
      }
      throw r;
    }
    String p = value(f, at[2]);
    java.time.LocalDate period;
    try {
      period = freq.parsePeriod(p == null ? "" : p);
    } catch (IllegalArgumentException e) {
      throw new RowRejected("bad period", "period: " + e.getMessage());
    }
    if ("volume".equalsIgnoreCase(rowKind)) {
      volume(f, line, sink, source, freq, period);
      return;
    }
    if (rowKind != null && !"dyad".equalsIgnoreCase(rowKind)) {
      throw new RowRejected("bad kind", "kind: '" + rowKind + "' is not dyad, volume or held");
    }
    String a1 = countries.code(value(f, at[3]), "actor1");
    String a2 = countries.code(value(f, at[4]), "actor2");
    String d = value(f, at[5]);
    boolean directed;
    if ("true".equalsIgnoreCase(d)) {
      directed = true;
    } else if ("false".equalsIgnoreCase(d)) {
      directed = false;
    } else {
      throw new RowRejected("bad direction", "directed: '" + d + "' is not true or false");
    }
    Integer n = Fields.count(value(f, at[6]), "n");
    Double[] w = new Double[4];
    for (int k = 0; k < 4; k++) {
      w[k] = Fields.number(value(f, at[7 + k]), "w" + (k + 1));
    }
    Double g = Fields.number(value(f, at[11]), "goldstein_sum");
    Double score = Fields.number(value(f, at[12]), "score");
    Double coverage = Fields.number(value(f, at[13]), "coverage");
    if (!directed && a1.compareTo(a2) > 0) {
      String t = a1;
      a1 = a2;
      a2 = t;
    }
    rules.direction(source, a1, a2, directed);
    try {
      sink.rollup(
          new RollupRow(
              source,
              freq,
              period,
              a1,
              a2,
              directed,
              n == null ? null : n.longValue(),
              w[0],
              w[1],
              w[2],
              w[3],
              g,
              score,
              coverage),
          line);
    } catch (IllegalArgumentException e) {
      throw new RowRejected("bad row", e.getMessage());
    }
  }

  /**
   * A row of kind {@code held} (version 3): the source's events of the pair actor1-actor2 (both
   * directions) are in the file; period and every quantity empty, directed {@code false}.
   */
  private void held(List<String> f, long line, RowSink sink, String source) throws RowRejected {
    for (int c : new int[] {2, 6, 7, 8, 9, 10, 11, 12, 13}) {
      if (value(f, at[c]) != null) {
        throw new RowRejected(
            "bad held row",
            COLUMNS.get(c)
                + " must be empty in a held row (it names a pair, not a period's events)");
      }
    }
    if (!"false".equalsIgnoreCase(value(f, at[5]))) {
      throw new RowRejected(
          "bad held row", "directed must be false in a held row (it holds both directions)");
    }
    String a1 = countries.code(value(f, at[3]), "actor1");
    String a2 = countries.code(value(f, at[4]), "actor2");
    if (a1.equals(a2)) {
      throw new RowRejected("bad held row", "actor1 and actor2 are both " + a1);
    }
    sink.heldPair(source, a1.compareTo(a2) < 0 ? a1 : a2, a1.compareTo(a2) < 0 ? a2 : a1, line);
  }

  /** A state volume row: actor1 the state; actor2, directed, score and coverage empty. */
  private void volume(
      List<String> f,
      long line,
      RowSink sink,
      String source,
      RollupFrequency freq,
      java.time.LocalDate period)
      throws RowRejected {
    String state = countries.code(value(f, at[3]), "actor1");
    for (int c : new int[] {4, 5, 12, 13}) {
      if (value(f, at[c]) != null) {
        throw new RowRejected(
            "bad volume row",
            COLUMNS.get(c) + " must be empty in a volume row (a state's events with any actor)");
      }
    }
    Integer n = Fields.count(value(f, at[6]), "n");
    Double[] w = new Double[4];
    for (int q = 0; q < 4; q++) {
      w[q] = Fields.number(value(f, at[7 + q]), "w" + (q + 1));
    }
    Double g = Fields.number(value(f, at[11]), "goldstein_sum");
    try {
      sink.volume(
          new org.entente.store.VolumeRow(
              source,
              freq,
              period,
              state,
              n == null ? null : n.longValue(),
              w[0],
              w[1],
              w[2],
              w[3],
              g),
          line);
    } catch (IllegalArgumentException e) {
      throw new RowRejected("bad row", e.getMessage());
    }
  }

  @Override
  public String formatName() {
    return "rollup" + (sourceOverride == null ? "" : ":" + sourceOverride);
  }
}
