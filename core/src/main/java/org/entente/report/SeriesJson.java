package org.entente.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.entente.measure.DyadSeries;
import org.entente.store.DyadQuery;

/**
 * A dyad series as JSON: the query that produced it (dyad, direction, range, frequency, weight,
 * deduplication, filters) and the rows keyed by the CSV columns, so a saved result says how it was
 * made.
 */
public final class SeriesJson {
  private SeriesJson() {}

  /** The query's settings as an ordered map (range as resolved by the measure stage). */
  public static Map<String, Object> query(DyadQuery q) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dyad", q.label());
    m.put("directed", q.directed());
    m.put("from", q.from() == null ? null : q.from().toString());
    m.put("to", q.to() == null ? null : q.to().toString());
    m.put("freq", q.frequency().name().toLowerCase(java.util.Locale.ROOT));
    m.put("weight", q.weighting().optionName());
    m.put("dedup", q.dedup().optionName());
    m.put("state_only", q.stateOnly());
    m.put("drop_statements", q.dropStatements());
    m.put("source", q.dataSource());
    return m;
  }

  /** Writes {@code {"query": {...},\n"rows": [...]}}, one row per line. */
  public static void write(DyadSeries s, Writer out) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("query", query(s.query()));
    m.put("rows", SeriesTable.of(s).records());
    try {
      JsonOutput.writeRows(m, 1, out);
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
