package org.entente.ingest.chronology;

import static org.entente.ingest.Samples.chronology;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entente.cameo.Cameo;
import org.entente.ingest.FileReport;
import org.entente.ingest.GdeltLines;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.ingest.Samples;
import org.entente.ingest.StoreTables;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chronology file through the ingest stage: entries stored, failing entries kept as rejects. */
class ChronologyIngestTest {
  @TempDir Path tmp;

  @Test
  void ingestFile_chronologyWithBadEntries_keepsEachRejectNamingItsEntry() throws IOException {
    String text =
        GdeltLines.lines(
            Samples.CHRONOLOGY_HEADER,
            "# comment lines are not rows",
            chronology("ok-one", "2000-07-19", "day", "RUS", "PRK", "057", "seed.tsv"),
            chronology("unknown-actor", "2000-07-19", "day", "RUS", "NKO", "057", "seed.tsv"),
            chronology("unknown-code", "2000-07-19", "day", "RUS", "PRK", "999", "seed.tsv"),
            chronology("no-source", "2000-07-19", "day", "RUS", "PRK", "057", ""),
            chronology("ok-one", "2001-08-04", "day", "RUS", "PRK", "057", "seed.tsv"),
            chronology("too-old", "1944-05-01", "day", "RUS", "PRK", "057", "seed.tsv"),
            chronology("self", "2000-07-19", "day", "PRK", "PRK", "057", "seed.tsv"),
            "",
            chronology("ok-two", "2024-06", "month", "RUS", "PRK", "057", "s"));
    Path file = tmp.resolve("chronology.tsv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Path db = tmp.resolve("store.duckdb");
    FileReport r;
    try (DuckDbStore s = DuckDbStore.open(db)) {
      r =
          new Ingestor(s, Cameo.bundled())
              .ingestFile(file, IngestOptions.defaults(), IngestListener.NONE);
    }
    assertEquals("entente", r.format());
    assertEquals(8, r.read());
    assertEquals(2, r.stored());
    assertEquals(6, r.rejected());
    // the comment and the blank line are not rows, and the report says so
    assertEquals("2 blank or comment line(s) among the data skipped", r.message());
    assertEquals(
        List.of(
            List.of("4", "unknown actor", "true"),
            List.of("5", "unknown event code", "true"),
            List.of("6", "missing source", "true"),
            List.of("7", "duplicate id", "true"),
            List.of("8", "date out of range", "true"),
            List.of("9", "same actor", "true")),
        StoreTables.rows(
            db,
            "SELECT line, reason, contains(detail, 'entry ''' || split_part(raw, chr(9), 1)"
                + " || '''') FROM rejects ORDER BY line"));
    assertEquals(
        List.of(
            List.of("chronology", "ok-one", "2000-07-19"),
            List.of("chronology", "ok-two", "2024-06-01")),
        StoreTables.rows(
            db, "SELECT source, source_event_id, event_date FROM events ORDER BY event_date"));
  }
}
