package org.entente.ingest.chronology;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.entente.cameo.Cameo;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.ActorResolver;
import org.entente.ingest.LineReader;
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
    // Lines are read as bytes (LineReader) and handed to the parser as they are (it checks UTF-8
    // itself): decoding the whole text, splitting it with a regular expression and encoding each
    // line again cost most of a cold start's ~0.1 s for the bundled chronology, and the decoding
    // replaced invalid bytes, which the check after it could then never see.
    byte[] b = in.readAllBytes();
    int bom =
        b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf
            ? 3
            : 0;
    LineReader lines = new LineReader(new ByteArrayInputStream(b, bom, b.length - bom), 1 << 16);
    String header =
        lines.next()
            ? new String(
                lines.bytes(),
                lines.lineStart(),
                lines.lineEnd() - lines.lineStart(),
                StandardCharsets.UTF_8)
            : "";
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
    while (lines.next()) {
      p.parse(lines.bytes(), lines.lineStart(), lines.lineEnd(), lines.lineNumber(), sink);
    }
    return new Result(List.copyOf(entries), List.copyOf(problems));
  }
}
