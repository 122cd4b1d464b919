package org.entente.ingest.gdelt;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entente.cameo.Cameo;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.Fields;
import org.entente.ingest.RowParser;
import org.entente.ingest.RowRejected;
import org.entente.ingest.RowSink;

/**
 * GDELT events written as comma-separated text with a header row (BigQuery, pandas, R), mapped by
 * column name; extra columns are ignored. Handles R's {@code write.csv} quirks: unquoted NA for
 * missing values, stray spaces around values, and a row-name field prepended to data rows (one
 * field more than the header), told apart from an extra trailing field by checking which alignment
 * makes SQLDATE and MonthYear agree.
 */
public final class GdeltCsvParser implements RowParser {
  private final Cameo cameo;
  private final ActorFilter filter;
  private final int headerSize;
  private final int[] index = new int[GdeltRow.NAMES.length];
  private final org.entente.ingest.ObservedMonths observed =
      new org.entente.ingest.ObservedMonths();
  private final int monthYear;
  private final String source;
  private final String[] values = new String[GdeltRow.NAMES.length];

  /**
   * @param header the header line
   * @throws IllegalArgumentException naming a required column the header lacks
   */
  public GdeltCsvParser(Cameo cameo, ActorFilter filter, String header) {
    this.cameo = cameo;
    this.filter = filter;
    List<String> names = CsvSplitter.split(header);
    if (names == null) {
      throw new IllegalArgumentException("the header row has an unterminated quote");
    }
    headerSize = names.size();
    Map<String, Integer> pos = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i) == null ? "" : names.get(i).strip().toLowerCase(Locale.ROOT);
      pos.putIfAbsent(n, i);
    }
    for (int k = 0; k < GdeltRow.NAMES.length; k++) {
      String name = GdeltRow.NAMES[k].toLowerCase(Locale.ROOT);
      Integer i = pos.get(name);
      if (i == null && k == GdeltRow.DAY) {
        i = pos.get("day");
      }
      if (i == null && k != GdeltRow.URL) {
        throw new IllegalArgumentException(
            "the header has no column " + GdeltRow.NAMES[k] + " (GDELT CSV needs it)");
      }
      index[k] = i == null ? -1 : i;
    }
    monthYear = pos.getOrDefault("monthyear", -1);
    source = pos.containsKey("actor1geo_adm2code") ? "gdelt2" : "gdelt1";
  }

  /** Whether a header line looks like a GDELT CSV header. */
  public static boolean looksLikeHeader(String firstLine) {
    String l = firstLine.toLowerCase(Locale.ROOT);
    return l.contains(",") && l.contains("globaleventid") && l.contains("eventcode");
  }

  /**
   * Parses one physical line as one record. A quote never spans lines: a line that ends inside a
   * quoted field is rejected ("unterminated quote") and the next line parses normally, so one stray
   * quote cannot swallow the rest of a file.
   */
  @Override
  public void parse(byte[] b, int start, int end, long line, RowSink sink) {
    String text = Fields.utf8OrReject(b, start, end, line, sink);
    List<String> f = text == null ? null : CsvSplitter.splitOrReject(text, line, sink);
    if (f != null) {
      parseRecord(f, text, line, sink);
    }
  }

  private void parseRecord(List<String> f, String raw, long line, RowSink sink) {
    int offset;
    if (f.size() == headerSize) {
      offset = 0;
    } else if (f.size() == headerSize + 1) {
      offset = aligned(f, 1) ? 1 : aligned(f, 0) ? 0 : -1;
    } else {
      offset = -1;
    }
    if (offset < 0) {
      sink.reject(
          line,
          "bad column count",
          "expected " + headerSize + " comma-separated fields as in the header, found " + f.size(),
          raw);
      return;
    }
    String c1 = get(f, GdeltRow.A1_COUNTRY, offset);
    String c2 = get(f, GdeltRow.A2_COUNTRY, offset);
    if (!filter.keepsAll()) {
      c1 = c1 == null ? null : org.entente.cameo.Cameo.normaliseCountry(c1.strip());
      c2 = c2 == null ? null : org.entente.cameo.Cameo.normaliseCountry(c2.strip());
      if (!filter.keeps(c1, c2)) {
        java.time.YearMonth month = Fields.monthOf(get(f, GdeltRow.DAY, offset), false);
        if (month != null && !observed.seen(source, month)) {
          // the month's first left-out row, parsed in full: an invalid row observes no month
          month = observed.check(source, month, () -> toEvent(f, offset));
        }
        sink.filtered(source, month);
        return;
      }
    }
    try {
      sink.event(toEvent(f, offset), line);
    } catch (RowRejected r) {
      sink.reject(line, r.reason(), r.detail(), raw);
    }
  }

  private org.entente.model.Event toEvent(List<String> f, int offset) throws RowRejected {
    for (int k = 0; k < values.length; k++) {
      values[k] = get(f, k, offset);
    }
    return GdeltRow.toEvent(source, values, cameo, k -> GdeltRow.NAMES[k]);
  }

  private String get(List<String> f, int logical, int offset) {
    int i = index[logical];
    return i < 0 ? null : f.get(i + offset);
  }

  /** Whether shifting by {@code offset} makes SQLDATE's YYYYMM equal MonthYear. */
  private boolean aligned(List<String> f, int offset) {
    if (monthYear < 0) {
      return offset == 1;
    }
    String day = f.get(index[GdeltRow.DAY] + offset);
    String my = f.get(monthYear + offset);
    return day != null
        && my != null
        && day.strip().length() == 8
        && day.strip().startsWith(my.strip());
  }

  @Override
  public void finish(RowSink sink) {
    // records are single lines: nothing is pending at the end
  }

  @Override
  public String formatName() {
    return "gdelt-csv";
  }
}
