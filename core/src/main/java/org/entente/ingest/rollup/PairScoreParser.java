package org.entente.ingest.rollup;

import java.time.LocalDate;
import java.util.List;
import org.entente.ingest.Fields;
import org.entente.ingest.RowRejected;
import org.entente.ingest.RowSink;
import org.entente.store.RollupFrequency;
import org.entente.store.RollupRow;

/**
 * An undirected daily pair score in the layout of gzemo's GDELT graph ({@code date}, {@code iso_a},
 * {@code iso_b}, {@code score}): one row per pair and day, stored as an undirected daily row with
 * only {@code score}. A day without a row is a gap (unknown), not a zero; a row whose score is 0.0
 * is a day with no qualifying event.
 */
final class PairScoreParser extends CsvImportParser {
  private final int date;
  private final int a;
  private final int b;
  private final int score;
  private final String source;
  private final Countries countries;
  private final SourceRules rules;

  PairScoreParser(String header, String source, Countries countries, SourceRules rules) {
    super(header);
    date = required("date");
    a = required("iso_a");
    b = required("iso_b");
    score = required("score");
    this.source = source;
    this.countries = countries;
    this.rules = rules;
  }

  @Override
  void record(List<String> f, long line, RowSink sink) throws RowRejected {
    rules.aggregate(source, RollupFrequency.DAY);
    LocalDate day = Fields.isoDate(value(f, date), "date");
    String x = countries.code(value(f, a), "iso_a");
    String y = countries.code(value(f, b), "iso_b");
    if (x.equals(y)) {
      throw new RowRejected("self-dyad", "iso_a and iso_b are both " + x);
    }
    Double s = Fields.number(value(f, score), "score");
    if (s == null) {
      throw new RowRejected("missing score", "score is empty");
    }
    String lo = x.compareTo(y) < 0 ? x : y;
    String hi = x.compareTo(y) < 0 ? y : x;
    sink.rollup(
        new RollupRow(
            source,
            RollupFrequency.DAY,
            day,
            lo,
            hi,
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            s,
            null),
        line);
  }

  @Override
  public String formatName() {
    return "gdelt-pair-scores:" + source;
  }
}
