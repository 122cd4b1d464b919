package org.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands of the web issue: demo (without serving), report, and serve's usage errors. */
class WebCommandsTest {
  @TempDir Path dir;

  @Test
  void demo_noServe_printsAndExits() {
    CliHarness.Result r =
        CliHarness.run("demo", "--no-serve", "--db", dir.resolve("demo.duckdb").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("RUS-PRK by year"), r.out());
    assertTrue(r.out().contains("Explore the demo store:"), r.out());
    assertTrue(r.out().contains("entente test all --db "), r.out());
  }

  @Test
  void report_demoStore_writesOneHtmlFile() throws Exception {
    Path db = dir.resolve("demo.duckdb");
    assertEquals(0, CliHarness.run("demo", "--no-serve", "--db", db.toString()).exit());
    Path out = dir.resolve("report");
    CliHarness.Result r = CliHarness.run("report", "--db", db.toString(), "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    Path file = out.resolve("entente-report.html");
    assertTrue(Files.size(file) > 100_000);
    assertTrue(r.out().contains(file.getFileName().toString()), r.out());
  }

  @Test
  void report_intoADirectoryThatCannotBeMade_isExit1NamingIt_notAnInternalError() throws Exception {
    Path db = dir.resolve("demo.duckdb");
    assertEquals(0, CliHarness.run("demo", "--no-serve", "--db", db.toString()).exit());
    Path file = Files.writeString(dir.resolve("a-file"), "user's");
    Path out = file.resolve("sub"); // a directory under a regular file cannot be made
    CliHarness.Result r = CliHarness.run("report", "--db", db.toString(), "--out", out.toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("cannot write the report in " + out.toAbsolutePath()), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
    assertEquals("user's", Files.readString(file));
  }

  @Test
  void serve_hostThatIsNotOneOfThisMachine_isAUsageErrorAboutTheHost() throws Exception {
    // both were reported as "--port: ... Port already in use"
    Path db = dir.resolve("demo.duckdb");
    assertEquals(0, CliHarness.run("demo", "--no-serve", "--db", db.toString()).exit());
    CliHarness.Result bad =
        CliHarness.run("serve", "--db", db.toString(), "--host", "999.1.1.1", "--port", "0");
    assertEquals(2, bad.exit(), bad.err());
    assertTrue(bad.err().contains("--host: '999.1.1.1' is neither an IP address"), bad.err());
    // TEST-NET-1 (RFC 5737): an address, but not of this machine
    CliHarness.Result foreign =
        CliHarness.run("serve", "--db", db.toString(), "--host", "192.0.2.1", "--port", "0");
    assertEquals(2, foreign.exit(), foreign.err());
    assertTrue(
        foreign.err().contains("--host: 192.0.2.1 is not an address of this machine"),
        foreign.err());
  }

  @Test
  void report_missingStore_isAUsageError() {
    CliHarness.Result r = CliHarness.run("report", "--db", dir.resolve("none.duckdb").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("no store"), r.err());
  }

  @Test
  void serve_badPortOrMissingStore_isAUsageError() {
    assertEquals(2, CliHarness.run("serve", "--port", "70000").exit());
    CliHarness.Result r = CliHarness.run("serve", "--db", dir.resolve("none.duckdb").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("no store"), r.err());
    assertEquals(2, CliHarness.run("demo", "--port", "-1").exit());
  }
}
