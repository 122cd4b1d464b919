package org.entente.ingest;

import java.util.Arrays;
import java.util.List;
import org.entente.store.BulkTsvLoad;
import org.entente.store.BulkTsvLoad.Field;

/**
 * The strict grammars a GDELT event row must pass for an engine to store it by its own reader
 * ({@link BulkTsvLoad}), checked on the row's bytes during {@link TsvScan}'s pass: a row that
 * passes is one the row parser ({@code GdeltRow} with {@link Fields}) stores with exactly the
 * values the engine's conversion gives it; any other row is left to the row parser, which stores it
 * or rejects it with its reason. The grammars are narrower than the row parser's, never wider: a
 * value the row parser would trim, read another way or refuse fails them.
 *
 * <ul>
 *   <li>id: ASCII digits (the scan checks them: they must ascend); date: eight ASCII digits naming
 *       a real day in the accepted years;
 *   <li>actor codes, types and the URL: empty, or starting and ending with a printable ASCII
 *       character other than space (nothing for the row parser to trim; the line is valid UTF-8, so
 *       a last byte in that range is a last character in it);
 *   <li>countries: empty or ASCII capitals;
 *   <li>event code: exactly a code of the table; base empty or a prefix of it; root empty or its
 *       root; quad class empty or 1–4, 1.0–4.0; IsRootEvent empty, 0/1, 0.0/1.0, true/false,
 *       TRUE/FALSE;
 *   <li>Goldstein and tone: empty or an optional minus, 1 to 15 digits and an optional point with 1
 *       to 20 digits, Goldstein within −10..10 (as the nearest double); counts: 1 to 9 ASCII
 *       digits.
 * </ul>
 *
 * Thread-safe once built: a check keeps no state.
 */
final class BulkRowGrammar {
  private static final byte[][] FLAGS = {
    bytes("0"), bytes("0.0"), bytes("FALSE"), bytes("false"),
    bytes("1"), bytes("1.0"), bytes("TRUE"), bytes("true")
  };

  private final int[] columns;

  /** The columns of the fields checked alike: the printable ones, the counts. */
  private final int[] printables;

  private final int[] counts;

  /** The codes packed by {@link #pack}, ascending, and each one's root at the same index. */
  private final long[] codes;

  private final long[] roots;

  /**
   * @param fields the zero-based column of each event field, in the order of {@link Field}
   * @param table the event codes with their roots
   */
  BulkRowGrammar(int[] fields, List<BulkTsvLoad.Code> table) {
    if (fields.length != Field.values().length) {
      throw new IllegalArgumentException(
          fields.length + " columns for " + Field.values().length + " fields");
    }
    this.columns = fields.clone();
    this.printables =
        new int[] {
          column(Field.A1_CODE),
          column(Field.A1_TYPE),
          column(Field.A2_CODE),
          column(Field.A2_TYPE),
          column(Field.URL)
        };
    this.counts = new int[] {column(Field.MENTIONS), column(Field.SOURCES), column(Field.ARTICLES)};
    long[][] pairs = new long[table.size()][];
    int n = 0;
    for (BulkTsvLoad.Code c : table) {
      byte[] code = bytes(c.code());
      byte[] root = bytes(c.root());
      long k = pack(code, 0, code.length);
      long r = pack(root, 0, root.length);
      if (k < 0 || r < 0) {
        throw new IllegalArgumentException("event code or root too long: " + c);
      }
      pairs[n++] = new long[] {k, r};
    }
    Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
    codes = new long[n];
    roots = new long[n];
    for (int i = 0; i < n; i++) {
      codes[i] = pairs[i][0];
      roots[i] = pairs[i][1];
      if (i > 0 && codes[i] == codes[i - 1]) {
        throw new IllegalArgumentException("event code listed twice");
      }
    }
  }

  /** The column of {@code f}. */
  int column(Field f) {
    return columns[f.ordinal()];
  }

  /**
   * Whether the row whose fields are {@code b[start(k), end(k))} passes every grammar. Field {@code
   * k} of a line {@code b[s, e)} with its TABs at {@code tabs} starts at {@code k == 0 ? s : tabs[k
   * - 1] + 1} and ends at {@code k == tabs.length ? e : tabs[k]}.
   */
  boolean plain(byte[] b, int s, int e, int[] tabs) {
    int ds = start(Field.DAY, s, tabs);
    int de = end(Field.DAY, e, tabs);
    if (de - ds != 8 || !Fields.isDay(Fields.eightDigits(b, ds))) {
      return false;
    }
    for (int k : printables) {
      int fs = start(k, s, tabs);
      int fe = end(k, e, tabs);
      if (fe > fs && !(printable(b[fs]) && printable(b[fe - 1]))) {
        return false;
      }
    }
    if (!capitals(b, start(Field.A1_COUNTRY, s, tabs), end(Field.A1_COUNTRY, e, tabs))
        || !capitals(b, start(Field.A2_COUNTRY, s, tabs), end(Field.A2_COUNTRY, e, tabs))) {
      return false;
    }
    int fs = start(Field.IS_ROOT, s, tabs);
    int fe = end(Field.IS_ROOT, e, tabs);
    if (fe > fs && !flag(b, fs, fe)) {
      return false;
    }
    int cs = start(Field.CODE, s, tabs);
    int ce = end(Field.CODE, e, tabs);
    int at = ce > cs ? Arrays.binarySearch(codes, pack(b, cs, ce)) : -1;
    if (at < 0) {
      return false;
    }
    fs = start(Field.BASE, s, tabs);
    fe = end(Field.BASE, e, tabs);
    if (fe > fs && !prefix(b, fs, fe, cs, ce)) {
      return false;
    }
    fs = start(Field.ROOT, s, tabs);
    fe = end(Field.ROOT, e, tabs);
    if (fe > fs && pack(b, fs, fe) != roots[at]) {
      return false;
    }
    fs = start(Field.QUAD, s, tabs);
    fe = end(Field.QUAD, e, tabs);
    if (fe > fs && !quad(b, fs, fe)) {
      return false;
    }
    fs = start(Field.GOLDSTEIN, s, tabs);
    fe = end(Field.GOLDSTEIN, e, tabs);
    if (fe > fs && !(decimal(b, fs, fe) && withinTen(b, fs, fe))) {
      return false;
    }
    for (int k : counts) {
      fs = start(k, s, tabs);
      fe = end(k, e, tabs);
      if (fe > fs && !(fe - fs <= 9 && digits(b, fs, fe))) {
        return false;
      }
    }
    fs = start(Field.TONE, s, tabs);
    fe = end(Field.TONE, e, tabs);
    return fe == fs || decimal(b, fs, fe);
  }

  private int start(Field f, int s, int[] tabs) {
    return start(columns[f.ordinal()], s, tabs);
  }

  private int end(Field f, int e, int[] tabs) {
    return end(columns[f.ordinal()], e, tabs);
  }

  private static int start(int k, int s, int[] tabs) {
    return k == 0 ? s : tabs[k - 1] + 1;
  }

  private static int end(int k, int e, int[] tabs) {
    return k == tabs.length ? e : tabs[k];
  }

  private static boolean printable(byte c) {
    return c >= 33 && c <= 126;
  }

  /** Empty, or ASCII capitals only. */
  private static boolean capitals(byte[] b, int s, int e) {
    for (int i = s; i < e; i++) {
      if (b[i] < 'A' || b[i] > 'Z') {
        return false;
      }
    }
    return true;
  }

  private static boolean flag(byte[] b, int s, int e) {
    for (byte[] f : FLAGS) {
      if (Arrays.equals(b, s, e, f, 0, f.length)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code b[s,e)} starts {@code b[cs,ce)}. */
  private static boolean prefix(byte[] b, int s, int e, int cs, int ce) {
    return e - s <= ce - cs && Arrays.equals(b, s, e, b, cs, cs + (e - s));
  }

  private static boolean quad(byte[] b, int s, int e) {
    if (b[s] < '1' || b[s] > '4') {
      return false;
    }
    return e - s == 1 || (e - s == 3 && b[s + 1] == '.' && b[s + 2] == '0');
  }

  private static boolean digits(byte[] b, int s, int e) {
    if (e == s) {
      return false;
    }
    for (int i = s; i < e; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code -?[0-9]{1,15}(\.[0-9]{1,20})?}. */
  static boolean decimal(byte[] b, int s, int e) {
    int i = b[s] == '-' ? s + 1 : s;
    int p = i;
    while (p < e && b[p] != '.') {
      p++;
    }
    int whole = p - i;
    if (whole < 1 || whole > 15 || !digits(b, i, p)) {
      return false;
    }
    if (p == e) {
      return true;
    }
    int frac = e - p - 1;
    return frac >= 1 && frac <= 20 && digits(b, p + 1, e);
  }

  /**
   * Whether a {@link #decimal} lies within −10..10 as the nearest double (the row parser's range
   * check): a whole part below 10 always does, one above never; one of 10 is parsed.
   */
  private static boolean withinTen(byte[] b, int s, int e) {
    int i = b[s] == '-' ? s + 1 : s;
    long whole = 0;
    for (; i < e && b[i] != '.'; i++) {
      whole = whole * 10 + (b[i] - '0');
    }
    if (whole != 10) {
      return whole < 10;
    }
    String v = new String(b, s, e - s, java.nio.charset.StandardCharsets.US_ASCII);
    return Math.abs(Double.parseDouble(v)) <= 10;
  }

  /**
   * Up to seven bytes and their count as one number (the count in the top byte), ordered the way
   * {@link #codes} is sorted; -1 for a longer value. Equal numbers mean equal bytes.
   */
  static long pack(byte[] b, int s, int e) {
    int n = e - s;
    if (n > 7) {
      return -1;
    }
    long v = (long) n << 56;
    for (int i = 0; i < n; i++) {
      v |= (b[s + i] & 0xFFL) << (8 * (6 - i));
    }
    return v;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
