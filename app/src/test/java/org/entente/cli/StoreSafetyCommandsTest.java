package org.entente.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users' files are safe (issue 12): a --db that is not a store is refused untouched, the demo never
 * replaces a store it did not write, a missing store names the stores in sight, and a running
 * {@code entente serve} (a separate JVM, as in real use) shares its store with readers while a
 * writer is told why it must wait.
 */
class StoreSafetyCommandsTest {
  @TempDir Path dir;

  private Path gdeltFile() throws Exception {
    Path f = dir.resolve("20240619000000.export.CSV");
    Files.writeString(
        f,
        CliHarness.gdelt2(1, "20240619", "RUS", "PRK", "036", 4.0, 1)
            + "\n"
            + CliHarness.gdelt2(2, "20240619", "PRK", "RUS", "057", 8.0, 1)
            + "\n");
    return f;
  }

  @Test
  void ingest_dbThatIsACsvFile_exits2AndLeavesItUntouched() throws Exception {
    Path csv = dir.resolve("results.csv");
    byte[] bytes = "period,n\n2024,3\n".getBytes(StandardCharsets.UTF_8);
    Files.write(csv, bytes);
    CliHarness.Result r = CliHarness.run("ingest", "--db", csv.toString(), gdeltFile().toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("not an Entente store"), r.err());
    assertArrayEquals(bytes, Files.readAllBytes(csv));
    for (String reader : new String[] {"info", "test"}) {
      CliHarness.Result q = CliHarness.run(reader, "--db", csv.toString());
      assertEquals(2, q.exit(), reader + ": " + q.err());
    }
    assertArrayEquals(bytes, Files.readAllBytes(csv));
  }

  @Test
  void ingest_dbThatIsAnEmptyFile_exits2AndLeavesIt() throws Exception {
    // DuckDB cannot make a store in an empty file: it failed with exit 1 and its own message
    Path empty = Files.createFile(dir.resolve("made-by-mktemp"));
    for (String[] command :
        new String[][] {
          {"ingest", "--db", empty.toString(), gdeltFile().toString()},
          {"info", "--db", empty.toString()}
        }) {
      CliHarness.Result r = CliHarness.run(command);
      assertEquals(2, r.exit(), command[0] + ": " + r.err());
      assertTrue(r.err().contains("is an empty file, not a store"), r.err());
      assertEquals(0, Files.size(empty));
    }
  }

  @Test
  void demo_onAStoreItDidNotWrite_refusesAndKeepsTheStore() throws Exception {
    Path db = dir.resolve("mine.duckdb");
    assertEquals(0, CliHarness.run("ingest", "--db", db.toString(), gdeltFile().toString()).exit());
    byte[] before = Files.readAllBytes(db);
    CliHarness.Result r = CliHarness.run("demo", "--no-serve", "--db", db.toString());
    assertEquals(2, r.exit(), r.out());
    assertTrue(r.err().contains("did not write"), r.err());
    assertTrue(r.err().contains("--db entente-demo-2.duckdb"), r.err());
    assertArrayEquals(before, Files.readAllBytes(db));
    CliHarness.Result info = CliHarness.run("info", "--db", db.toString());
    assertTrue(info.out().contains("events: 2"), info.out());
  }

  @Test
  void demo_twiceOnItsOwnStore_reusesIt() {
    Path db = dir.resolve("demo.duckdb");
    assertEquals(0, CliHarness.run("demo", "--no-serve", "--db", db.toString()).exit());
    CliHarness.Result again = CliHarness.run("demo", "--no-serve", "--db", db.toString());
    assertEquals(0, again.exit(), again.err());
    assertTrue(again.out().contains("already loaded from"), again.out());
  }

  @Test
  void demo_onANonStoreFile_refusesItUntouched() throws Exception {
    Path notes = dir.resolve("notes.duckdb");
    Files.writeString(notes, "my notes\n".repeat(100));
    CliHarness.Result r = CliHarness.run("demo", "--no-serve", "--db", notes.toString());
    assertEquals(2, r.exit());
    assertEquals("my notes\n".repeat(100), Files.readString(notes));
    // a directory: its message and the demo's advice read as sentences
    CliHarness.Result d = CliHarness.run("demo", "--no-serve", "--db", dir.toString());
    assertEquals(2, d.exit());
    assertTrue(d.err().contains("not a store file. Give the demo another file"), d.err());
  }

  @Test
  void missingStore_namesTheStoresInSightAndTheDbToUse() throws Exception {
    Path demo = dir.resolve("entente-demo.duckdb");
    assertEquals(0, CliHarness.run("demo", "--no-serve", "--db", demo.toString()).exit());
    // named like stores, but none: an empty file and a link to a CSV
    Files.createFile(dir.resolve("empty.duckdb"));
    Path csv = Files.writeString(dir.resolve("t.csv"), "a,b\n1,2\n");
    Files.createSymbolicLink(dir.resolve("linked.duckdb"), csv);
    CliHarness.Result r = CliHarness.run("info", "--db", dir.resolve("entente.duckdb").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("Stores in sight: " + demo + "."), r.err());
    assertTrue(r.err().contains("--db " + demo), r.err());
  }

  @Test
  void ingest_folderOfNotesOnly_isAUsageErrorListingWhatWasSkipped() throws Exception {
    Path notes = dir.resolve("notes");
    Files.createDirectories(notes);
    Files.writeString(notes.resolve("README.md"), "# about\n");
    CliHarness.Result r =
        CliHarness.run("ingest", "--db", dir.resolve("s.duckdb").toString(), notes.toString());
    assertEquals(2, r.exit());
    assertTrue(r.out().contains("skipped: " + notes.resolve("README.md")), r.out());
    assertFalse(Files.exists(dir.resolve("s.duckdb")), "no store is created for nothing");
  }

  @Test
  void serveInAnotherProcess_readersShareTheStore_andAWriterIsToldWhy() throws Exception {
    Path db = dir.resolve("served.duckdb");
    assertEquals(0, CliHarness.run("ingest", "--db", db.toString(), gdeltFile().toString()).exit());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process server =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "org.entente.cli.Main",
                "serve",
                "--db",
                db.toString(),
                "--port",
                "0")
            .redirectErrorStream(true)
            .start();
    try {
      int port = port(server);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      HttpResponse<String> series =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/api/series?dyad=RUS-PRK"))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, series.statusCode(), series.body());
      // readers in this process while the server holds the file
      CliHarness.Result info = CliHarness.run("info", "--db", db.toString());
      assertEquals(0, info.exit(), info.err());
      assertTrue(info.out().contains("events: 2"), info.out());
      CliHarness.Result csv =
          CliHarness.run("series", "--db", db.toString(), "--dyad", "RUS-PRK", "--format", "csv");
      assertEquals(0, csv.exit(), csv.err());
      assertTrue(csv.out().contains("2024-06,RUS,PRK,2,"), csv.out());
      // a writer: a clear message, not a raw lock error, and the store is unchanged
      Path more = dir.resolve("more.CSV");
      Files.writeString(more, CliHarness.gdelt2(3, "20240620", "RUS", "PRK", "036", 4.0, 1) + "\n");
      CliHarness.Result ingest = CliHarness.run("ingest", "--db", db.toString(), more.toString());
      assertEquals(1, ingest.exit(), ingest.out());
      assertTrue(ingest.err().contains("in use by another process"), ingest.err());
      assertTrue(ingest.err().contains("stop 'entente serve' before ingesting"), ingest.err());
      assertFalse(ingest.err().contains("IO Error"), ingest.err());
    } finally {
      server.destroy();
      server.waitFor(20, TimeUnit.SECONDS);
    }
    CliHarness.Result after = CliHarness.run("info", "--db", db.toString());
    assertTrue(after.out().contains("events: 2"), after.out());
  }

  private static int port(Process server) throws Exception {
    Pattern p = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");
    BufferedReader r =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while (System.nanoTime() < deadline && (line = r.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = p.matcher(line);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError("the server did not print its address:\n" + seen);
  }
}
