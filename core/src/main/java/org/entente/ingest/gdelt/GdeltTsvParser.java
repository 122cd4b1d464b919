package org.entente.ingest.gdelt;

import java.nio.charset.StandardCharsets;
import org.entente.cameo.Cameo;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.Bytes;
import org.entente.ingest.Fields;
import org.entente.ingest.RowParser;
import org.entente.ingest.RowRejected;
import org.entente.ingest.RowSink;

/**
 * Raw GDELT event files: TAB-separated, no header. The layout is decided per row by its column
 * count — 57 (1.0 backfile, no SOURCEURL), 58 (1.0 daily) or 61 (2.0, with ADM2 fields) — since
 * both 1.0 layouts occur in one file (METHODS §1.4: never one fixed column list).
 *
 * <p>Hot path: the row is scanned once for TABs and non-ASCII bytes; rows the actor filter drops
 * are counted without decoding any field but the date, except the first of each month (and the next
 * while they are invalid), parsed in full ({@link org.entente.ingest.ObservedMonths}).
 */
public final class GdeltTsvParser implements RowParser {
  private static final long TABS = 0x0909090909090909L;

  /** Tabs whose positions pass 1 records: column 18 (Actor2CountryCode) ends at the 18th. */
  private static final int FILTER_TABS = 18;

  private final Cameo cameo;
  private final ActorFilter filter;
  private final boolean allowV1;
  private final boolean allowV2;
  private final int[] tabs = new int[64];
  private final String[] values = new String[GdeltRow.NAMES.length];
  private boolean sawV1;
  private boolean sawV2;
  private final org.entente.ingest.ObservedMonths observed =
      new org.entente.ingest.ObservedMonths();

  /** The month of the last left-out row with a plain date (YYYYMM), its YearMonth and length. */
  private int lastYearMonth = -1;

  private java.time.YearMonth lastMonth;
  private int lastMonthDays;

  /**
   * @param allowV1 accept 57/58-column rows
   * @param allowV2 accept 61-column rows
   */
  public GdeltTsvParser(Cameo cameo, ActorFilter filter, boolean allowV1, boolean allowV2) {
    this.cameo = cameo;
    this.filter = filter;
    this.allowV1 = allowV1;
    this.allowV2 = allowV2;
  }

  @Override
  public void parse(byte[] b, int start, int end, long line, RowSink sink) {
    // Pass 1: positions of the first FILTER_TABS tabs (enough to read both actor countries),
    // then only a count of the rest (a popcount per word), and whether any byte is non-ASCII.
    int n = 0;
    long high = 0;
    int[] t = tabs;
    int i = start;
    for (; i + 8 <= end; i += 8) {
      long x = Bytes.word(b, i);
      high |= x;
      long m = Bytes.matches(x, TABS);
      if (n >= FILTER_TABS) {
        n += Long.bitCount(m);
        continue;
      }
      while (m != 0) {
        if (n < FILTER_TABS) {
          t[n] = i + (Long.numberOfTrailingZeros(m) >>> 3);
        }
        n++;
        m &= m - 1;
      }
    }
    boolean nonAscii = Bytes.nonAscii(high);
    for (; i < end; i++) {
      byte c = b[i];
      if (c == '\t') {
        if (n < FILTER_TABS) {
          t[n] = i;
        }
        n++;
      } else if (c < 0) {
        nonAscii = true;
      }
    }
    int cols = n + 1;
    boolean v1 = cols == 57 || cols == 58;
    boolean v2 = cols == 61;
    if (!((v1 && allowV1) || (v2 && allowV2))) {
      sink.reject(line, "bad column count", expected() + ", found " + cols, b, start, end);
      return;
    }
    // the layout read, whether or not the row is kept: the manifest's format names the file's
    // source even when the filter drops all its rows
    if (v2) {
      sawV2 = true;
    } else {
      sawV1 = true;
    }
    String source = v2 ? "gdelt2" : "gdelt1";
    if (!filter.keeps(b, t[6] + 1, t[7], t[16] + 1, t[17])) {
      java.time.YearMonth month = filteredMonth(b, t[0] + 1, t[1]);
      if (month != null && !observed.seen(source, month)) {
        // the month's first left-out row, parsed in full: an invalid row observes no month
        int tabCount = n;
        boolean utf8 = nonAscii;
        month = observed.check(source, month, () -> toEvent(b, start, end, tabCount, utf8, source));
      }
      sink.filtered(source, month);
      return;
    }
    try {
      sink.event(toEvent(b, start, end, n, nonAscii, source), line);
    } catch (RowRejected r) {
      sink.reject(line, r.reason(), r.detail(), b, start, end);
    }
  }

  /** The event of the row {@code b[start,end)} of {@code n} TABs, or why it is rejected. */
  private org.entente.model.Event toEvent(
      byte[] b, int start, int end, int n, boolean nonAscii, String source) throws RowRejected {
    if (nonAscii && !Fields.isUtf8(b, start, end)) {
      throw new RowRejected("invalid UTF-8", "the row is not valid UTF-8");
    }
    // Pass 2, for kept rows (and a left-out month's first) only: every tab position.
    int[] t = tabs;
    int found = 0;
    for (int j = start; j < end; j++) {
      if (b[j] == '\t') {
        t[found++] = j;
      }
    }
    String[] v = values;
    for (int k = 0; k < GdeltRow.TSV_INDEX.length; k++) {
      int col = GdeltRow.TSV_INDEX[k];
      v[k] = field(b, start, end, col, n, nonAscii);
    }
    int cols = n + 1;
    int urlCol = cols == 61 ? 60 : cols == 58 ? 57 : -1;
    v[GdeltRow.URL] = urlCol < 0 ? null : field(b, start, end, urlCol, n, true);
    return GdeltRow.toEvent(source, v, cameo, GdeltTsvParser::label);
  }

  /**
   * {@link Fields#monthOf(byte[], int, int)} of a left-out row's SQLDATE {@code b[s,e)}, the month
   * of the previous one reused when the date is eight digits in it (most rows of a file share one).
   */
  private java.time.YearMonth filteredMonth(byte[] b, int s, int e) {
    if (e - s == 8 && lastYearMonth >= 0) {
      int v = Fields.eightDigits(b, s);
      if (v >= 0 && v / 100 == lastYearMonth) {
        int d = v % 100;
        return d >= 1 && d <= lastMonthDays ? lastMonth : null;
      }
    }
    java.time.YearMonth m = Fields.monthOf(b, s, e);
    if (m != null && e - s == 8) {
      // eight bytes that give a month are eight ASCII digits (stripping would leave fewer)
      lastYearMonth = m.getYear() * 100 + m.getMonthValue();
      lastMonth = m;
      lastMonthDays = m.lengthOfMonth();
    }
    return m;
  }

  /**
   * The zero-based column of each event field in a GDELT 2.0 row (61 columns), in the order of
   * {@link org.entente.store.BulkTsvLoad.Field}.
   */
  public static int[] v2Columns() {
    int[] c = java.util.Arrays.copyOf(GdeltRow.TSV_INDEX, GdeltRow.NAMES.length);
    c[GdeltRow.URL] = 60;
    return c;
  }

  private String field(byte[] b, int start, int end, int col, int n, boolean utf8) {
    int s = col == 0 ? start : tabs[col - 1] + 1;
    int e = col == n ? end : tabs[col];
    if (e <= s) {
      return null;
    }
    return new String(b, s, e - s, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
  }

  private String expected() {
    if (allowV1 && allowV2) {
      return "expected 57, 58 (GDELT 1.0) or 61 (GDELT 2.0) tab-separated columns";
    }
    return allowV1
        ? "expected 57 or 58 tab-separated columns (GDELT 1.0)"
        : "expected 61 tab-separated columns (GDELT 2.0)";
  }

  /**
   * Column labels for messages, by logical index, built once: {@link GdeltRow#toEvent} asks for one
   * per field of every row, and building them each time cost about a tenth of the parse.
   */
  private static final String[] LABELS = new String[GdeltRow.NAMES.length];

  static {
    for (int k = 0; k < LABELS.length; k++) {
      int col = k == GdeltRow.URL ? -1 : GdeltRow.TSV_INDEX[k];
      LABELS[k] = col < 0 ? "SOURCEURL" : "column " + (col + 1) + " (" + GdeltRow.NAMES[k] + ")";
    }
  }

  private static String label(int logical) {
    return LABELS[logical];
  }

  @Override
  public String formatName() {
    if (sawV1 && sawV2) {
      return "gdelt1+gdelt2";
    }
    return sawV2 || (!sawV1 && !allowV1) ? "gdelt2" : "gdelt1";
  }
}
