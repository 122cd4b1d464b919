package org.entente.ingest.rollup;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entente.ingest.CsvFields;
import org.entente.ingest.Fields;
import org.entente.ingest.RowParser;
import org.entente.ingest.RowRejected;
import org.entente.ingest.RowSink;

/**
 * The CSV side of every import format: RFC 4180 records with a header row, where a quoted field may
 * span lines (researchers' lists hold multi-line notes). A record still open after {@link
 * #MAX_LINES} lines, or at the end of the input, is rejected with the line it started on. Each
 * complete record with as many fields as the header goes to {@link #record}; a {@link RowRejected}
 * from it rejects the record with its reason.
 */
abstract class CsvImportParser implements RowParser {
  /** Physical lines one record may span. */
  static final int MAX_LINES = 200;

  private final int width;
  private final Map<String, Integer> columns = new HashMap<>();
  private final StringBuilder pending = new StringBuilder();
  private long pendingLine;
  private int pendingLines;

  /**
   * @param header the header line
   * @throws IllegalArgumentException if the header has an unterminated quote
   */
  CsvImportParser(String header) {
    List<String> names = CsvFields.texts(header);
    if (names == null) {
      throw new IllegalArgumentException("the header row has an unterminated quote");
    }
    width = names.size();
    for (int i = 0; i < names.size(); i++) {
      columns.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
    }
  }

  /** The index of a header column (case-insensitive), or -1. */
  final int column(String name) {
    return columns.getOrDefault(name.toLowerCase(Locale.ROOT), -1);
  }

  /**
   * The index of a required header column.
   *
   * @throws IllegalArgumentException naming the column and the format
   */
  final int required(String name) {
    int i = column(name);
    if (i < 0) {
      throw new IllegalArgumentException(
          "the header has no column '"
              + name
              + "' ("
              // the format's word: a parser may ask before it knows its source's name
              + formatName().split(":")[0]
              + " needs it)");
    }
    return i;
  }

  /** The header's column names, lower-case. */
  final java.util.Set<String> columnNames() {
    return columns.keySet();
  }

  /** Handles one complete record. */
  abstract void record(List<String> fields, long line, RowSink sink) throws RowRejected;

  @Override
  public final void parse(byte[] b, int start, int end, long line, RowSink sink) {
    if (!Fields.isUtf8(b, start, end)) {
      if (pendingLines > 0) {
        rejectPending(sink, "a continuation line is not valid UTF-8");
      }
      sink.reject(line, "invalid UTF-8", "the row is not valid UTF-8", b, start, end);
      return;
    }
    String text = new String(b, start, end - start, StandardCharsets.UTF_8);
    if (end > start && b[end - 1] == '\r') {
      text = text.substring(0, text.length() - 1);
    }
    if (pendingLines > 0) {
      pending.append('\n').append(text);
      pendingLines++;
    } else {
      if (text.isBlank()) {
        sink.reject(line, "blank row", "the row is empty", text);
        return;
      }
      pending.append(text);
      pendingLine = line;
      pendingLines = 1;
    }
    List<String> f = CsvFields.texts(pending.toString());
    if (f == null) {
      if (pendingLines >= MAX_LINES) {
        rejectPending(sink, "a quoted field is still open after " + MAX_LINES + " lines");
      }
      return;
    }
    String raw = pending.toString();
    long first = pendingLine;
    pending.setLength(0);
    pendingLines = 0;
    if (f.size() != width) {
      sink.reject(
          first,
          "bad column count",
          "expected " + width + " comma-separated fields as in the header, found " + f.size(),
          raw);
      return;
    }
    try {
      record(f, first, sink);
    } catch (RowRejected r) {
      sink.reject(first, r.reason(), r.detail(), raw);
    }
  }

  private void rejectPending(RowSink sink, String detail) {
    sink.reject(pendingLine, "unterminated quote", detail, pending.toString());
    pending.setLength(0);
    pendingLines = 0;
  }

  @Override
  public final void finish(RowSink sink) {
    if (pendingLines > 0) {
      rejectPending(sink, "a quoted field is still open at the end of the input");
    }
  }

  /** The trimmed field, or {@code null} when empty (or R's unquoted {@code NA}). */
  static String value(List<String> f, int i) {
    if (i < 0) {
      return null;
    }
    String v = Fields.text(f.get(i));
    return v == null || v.equals("NA") ? null : v;
  }
}
