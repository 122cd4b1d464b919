package org.entente.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.entente.cameo.Cameo;
import org.entente.ingest.FileReport;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.ingest.SharedData;
import org.entente.ingest.StoreTables;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GdeltFetcher} against a real HTTP server on loopback with GDELT 2.0's layout, serving real
 * GDELT 2.0 rows (shared/data/gdelt-v2-export-arekziobrowski, split into four 15-minute files and
 * zipped as GDELT ships them).
 */
class GdeltFetcherTest {
  static final String V2 = "/gdeltv2/";
  @TempDir Path tmp;
  GdeltServer server;
  final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  final GdeltFetcher.Sleeper sleeper = sleeps::add;
  byte[][] chunk;

  @BeforeEach
  void start() throws IOException {
    server = new GdeltServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** The real export file cut into four parts of whole lines, each zipped as GDELT does. */
  static byte[][] chunks(String... slots) throws IOException {
    Path f = SharedData.file("gdelt-v2-export-arekziobrowski", "20191024143000.export.CSV");
    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
    byte[][] out = new byte[slots.length][];
    int per = (lines.size() + slots.length - 1) / slots.length;
    for (int i = 0; i < slots.length; i++) {
      List<String> part = lines.subList(i * per, Math.min(lines.size(), (i + 1) * per));
      byte[] text = (String.join("\n", part) + "\n").getBytes(StandardCharsets.UTF_8);
      out[i] = GdeltServer.zip(slots[i] + ".export.CSV", text);
    }
    return out;
  }

  static String name(String slot) {
    return slot + ".export.CSV.zip";
  }

  /**
   * 14:00 and 14:15 good, 14:30 a 500 then the file, 14:45 a gap, 15:00 served bytes that do not
   * match the listed MD5, 15:15 listed but absent (404); a mentions and a GKG line besides.
   */
  void mixedList() throws IOException {
    chunk = chunks("20191024140000", "20191024141500", "20191024143000", "20191024150000");
    byte[] mentions = GdeltServer.zip("20191024140000.mentions.CSV", "1\t2\n".getBytes());
    byte[] wrong = chunk[3].clone();
    wrong[wrong.length / 2] ^= 1;
    server.list(
        V2 + "masterfilelist.txt",
        GdeltServer.lines(
            GdeltServer.line(name("20191024140000"), chunk[0]),
            GdeltServer.line("20191024140000.mentions.CSV.zip", mentions),
            "123 0123456789abcdef0123456789abcdef http://data.gdeltproject.org/gdeltv2/20191024140000.gkg.csv.zip",
            GdeltServer.line(name("20191024141500"), chunk[1]),
            GdeltServer.line(name("20191024143000"), chunk[2]),
            GdeltServer.line(name("20191024150000"), wrong),
            GdeltServer.line(name("20191024151500"), chunk[0]),
            GdeltServer.line(name("20191024160000"), chunk[1])));
    server.serve(V2 + name("20191024140000"), GdeltServer.ok(chunk[0]));
    server.serve(V2 + "20191024140000.mentions.CSV.zip", GdeltServer.ok(mentions));
    server.serve(V2 + name("20191024141500"), GdeltServer.ok(chunk[1]));
    server.serve(V2 + name("20191024143000"), GdeltServer.status(500), GdeltServer.ok(chunk[2]));
    server.serve(V2 + name("20191024150000"), GdeltServer.ok(chunk[3]));
  }

  FetchRequest request(String from, String to, int retries) {
    return FetchRequest.of(
            2,
            List.of("export"),
            LocalDateTime.parse(from),
            LocalDateTime.parse(to),
            tmp.resolve("gdelt"),
            server.base(),
            3,
            retries)
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(1));
  }

  FetchRequest mixedRequest() {
    return request("2019-10-24T14:00", "2019-10-24T15:15", 2);
  }

  GdeltFetcher fetcher() {
    return new GdeltFetcher(Clock.systemUTC(), sleeper, FetchListener.NONE);
  }

  static Map<String, AuditRow> bySlot(FetchOutcome o) {
    return o.rows().stream().collect(Collectors.toMap(r -> r.slot(), r -> r, (a, b) -> a));
  }

  @Test
  void fetch_mixedList_auditRecordsEveryFileAndGapAndIsIncomplete() throws Exception {
    mixedList();
    FetchOutcome o = fetcher().fetch(mixedRequest(), null);
    Map<String, AuditRow> s = bySlot(o);
    assertEquals(6, o.rows().size(), o.rows().toString());
    assertEquals(AuditRow.Status.OK, s.get("20191024140000").status());
    assertEquals(AuditRow.Status.OK, s.get("20191024141500").status());
    assertEquals(AuditRow.Status.OK, s.get("20191024143000").status());
    assertTrue(
        s.get("20191024143000").detail().contains("HTTP 500"), s.get("20191024143000").detail());
    assertEquals(AuditRow.Status.UNLISTED, s.get("20191024144500").status());
    assertEquals(AuditRow.Status.CORRUPT, s.get("20191024150000").status());
    assertEquals(AuditRow.Status.MISSING, s.get("20191024151500").status());
    assertFalse(o.complete());
    assertEquals(
        Map.of(
            AuditRow.Status.OK, 3,
            AuditRow.Status.CORRUPT, 1,
            AuditRow.Status.MISSING, 1,
            AuditRow.Status.FAILED, 0,
            AuditRow.Status.UNLISTED, 1),
        o.counts());
    Path dir = tmp.resolve("gdelt").resolve("gdeltv2");
    // verified files are kept byte for byte under the URL's path
    assertTrue(
        java.util.Arrays.equals(chunk[0], Files.readAllBytes(dir.resolve(name("20191024140000")))));
    assertTrue(
        java.util.Arrays.equals(chunk[2], Files.readAllBytes(dir.resolve(name("20191024143000")))));
    // nothing under the final name of the corrupt and the missing file, no temporary left
    assertFalse(Files.exists(dir.resolve(name("20191024150000"))));
    assertFalse(Files.exists(dir.resolve(name("20191024151500"))));
    try (var l = Files.list(dir)) {
      assertEquals(3, l.count());
    }
    // the master list was read through a temporary file that is gone
    try (var l = Files.list(tmp.resolve("gdelt"))) {
      assertEquals(
          List.of("fetch-audit.csv", "gdeltv2"),
          l.map(p -> p.getFileName().toString()).sorted().toList());
    }
    // 500 retried once; 404 never retried; the corrupt file tried 1 + 2 retries
    assertEquals(2, server.requests(V2 + name("20191024143000")));
    assertEquals(1, server.requests(V2 + name("20191024151500")));
    assertEquals(3, server.requests(V2 + name("20191024150000")));
    assertEquals(0, server.requests(V2 + "20191024140000.mentions.CSV.zip"));
    assertTrue(sleeps.contains(Duration.ofMillis(2)), "backoff doubles: " + sleeps);
    List<String> audit = Files.readAllLines(tmp.resolve("gdelt").resolve("fetch-audit.csv"));
    assertEquals("url,file,table,slot,size,md5,status,detail", audit.get(0));
    assertEquals(7, audit.size());
    assertTrue(
        audit.contains(",,export,20191024144500,,,unlisted,no file in the list"), audit.toString());
    assertTrue(
        audit.stream()
            .anyMatch(
                l ->
                    l.startsWith(
                            "http://data.gdeltproject.org/gdeltv2/20191024151500.export.CSV.zip,gdeltv2/20191024151500.export.CSV.zip,export,20191024151500,")
                        && l.contains(",missing,")),
        audit.toString());
  }

  @Test
  void fetch_rerun_requestsNoVerifiedFileAgain() throws Exception {
    mixedList();
    fetcher().fetch(mixedRequest(), null);
    server.resetCounts();
    FetchOutcome again = fetcher().fetch(mixedRequest(), null);
    assertEquals(0, server.requests(V2 + name("20191024140000")));
    assertEquals(0, server.requests(V2 + name("20191024141500")));
    assertEquals(0, server.requests(V2 + name("20191024143000")));
    // what was bad is tried again
    assertEquals(3, server.requests(V2 + name("20191024150000")));
    assertEquals(1, server.requests(V2 + name("20191024151500")));
    assertEquals("already present, verified", bySlot(again).get("20191024140000").detail());
  }

  @Test
  void fetch_rangeWithGoodFilesOnly_isComplete() throws Exception {
    mixedList();
    FetchOutcome o = fetcher().fetch(request("2019-10-24T14:00", "2019-10-24T14:30", 1), null);
    assertTrue(o.complete(), o.rows().toString());
    assertEquals(3, o.counts().get(AuditRow.Status.OK));
  }

  @Test
  void fetch_bodyStalls_readTimeoutRetriedThenFailed() throws Exception {
    chunk = chunks("20191024140000");
    server.list(
        V2 + "masterfilelist.txt", List.of(GdeltServer.line(name("20191024140000"), chunk[0])));
    server.serve(V2 + name("20191024140000"), GdeltServer.stall(chunk[0], 3000));
    FetchRequest r =
        request("2019-10-24T14:00", "2019-10-24T14:00", 1)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofMillis(1));
    FetchOutcome o = fetcher().fetch(r, null);
    AuditRow row = o.rows().get(0);
    assertEquals(AuditRow.Status.FAILED, row.status());
    assertTrue(row.detail().contains("read timeout"), row.detail());
    assertEquals(2, server.requests(V2 + name("20191024140000")));
    assertFalse(Files.exists(tmp.resolve("gdelt/gdeltv2").resolve(name("20191024140000"))));
  }

  @Test
  void fetch_headersLate_requestTimeoutIsAReadTimeout() throws Exception {
    chunk = chunks("20191024140000");
    server.list(
        V2 + "masterfilelist.txt", List.of(GdeltServer.line(name("20191024140000"), chunk[0])));
    GdeltServer.Reply late =
        x -> {
          try {
            Thread.sleep(2000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          GdeltServer.ok(chunk[0]).send(x);
        };
    server.serve(V2 + name("20191024140000"), late, GdeltServer.ok(chunk[0]));
    FetchRequest r =
        request("2019-10-24T14:00", "2019-10-24T14:00", 1)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofMillis(1));
    AuditRow row = fetcher().fetch(r, null).rows().get(0);
    assertEquals(AuditRow.Status.OK, row.status(), row.detail());
    assertTrue(row.detail().contains("read timeout"), row.detail());
  }

  @Test
  void fetch_leftoverTemporaryFile_isNotTakenForComplete() throws Exception {
    mixedList();
    Path dir = Files.createDirectories(tmp.resolve("gdelt/gdeltv2"));
    // what kill -9 leaves: the whole body under the temporary name, and a half one
    Files.write(dir.resolve("." + name("20191024140000") + ".part"), chunk[0]);
    Files.write(
        dir.resolve("." + name("20191024141500") + ".part"),
        java.util.Arrays.copyOf(chunk[1], chunk[1].length / 2));
    FetchOutcome o = fetcher().fetch(request("2019-10-24T14:00", "2019-10-24T14:15", 0), null);
    assertTrue(o.complete(), o.rows().toString());
    assertEquals(1, server.requests(V2 + name("20191024140000")));
    assertEquals(1, server.requests(V2 + name("20191024141500")));
    assertTrue(
        java.util.Arrays.equals(chunk[1], Files.readAllBytes(dir.resolve(name("20191024141500")))));
    assertFalse(Files.exists(dir.resolve("." + name("20191024141500") + ".part")));
  }

  @Test
  void fetch_fileUnderFinalNameNotMatching_isLeftUntouchedAndCorrupt() throws Exception {
    mixedList();
    Path dir = Files.createDirectories(tmp.resolve("gdelt/gdeltv2"));
    Path mine = dir.resolve(name("20191024140000"));
    Files.writeString(mine, "my own notes");
    FetchOutcome o = fetcher().fetch(request("2019-10-24T14:00", "2019-10-24T14:00", 0), null);
    assertEquals(AuditRow.Status.CORRUPT, o.rows().get(0).status());
    assertTrue(o.rows().get(0).detail().contains("left untouched"), o.rows().get(0).detail());
    assertEquals("my own notes", Files.readString(mine));
    assertEquals(0, server.requests(V2 + name("20191024140000")));
  }

  @Test
  void fetch_mentionsTable_downloadsExportAndMentions() throws Exception {
    mixedList();
    FetchRequest r =
        new FetchRequest(
            2,
            List.of("export", "mentions"),
            LocalDateTime.parse("2019-10-24T14:00"),
            LocalDateTime.parse("2019-10-24T14:15"),
            tmp.resolve("gdelt"),
            server.base(),
            2,
            0,
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofMillis(1));
    FetchOutcome o = fetcher().fetch(r, null);
    assertTrue(Files.exists(tmp.resolve("gdelt/gdeltv2/20191024140000.mentions.CSV.zip")));
    // 14:15 has no mentions file in the list: a gap of that table
    assertTrue(
        o.rows().stream()
            .anyMatch(
                x ->
                    x.table().equals("mentions")
                        && x.slot().equals("20191024141500")
                        && x.status() == AuditRow.Status.UNLISTED),
        o.rows().toString());
  }

  static Ingestion ingestion(DuckDbStore s, boolean deleteAfter) {
    return new Ingestion(
        s, new Ingestor(s, Cameo.bundled()), IngestOptions.defaults(), deleteAfter);
  }

  static List<List<String>> content(Path db) {
    List<List<String>> out = new ArrayList<>();
    out.addAll(
        StoreTables.rows(
            db,
            "SELECT e.* EXCLUDE (file_id), f.path FROM events e JOIN files f USING (file_id)"
                + " ORDER BY ALL"));
    out.addAll(
        StoreTables.rows(
            db,
            "SELECT path, bytes, checksum, format, rows_read, rows_stored, rows_rejected,"
                + " rows_duplicate, rows_filtered, actor_filter FROM files ORDER BY ALL"));
    out.addAll(StoreTables.rows(db, "SELECT * EXCLUDE (file_id) FROM rejects ORDER BY ALL"));
    return out;
  }

  @Test
  void fetch_withIngest_storeHoldsWhatIngestOfTheSameFilesGives() throws Exception {
    mixedList();
    Path fetched = tmp.resolve("fetched.duckdb");
    FetchOutcome o;
    try (DuckDbStore s = DuckDbStore.open(fetched)) {
      o = fetcher().fetch(mixedRequest(), ingestion(s, false));
    }
    assertEquals(0, o.ingestFailures());
    assertTrue(
        o.rows().stream()
            .filter(r -> r.status() == AuditRow.Status.OK)
            .allMatch(r -> r.detail().endsWith("; ingested")),
        o.rows().toString());
    Path direct = tmp.resolve("direct.duckdb");
    List<Path> files = new ArrayList<>();
    try (var l = Files.list(tmp.resolve("gdelt/gdeltv2"))) {
      l.sorted().forEach(files::add);
    }
    assertEquals(3, files.size());
    try (DuckDbStore s = DuckDbStore.open(direct)) {
      for (FileReport r :
          new Ingestor(s, Cameo.bundled())
              .ingest(files, IngestOptions.defaults(), IngestListener.NONE)) {
        assertEquals(FileReport.Status.LOADED, r.status(), r.toString());
      }
    }
    List<List<String>> a = content(fetched);
    assertTrue(StoreTables.count(fetched, "SELECT count(*) FROM events") > 1500);
    assertEquals(content(direct), a);
  }

  @Test
  void fetch_exportAndMentionsWithIngest_mentionsLinkToTheSlotsEventsWhateverFinishesFirst()
      throws Exception {
    // the export file is slow and its mentions fast: ingested in download order, a filtered store
    // would find no event for any mention
    byte[] export =
        GdeltServer.zip(
            "20191024143000.export.CSV",
            org.entente.ingest.GdeltLines.lines(
                    org.entente.ingest.GdeltLines.row(1, "20191024").actors("RUS", "PRK").v2(),
                    org.entente.ingest.GdeltLines.row(2, "20191024").actors("PRK", "CHN").v2(),
                    org.entente.ingest.GdeltLines.row(3, "20191024").actors("FRA", "DEU").v2())
                .getBytes(StandardCharsets.UTF_8));
    StringBuilder m = new StringBuilder();
    for (int id = 1; id <= 3; id++) {
      m.append(id)
          .append("\t20191024143000\t20191024143000\t1\tx.example\thttp://x.example/")
          .append(id)
          .append("\t1\t-1\t-1\t5\t1\t100\t900\t0.5\t\t\n");
    }
    byte[] mentions =
        GdeltServer.zip(
            "20191024143000.mentions.CSV", m.toString().getBytes(StandardCharsets.UTF_8));
    server.list(
        V2 + "masterfilelist.txt",
        GdeltServer.lines(
            GdeltServer.line(name("20191024143000"), export),
            GdeltServer.line("20191024143000.mentions.CSV.zip", mentions)));
    server.serve(V2 + name("20191024143000"), GdeltServer.delayed(export, 700));
    server.serve(V2 + "20191024143000.mentions.CSV.zip", GdeltServer.ok(mentions));
    FetchRequest r =
        FetchRequest.of(
                2,
                List.of("export", "mentions"),
                LocalDateTime.parse("2019-10-24T14:30"),
                LocalDateTime.parse("2019-10-24T14:30"),
                tmp.resolve("gdelt"),
                server.base(),
                2,
                0)
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(1));
    List<FileReport> reports = Collections.synchronizedList(new ArrayList<>());
    FetchListener watch =
        new FetchListener() {
          @Override
          public void ingested(FileReport report) {
            reports.add(report);
          }
        };
    Path db = tmp.resolve("six.duckdb");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      IngestOptions six = org.entente.ingest.Samples.sixStates();
      FetchOutcome o =
          new GdeltFetcher(Clock.systemUTC(), sleeper, watch)
              .fetch(r, new Ingestion(s, new Ingestor(s, Cameo.bundled()), six, false));
      assertEquals(0, o.ingestFailures(), o.rows().toString());
    }
    assertEquals(2, reports.size(), reports.toString());
    assertTrue(reports.get(0).path().endsWith(".export.CSV.zip"), reports.toString());
    FileReport mr = reports.get(1);
    assertEquals("gdelt2-mentions", mr.format());
    assertEquals(List.of(3L, 2L, 1L), List.of(mr.read(), mr.stored(), mr.filtered()));
    assertEquals(2L, StoreTables.count(db, "SELECT count(*) FROM event_mentions"));
  }

  @Test
  void fetch_deleteAfterIngest_aFileIsDeletedOnlyOnceTheAuditOnDiskRecordsIt() throws Exception {
    // kill -9 can strike between any two steps: whenever a raw file is gone, the audit on disk
    // must already hold its checksum, or a rerun would fetch it again (seen here between files;
    // the order inside a checkpoint, audit first, is pinned by the test after this one)
    mixedList();
    // the first file's download finishes last, so both are ingested in a row: a checkpoint is
    // still due between them (it used to be checked only once per finished download, which left
    // this test to the downloads' race)
    server.serve(V2 + name("20191024141500"), GdeltServer.delayed(chunk[1], 700));
    Path dir = tmp.resolve("gdelt/gdeltv2");
    Path audit = tmp.resolve("gdelt/fetch-audit.csv");
    Map<Path, String> md5 =
        Map.of(
            dir.resolve(name("20191024141500")), GdeltServer.md5(chunk[1]),
            dir.resolve(name("20191024143000")), GdeltServer.md5(chunk[2]));
    java.util.List<String> checks = new java.util.ArrayList<>();
    // a file not yet downloaded does not exist either: only a file already ingested can be gone
    // because it was deleted (downloads run on another thread and may lag behind under load)
    java.util.Set<String> ingested = new java.util.HashSet<>();
    FetchListener watch =
        new FetchListener() {
          @Override
          public void ingested(org.entente.ingest.FileReport report) {
            ingested.add(Path.of(report.path()).getFileName().toString());
            md5.forEach(
                (file, sum) -> {
                  if (ingested.contains(file.getFileName().toString()) && !Files.exists(file)) {
                    String onDisk;
                    try {
                      onDisk = Files.exists(audit) ? Files.readString(audit) : "";
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                    checks.add(
                        file.getFileName()
                            + " "
                            + onDisk.contains(sum + ",ok,ingested; raw file deleted"));
                  }
                });
          }
        };
    FetchRequest r = request("2019-10-24T14:15", "2019-10-24T14:30", 1);
    try (DuckDbStore s = DuckDbStore.open(tmp.resolve("s.duckdb"))) {
      // a checkpoint (audit, then deletions) after every file, so the first file is gone before
      // the second is ingested
      FetchOutcome o = new GdeltFetcher(ticking(), sleeper, watch).fetch(r, ingestion(s, true));
      assertTrue(o.complete(), o.rows().toString());
    }
    assertFalse(checks.isEmpty(), "a file was deleted before the run ended");
    assertTrue(checks.stream().allMatch(c -> c.endsWith(" true")), checks.toString());
    for (Path f : md5.keySet()) {
      assertFalse(Files.exists(f), f + " deleted at the end");
    }
    String written = Files.readString(audit);
    md5.values()
        .forEach(
            sum -> assertTrue(written.contains(sum + ",ok,ingested; raw file deleted"), written));
  }

  /** A clock 11 s later at every reading: the fetcher checkpoints after every file. */
  private static Clock ticking() {
    return new Clock() {
      private long millis = 1_700_000_000_000L;

      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public synchronized java.time.Instant instant() {
        millis += 11_000;
        return java.time.Instant.ofEpochMilli(millis);
      }
    };
  }

  @Test
  void fetch_deleteAfterIngest_anAuditThatCannotBeWritten_deletesNoRawFile() throws Exception {
    // the audit is written before the files it records are deleted: when writing it fails (its
    // temporary file's path is taken by a directory), every ingested raw file is still on disk
    mixedList();
    Path dir = tmp.resolve("gdelt/gdeltv2");
    Path blocker = Files.createDirectories(tmp.resolve("gdelt/.fetch-audit.csv.part/x"));
    FetchRequest r = request("2019-10-24T14:15", "2019-10-24T14:30", 1);
    java.util.List<String> ingested = new java.util.ArrayList<>();
    FetchListener watch =
        new FetchListener() {
          @Override
          public void ingested(org.entente.ingest.FileReport report) {
            ingested.add(Path.of(report.path()).getFileName().toString());
          }
        };
    try (DuckDbStore s = DuckDbStore.open(tmp.resolve("s.duckdb"))) {
      assertThrows(
          java.io.UncheckedIOException.class,
          () -> new GdeltFetcher(ticking(), sleeper, watch).fetch(r, ingestion(s, true)));
    }
    assertFalse(ingested.isEmpty(), "a file was ingested before the checkpoint");
    for (String f : ingested) {
      assertTrue(Files.exists(dir.resolve(f)), f + " kept: the audit recording it was not written");
    }
    assertTrue(Files.isDirectory(blocker));
  }

  @Test
  void fetch_deleteAfterIngest_removesOnlyDownloadedFilesAndRerunFetchesNothing() throws Exception {
    mixedList();
    Path before = ownCopy("20191024140000", chunk[0]);
    Path dir = before.getParent();
    FetchRequest r = request("2019-10-24T14:00", "2019-10-24T14:30", 1);
    Path db = tmp.resolve("s.duckdb");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      FetchOutcome o = fetcher().fetch(r, ingestion(s, true));
      assertTrue(o.complete(), o.rows().toString());
    }
    assertTrue(Files.exists(before));
    assertFalse(Files.exists(dir.resolve(name("20191024141500"))));
    assertFalse(Files.exists(dir.resolve(name("20191024143000"))));
    assertEquals(3, StoreTables.count(db, "SELECT count(*) FROM files"));
    String audit = Files.readString(tmp.resolve("gdelt/fetch-audit.csv"));
    assertTrue(audit.contains(GdeltServer.md5(chunk[1]) + ",ok,ingested; raw file deleted"), audit);
    server.resetCounts();
    try (DuckDbStore s = DuckDbStore.open(db)) {
      FetchOutcome o = fetcher().fetch(r, ingestion(s, true));
      assertTrue(o.complete(), o.rows().toString());
    }
    assertEquals(0, server.requests(V2 + name("20191024140000")));
    assertEquals(0, server.requests(V2 + name("20191024141500")));
    assertEquals(0, server.requests(V2 + name("20191024143000")));
    assertEquals(3, StoreTables.count(db, "SELECT count(*) FROM files"));
  }

  /**
   * A run stopped after a file was ingested and before the checkpoint that deletes it (as by kill
   * -9: the listener's failure ends the run before the file is due for deletion) left the raw file
   * behind, and the rerun kept it for ever. Now each download is recorded
   * (DIR/.fetch-delete-pending) once it has its final name: the rerun deletes it once ingested,
   * without fetching it again; the user's own copy of another slot is still kept.
   */
  @Test
  void fetch_deleteAfterIngest_rerunAfterAStoppedRun_deletesItsLeftoverDownloads()
      throws Exception {
    mixedList();
    Path own = ownCopy("20191024143000", chunk[2]);
    Path dir = own.getParent();
    FetchRequest r = request("2019-10-24T14:00", "2019-10-24T14:30", 1);
    Path db = tmp.resolve("s.duckdb");
    Path first = dir.resolve(name("20191024140000"));
    stoppedDeleteRun(r, db);
    assertTrue(Files.exists(first), "the stopped run's download is left");
    assertEquals(1, StoreTables.count(db, "SELECT count(*) FROM files"));
    Path record = tmp.resolve("gdelt/" + PendingDeletes.NAME);
    assertTrue(Files.readString(record).contains(first.toString()), Files.readString(record));
    server.resetCounts();
    try (DuckDbStore s = DuckDbStore.open(db)) {
      FetchOutcome o = fetcher().fetch(r, ingestion(s, true));
      assertTrue(o.complete(), o.rows().toString());
    }
    assertFalse(Files.exists(first), "deleted by the rerun once ingested");
    assertEquals(0, server.requests(V2 + name("20191024140000")), "not fetched again");
    assertFalse(Files.exists(dir.resolve(name("20191024141500"))));
    assertTrue(Files.exists(own), "the user's own copy is kept");
    assertFalse(Files.exists(record), "nothing left to delete");
    assertEquals(3, StoreTables.count(db, "SELECT count(*) FROM files"));
  }

  /** The user's own verified copy of {@code slot}'s export, put where fetch downloads it. */
  private Path ownCopy(String slot, byte[] bytes) throws IOException {
    Path file = Files.createDirectories(tmp.resolve("gdelt/gdeltv2")).resolve(name(slot));
    Files.write(file, bytes);
    return file;
  }

  /** A delete run into {@code db} stopped after its first ingest, which leaves that download. */
  /** Fetches {@code r} into the store {@code db}, ingesting (and deleting or not), to the end. */
  private void fetchCompletely(FetchRequest r, Path db, boolean delete) throws Exception {
    try (DuckDbStore s = DuckDbStore.open(db)) {
      assertTrue(fetcher().fetch(r, ingestion(s, delete)).complete());
    }
  }

  private void stoppedDeleteRun(FetchRequest r, Path db) throws Exception {
    FetchListener stop =
        new FetchListener() {
          @Override
          public void ingested(org.entente.ingest.FileReport report) {
            throw new IllegalStateException("stopped after " + report.path());
          }
        };
    try (DuckDbStore s = DuckDbStore.open(db)) {
      org.junit.jupiter.api.Assertions.assertThrows(
          IllegalStateException.class,
          () -> new GdeltFetcher(Clock.systemUTC(), sleeper, stop).fetch(r, ingestion(s, true)));
    }
  }

  /**
   * Review findings on the record of a stopped run's downloads: a copy the user put at a recorded
   * path (same bytes) is kept; a run without --delete-after-ingest drops the record, so its files
   * are kept by later delete runs too (they were already there); a damaged record (a NUL, bytes
   * that are not UTF-8) is dropped with a warning instead of stopping every delete run.
   */
  @Test
  void fetch_deleteAfterIngest_recordOfAStoppedRun_neverDeletesFilesItDidNotDownload()
      throws Exception {
    mixedList();
    FetchRequest r = request("2019-10-24T14:00", "2019-10-24T14:30", 1);
    Path dir = tmp.resolve("gdelt/gdeltv2");
    Path first = dir.resolve(name("20191024140000"));
    Path record = tmp.resolve("gdelt/" + PendingDeletes.NAME);
    // the user puts their own copy of the same bytes and modification time in place of the
    // leftover: restored as by cp -p (which may reuse the inode), or rewritten in place
    Path backup = tmp.resolve("backup.zip");
    for (String how : List.of("restored", "rewritten")) {
      Path db = tmp.resolve(how + ".duckdb");
      stoppedDeleteRun(r, db);
      Files.copy(first, backup, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      Thread.sleep(20); // another change time, whatever the file system's resolution
      if (how.equals("restored")) {
        Files.delete(first);
        Files.copy(backup, first, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      } else {
        Files.write(first, Files.readAllBytes(backup));
        Files.setLastModifiedTime(first, Files.getLastModifiedTime(backup));
      }
      Files.delete(backup);
      fetchCompletely(r, db, true);
      assertTrue(Files.exists(first), "the user's copy is kept: " + how);
      assertFalse(Files.exists(dir.resolve(name("20191024141500"))), "the run's download deleted");
      Files.delete(first);
    }
    // a run that keeps its raw files drops the record: the files are then already there
    stoppedDeleteRun(r, tmp.resolve("b.duckdb"));
    assertTrue(Files.exists(record));
    fetchCompletely(r, tmp.resolve("b.duckdb"), false);
    assertFalse(Files.exists(record), "dropped by a run without --delete-after-ingest");
    fetchCompletely(r, tmp.resolve("c.duckdb"), true);
    for (String slot : List.of("20191024140000", "20191024141500", "20191024143000")) {
      assertTrue(Files.exists(dir.resolve(name(slot))), slot + " kept");
    }
    // a damaged record: dropped with a warning, the run goes on
    // a NUL in a path, a line without a TAB (both unreadable), a byte that is not UTF-8
    Files.write(
        record, new byte[] {'/', 'x', 0, '\t', '1', '\n', 'x', '\n', (byte) 0xC3, '\t', '\n'});
    List<String> warnings = new ArrayList<>();
    FetchListener warn =
        new FetchListener() {
          @Override
          public void warning(String message) {
            warnings.add(message);
          }
        };
    try (DuckDbStore s = DuckDbStore.open(tmp.resolve("d.duckdb"))) {
      FetchOutcome o =
          new GdeltFetcher(Clock.systemUTC(), sleeper, warn).fetch(r, ingestion(s, true));
      assertTrue(o.complete(), o.rows().toString());
    }
    assertTrue(
        warnings.stream().anyMatch(w -> w.contains("2 line(s) could not be read")),
        warnings.toString());
    for (String slot : List.of("20191024140000", "20191024141500", "20191024143000")) {
      assertTrue(Files.exists(dir.resolve(name(slot))), slot + " kept");
    }
  }

  @Test
  void fetch_deleteAfterIngest_rerunIntoAnotherStore_fetchesTheDeletedFilesAgain()
      throws Exception {
    // the audit's "ingested; raw file deleted" was trusted whatever the store: a rerun into a new
    // store skipped those slots and left it empty, with exit 0
    mixedList();
    FetchRequest r = request("2019-10-24T14:00", "2019-10-24T14:30", 1);
    Path first = tmp.resolve("first.duckdb");
    fetchCompletely(r, first, true);
    long events = StoreTables.count(first, "SELECT count(*) FROM events");
    assertTrue(events > 0);
    server.resetCounts();
    Path second = tmp.resolve("second.duckdb");
    try (DuckDbStore s = DuckDbStore.open(second)) {
      FetchOutcome o = fetcher().fetch(r, ingestion(s, true));
      assertTrue(o.complete(), o.rows().toString());
    }
    assertEquals(1, server.requests(V2 + name("20191024141500")), "fetched again");
    assertEquals(events, StoreTables.count(second, "SELECT count(*) FROM events"));
    // into the first store again: it holds them, so nothing is fetched; the store is asked once
    // for the manifest rows of the slots' sizes, not once a slot (a range of years has 10^5 slots)
    server.resetCounts();
    java.util.Map<String, Integer> calls = new java.util.TreeMap<>();
    try (DuckDbStore s = DuckDbStore.open(first)) {
      org.entente.store.EventStore counted =
          (org.entente.store.EventStore)
              java.lang.reflect.Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {org.entente.store.EventStore.class},
                  (proxy, m, args) -> {
                    calls.merge(m.getName(), 1, Integer::sum);
                    try {
                      return m.invoke(s, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
      Ingestion ing =
          new Ingestion(
              counted, new Ingestor(counted, Cameo.bundled()), IngestOptions.defaults(), true);
      assertTrue(fetcher().fetch(r, ing).complete());
    }
    assertEquals(1, calls.get("filesWithSizes"), calls.toString());
    assertEquals(null, calls.get("filesWithSize"), calls.toString());
    assertEquals(0, server.requests(V2 + name("20191024141500")));
    assertEquals(events, StoreTables.count(first, "SELECT count(*) FROM events"));
  }

  @Test
  void fetch_gdelt1_yearlyAndMonthlyFilesFromAMirrorWithAPath_areFetchedAndIngested()
      throws Exception {
    // a yearly or monthly slot crashed the ingest (its slot has no day), and a --base-url with
    // a path of its own was repeated in every file's URL (/mirror/mirror/events/...)
    chunk = chunks("2005", "200601");
    String md5s =
        GdeltServer.md5(chunk[0]) + "  2005.zip\n" + GdeltServer.md5(chunk[1]) + "  200601.zip\n";
    String sizes = chunk[0].length + " 2005.zip\n" + chunk[1].length + " 200601.zip\n";
    server.serve("/mirror/events/md5sums", GdeltServer.ok(md5s.getBytes()));
    server.serve("/mirror/events/filesizes", GdeltServer.ok(sizes.getBytes()));
    server.serve("/mirror/events/2005.zip", GdeltServer.ok(chunk[0]));
    server.serve("/mirror/events/200601.zip", GdeltServer.ok(chunk[1]));
    FetchRequest r =
        FetchRequest.of(
                1,
                List.of("export"),
                LocalDateTime.parse("2005-01-01T00:00"),
                LocalDateTime.parse("2006-01-31T23:59"),
                tmp.resolve("gdelt"),
                URI.create(server.base() + "/mirror"),
                2,
                0)
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(1));
    Path db = tmp.resolve("v1.duckdb");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      FetchOutcome o = fetcher().fetch(r, ingestion(s, false));
      Map<String, AuditRow> rows = bySlot(o);
      assertEquals(AuditRow.Status.OK, rows.get("2005").status(), rows.toString());
      assertEquals(AuditRow.Status.OK, rows.get("200601").status(), rows.toString());
    }
    assertEquals(1, server.requests("/mirror/events/2005.zip"));
    assertTrue(Files.exists(tmp.resolve("gdelt/events/2005.zip")));
    assertTrue(Files.exists(tmp.resolve("gdelt/events/200601.zip")));
    assertEquals(2, StoreTables.count(db, "SELECT count(*) FROM files"));
    assertTrue(StoreTables.count(db, "SELECT count(*) FROM events") > 0);
  }

  @Test
  void fetch_gdelt1_selectsDailyMonthlyAndYearlyFilesFromMd5sumsAndFilesizes() throws Exception {
    chunk = chunks("20130401");
    byte[] daily = chunk[0];
    String md5s =
        String.join(
            "\n",
            GdeltServer.md5(daily) + "  20130401.export.CSV.zip",
            GdeltServer.md5("m".getBytes()) + "  201303.zip",
            GdeltServer.md5("y".getBytes()) + "  2005.zip",
            GdeltServer.md5("y".getBytes()) + "  2004.zip",
            GdeltServer.md5("g".getBytes()) + "  GDELT.MASTERREDUCEDV2.1979-2013.zip",
            "");
    String sizes =
        String.join(
            "\n", daily.length + " 20130401.export.CSV.zip", "1 201303.zip", "1 2005.zip", "");
    server.serve("/events/md5sums", GdeltServer.ok(md5s.getBytes()));
    server.serve("/events/filesizes", GdeltServer.ok(sizes.getBytes()));
    server.serve("/events/20130401.export.CSV.zip", GdeltServer.ok(daily));
    server.serve("/events/201303.zip", GdeltServer.ok("m".getBytes()));
    server.serve("/events/2005.zip", GdeltServer.ok("y".getBytes()));
    FetchRequest r =
        FetchRequest.of(
                1,
                List.of("export"),
                LocalDateTime.parse("2005-12-31T00:00"),
                LocalDateTime.parse("2013-04-02T23:59"),
                tmp.resolve("gdelt"),
                server.base(),
                2,
                0)
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(1));
    FetchOutcome o = fetcher().fetch(r, null);
    Map<String, AuditRow> s = bySlot(o);
    assertEquals(AuditRow.Status.OK, s.get("20130401").status());
    assertEquals(AuditRow.Status.OK, s.get("201303").status());
    assertEquals(AuditRow.Status.OK, s.get("2005").status());
    assertFalse(s.containsKey("2004"), "2004 is out of range");
    assertEquals(AuditRow.Status.UNLISTED, s.get("20130402").status());
    assertEquals(AuditRow.Status.UNLISTED, s.get("200601").status());
    // 2005 + 87 months 2006-01..2013-03 + 2 days
    assertEquals(1 + 87 + 2, o.rows().size());
    assertTrue(Files.exists(tmp.resolve("gdelt/events/20130401.export.CSV.zip")));
    assertTrue(Files.exists(tmp.resolve("gdelt/events/2005.zip")));
  }

  @Test
  void fetch_masterListUnreachable_failsNamingTheUrl() {
    java.io.UncheckedIOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.io.UncheckedIOException.class,
            () -> fetcher().fetch(request("2019-10-24T14:00", "2019-10-24T14:00", 0), null));
    assertTrue(e.getMessage().contains("/gdeltv2/masterfilelist.txt"), e.getMessage());
    assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    assertNotNull(server);
  }
}
