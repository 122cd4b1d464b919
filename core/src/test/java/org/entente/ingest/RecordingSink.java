package org.entente.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.entente.model.Event;

/** A {@link RowSink} that records every outcome, for parser tests. */
public final class RecordingSink implements RowSink {
  /** One rejected row. */
  public record Reject(long line, String reason, String detail, String raw) {}

  public final List<Event> events = new ArrayList<>();
  public final List<Long> eventLines = new ArrayList<>();
  public final List<Reject> rejects = new ArrayList<>();
  public final List<org.entente.model.Mention> mentions = new ArrayList<>();
  public int filtered;

  /** {@code source:YYYY-MM} (or {@code source:null}) of each row left out by the actor filter. */
  public final List<String> filteredMonths = new ArrayList<>();

  @Override
  public void filtered(String source, java.time.YearMonth month) {
    filtered();
    filteredMonths.add(source + ":" + month);
  }

  @Override
  public void mention(org.entente.model.Mention m, long line) {
    mentions.add(m);
  }

  @Override
  public void event(Event e, long line) {
    events.add(e);
    eventLines.add(line);
  }

  @Override
  public void reject(long line, String reason, String detail, byte[] raw, int start, int end) {
    rejects.add(new Reject(line, reason, detail, Fields.lenient(raw, start, end)));
  }

  @Override
  public void reject(long line, String reason, String detail, String raw) {
    rejects.add(new Reject(line, reason, detail, raw));
  }

  @Override
  public void filtered() {
    filtered++;
  }

  /**
   * Feeds {@code body} to {@code parser} line by line, split as the ingest stage splits it, the
   * first line numbered {@code firstLine}; then calls {@link RowParser#finish}.
   */
  public static RecordingSink feed(RowParser parser, byte[] body, long firstLine) {
    RecordingSink sink = new RecordingSink();
    LineReader r = new LineReader(new ByteArrayInputStream(body), 64);
    try {
      while (r.next()) {
        parser.parse(r.buf, r.start, r.end, r.lineNumber() + firstLine - 1, sink);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    parser.finish(sink);
    return sink;
  }

  /** {@link #feed(RowParser, byte[], long)} on UTF-8 text. */
  public static RecordingSink feed(RowParser parser, String body, long firstLine) {
    return feed(parser, body.getBytes(StandardCharsets.UTF_8), firstLine);
  }

  /** Total outcomes recorded. */
  public int total() {
    return events.size() + mentions.size() + rejects.size() + filtered;
  }

  /** The only event; fails if there is not exactly one. */
  public Event single() {
    if (events.size() != 1 || !rejects.isEmpty()) {
      throw new AssertionError("expected one event, got " + events + " and rejects " + rejects);
    }
    return events.get(0);
  }

  /** The only reject; fails if there is not exactly one. */
  public Reject singleReject() {
    if (rejects.size() != 1 || !events.isEmpty()) {
      throw new AssertionError("expected one reject, got " + rejects + " and events " + events);
    }
    return rejects.get(0);
  }
}
