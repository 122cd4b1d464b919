package org.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages a user meets after a mistake name the value and what is wrong, in the tool's words: no
 * Java class names, no "null", no half-printed output (each case was found by an adversarial run).
 */
class UserMessagesTest {
  @TempDir Path dir;

  /**
   * A file whose every row is rejected stored nothing: exit 1 with the reason, as import does
   * ({@code --format gdelt1} on a GDELT 2.0 export rejected its 2,111 rows with exit 0).
   */
  @Test
  void ingest_everyRowRejected_exit1SayingSo() throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("v2.CSV"),
            CliHarness.gdelt2(1, "20191024", "RUS", "PRK", "036", 4.0, 1)
                + "\n"
                + CliHarness.gdelt2(2, "20191024", "USA", "PRK", "111", -2.0, 3)
                + "\n");
    String db = dir.resolve("all-rejected.duckdb").toString();
    CliHarness.Result r = CliHarness.run("ingest", "--db", db, "--format", "gdelt1", f.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(
        r.err().contains("nothing of " + f + " was stored: all its 2 rows were rejected"), r.err());
    CliHarness.Result ok = CliHarness.run("ingest", "--db", db, f.toString());
    assertEquals(0, ok.exit(), ok.out() + ok.err());
  }

  /** --from/--to inside a quarter or year: exit 2 naming the whole period's bound. */
  @Test
  void rangeCuttingAPeriod_exit2NamingTheBound() throws Exception {
    String db = dir.resolve("cut.duckdb").toString();
    assertEquals(0, CliHarness.run("demo", "--db", db, "--no-serve").exit());
    CliHarness.Result s =
        CliHarness.run(
            "series", "--db", db, "--dyad", "USA-RUS", "--freq", "quarter", "--from", "2011-08");
    assertEquals(2, s.exit(), s.err());
    assertTrue(s.err().contains("--from 2011-08 starts inside a quarter"), s.err());
    CliHarness.Result t =
        CliHarness.run("triangle", "USA,CHN,RUS", "--db", db, "--freq", "year", "--to", "2013-01");
    assertEquals(2, t.exit(), t.err());
    assertTrue(t.err().contains("give 2013-12"), t.err());
    assertEquals(
        0,
        CliHarness.run(
                "series", "--db", db, "--dyad", "USA-RUS", "--freq", "year", "--from", "2012")
            .exit());
  }

  @Test
  void unknownQuadMapping_namesTheAcceptedValues() throws Exception {
    CliHarness.Result r =
        CliHarness.run(
            "ingest",
            "--db",
            dir.resolve("s.duckdb").toString(),
            "--quad-mapping",
            "nope",
            CliHarness.sampleExport(dir).toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--quad-mapping: 'nope' is not one of gdelt, icews"), r.err());
    assertFalse(r.err().contains("enum constant"), r.err());
    assertTrue(Files.notExists(dir.resolve("s.duckdb")), "nothing made");
  }

  @Test
  void negativeDyadCount_isRefusedBeforeAnyOutput() throws Exception {
    String db = dir.resolve("s.duckdb").toString();
    assertEquals(
        0, CliHarness.run("ingest", "--db", db, CliHarness.sampleExport(dir).toString()).exit());
    CliHarness.Result r = CliHarness.run("info", "--db", db, "--dyads", "-1");
    assertEquals(2, r.exit(), r.err());
    assertEquals("", r.out(), "was half the report, then 'entente: -1'");
    assertTrue(r.err().contains("--dyads: '-1' is not a count"), r.err());
  }

  @Test
  void importWithAColumnMissing_namesTheFormatNotNull() throws Exception {
    Path csv = Files.writeString(dir.resolve("counts.csv"), "year,source,target\n2010,RUS,PRK\n");
    CliHarness.Result r =
        CliHarness.run(
            "import",
            "icews-dyad-year",
            csv.toString(),
            "--db",
            dir.resolve("s.duckdb").toString());
    assertEquals(2, r.exit(), r.out() + r.err()); // the file is not of the format named
    String all = r.out() + r.err();
    assertTrue(all.contains("(icews-dyad-year needs it)"), all);
    assertFalse(all.contains(":null"), all);
  }

  @Test
  void aMonthNoEventCanHave_isRefusedNamingTheYears() throws Exception {
    String db = dir.resolve("s.duckdb").toString();
    assertEquals(
        0, CliHarness.run("ingest", "--db", db, CliHarness.sampleExport(dir).toString()).exit());
    for (String from : new String[] {"0001-01", "9999-12"}) {
      CliHarness.Result r =
          CliHarness.run(
              "series", "--db", db, "--dyad", "RUS-PRK", "--from", from, "--freq", "year");
      assertEquals(2, r.exit(), r.out());
      assertTrue(r.err().contains("outside the years events can have (1900 to 2100)"), r.err());
    }
  }

  @Test
  void actorsThatCanKeepNothing_areRefused() throws Exception {
    // each was accepted, and the ingest kept nothing with exit 0
    Path f = CliHarness.sampleExport(dir);
    String db = dir.resolve("s.duckdb").toString();
    for (String[] bad :
        new String[][] {
          {"XXXX", "'XXXX' is not a CAMEO country code"},
          {"RUS,R1S", "'R1S' is not a CAMEO country code"},
          {"RUS", "one code keeps nothing"}
        }) {
      CliHarness.Result r = CliHarness.run("ingest", "--db", db, "--actors", bad[0], f.toString());
      assertEquals(2, r.exit(), bad[0] + ": " + r.err());
      assertTrue(r.err().contains(bad[1]), r.err());
    }
    assertTrue(Files.notExists(Path.of(db)), "nothing made");
    assertEquals(
        0, CliHarness.run("ingest", "--db", db, "--actors", "sun,prk", f.toString()).exit());
  }

  @Test
  void actorsOfAnUnknownState_isRefused_notAnEmptyList() throws Exception {
    CliHarness.Result r = CliHarness.run("actors", "--state", "XXX");
    assertEquals(2, r.exit(), r.out());
    assertTrue(r.err().contains("--state: 'XXX' is not a known country or actor code"), r.err());
    CliHarness.Result ok = CliHarness.run("actors", "--state", "prk", "--format", "csv");
    assertEquals(0, ok.exit(), ok.err());
    assertTrue(ok.out().lines().count() > 2, ok.out());
  }

  @Test
  void timelineHelp_namesTheColumnsTheCsvHas() {
    // the help listed 11 columns; the CSV has 12 (concerns)
    String db = dir.resolve("d.duckdb").toString();
    assertEquals(0, CliHarness.run("demo", "--no-serve", "--db", db).exit());
    String header =
        CliHarness.run("timeline", "--db", db, "--format", "csv")
            .out()
            .lines()
            .findFirst()
            .orElse("");
    String help =
        CliHarness.run("timeline", "--help")
            .out()
            .replaceAll("\\s*\\n\\s*", " ")
            .replaceAll(", ", ",");
    assertTrue(help.contains("CSV header: " + header), header + " | " + help);
  }

  @Test
  void analysisOptionsThatWereIgnoredOrUncapped_areRefused() throws Exception {
    String db = dir.resolve("d.duckdb").toString();
    assertEquals(0, CliHarness.run("demo", "--no-serve", "--db", db).exit());
    CliHarness.Result nan =
        CliHarness.run("triangle", "USA,CHN,RUS", "--db", db, "--reference-median", "NaN");
    assertEquals(2, nan.exit(), nan.out());
    assertTrue(nan.err().contains("--reference-median: 'NaN' is not a finite number"), nan.err());
    CliHarness.Result big =
        CliHarness.run(
            "leadlag", "--db", db, "--x", "RUS-PRK", "--y", "USA-RUS", "--bootstrap", "99999999");
    assertEquals(2, big.exit(), big.out());
    assertTrue(big.err().contains("above the cap of 99999"), big.err());
  }
}
