package org.entente.ingest;

import static org.entente.ingest.GdeltLines.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.entente.cameo.Cameo;
import org.entente.ingest.FileReport.Status;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-ingesting is idempotent: a file already in the manifest (same CRC-32C and size) is skipped,
 * and an event already stored (same source, event id and date) is counted as a duplicate.
 */
class IngestorIdempotenceTest {
  @TempDir Path tmp;

  private Path db() {
    return tmp.resolve("store.duckdb");
  }

  private FileReport ingest(Path file) {
    try (DuckDbStore s = DuckDbStore.open(db())) {
      return new Ingestor(s, Cameo.bundled())
          .ingestFile(file, IngestOptions.defaults(), IngestListener.NONE);
    }
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static String rows(int firstId, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(row(firstId + i, "20160728").v1()).append('\n');
    }
    return sb.toString();
  }

  private FileReport ingest(Path file, String... actors) {
    try (DuckDbStore s = DuckDbStore.open(db())) {
      IngestOptions o =
          new IngestOptions(
              SourceFormat.AUTO,
              ActorFilter.of(java.util.Set.of(actors)),
              org.entente.cameo.QuadMapping.GDELT);
      return new Ingestor(s, Cameo.bundled()).ingestFile(file, o, IngestListener.NONE);
    }
  }

  @Test
  void ingestFile_againWithWiderActors_loadsTheNewlyAdmittedRows() throws IOException {
    Path p =
        write(
            "mixed.tsv",
            row(1, "20160728").actors("USA", "PRK").v1()
                + "\n"
                + row(2, "20160728").actors("RUS", "PRK").v1()
                + "\n");
    FileReport narrow = ingest(p, "USA", "PRK");
    assertEquals(1, narrow.stored());
    assertEquals(1, narrow.filtered());
    FileReport same = ingest(p, "PRK", "USA");
    assertEquals(Status.SKIPPED, same.status(), "the same filter covers the file");
    FileReport subset = ingest(p, "USA", "PRK");
    assertEquals(Status.SKIPPED, subset.status());
    FileReport wider = ingest(p, "USA", "PRK", "RUS");
    assertEquals(Status.LOADED, wider.status(), wider.toString());
    assertEquals(1, wider.stored(), "the RUS-PRK row");
    assertEquals(1, wider.duplicate(), "the USA-PRK row stored the first time");
    FileReport all = ingest(p);
    assertEquals(Status.LOADED, all.status(), "no filter is wider than any filter");
    assertEquals(2, all.duplicate());
    FileReport again = ingest(p);
    assertEquals(Status.SKIPPED, again.status(), "a load without filter covers everything");
  }

  @Test
  void ingestFile_sameFileTwice_secondIsSkippedAndStoreUnchanged() throws IOException {
    Path p = write("a.tsv", rows(1, 5) + "bad\n");
    FileReport first = ingest(p);
    assertEquals(Status.LOADED, first.status());
    Map<String, List<List<String>>> before = StoreTables.snapshot(db());
    FileReport second = ingest(p);
    assertEquals(Status.SKIPPED, second.status());
    assertEquals(0, second.read());
    assertTrue(second.message().contains("already ingested"), second.message());
    assertTrue(second.message().contains(first.path()), second.message());
    assertEquals(before, StoreTables.snapshot(db()));
  }

  @Test
  void ingestFile_sameBytesUnderAnotherName_isSkipped() throws IOException {
    ingest(write("20160728.export.CSV", rows(1, 5)));
    FileReport copy = ingest(write("copy-of-export.tsv", rows(1, 5)));
    assertEquals(Status.SKIPPED, copy.status());
    assertEquals(List.of(5L, 0L, 1L), StoreTables.tableCounts(db()));
  }

  @Test
  void ingestFile_sameSizeOtherBytes_isLoaded() throws IOException {
    ingest(write("a.tsv", rows(1, 5)));
    FileReport other = ingest(write("b.tsv", rows(6, 5))); // ids 6..10: same length, other bytes
    assertEquals(Status.LOADED, other.status());
    assertEquals(5, other.stored());
    assertEquals(List.of(10L, 0L, 2L), StoreTables.tableCounts(db()));
  }

  @Test
  void ingestFile_overlappingFile_countsKnownEventsAsDuplicates() throws IOException {
    ingest(write("a.tsv", rows(1, 5)));
    FileReport r = ingest(write("b.tsv", rows(4, 5))); // ids 4..8: 4 and 5 known
    assertEquals(Status.LOADED, r.status());
    assertEquals(5, r.read());
    assertEquals(3, r.stored());
    assertEquals(2, r.duplicate());
    assertEquals(8L, StoreTables.count(db(), "SELECT count(*) FROM events"));
    assertEquals(
        List.of(List.of("2", "5", "3", "2")),
        StoreTables.rows(
            db(),
            "SELECT file_id, rows_read, rows_stored, rows_duplicate FROM files WHERE file_id ="
                + " 2"));
  }

  @Test
  void ingestFile_repeatedRowInOneFile_isStoredOnceFromItsFirstLine() throws IOException {
    FileReport r =
        ingest(
            write(
                "a.tsv",
                GdeltLines.lines(
                    row(1, "20160728").v1(),
                    row(2, "20160728").v1(),
                    row(1, "20160728").code("190").v1())));
    assertEquals(2, r.stored());
    assertEquals(1, r.duplicate());
    assertEquals(
        List.of(List.of("1", "036", "1")),
        StoreTables.rows(
            db(),
            "SELECT source_event_id, event_code, line FROM events WHERE source_event_id = '1'"));
  }

  @Test
  void ingestFile_sameIdOnAnotherDateOrFromAnotherSource_isANewEvent() throws IOException {
    // events are unique per (source, source event id, date): ICEWS ids repeat across dates
    FileReport r =
        ingest(
            write(
                "a.tsv",
                GdeltLines.lines(
                    row(1, "20160728").v1(), // gdelt1
                    row(1, "20160729").v1(), // gdelt1, other date
                    row(1, "20160728").v2()))); // gdelt2, same id and date
    assertEquals(3, r.stored());
    assertEquals(0, r.duplicate());
  }

  @Test
  void ingestBytes_sameDocumentTwice_secondIsSkipped() {
    byte[] data = rows(1, 3).getBytes(StandardCharsets.UTF_8);
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      Ingestor ing = new Ingestor(s, Cameo.bundled());
      FileReport a =
          ing.ingestBytes("bundled.tsv", data, IngestOptions.defaults(), IngestListener.NONE);
      FileReport b =
          ing.ingestBytes("bundled.tsv", data, IngestOptions.defaults(), IngestListener.NONE);
      assertEquals(Status.LOADED, a.status());
      assertEquals(3, a.stored());
      assertEquals(Status.SKIPPED, b.status());
      assertEquals(1, s.summary().files().size());
    }
  }

  @Test
  void ingestFile_zipWithLargeDirectoryIngestedTwice_isSkipped() throws IOException {
    // The manifest checksum must cover the whole file. A zip whose central directory is larger
    // than the read-ahead buffer is not read to its end by the zip reader; the second ingest
    // then compares the checksum of the whole file with that of the part read the first time.
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bo)) {
      for (int i = 0; i < 3000; i++) {
        z.putNextEntry(new ZipEntry("20160728-part-" + i + ".export.CSV"));
        z.write((row(i + 1, "20160728").v1() + "\n").getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    Path zip = tmp.resolve("parts.zip");
    Files.write(zip, bo.toByteArray());
    FileReport first = ingest(zip);
    assertEquals(Status.LOADED, first.status(), first.toString());
    assertEquals(3000, first.stored());
    String stored = StoreTables.rows(db(), "SELECT checksum FROM files").get(0).get(0);
    assertEquals(Ingestor.checksum(zip, Files.size(zip)), stored, "manifest checksum of the zip");
    FileReport second = ingest(zip);
    assertEquals(Status.SKIPPED, second.status(), second.toString());
    assertEquals(1L, StoreTables.count(db(), "SELECT count(*) FROM files"));
  }

  @Test
  void ingestFile_storeReopened_stillKnowsIngestedFiles() throws IOException {
    Path p = write("a.tsv", rows(1, 2));
    ingest(p);
    // a new store object on the same file: the manifest is persistent
    assertEquals(Status.SKIPPED, ingest(p).status());
  }
}
