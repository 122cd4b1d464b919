package org.entente.ingest.gdelt;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 field splitting for one record: comma-separated, fields optionally double-quoted with
 * {@code ""} as an escaped quote. R's unquoted {@code NA} is a missing value; a quoted "NA" is
 * text. Returns {@code null} when the record ends inside a quoted field (it continues on the next
 * line).
 */
final class CsvSplitter {
  private CsvSplitter() {}

  /** The fields of {@code record}, missing values as {@code null}; null if a quote is open. */
  static List<String> split(String record) {
    List<String> out = new ArrayList<>(64);
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    int n = record.length();
    for (int i = 0; i < n; i++) {
      char c = record.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && record.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        out.add(value(cur, wasQuoted));
        cur.setLength(0);
        wasQuoted = false;
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    out.add(value(cur, wasQuoted));
    return out;
  }

  private static String value(StringBuilder cur, boolean wasQuoted) {
    String s = cur.toString();
    if (!wasQuoted && (s.isEmpty() || s.equals("NA"))) {
      return null;
    }
    return s;
  }
}
