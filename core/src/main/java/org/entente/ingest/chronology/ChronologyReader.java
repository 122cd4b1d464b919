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
import org.entente.ingest.Fields;
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
    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r?\n", -1);
    ChronologyParser p = new ChronologyParser(cameo, actors, ActorFilter.all(), lines[0], today);
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
              long line, String reason, String detail, byte[] raw, int start, int end) {
            problems.add(new Problem(line, reason, detail));
          }

          @Override
          public void reject(long line, String reason, String detail, String raw) {
            problems.add(new Problem(line, reason, detail));
          }

          @Override
          public void filtered() {}
        };
    for (int i = 1; i < lines.length; i++) {
      if (i == lines.length - 1 && lines[i].isEmpty()) {
        break;
      }
      byte[] b = lines[i].getBytes(StandardCharsets.UTF_8);
      if (!Fields.isUtf8(b, 0, b.length)) {
        problems.add(new Problem(i + 1, "invalid UTF-8", "the entry is not valid UTF-8"));
        continue;
      }
      p.parse(b, 0, b.length, i + 1, sink);
    }
    return new Result(List.copyOf(entries), List.copyOf(problems));
  }
}
