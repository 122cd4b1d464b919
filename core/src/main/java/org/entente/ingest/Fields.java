package org.entente.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.entente.cameo.Cameo;
import org.entente.cameo.CameoEventType;
import org.entente.cameo.QuadMapping;

/**
 * Field parsing and validation shared by the parsers. Values come in as strings (already split and
 * unquoted, {@code null} for missing) and come out typed or as a {@link RowRejected} naming the
 * column and the problem.
 */
public final class Fields {
  /** Earliest and latest event years accepted. */
  public static final int MIN_YEAR = org.entente.model.Months.MIN_YEAR;

  public static final int MAX_YEAR = org.entente.model.Months.MAX_YEAR;

  private Fields() {}

  /** Whether {@code b[start,end)} is valid UTF-8 (fast path for pure ASCII). */
  public static boolean isUtf8(byte[] b, int start, int end) {
    int i = start;
    while (i < end && b[i] >= 0) {
      i++;
    }
    if (i == end) {
      return true;
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, start, end - start));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * The row {@code b[start,end)} as text, or null after rejecting it to {@code sink} when it is not
   * valid UTF-8 (the text parsers' first step).
   */
  public static String utf8OrReject(byte[] b, int start, int end, long line, RowSink sink) {
    if (!isUtf8(b, start, end)) {
      sink.reject(line, "invalid UTF-8", "the row is not valid UTF-8", b, start, end);
      return null;
    }
    return new String(b, start, end - start, StandardCharsets.UTF_8);
  }

  /** A time written {@code YYYYMMDDHHMMSS} (GDELT 2.0's DATEADDED and update times). */
  public static java.time.LocalDateTime yyyymmddhhmmss(String v, String column) throws RowRejected {
    if (v == null || v.length() != 14 || !digits(v)) {
      throw new RowRejected("bad time", column + ": '" + show(v) + "' is not YYYYMMDDHHMMSS");
    }
    LocalDate day;
    try {
      day =
          date(
              Integer.parseInt(v.substring(0, 4)),
              Integer.parseInt(v.substring(4, 6)),
              Integer.parseInt(v.substring(6, 8)),
              v,
              column);
    } catch (RowRejected r) {
      throw new RowRejected("impossible time", r.detail());
    }
    try {
      return day.atTime(
          Integer.parseInt(v.substring(8, 10)),
          Integer.parseInt(v.substring(10, 12)),
          Integer.parseInt(v.substring(12, 14)));
    } catch (DateTimeException e) {
      throw new RowRejected("impossible time", column + ": '" + v + "'");
    }
  }

  /** Lenient UTF-8 decoding (invalid bytes become U+FFFD), for keeping rejected rows. */
  public static String lenient(byte[] b, int start, int end) {
    int len = Math.min(end - start, 65536);
    return new String(b, start, len, StandardCharsets.UTF_8);
  }

  /** {@code null} for an empty or blank value, else the trimmed value. */
  public static String text(String v) {
    if (v == null) {
      return null;
    }
    String t = v.strip();
    return t.isEmpty() ? null : t;
  }

  /** A date written {@code YYYYMMDD}. */
  public static LocalDate yyyymmdd(String v, String column) throws RowRejected {
    if (v == null || v.length() != 8 || !digits(v)) {
      throw new RowRejected("bad date", column + ": '" + show(v) + "' is not YYYYMMDD");
    }
    return date(
        Integer.parseInt(v.substring(0, 4)),
        Integer.parseInt(v.substring(4, 6)),
        Integer.parseInt(v.substring(6, 8)),
        v,
        column);
  }

  /**
   * The month of a date field as the row parsers read it ({@link #text} then {@link #yyyymmdd}, or
   * {@link #isoDate} when {@code iso}), or null where they would reject the date: the month a row
   * left out by the actor filter was observed in ({@link RowSink#filtered(String,
   * java.time.YearMonth)}).
   */
  public static java.time.YearMonth monthOf(String v, boolean iso) {
    try {
      String t = text(v);
      return java.time.YearMonth.from(iso ? isoDate(t, "date") : yyyymmdd(t, "date"));
    } catch (RowRejected e) {
      return null;
    }
  }

  /**
   * {@link #monthOf(String, boolean) monthOf} a {@code YYYYMMDD} field {@code b[start,end)} of a
   * byte row (UTF-8); eight ASCII digits are read without making a string.
   */
  public static java.time.YearMonth monthOf(byte[] b, int start, int end) {
    if (end - start == 8) {
      int v = eightDigits(b, start);
      if (v >= 0) {
        return isDay(v) ? java.time.YearMonth.of(v / 10000, v / 100 % 100) : null;
      }
    }
    return monthOf(new String(b, start, Math.max(0, end - start), StandardCharsets.UTF_8), false);
  }

  /**
   * Whether {@code yyyymmdd} (as {@link #eightDigits} reads it) names a real day of a year from
   * {@link #MIN_YEAR} to {@link #MAX_YEAR}; allocates nothing.
   */
  public static boolean isDay(int yyyymmdd) {
    int y = yyyymmdd / 10000;
    int m = yyyymmdd / 100 % 100;
    int d = yyyymmdd % 100;
    return y >= MIN_YEAR
        && y <= MAX_YEAR
        && m >= 1
        && m <= 12
        && d >= 1
        && d <= java.time.Month.of(m).length(java.time.Year.isLeap(y));
  }

  /** The number written by the eight bytes from {@code b[start]}, or -1 unless all ASCII digits. */
  public static int eightDigits(byte[] b, int start) {
    int v = 0;
    for (int i = start; i < start + 8; i++) {
      int c = b[i] - '0';
      if (c < 0 || c > 9) {
        return -1;
      }
      v = v * 10 + c;
    }
    return v;
  }

  /** A date written {@code YYYY-MM-DD}. */
  public static LocalDate isoDate(String v, String column) throws RowRejected {
    if (v == null
        || v.length() != 10
        || v.charAt(4) != '-'
        || v.charAt(7) != '-'
        || !digits(v.substring(0, 4) + v.substring(5, 7) + v.substring(8))) {
      throw new RowRejected("bad date", column + ": '" + show(v) + "' is not YYYY-MM-DD");
    }
    return date(
        Integer.parseInt(v.substring(0, 4)),
        Integer.parseInt(v.substring(5, 7)),
        Integer.parseInt(v.substring(8, 10)),
        v,
        column);
  }

  private static LocalDate date(int y, int m, int d, String raw, String column) throws RowRejected {
    if (y < MIN_YEAR || y > MAX_YEAR) {
      throw new RowRejected(
          "impossible date",
          column + ": '" + raw + "' (year outside " + MIN_YEAR + ".." + MAX_YEAR + ")");
    }
    try {
      return LocalDate.of(y, m, d);
    } catch (DateTimeException e) {
      throw new RowRejected("impossible date", column + ": '" + raw + "'");
    }
  }

  /** An optional non-negative integer. */
  public static Integer count(String v, String column) throws RowRejected {
    if (v == null) {
      return null;
    }
    if (!digits(v) || v.length() > 9) {
      throw new RowRejected("not a number", column + ": '" + show(v) + "' is not a count");
    }
    return Integer.valueOf(v);
  }

  /**
   * An optional finite decimal number ({@code 1.0}, {@code -3}, {@code .5}, {@code 2.5e-3}). The
   * grammar is strict: ASCII digits only, an optional sign, point and exponent; no hexadecimal
   * floats, type suffixes, NaN, infinities or spaces.
   */
  public static Double number(String v, String column) throws RowRejected {
    if (v == null) {
      return null;
    }
    if (isDecimal(v)) {
      try {
        double d = Double.parseDouble(v);
        if (Double.isFinite(d)) {
          return d;
        }
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    throw new RowRejected("not a number", column + ": '" + show(v) + "'");
  }

  /** Whether {@code v} matches {@code [+-]?(d+(.d*)?|.d+)([eE][+-]?d+)?} with ASCII digits d. */
  static boolean isDecimal(String v) {
    int n = v.length();
    int i = 0;
    if (i < n && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
      i++;
    }
    int intDigits = 0;
    while (i < n && isAsciiDigit(v.charAt(i))) {
      i++;
      intDigits++;
    }
    int fracDigits = 0;
    if (i < n && v.charAt(i) == '.') {
      i++;
      while (i < n && isAsciiDigit(v.charAt(i))) {
        i++;
        fracDigits++;
      }
    }
    if (intDigits + fracDigits == 0) {
      return false;
    }
    if (i < n && (v.charAt(i) == 'e' || v.charAt(i) == 'E')) {
      i++;
      if (i < n && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isAsciiDigit(v.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  /** Whether {@code c} is one of the ASCII digits 0-9 (not another script's digits). */
  public static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Whether an identifier is plain: no control characters and no digits other than ASCII 0-9 (a
   * Unicode digit such as '١' looks like a number and is not one).
   */
  public static boolean plainId(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isISOControl(c) || (Character.isDigit(c) && !isAsciiDigit(c))) {
        return false;
      }
    }
    return !v.isEmpty();
  }

  /** Whether {@code v} is non-empty and made of ASCII digits only. */
  public static boolean asciiDigits(String v) {
    return v != null && digits(v);
  }

  /** An optional 0/1 flag. */
  public static Boolean flag(String v, String column) throws RowRejected {
    if (v == null) {
      return null;
    }
    return switch (v) {
      case "0", "0.0", "FALSE", "false" -> Boolean.FALSE;
      case "1", "1.0", "TRUE", "true" -> Boolean.TRUE;
      default -> throw new RowRejected("not a flag", column + ": '" + show(v) + "' is not 0/1");
    };
  }

  /**
   * A CAMEO event code checked against the table, with its base and root; the source's own base and
   * root, when given, must agree with the code.
   */
  public static CameoEventType eventCode(
      Cameo cameo, String code, String base, String root, String column) throws RowRejected {
    if (code == null) {
      throw new RowRejected("missing event code", column + " is empty");
    }
    CameoEventType t = cameo.event(code).orElse(null);
    if (t == null) {
      throw new RowRejected("unknown event code", column + ": '" + show(code) + "'");
    }
    if (root != null && !root.equals(t.root())) {
      throw new RowRejected(
          "inconsistent event code", "root code '" + show(root) + "' for event code " + code);
    }
    if (base != null && !code.startsWith(base)) {
      throw new RowRejected(
          "inconsistent event code", "base code '" + show(base) + "' for event code " + code);
    }
    return t;
  }

  /** The base code of a CAMEO code: its first three digits (the root for a root code). */
  public static String baseOf(String code) {
    return code.length() > 3 ? code.substring(0, 3) : code;
  }

  /** A quad class 1..4 if given, else derived from the root under {@code mapping}. */
  public static int quad(String v, String root, QuadMapping mapping, String column)
      throws RowRejected {
    if (v == null) {
      return mapping.quadOf(root);
    }
    return switch (v) {
      case "1", "1.0" -> 1;
      case "2", "2.0" -> 2;
      case "3", "3.0" -> 3;
      case "4", "4.0" -> 4;
      default -> throw new RowRejected("bad quad class", column + ": '" + show(v) + "'");
    };
  }

  /** A Goldstein score in −10..+10 if given, else the table's value for the code. */
  public static double goldstein(Cameo cameo, String v, String code, String column)
      throws RowRejected {
    Double g = number(v, column);
    if (g == null) {
      return cameo.goldstein(code);
    }
    if (g < -10 || g > 10) {
      throw new RowRejected("out of range", column + ": " + v + " is outside -10..10");
    }
    return g;
  }

  /** A country code (normalised, SUN → RUS), or null. Codes are 3 upper-case letters or IGOs. */
  public static String country(String v, String column) throws RowRejected {
    if (v == null) {
      return null;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(c >= 'A' && c <= 'Z')) {
        throw new RowRejected("bad country code", column + ": '" + show(v) + "'");
      }
    }
    return Cameo.normaliseCountry(v);
  }

  private static boolean digits(String v) {
    if (v.isEmpty()) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      if (!isAsciiDigit(v.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** A value as a message quotes it: null as empty, long values cut at 60 characters. */
  public static String show(String v) {
    if (v == null) {
      return "";
    }
    return v.length() > 60 ? v.substring(0, 60) + "…" : v;
  }
}
