package org.entente.ingest;

import static org.entente.ingest.GdeltLines.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.entente.cameo.Cameo;
import org.entente.ingest.FileReport.Status;
import org.entente.store.EventStore;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many small files are committed several to a transaction ({@link Ingestor#ingest}), and the
 * outcome is that of loading them one by one: the same reports (counts, rejects, statuses, in
 * order), the same store contents row by row (manifest times aside), the same listener calls; a
 * file that fails inside a batch fails alone and the others are stored.
 */
class IngestorBatchTest {
  @TempDir Path tmp;

  /** Ten small GDELT 1.0 files sharing some keys, with a bad row in every third. */
  private List<Path> files() throws IOException {
    List<Path> out = new ArrayList<>();
    for (int f = 0; f < 10; f++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 5; i++) {
        // ids overlap between neighbouring files: keys read twice across the batch
        int id = 3 * f + i;
        sb.append(row(id, "20150301").code(f % 2 == 0 ? "036" : "190").v1()).append('\n');
      }
      if (f % 3 == 0) {
        sb.append(row(900 + f, "20150231").v1()).append('\n'); // impossible date: rejected
      }
      out.add(write("f" + f + ".tsv", sb.toString()));
    }
    return out;
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  /** A listener that records its calls. */
  private static final class Recording implements IngestListener {
    final List<String> calls = new ArrayList<>();

    @Override
    public void fileStarted(String path, long bytes) {
      calls.add("start " + path + " " + bytes);
    }

    @Override
    public void fileFinished(FileReport r) {
      calls.add("finish " + r.path() + " " + r.status());
    }
  }

  /** Ingests {@code files} into the store {@code db}, through {@code wrap}, in one call. */
  private static List<FileReport> ingestAll(
      Path db, List<Path> files, Function<EventStore, EventStore> wrap, IngestListener l) {
    try (DuckDbStore s = DuckDbStore.open(db)) {
      Ingestor in = new Ingestor(wrap.apply(s), Cameo.bundled());
      in.batchNanos = Long.MAX_VALUE; // batches close by count and bytes only: no timing
      return in.ingest(files, IngestOptions.defaults(), l);
    }
  }

  /** Ingests {@code files} into the store {@code db} one by one, each with its own call. */
  private static List<FileReport> ingestOneByOne(Path db, List<Path> files, IngestListener l) {
    List<FileReport> out = new ArrayList<>();
    try (DuckDbStore s = DuckDbStore.open(db)) {
      Ingestor in = new Ingestor(s, Cameo.bundled());
      for (Path f : files) {
        out.add(in.ingestFile(f, IngestOptions.defaults(), l));
      }
    }
    return out;
  }

  /** A report without its times (the load's, and a skipped file's prior load's), for comparing. */
  private static List<Object> counts(FileReport r) {
    return Arrays.asList(
        r.path(),
        r.format(),
        r.status(),
        r.read(),
        r.stored(),
        r.rejected(),
        r.duplicate(),
        r.filtered(),
        r.bytes(),
        r.message() == null
            ? null
            : r.message().replaceAll(", \\d{4}-\\d\\d-\\d\\dT[0-9:.]+\\)$", ")"));
  }

  private static List<List<Object>> counts(List<FileReport> rs) {
    return rs.stream().map(IngestorBatchTest::counts).toList();
  }

  /** Every table row by row, with the manifest's ingestion times left out. */
  private static Map<String, List<List<String>>> contents(Path db) {
    Map<String, List<List<String>>> s = StoreTables.snapshot(db);
    s.put("files", StoreTables.rows(db, "SELECT * EXCLUDE (ingested_at) FROM files ORDER BY ALL"));
    return s;
  }

  @Test
  void ingest_smallFiles_sameReportsStoreAndListenerCallsAsOneByOne() throws IOException {
    List<Path> files = files();
    Path batched = tmp.resolve("batched.duckdb");
    Path single = tmp.resolve("single.duckdb");
    Recording lb = new Recording();
    Recording ls = new Recording();
    List<FileReport> a = ingestAll(batched, files, s -> s, lb);
    List<FileReport> b = ingestOneByOne(single, files, ls);
    assertEquals(counts(b), counts(a));
    assertEquals(ls.calls, lb.calls);
    assertEquals(contents(single), contents(batched));
    // keys 3, 6, ... are read twice: the later file counts them as duplicates
    assertEquals(2, a.get(1).duplicate(), a.get(1).toString());
    assertEquals(1, a.get(0).rejected());
    assertEquals(10, StoreTables.count(batched, "SELECT count(*) FROM files"));
  }

  @Test
  void ingest_twoFilesInOneBatchHoldingAKey_keepsTheFirstRead() throws IOException {
    Path first = write("a.tsv", row(7, "20150301").code("036").v1() + "\n");
    Path second =
        write(
            "b.tsv",
            GdeltLines.lines(
                row(7, "20150301").code("190").v1(), row(8, "20150301").code("036").v1()));
    Path db = tmp.resolve("s.duckdb");
    List<FileReport> r = ingestAll(db, List.of(first, second), s -> s, IngestListener.NONE);
    assertEquals(List.of(1L, 0L), List.of(r.get(0).stored(), r.get(0).duplicate()));
    assertEquals(List.of(1L, 1L), List.of(r.get(1).stored(), r.get(1).duplicate()));
    assertEquals(
        List.of(List.of("7", "036"), List.of("8", "036")),
        StoreTables.rows(
            db, "SELECT source_event_id, event_code FROM events ORDER BY source_event_id"));
  }

  @Test
  void ingest_again_skipsEveryFileAndChangesNothing() throws IOException {
    List<Path> files = files();
    Path db = tmp.resolve("s.duckdb");
    ingestAll(db, files, s -> s, IngestListener.NONE);
    Map<String, List<List<String>>> before = StoreTables.snapshot(db);
    List<FileReport> again = ingestAll(db, files, s -> s, IngestListener.NONE);
    assertTrue(again.stream().allMatch(r -> r.status() == Status.SKIPPED), again.toString());
    assertEquals(before, StoreTables.snapshot(db));
  }

  @Test
  void ingest_aCopyOfAFileInTheSameBatch_isSkippedAsOneByOne() throws IOException {
    List<Path> files = new ArrayList<>(files());
    Path copy = tmp.resolve("copy-of-f2.tsv");
    Files.copy(files.get(2), copy);
    files.add(4, copy);
    List<FileReport> r = ingestAll(tmp.resolve("b.duckdb"), files, s -> s, IngestListener.NONE);
    assertEquals(Status.SKIPPED, r.get(4).status(), r.get(4).toString());
    assertTrue(r.get(4).message().contains("f2.tsv"), r.get(4).message());
    assertEquals(
        counts(ingestOneByOne(tmp.resolve("s.duckdb"), files, IngestListener.NONE)), counts(r));
  }

  @Test
  void ingest_aTruncatedFileInABatch_failsAloneAndTheOthersAreStored() throws IOException {
    List<Path> files = new ArrayList<>(files());
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(bo)) {
      for (int i = 0; i < 200; i++) {
        o.write((row(5000 + i, "20150301").v1() + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] gz = bo.toByteArray();
    Path bad = tmp.resolve("bad.tsv.gz");
    Files.write(bad, Arrays.copyOf(gz, gz.length * 2 / 3));
    files.add(5, bad);
    Path batched = tmp.resolve("batched.duckdb");
    List<FileReport> r = ingestAll(batched, files, s -> s, IngestListener.NONE);
    assertEquals(Status.FAILED, r.get(5).status());
    assertTrue(r.get(5).message().contains("truncated"), r.get(5).message());
    assertEquals(10, r.stream().filter(x -> x.status() == Status.LOADED).count());
    Path single = tmp.resolve("single.duckdb");
    assertEquals(counts(ingestOneByOne(single, files, IngestListener.NONE)), counts(r));
    assertEquals(contents(single), contents(batched));
  }

  @Test
  void ingest_aFileFailingWhileStaged_failsAloneAndTheOthersAreStored() throws IOException {
    List<Path> files = files();
    Path batched = tmp.resolve("batched.duckdb");
    AtomicInteger commits = new AtomicInteger();
    List<FileReport> r =
        ingestAll(
            batched,
            files,
            s -> FailingStores.failingFile(s, "f4.tsv", "add", false, commits),
            IngestListener.NONE);
    assertEquals(Status.FAILED, r.get(4).status(), r.get(4).toString());
    assertTrue(r.get(4).message().contains("injected failure"), r.get(4).message());
    assertEquals(1, commits.get(), "f5 to f9 in one batch, after f0 to f3 were loaded alone");
    List<Path> others = new ArrayList<>(files);
    others.remove(4);
    Path single = tmp.resolve("single.duckdb");
    ingestOneByOne(single, others, IngestListener.NONE);
    assertEquals(contents(single), contents(batched));
  }

  @Test
  void ingest_batchFailsOnCommit_rollsBackAndLoadsEachFileAlone() throws IOException {
    List<Path> files = files();
    Path batched = tmp.resolve("batched.duckdb");
    Recording lb = new Recording();
    AtomicInteger commits = new AtomicInteger();
    List<FileReport> r =
        ingestAll(
            batched, files, s -> FailingStores.failingFile(s, "none", "add", true, commits), lb);
    assertEquals(1, commits.get(), "the ten files were in one batch");
    Path single = tmp.resolve("single.duckdb");
    Recording ls = new Recording();
    assertEquals(counts(ingestOneByOne(single, files, ls)), counts(r));
    assertEquals(ls.calls, lb.calls, "each file reported once");
    assertEquals(contents(single), contents(batched));
  }

  @Test
  void ingest_jvmHaltsInTheMiddleOfABatch_keepsEveryFileCommittedBefore() throws Exception {
    List<Path> files = files();
    Path db = tmp.resolve("batched.duckdb");
    ingestAll(db, files.subList(0, 5), s -> s, IngestListener.NONE);
    Map<String, List<List<String>>> before = StoreTables.snapshot(db);
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                CrashingBatchMain.class.getName(),
                db.toString(),
                "f8.tsv"));
    files.subList(5, 10).forEach(f -> command.add(f.toString()));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the child JVM did not end");
    assertEquals(
        CrashingBatchMain.EXIT_CODE,
        p.exitValue(),
        "child output: " + Files.readString(tmp.resolve("child.log")));
    // f5 to f7 were staged in the batch, not committed: the store is as it was
    assertEquals(before, StoreTables.snapshot(db));
    List<FileReport> again = ingestAll(db, files, s -> s, IngestListener.NONE);
    assertEquals(5, again.stream().filter(r -> r.status() == Status.SKIPPED).count());
    Path single = tmp.resolve("single.duckdb");
    ingestOneByOne(single, files, IngestListener.NONE);
    assertEquals(contents(single), contents(db));
  }
}
