package org.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code entente fetch gdelt} end to end: a directory served over HTTP on loopback in GDELT 2.0's
 * layout (a master list, zipped 15-minute files), exit codes, the printed counts, refusals, and
 * {@code --follow --format json}.
 */
class FetchCommandTest {
  @TempDir Path dir;
  Path served;
  HttpServer server;

  @BeforeEach
  void start() throws IOException {
    served = Files.createDirectories(dir.resolve("served"));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        x -> {
          Path p = served.resolve(x.getRequestURI().getPath().substring(1)).normalize();
          if (!p.startsWith(served) || !Files.isRegularFile(p)) {
            x.sendResponseHeaders(404, -1);
          } else {
            byte[] b = Files.readAllBytes(p);
            x.sendResponseHeaders(200, b.length);
            try (OutputStream o = x.getResponseBody()) {
              o.write(b);
            }
          }
          x.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Writes a zipped 15-minute file of these rows under served/gdeltv2; its list line. */
  String file(String slot, List<String> rows, boolean serve) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(b)) {
      z.putNextEntry(new ZipEntry(slot + ".export.CSV"));
      z.write((String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    byte[] zip = b.toByteArray();
    String name = slot + ".export.CSV.zip";
    if (serve) {
      Files.createDirectories(served.resolve("gdeltv2"));
      Files.write(served.resolve("gdeltv2").resolve(name), zip);
    }
    String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(zip));
    return zip.length + " " + md5 + " http://data.gdeltproject.org/gdeltv2/" + name;
  }

  void list(String name, String... lines) throws IOException {
    Files.createDirectories(served.resolve("gdeltv2"));
    Files.writeString(served.resolve("gdeltv2").resolve(name), String.join("\n", lines) + "\n");
  }

  static List<String> rows(long id0, LocalDate day, int n) {
    List<String> out = new ArrayList<>();
    String d = day.format(DateTimeFormatter.BASIC_ISO_DATE);
    for (int i = 0; i < n; i++) {
      out.add(CliHarness.gdelt2(id0 + i, d, "RUS", "PRK", "036", 4.0, 1));
    }
    return out;
  }

  CliHarness.Result fetch(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "fetch",
                "gdelt",
                "--dir",
                dir.resolve("gdelt").toString(),
                "--base-url",
                base(),
                "--retries",
                "0"));
    args.addAll(List.of(more));
    return CliHarness.run(args.toArray(String[]::new));
  }

  static long count(Path db, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void fetchGdelt_aMissingFile_exit1WithCountsAndTheFileNamed() throws Exception {
    LocalDate d = LocalDate.of(2024, 6, 19);
    list(
        "masterfilelist.txt",
        file("20240619000000", rows(1, d, 3), true),
        file("20240619001500", rows(10, d, 3), false));
    CliHarness.Result r = fetch("--from", "2024-06-19T00:00", "--to", "2024-06-19T00:30");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(
        r.out().contains("files: ok 1, corrupt 0, missing 1, failed 0, unlisted 1"), r.out());
    assertTrue(
        r.out().contains("missing: gdeltv2/20240619001500.export.CSV.zip: HTTP 404"), r.out());
    assertTrue(r.err().contains("fetch: 2/2 files"), r.err());
    assertTrue(Files.exists(dir.resolve("gdelt/gdeltv2/20240619000000.export.CSV.zip")));
  }

  @Test
  void fetchGdelt_nothingOfTheRangeListed_isExit1SayingSo() throws Exception {
    // an empty list, or a range outside it, gave "unlisted 8" with exit 0 (an adversarial run)
    LocalDate d = LocalDate.of(2024, 6, 19);
    list("masterfilelist.txt", file("20240619000000", rows(1, d, 3), true));
    CliHarness.Result r = fetch("--from", "2099-01-01T00:00", "--to", "2099-01-01T01:45");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("unlisted 8"), r.out());
    assertTrue(
        r.out().contains("nothing fetched: no file of the range is in the file list"), r.out());
    CliHarness.Result none = fetch("--from", "2024-06-19T00:07", "--to", "2024-06-19T00:07");
    assertEquals(1, none.exit(), none.out() + none.err());
    assertTrue(none.out().contains("the range holds no update slot"), none.out());
  }

  /**
   * A range with more files to download than --max-files is refused before anything is downloaded
   * or audited (2014-2019 instead of 2024 listed 210,337 files); files already on disk do not
   * count, and the cap raised lets the same range through.
   */
  @Test
  void fetchGdelt_moreFilesThanMaxFiles_refusedBeforeAnyDownload() throws Exception {
    LocalDate d = LocalDate.of(2024, 6, 19);
    list(
        "masterfilelist.txt",
        file("20240619000000", rows(1, d, 3), true),
        file("20240619001500", rows(10, d, 3), true),
        file("20240619003000", rows(20, d, 3), true));
    CliHarness.Result r =
        fetch("--from", "2024-06-19T00:00", "--to", "2024-06-19T00:30", "--max-files", "2");
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(
        r.err().contains("the range has 3 files to download")
            && r.err().contains("more than the cap of 2; nothing was downloaded")
            && r.err().contains("give --max-files 3 to go ahead"),
        r.err());
    assertFalse(Files.exists(dir.resolve("gdelt/gdeltv2")), "nothing downloaded");
    assertFalse(Files.exists(dir.resolve("gdelt/fetch-audit.csv")), "no audit written");

    CliHarness.Result one = fetch("--from", "2024-06-19T00:00", "--to", "2024-06-19T00:00");
    assertEquals(0, one.exit(), one.out() + one.err());
    // one of the three is on disk now: two left to download, within a cap of 2
    CliHarness.Result rest =
        fetch("--from", "2024-06-19T00:00", "--to", "2024-06-19T00:30", "--max-files", "2");
    assertEquals(0, rest.exit(), rest.out() + rest.err());
    assertTrue(rest.out().contains("files: ok 3"), rest.out());
    CliHarness.Result zero =
        fetch("--from", "2024-06-19T00:00", "--to", "2024-06-19T00:00", "--max-files", "0");
    assertEquals(2, zero.exit(), zero.err());
  }

  @Test
  void fetchGdeltIngest_exit0AndTheStoreHoldsWhatIngestGives() throws Exception {
    LocalDate d = LocalDate.of(2024, 6, 19);
    list(
        "masterfilelist.txt",
        file("20240619000000", rows(1, d, 3), true),
        file("20240619001500", rows(10, d, 4), true));
    Path a = dir.resolve("a.duckdb");
    CliHarness.Result r =
        fetch(
            "--from",
            "2024-06-19T00:00",
            "--to",
            "2024-06-19T00:15",
            "--ingest",
            "--db",
            a.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(
        r.out().contains("files: ok 2, corrupt 0, missing 0, failed 0, unlisted 0"), r.out());
    Path b = dir.resolve("b.duckdb");
    CliHarness.Result i =
        CliHarness.run("ingest", dir.resolve("gdelt/gdeltv2").toString(), "--db", b.toString());
    assertEquals(0, i.exit(), i.out() + i.err());
    String q =
        "SELECT count(*) FROM (SELECT * EXCLUDE (file_id) FROM events EXCEPT ALL SELECT *"
            + " EXCLUDE (file_id) FROM other.events)";
    assertEquals(7, count(a, "SELECT count(*) FROM events"));
    assertEquals(7, count(b, "SELECT count(*) FROM events"));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + a);
        Statement st = c.createStatement()) {
      st.execute("ATTACH '" + b + "' AS other (READ_ONLY)");
      try (ResultSet rs = st.executeQuery(q)) {
        rs.next();
        assertEquals(0, rs.getLong(1));
      }
    }
  }

  @Test
  void fetchGdeltIngest_foldsWhatAnEarlierDeferredIngestLeftPending() throws Exception {
    LocalDate d = LocalDate.of(2024, 6, 19);
    list("masterfilelist.txt", file("20240619000000", rows(1, d, 3), true));
    Path db = dir.resolve("deferred.duckdb");
    CliHarness.Result first =
        CliHarness.run(
            "ingest",
            "--defer-rollups",
            "--db",
            db.toString(),
            CliHarness.sampleExport(dir).toString());
    assertEquals(0, first.exit(), first.err());
    CliHarness.Result r =
        fetch(
            "--from",
            "2024-06-19T00:00",
            "--to",
            "2024-06-19T00:00",
            "--ingest",
            "--db",
            db.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("rollups: the events of 1 file(s) added in"), r.err());
    assertTrue(
        CliHarness.run("fold", "--db", db.toString()).out().startsWith("nothing to fold"),
        "fetch --ingest folded the deferred file");
  }

  @Test
  void fetchGdeltHelp_isTheGoldenText() throws IOException {
    try (var in = FetchCommandTest.class.getResourceAsStream("/cli/fetch-gdelt-help.txt")) {
      String golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(golden, CliHarness.run("fetch", "gdelt", "--help").out());
    }
  }

  @Test
  void fetchGdelt_userMistakes_exit2WithTheReason() throws Exception {
    Path notADir = Files.writeString(dir.resolve("notes.txt"), "mine");
    CliHarness.Result r =
        CliHarness.run(
            "fetch",
            "gdelt",
            "--from",
            "2024-06-19",
            "--to",
            "2024-06-19",
            "--dir",
            notADir.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("is not a directory"), r.err());
    assertEquals("mine", Files.readString(notADir));
    r = fetch("--from", "2024-06-19", "--to", "2024-06-19", "--tables", "export,gkg");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("unknown table 'gkg'"), r.err());
    r = fetch("--from", "2024-06-19", "--to", "2024-06-19", "--delete-after-ingest");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--delete-after-ingest needs --ingest"), r.err());
    r = fetch("--from", "19 June", "--to", "2024-06-19");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--from '19 June' is not a time"), r.err());
    r = fetch("--from", "2024-06-19", "--to", "2024-06-18");
    assertEquals(2, r.exit());
  }

  @Test
  void fetchGdeltFollow_spikeAfter90QuietDays_oneJsonAlert() throws Exception {
    LocalDate d = LocalDate.of(2024, 6, 19);
    List<String> history = new ArrayList<>();
    for (int k = 1; k <= 90; k++) {
      history.addAll(rows(1000L * k, d.minusDays(k), k % 3 + 1));
    }
    Path h = Files.write(dir.resolve("history.csv"), history);
    Path db = dir.resolve("s.duckdb");
    assertEquals(0, CliHarness.run("ingest", h.toString(), "--db", db.toString()).exit());
    list("masterfilelist.txt", file("20240619000000", rows(1, d, 2), true));
    list("lastupdate.txt", file("20240619001500", rows(500_000, d, 40), true));
    CliHarness.Result r =
        fetch(
            "--from",
            "2024-06-19T00:00",
            "--to",
            "2024-06-19T00:00",
            "--ingest",
            "--db",
            db.toString(),
            "--follow",
            "--interval",
            "1ms",
            "--max-polls",
            "1",
            "--format",
            "json");
    assertEquals(0, r.exit(), r.out() + r.err());
    List<String> alerts = r.out().lines().filter(l -> l.startsWith("{")).toList();
    assertEquals(1, alerts.size(), r.out());
    JsonNode a = new ObjectMapper().readTree(alerts.get(0));
    assertEquals("2024-06-19", a.get("day").asText());
    assertEquals("PRK-RUS", a.get("dyad").asText());
    assertEquals("events", a.get("measure").asText());
    assertEquals(42, a.get("value").asDouble());
    assertTrue(r.out().contains("follow: 1 alert"), r.out());
    assertTrue(r.err().contains("follow: poll 1: 1 new file"), r.err());
  }
}
