package org.entente.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.entente.cameo.Cameo;
import org.entente.ingest.FileReport;
import org.entente.ingest.GdeltLines;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --follow}: two polls of {@code lastupdate.txt} on a loopback server, each listing a new
 * file; the second file's spike of RUS–PRK events raises the one alert.
 */
class FollowTest {
  static final LocalDate DAY = LocalDate.of(2019, 10, 24);
  @TempDir Path tmp;

  /** {@code n} RUS→PRK verbal-cooperation events on {@code day}, ids from {@code id0}. */
  static List<String> events(long id0, LocalDate day, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          GdeltLines.row(id0 + i, day.format(DateTimeFormatter.BASIC_ISO_DATE))
              .actors("RUS", "PRK")
              .code("036")
              .v2());
    }
    return out;
  }

  static byte[] zip(String slot, List<String> lines) {
    return GdeltServer.zip(
        slot + ".export.CSV", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** The exports of 2019-10-24 up to 13:45 from {@code server}, into {@code tmp/gdelt}. */
  private FetchRequest caughtUpTo1345(GdeltServer server) {
    return FetchRequest.of(
            2,
            List.of("export"),
            LocalDateTime.parse("2019-10-24T00:00"),
            LocalDateTime.parse("2019-10-24T13:45"),
            tmp.resolve("gdelt"),
            server.base(),
            2,
            0)
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(1));
  }

  @Test
  void follow_twoPolls_fetchesBothFilesAndAlertsOnceOnTheSpike() throws Exception {
    Path db = tmp.resolve("s.duckdb");
    byte[] quiet = zip("20191024140000", events(1_000_000, DAY, 2));
    byte[] spike = zip("20191024141500", events(2_000_000, DAY, 40));
    List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    List<Alert> seen = new ArrayList<>();
    List<Integer> polls = new ArrayList<>();
    try (GdeltServer server = new GdeltServer();
        DuckDbStore s = DuckDbStore.open(db)) {
      // 90 quiet days before: 1 to 3 events a day
      List<String> history = new ArrayList<>();
      long id = 1;
      for (int k = 1; k <= 90; k++) {
        List<String> day = events(id, DAY.minusDays(k), k % 3 + 1);
        id += day.size();
        history.addAll(day);
      }
      Ingestor ingestor = new Ingestor(s, Cameo.bundled());
      FileReport h =
          ingestor.ingestBytes(
              "history.tsv",
              (String.join("\n", history) + "\n").getBytes(StandardCharsets.UTF_8),
              IngestOptions.defaults(),
              IngestListener.NONE);
      assertEquals(180, h.stored(), h.toString());
      String gkg =
          "1 0123456789abcdef0123456789abcdef http://data.gdeltproject.org/gdeltv2/x.gkg.csv.zip";
      server.serve(
          "/gdeltv2/lastupdate.txt",
          GdeltServer.ok(
              (GdeltServer.line("20191024140000.export.CSV.zip", quiet) + "\n" + gkg + "\n")
                  .getBytes(StandardCharsets.UTF_8)),
          GdeltServer.ok(
              (GdeltServer.line("20191024141500.export.CSV.zip", spike) + "\n" + gkg + "\n")
                  .getBytes(StandardCharsets.UTF_8)));
      server.serve("/gdeltv2/20191024140000.export.CSV.zip", GdeltServer.ok(quiet));
      server.serve("/gdeltv2/20191024141500.export.CSV.zip", GdeltServer.ok(spike));
      FetchRequest r = caughtUpTo1345(server);
      FetchListener l =
          new FetchListener() {
            @Override
            public void alert(Alert a) {
              seen.add(a);
            }

            @Override
            public void polled(int poll, int newFiles) {
              polls.add(newFiles);
            }
          };
      List<Alert> alerts =
          new GdeltFetcher(Clock.systemUTC(), sleeps::add, l)
              .follow(
                  r,
                  new Ingestion(s, ingestor, IngestOptions.defaults(), false),
                  new FollowOptions(Duration.ofMinutes(15), 3.5, 2));
      assertEquals(List.of(Duration.ofMinutes(15), Duration.ofMinutes(15)), sleeps);
      assertEquals(List.of(1, 1), polls);
      assertEquals(alerts, seen);
      assertEquals(1, alerts.size(), alerts.toString());
      Alert a = alerts.get(0);
      assertEquals(DAY, a.day());
      assertEquals("PRK-RUS", a.dyad());
      assertEquals("events", a.measure());
      assertEquals(42, a.value());
      // history: 30 days each of 1, 2 and 3 events → median 2, MAD 1
      assertEquals(2, a.median());
      assertEquals(1.4826, a.scale(), 1e-12);
      assertEquals((42 - 2) / 1.4826, a.z(), 1e-9);
      assertEquals(90, a.history());
      assertEquals(1, server.requests("/gdeltv2/20191024140000.export.CSV.zip"));
      assertEquals(1, server.requests("/gdeltv2/20191024141500.export.CSV.zip"));
    }
    String audit = Files.readString(tmp.resolve("gdelt/fetch-audit.csv"));
    assertTrue(audit.contains(",export,20191024141500,"), audit);
    assertTrue(audit.contains("downloaded; ingested"), audit);
  }

  @Test
  void follow_aPollLaterThanOneUpdate_backfillsTheMissedSlotsFromTheMasterList() throws Exception {
    // the catch-up ended at 13:45; the first poll already shows 14:30: 14:00 is fetched from the
    // master list, 14:15 (absent from it) is recorded as unlisted
    Path db = tmp.resolve("b.duckdb");
    byte[] at1400 = zip("20191024140000", events(1, DAY, 2));
    byte[] at1430 = zip("20191024143000", events(100, DAY, 3));
    List<Integer> polls = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    try (GdeltServer server = new GdeltServer();
        DuckDbStore s = DuckDbStore.open(db)) {
      server.serve(
          "/gdeltv2/lastupdate.txt",
          GdeltServer.ok(
              (GdeltServer.line("20191024143000.export.CSV.zip", at1430) + "\n")
                  .getBytes(StandardCharsets.UTF_8)));
      server.list(
          "/gdeltv2/masterfilelist.txt",
          GdeltServer.lines(
              GdeltServer.line("20191024140000.export.CSV.zip", at1400),
              GdeltServer.line("20191024143000.export.CSV.zip", at1430)));
      server.serve("/gdeltv2/20191024140000.export.CSV.zip", GdeltServer.ok(at1400));
      server.serve("/gdeltv2/20191024143000.export.CSV.zip", GdeltServer.ok(at1430));
      FetchRequest r = caughtUpTo1345(server);
      FetchListener l =
          new FetchListener() {
            @Override
            public void polled(int poll, int newFiles) {
              polls.add(newFiles);
            }

            @Override
            public void warning(String message) {
              warnings.add(message);
            }
          };
      Ingestor ingestor = new Ingestor(s, Cameo.bundled());
      new GdeltFetcher(Clock.systemUTC(), d -> {}, l)
          .follow(
              r,
              new Ingestion(s, ingestor, IngestOptions.defaults(), false),
              new FollowOptions(Duration.ofMinutes(15), 3.5, 1),
              LocalDateTime.parse("2019-10-24T13:45"));
      assertEquals(List.of(2), polls);
      assertEquals(1, server.requests("/gdeltv2/20191024140000.export.CSV.zip"));
      assertEquals(5, s.summary().eventsBySource().get(0).count());
    }
    assertTrue(
        warnings.stream().anyMatch(w -> w.startsWith("backfilling 1 file(s)")),
        warnings.toString());
    String audit = Files.readString(tmp.resolve("gdelt/fetch-audit.csv"));
    assertTrue(audit.contains(",export,20191024140000,"), audit);
    assertTrue(audit.contains(",export,20191024141500,") && audit.contains("unlisted"), audit);
  }
}
