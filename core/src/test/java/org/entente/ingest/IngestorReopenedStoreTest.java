package org.entente.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.entente.cameo.Cameo;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several loads in one session on a store that already holds files (found by fetch --follow). */
class IngestorReopenedStoreTest {
  @TempDir Path tmp;

  static byte[] file(long id) {
    return GdeltLines.lines(GdeltLines.row(id, "20240619").v2()).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void ingest_twoFilesIntoAStoreOpenedWithOne_eachGetsItsOwnFileId() {
    Path db = tmp.resolve("s.duckdb");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      new Ingestor(s, Cameo.bundled())
          .ingestBytes("a.tsv", file(1), IngestOptions.defaults(), IngestListener.NONE);
    }
    try (DuckDbStore s = DuckDbStore.open(db)) {
      Ingestor in = new Ingestor(s, Cameo.bundled());
      for (long id = 2; id <= 3; id++) {
        FileReport r =
            in.ingestBytes(id + ".tsv", file(id), IngestOptions.defaults(), IngestListener.NONE);
        assertEquals(FileReport.Status.LOADED, r.status(), r.toString());
      }
    }
    assertEquals(3, StoreTables.count(db, "SELECT count(DISTINCT file_id) FROM files"));
    assertEquals(3, StoreTables.count(db, "SELECT count(*) FROM events"));
  }
}
