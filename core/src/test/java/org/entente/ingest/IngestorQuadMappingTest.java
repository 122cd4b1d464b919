package org.entente.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entente.cameo.Cameo;
import org.entente.cameo.QuadMapping;
import org.entente.ingest.FileReport.Status;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One source, one quad mapping: an ICEWS file read under the other mapping than the store's ICEWS
 * events is refused whole (a split ICEWS sample ingested under both gave PSE>ISR w3 4, w4 11,
 * matching neither mapping: 7/8 and 2/13).
 */
class IngestorQuadMappingTest {
  @TempDir Path tmp;

  private Path file(String name, String id, String code) throws IOException {
    return Files.writeString(
        tmp.resolve(name),
        GdeltLines.lines(
            Samples.ICEWS_HEADER,
            Samples.icews(
                id, "2018-06-01", "Government", "North Korea", code, "-2", "", "Russia")));
  }

  private static FileReport ingest(DuckDbStore s, Path f, QuadMapping m) {
    return new Ingestor(s, Cameo.bundled())
        .ingestFile(
            f, new IngestOptions(SourceFormat.AUTO, ActorFilter.all(), m), IngestListener.NONE);
  }

  @Test
  void ingest_secondQuadMappingIntoOneSource_refusedAndNothingKept() throws IOException {
    Path a = file("a.tab", "1", "090");
    Path b = file("b.tab", "2", "090");
    try (DuckDbStore s = DuckDbStore.open(tmp.resolve("s.duckdb"))) {
      assertEquals(Status.LOADED, ingest(s, a, QuadMapping.GDELT).status());
      FileReport refused = ingest(s, b, QuadMapping.ICEWS);
      assertEquals(Status.REFUSED, refused.status(), refused.toString());
      assertTrue(
          refused.message().contains("read with the gdelt quad mapping")
              && refused.message().contains("would mix two mappings in one source"),
          refused.message());
      assertEquals(1, s.summary().eventsBySource().get(0).count(), "only a.tab's event");
      // the same mapping is fine
      assertEquals(Status.LOADED, ingest(s, b, QuadMapping.GDELT).status());
    }
    try (DuckDbStore s = DuckDbStore.open(tmp.resolve("t.duckdb"))) {
      assertEquals(Status.LOADED, ingest(s, a, QuadMapping.ICEWS).status());
      FileReport refused = ingest(s, b, QuadMapping.GDELT);
      assertEquals(Status.REFUSED, refused.status(), refused.toString());
      assertTrue(refused.message().contains("read with the icews quad mapping"), refused.message());
    }
  }
}
