package org.entente.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 field splitting of one record: comma-separated, a field may be enclosed in double quotes
 * (then it may hold commas, and {@code ""} stands for one quote). Each field keeps whether it was
 * quoted, so callers can tell R's missing value {@code NA} from the text {@code "NA"}.
 */
public final class CsvFields {
  private CsvFields() {}

  /** One field: its text (unquoted, unescaped) and whether it was enclosed in quotes. */
  public record Field(String text, boolean quoted) {}

  /**
   * The fields of {@code record}, or {@code null} when it ends inside a quoted field (the record
   * continues on the next line).
   */
  public static List<Field> split(String record) {
    List<Field> out = new ArrayList<>(64);
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
        out.add(new Field(cur.toString(), wasQuoted));
        cur.setLength(0);
        wasQuoted = false;
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    out.add(new Field(cur.toString(), wasQuoted));
    return out;
  }

  /** The texts of {@link #split}, or {@code null} when a quoted field is left open. */
  public static List<String> texts(String record) {
    List<Field> f = split(record);
    return f == null ? null : f.stream().map(Field::text).toList();
  }
}
