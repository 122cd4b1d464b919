package org.entente.ingest.gdelt;

import java.util.ArrayList;
import java.util.List;
import org.entente.ingest.CsvFields;

/**
 * GDELT CSV fields as R and pandas write them: R's unquoted {@code NA} and an unquoted empty field
 * are missing values ({@code null}); a quoted "NA" is text. Tokenising is {@link CsvFields}'.
 */
final class CsvSplitter {
  private CsvSplitter() {}

  /**
   * The fields of one physical line, or null after rejecting it to {@code sink} when a quoted field
   * is still open at its end (a quote may not span lines).
   */
  static List<String> splitOrReject(String text, long line, org.entente.ingest.RowSink sink) {
    List<String> f = split(text);
    if (f == null) {
      sink.reject(
          line,
          "unterminated quote",
          "a quoted field is still open at the end of the line (a quote may not span lines)",
          text);
    }
    return f;
  }

  /** The fields of {@code record}, missing values as {@code null}; null if a quote is open. */
  static List<String> split(String record) {
    List<CsvFields.Field> fields = CsvFields.split(record);
    if (fields == null) {
      return null;
    }
    List<String> out = new ArrayList<>(fields.size());
    for (CsvFields.Field f : fields) {
      boolean missing = !f.quoted() && (f.text().isEmpty() || f.text().equals("NA"));
      out.add(missing ? null : f.text());
    }
    return out;
  }
}
