package org.entente.ingest.chronology;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.entente.cameo.Cameo;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.ActorResolver;
import org.entente.ingest.RowSink;
import org.entente.model.ChronologyEntry;
import org.entente.model.Event;

/** Reads a chronology document into entries and the problems of the entries that fail. */
public final class ChronologyReader {
  private ChronologyReader() {}

  /** A failing entry: its line, the reason category and the specifics naming the entry. */
  public record Problem(long line, String reason, String detail) {
    @Override
    public String toString() {
      return "line " + line + ": " + reason + ": " + detail;
    }
  }

  /** The valid entries in document order and the problems of the others. */
  public record Result(List<ChronologyEntry> entries, List<Problem> problems) {}

  /**
   * Reads the whole document.
   *
   * @param today the latest date an entry may carry
   * @throws IOException from the stream
   * @throws IllegalArgumentException if the header is not the chronology header
   */
  public static Result read(InputStream in, Cameo cameo, ActorResolver actors, LocalDate today)
      throws IOException {
    // Lines are found in the bytes and handed to the parser as they are (it checks UTF-8 itself):
    // decoding the whole text, splitting it with a regular expression and encoding each line again
    // cost most of a cold start's ~0.1 s for the bundled chronology, and the decoding replaced
    // invalid bytes, which the check after it could then never see.
    byte[] b = in.readAllBytes();
    int start =
        b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf
            ? 3
            : 0;
    int headerEnd = lineEnd(b, start);
    String header =
        new String(b, start, contentEnd(b, start, headerEnd) - start, StandardCharsets.UTF_8);
    ChronologyParser p = new ChronologyParser(cameo, actors, ActorFilter.all(), header, today);
    List<ChronologyEntry> entries = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    RowSink sink =
        new RowSink() {
          @Override
          public void event(Event e, long line) {}

          @Override
          public void entry(ChronologyEntry entry, Event e, long line) {
            entries.add(entry);
          }

          @Override
          public void reject(
              long line, String reason, String detail, byte[] raw, int from, int to) {
            problems.add(new Problem(line, reason, detail));
          }

          @Override
          public void reject(long line, String reason, String detail, String raw) {
            problems.add(new Problem(line, reason, detail));
          }

          @Override
          public void filtered() {}
        };
    long line = 1;
    for (int from = headerEnd + 1; from <= b.length; ) {
      int end = lineEnd(b, from);
      line++;
      if (end == b.length && from == b.length) {
        break; // nothing after the last line break
      }
      p.parse(b, from, contentEnd(b, from, end), line, sink);
      from = end + 1;
    }
    return new Result(List.copyOf(entries), List.copyOf(problems));
  }

  /** The index of the next '\n' from {@code from}, or the length when there is none. */
  private static int lineEnd(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return b.length;
  }

  /** {@code end} without a '\r' just before it (CRLF line ends). */
  private static int contentEnd(byte[] b, int from, int end) {
    return end > from && b[end - 1] == '\r' ? end - 1 : end;
  }
}
