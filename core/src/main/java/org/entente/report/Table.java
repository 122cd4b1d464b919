package org.entente.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rectangular result (named columns, rows of values) and its three renderings: an aligned text
 * table, RFC 4180 CSV and a JSON array of objects. Values are {@code String}, {@code Number}
 * (doubles printed with at most six decimals, NaN as an empty CSV field or JSON null), {@code
 * Boolean} or {@code null}.
 */
public final class Table {
  private final List<String> columns;
  private final List<Object[]> rows = new ArrayList<>();

  public Table(List<String> columns) {
    this.columns = List.copyOf(columns);
  }

  /** Appends a row; it must have one value per column. */
  public Table add(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          "row has " + values.length + " values for " + columns.size() + " columns");
    }
    rows.add(values.clone());
    return this;
  }

  public List<String> columns() {
    return columns;
  }

  public int size() {
    return rows.size();
  }

  /** Writes the table in the given format. */
  public void write(OutputFormat f, Writer out) {
    try {
      switch (f) {
        case CSV -> writeCsv(out);
        case JSON -> {
          writeJson(out);
          out.write('\n');
        }
        case TABLE -> writeText(out);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeCsv(Writer out) throws IOException {
    out.write(String.join(",", columns));
    out.write('\n');
    for (Object[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(csv(exactText(r[i], "")));
      }
      out.write('\n');
    }
  }

  private static String csv(String s) {
    if (s.indexOf(',') >= 0
        || s.indexOf('"') >= 0
        || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  /** Writes the rows as a JSON array of objects keyed by column name, one row per line. */
  public void writeJson(Writer out) {
    JsonOutput.writeRows(records(), 0, out);
  }

  /** The rows as maps from column name to value, in column order. */
  public List<Map<String, Object>> records() {
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < r.length; i++) {
        m.put(columns.get(i), r[i]);
      }
      out.add(m);
    }
    return out;
  }

  private void writeText(Writer out) throws IOException {
    int[] width = new int[columns.size()];
    List<String[]> cells = new ArrayList<>();
    for (int i = 0; i < width.length; i++) {
      width[i] = columns.get(i).length();
    }
    for (Object[] r : rows) {
      String[] c = new String[r.length];
      for (int i = 0; i < r.length; i++) {
        c[i] = oneLine(text(r[i], "-"));
        width[i] = Math.max(width[i], c[i].length());
      }
      cells.add(c);
    }
    StringBuilder sb = new StringBuilder();
    line(sb, columns.toArray(String[]::new), width, null);
    for (int i = 0; i < width.length; i++) {
      sb.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
    }
    sb.append('\n');
    for (int j = 0; j < rows.size(); j++) {
      line(sb, cells.get(j), width, rows.get(j));
    }
    out.write(sb.toString());
  }

  private static void line(StringBuilder sb, String[] c, int[] width, Object[] raw) {
    for (int i = 0; i < c.length; i++) {
      if (i > 0) {
        sb.append("  ");
      }
      boolean right = raw != null && raw[i] instanceof Number;
      int pad = width[i] - c[i].length();
      if (right) {
        sb.append(" ".repeat(pad)).append(c[i]);
      } else {
        sb.append(c[i]);
        if (i < c.length - 1) {
          sb.append(" ".repeat(pad));
        }
      }
    }
    sb.append('\n');
  }

  /**
   * {@code s} fit for one cell of an aligned table: a line break, tab or other control character (a
   * carriage return in a chronology title moved the terminal's cursor back over the row) is shown
   * as a space. CSV and JSON keep the text as it is, quoted or escaped.
   */
  static String oneLine(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        StringBuilder b = new StringBuilder(s.length());
        for (int j = 0; j < s.length(); j++) {
          char c = s.charAt(j);
          b.append(Character.isISOControl(c) ? ' ' : c);
        }
        return b.toString();
      }
    }
    return s;
  }

  /** Text of a value; {@code missing} for null and NaN. */
  static String text(Object v, String missing) {
    if (v == null) {
      return missing;
    }
    if (v instanceof Double d) {
      return Double.isNaN(d) ? missing : number(d);
    }
    if (v instanceof Float f) {
      return Float.isNaN(f) ? missing : number(f.doubleValue());
    }
    return Objects.toString(v);
  }

  /** Text of a value at full precision (CSV, JSON); {@code missing} for null and NaN. */
  static String exactText(Object v, String missing) {
    if (v instanceof Double d) {
      return Double.isNaN(d) ? missing : exact(d);
    }
    if (v instanceof Float f) {
      return Float.isNaN(f) ? missing : exact(f.doubleValue());
    }
    return text(v, missing);
  }

  /**
   * A double at full precision: the shortest decimal that reads back as the same double ({@link
   * Double#toString}), without trailing zeros or "-0"; plain between 1e-7 and 1e21, else with an
   * exponent ({@code 1.2E-9}, valid JSON). Used for CSV and JSON, so that a p-value of 3e-12 is not
   * printed as 0.
   */
  public static String exact(double d) {
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return "0";
    }
    BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    double a = Math.abs(d);
    return a >= 1e-7 && a < 1e21 ? b.toPlainString() : b.toString();
  }

  /** A double with at most six decimals, no exponent, no trailing zeros, no "-0" (text tables). */
  public static String number(double d) {
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    String s =
        BigDecimal.valueOf(d)
            .setScale(6, RoundingMode.HALF_EVEN)
            .stripTrailingZeros()
            .toPlainString();
    return s.equals("-0") ? "0" : s;
  }
}
