package org.entente.ingest;

import static org.entente.ingest.GdeltLines.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.entente.cameo.Cameo;
import org.entente.ingest.FileReport.Status;
import org.entente.store.EventStore;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each file is loaded in one transaction: an error or a crash in the middle of a file leaves the
 * store exactly as it was (every table compared row by row), and the store stays usable.
 */
class IngestorAtomicityTest {
  @TempDir Path tmp;
  private Path db;
  private Map<String, List<List<String>>> before;

  /** 100 rows: every tenth is bad (impossible date), the others valid, ids from firstId. */
  private static String mixedRows(int firstId) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      String day = i % 10 == 9 ? "20150231" : "20150301";
      sb.append(row(firstId + i, day).v1()).append('\n');
    }
    return sb.toString();
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @BeforeEach
  void storeWithOneFile() throws IOException {
    db = tmp.resolve("store.duckdb");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      FileReport r =
          new Ingestor(s, Cameo.bundled())
              .ingestFile(
                  write("first.tsv", mixedRows(1)), IngestOptions.defaults(), IngestListener.NONE);
      assertEquals(90, r.stored());
      assertEquals(10, r.rejected());
    }
    before = StoreTables.snapshot(db);
    assertEquals(List.of(90L, 10L, 1L), StoreTables.tableCounts(db));
  }

  private FileReport ingestFailing(Path file, String method, int okCalls) {
    try (DuckDbStore s = DuckDbStore.open(db)) {
      EventStore failing = FailingStores.failing(s, method, okCalls);
      return new Ingestor(failing, Cameo.bundled())
          .ingestFile(file, IngestOptions.defaults(), IngestListener.NONE);
    }
  }

  private FileReport ingest(Path file) {
    try (DuckDbStore s = DuckDbStore.open(db)) {
      return new Ingestor(s, Cameo.bundled())
          .ingestFile(file, IngestOptions.defaults(), IngestListener.NONE);
    }
  }

  @Test
  void ingestFile_storeFailsAfter50Events_leavesStoreAsItWas() throws IOException {
    Path second = write("second.tsv", mixedRows(1001));
    FileReport r = ingestFailing(second, "add", 50);
    assertEquals(Status.FAILED, r.status(), r.toString());
    // 50 events and 5 rejects were handed to the store before the failure on line 56
    assertTrue(r.message().contains("line 56"), r.message());
    assertTrue(r.message().contains("injected failure"), r.message());
    assertTrue(r.message().contains("nothing of this file was kept"), r.message());
    assertEquals(before, StoreTables.snapshot(db));
  }

  @Test
  void ingestFile_storeFailsOnAReject_leavesStoreAsItWas() throws IOException {
    FileReport r = ingestFailing(write("second.tsv", mixedRows(1001)), "reject", 3);
    assertEquals(Status.FAILED, r.status(), r.toString());
    assertEquals(before, StoreTables.snapshot(db));
  }

  @Test
  void ingestFile_storeFailsOnCommit_leavesStoreAsItWas() throws IOException {
    Path second = write("second.tsv", mixedRows(1001));
    try {
      FileReport r = ingestFailing(second, "commit", 0);
      assertNotEquals(Status.LOADED, r.status(), r.toString());
    } catch (FailingStores.InjectedFailure expected) {
      // a store failure on commit may also propagate: either way nothing may be kept
    }
    assertEquals(before, StoreTables.snapshot(db));
  }

  @Test
  void ingestFile_afterAFailedLoad_theStoreStillLoadsFiles() throws IOException {
    Path second = write("second.tsv", mixedRows(1001));
    try (DuckDbStore s = DuckDbStore.open(db)) {
      FileReport failed =
          new Ingestor(FailingStores.failing(s, "add", 10), Cameo.bundled())
              .ingestFile(second, IngestOptions.defaults(), IngestListener.NONE);
      assertEquals(Status.FAILED, failed.status());
      // same store object, same connection: the failed transaction must be gone
      FileReport ok =
          new Ingestor(s, Cameo.bundled())
              .ingestFile(second, IngestOptions.defaults(), IngestListener.NONE);
      assertEquals(Status.LOADED, ok.status(), ok.toString());
      assertEquals(90, ok.stored());
    }
    assertEquals(List.of(180L, 20L, 2L), StoreTables.tableCounts(db));
  }

  @Test
  void ingestFile_truncatedGzipAfterValidRows_leavesStoreAsItWas() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      sb.append(mixedRows(10_000 + 100 * i));
    }
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(bo)) {
      o.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] gz = bo.toByteArray();
    Path p = tmp.resolve("second.tsv.gz");
    Files.write(p, Arrays.copyOf(gz, gz.length * 2 / 3));
    FileReport r = ingest(p);
    assertEquals(Status.FAILED, r.status(), r.toString());
    assertTrue(r.message().contains("truncated"), r.message());
    assertEquals(before, StoreTables.snapshot(db));
  }

  @Test
  void ingestFile_jvmHaltsInTheMiddleOfAFile_leavesStoreAsItWas()
      throws IOException, InterruptedException {
    Path second = write("second.tsv", mixedRows(1001));
    haltAfter(second, 60);
    assertEquals(before, StoreTables.snapshot(db));
    // and the store opens and loads normally afterwards
    assertEquals(Status.LOADED, ingest(second).status());
    assertEquals(List.of(180L, 20L, 2L), StoreTables.tableCounts(db));
  }

  /**
   * A file loaded on its own appends its events straight to {@code events}, and DuckDB writes each
   * full row group (122,880 rows) into the database file before the commit. A crash after two of
   * them leaves those blocks in the file but not in the store: the store is as it was, its file
   * does not keep growing with them, and the file loads again in full.
   */
  @Test
  void ingestFile_jvmHaltsAfterRowGroupsWereWritten_leavesStoreAsItWas()
      throws IOException, InterruptedException {
    int rows = 300_000;
    Path big = tmp.resolve("big.tsv");
    try (java.io.BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      for (int i = 0; i < rows; i++) {
        w.write(row(100_000 + i, "20150302").v1());
        w.write('\n');
      }
    }
    Path untouched = tmp.resolve("untouched.duckdb");
    Files.copy(db, untouched);
    long sizeBefore = Files.size(db);
    haltAfter(big, 280_000); // past two full row groups of events
    long sizeCrashed = Files.size(db);
    assertTrue(
        sizeCrashed > sizeBefore,
        "the crash came before DuckDB wrote row groups to the file: "
            + sizeBefore
            + " -> "
            + sizeCrashed);
    assertEquals(before, StoreTables.snapshot(db));
    assertEquals(Status.LOADED, ingest(big).status());
    assertEquals(List.of(90L + rows, 10L, 2L), StoreTables.tableCounts(db));
    // the same load into a copy of the store that never saw the crash: the crashed load's blocks
    // were given back and reused, not kept beside the events (measured: equal sizes, 7.6 MB;
    // the crash left the file 0.5 MB larger than before it)
    Path crashed = db;
    db = untouched;
    assertEquals(Status.LOADED, ingest(big).status());
    db = crashed;
    long clean = Files.size(untouched);
    long afterCrash = Files.size(crashed);
    assertTrue(
        afterCrash <= clean + clean / 10,
        "crash then load: " + afterCrash + " bytes, a load alone: " + clean);
  }

  /** Runs {@link CrashingIngestMain} on {@code file}: the JVM halts after {@code events} adds. */
  private void haltAfter(Path file, int events) throws IOException, InterruptedException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                CrashingIngestMain.class.getName(),
                db.toString(),
                file.toString(),
                Integer.toString(events))
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
    assertEquals(
        CrashingIngestMain.EXIT_CODE,
        p.exitValue(),
        "child output: " + Files.readString(tmp.resolve("child.log")));
  }
}
