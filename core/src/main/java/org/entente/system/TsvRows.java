package org.entente.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a bundled TAB-separated data file: a header that must start with the expected
 * columns, then one row per line; blank lines and lines starting with {@code #} are skipped.
 */
final class TsvRows {
  private TsvRows() {}

  /** One data row: its 1-based line number and its fields (at least as many as the columns). */
  record Row(int line, String[] fields) {}

  /**
   * Reads every row.
   *
   * @param what the file's name in messages, e.g. {@code actor registry}
   * @throws IllegalArgumentException for a wrong header or a row with too few fields, naming the
   *     line
   */
  static List<Row> read(InputStream in, String what, List<String> columns) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = r.readLine();
    if (header == null || !header.startsWith(String.join("\t", columns))) {
      throw new IllegalArgumentException(
          what + ": the header must be: " + String.join(" ", columns));
    }
    List<Row> rows = new ArrayList<>();
    String line;
    int n = 1;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < columns.size()) {
        throw new IllegalArgumentException(
            what + " line " + n + ": expected " + columns.size() + " fields");
      }
      rows.add(new Row(n, f));
    }
    return rows;
  }
}
