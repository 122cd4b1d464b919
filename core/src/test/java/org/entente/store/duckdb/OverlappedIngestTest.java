package org.entente.store.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.cameo.Cameo;
import org.entente.cameo.QuadMapping;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.FileReport;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.ingest.SharedData;
import org.entente.ingest.SourceFormat;
import org.entente.ingest.StoreTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parsing overlapped with storing (a large file's rows stored on a thread of their own) gives the
 * store, row for row, and the report that loading without the overlap gives: on a real GDELT 2.0
 * file made to hold duplicates (every key read twice) and malformed rows, with and without an actor
 * filter.
 */
class OverlappedIngestTest {
  @TempDir Path tmp;

  /** The real sample twice over (every key read again), with three bad rows. */
  private Path input() throws IOException {
    Path sample = SharedData.file("gdelt-v2-export-arekziobrowski", "20191024143000.export.CSV");
    List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>(lines);
    out.add(1000, "not\ta\tgdelt\trow");
    out.add(2000, lines.get(7).replace("\t2019", "\tx019"));
    out.addAll(lines);
    out.add("1\t2\t3");
    Path f = tmp.resolve("20191024143000.export.CSV");
    Files.write(f, out, StandardCharsets.UTF_8);
    return f;
  }

  private FileReport ingest(Path db, Path file, boolean overlap, ActorFilter actors) {
    try (DuckDbStore s = DuckDbStore.open(db)) {
      return new Ingestor(s, Cameo.bundled())
          .overlapFromBytes(overlap ? 0 : Long.MAX_VALUE)
          .ingestFile(
              file,
              new IngestOptions(SourceFormat.AUTO, actors, QuadMapping.GDELT),
              IngestListener.NONE);
    }
  }

  /** Every table's rows, the files table without its ingest time. */
  private static Map<String, List<List<String>>> content(Path db) {
    Map<String, List<List<String>>> all = StoreTables.snapshot(db);
    all.put(
        "files", StoreTables.rows(db, "SELECT * EXCLUDE (ingested_at) FROM files ORDER BY ALL"));
    return all;
  }

  @Test
  void overlapped_equalsSequential_tableForTable() throws IOException {
    Path f = input();
    for (ActorFilter actors : List.of(ActorFilter.all(), ActorFilter.of(Set.of("USA", "CHN")))) {
      String name = actors.keepsAll() ? "all" : "two";
      Path a = tmp.resolve(name + "-sequential.duckdb");
      Path b = tmp.resolve(name + "-overlapped.duckdb");
      FileReport ra = ingest(a, f, false, actors);
      FileReport rb = ingest(b, f, true, actors);
      assertEquals(FileReport.Status.LOADED, rb.status(), rb.toString());
      assertEquals(
          List.of(ra.read(), ra.stored(), ra.rejected(), ra.duplicate(), ra.filtered()),
          List.of(rb.read(), rb.stored(), rb.rejected(), rb.duplicate(), rb.filtered()),
          name);
      assertTrue(
          actors.keepsAll()
              ? rb.duplicate() >= 2111 && rb.rejected() >= 2
              : rb.filtered() > 4000 && rb.stored() > 0 && rb.duplicate() > 0,
          rb.toString());
      Map<String, List<List<String>>> ca = content(a);
      Map<String, List<List<String>>> cb = content(b);
      assertEquals(ca.keySet(), cb.keySet());
      for (String table : ca.keySet()) {
        // table by table, so that a failure names the table
        assertEquals(ca.get(table).size(), cb.get(table).size(), name + ": rows of " + table);
        assertTrue(ca.get(table).equals(cb.get(table)), name + ": content of " + table);
      }
    }
  }
}
