package org.entente.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.entente.cameo.Cameo;
import org.entente.cameo.QuadMapping;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load whose rows are stored on a thread of their own ({@link OverlappedLoad}) and fails half-way
 * keeps nothing and reports the engine's failure, as a load without the overlap does.
 */
class OverlappedFailureTest {
  @TempDir Path tmp;

  @Test
  void engineFailsAtRow1500_nothingKept_andTheReportNamesTheFailure() {
    Path f = SharedData.file("gdelt-v2-export-arekziobrowski", "20191024143000.export.CSV");
    Path db = tmp.resolve("s.duckdb");
    FileReport r;
    java.util.concurrent.atomic.AtomicReference<String> thread =
        new java.util.concurrent.atomic.AtomicReference<>();
    try (DuckDbStore real = DuckDbStore.open(db)) {
      r =
          new Ingestor(
                  FailingStores.failing(
                      real, "add", 1500, () -> thread.set(Thread.currentThread().getName())),
                  Cameo.bundled())
              .overlapFromBytes(0)
              .ingestFile(
                  f,
                  new IngestOptions(SourceFormat.AUTO, ActorFilter.all(), QuadMapping.GDELT),
                  IngestListener.NONE);
    }
    assertEquals(FileReport.Status.FAILED, r.status(), r.toString());
    assertEquals("entente-load", thread.get(), "the failing call ran on the load's own thread");
    assertTrue(r.message().contains("InjectedFailure"), r.message());
    // the row the engine failed on, not the parser's position (rows ahead of the engine)
    assertTrue(r.message().startsWith("failed at line 1501 of "), r.message());
    assertEquals(0, StoreTables.count(db, "SELECT count(*) FROM events"));
    assertEquals(0, StoreTables.count(db, "SELECT count(*) FROM files"));
    assertEquals(0, StoreTables.count(db, "SELECT count(*) FROM rejects"));
  }
}
