package org.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {
  @TempDir Path dir;

  private Path sample() throws IOException {
    return CliHarness.sampleExport(dir);
  }

  @Test
  void names_areTheCommandsAnnotatedNames_inTheirOrder() {
    // Main picks the one command to build by these names, without reading the annotations
    assertEquals(
        Main.COMMANDS.stream()
            .map(c -> c.getAnnotation(picocli.CommandLine.Command.class).name())
            .toList(),
        Main.NAMES);
    for (String name : Main.NAMES) {
      if (!name.equals("help")) {
        assertEquals(
            List.of(name),
            List.copyOf(Main.commandLine(new String[] {name}).getSubcommands().keySet()),
            "only the command named is built");
      }
    }
    assertEquals(
        Main.NAMES.size(),
        Main.commandLine(new String[] {"help"}).getSubcommands().size(),
        "help builds them all");
  }

  @Test
  void main_withoutTheBenchModule_hasNoBenchCommand() {
    // the bench commands live in the bench module, out of the product jar (issue 12)
    assertThrows(ClassNotFoundException.class, () -> Class.forName(Main.BENCH_COMMAND));
    assertFalse(Main.commandLine().getSubcommands().containsKey("bench"));
    assertEquals(2, CliHarness.run("bench", "simulate").exit());
  }

  @Test
  void commandLine_forOneCommand_registersItAloneAndRunsAsTheFullCommandLine() {
    String[] args = {"propositions", "--format", "csv"};
    assertEquals(
        java.util.Set.of("propositions"), Main.commandLine(args).getSubcommands().keySet());
    java.io.StringWriter alone = new java.io.StringWriter();
    java.io.StringWriter full = new java.io.StringWriter();
    picocli.CommandLine one = Main.commandLine(args);
    one.setOut(new java.io.PrintWriter(alone, true));
    picocli.CommandLine all = Main.commandLine();
    all.setOut(new java.io.PrintWriter(full, true));
    assertEquals(0, one.execute(args));
    assertEquals(0, all.execute(args));
    assertEquals(full.toString(), alone.toString());
    // the help command, the root's own options and unknown names need every command
    int every = Main.commandLine().getSubcommands().size();
    for (String first : new String[] {"help", "--help", "--debug", "tset"}) {
      assertEquals(every, Main.commandLine(new String[] {first}).getSubcommands().size(), first);
    }
    assertTrue(CliHarness.run("help", "test").out().contains("Usage: entente test"));
  }

  @Test
  void series_csv_hasDocumentedHeaderAndEveryMonth() throws IOException, java.sql.SQLException {
    Path db = dir.resolve("s.duckdb");
    CliHarness.Result in = CliHarness.run("ingest", "--db", db.toString(), sample().toString());
    assertEquals(0, in.exit(), in.err());
    CliHarness.Result r =
        CliHarness.run("series", "--db", db.toString(), "--dyad", "RUS-PRK", "--format", "csv");
    assertEquals(0, r.exit(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals(
        "period,source,target,n,w1,w2,w3,w4,goldstein_sum,goldstein_mean,s3,s4,s5,s6,low_confidence",
        lines[0]);
    assertEquals("2024-01,RUS,PRK,2,2,0,0,0,9.9,4.95,2,1,1,0.5,true", lines[1]);
    // the sample is an unfiltered gdelt2 feed with no event at all in February: a month no file
    // covered, so a gap (empty), not a month of zero events; a note names it
    assertEquals("2024-02,RUS,PRK,,,,,,,,,,,,", lines[2]);
    assertEquals("2024-03,RUS,PRK,1,0,0,1,0,-2,-2,-1,-1,-1,-0.3333333333333333,true", lines[3]);
    assertEquals(4, lines.length);
    assertTrue(r.err().contains("gaps (empty, not zeros): 2024-02"), r.err());
    // ingested with --actors: the rows the filter left out still tell the months the feed
    // observed, and February, with no row at all, is the same gap
    Path filtered = dir.resolve("f.duckdb");
    assertEquals(
        0,
        CliHarness.run(
                "ingest", "--db", filtered.toString(), "--actors", "RUS,PRK", sample().toString())
            .exit());
    CliHarness.Result g =
        CliHarness.run(
            "series", "--db", filtered.toString(), "--dyad", "RUS-PRK", "--format", "csv");
    assertEquals(r.out(), g.out());
    // a dyad the filter left out is refused (it was a series of zero events, exit 0)
    CliHarness.Result outside =
        CliHarness.run("series", "--db", filtered.toString(), "--dyad", "USA-PRK");
    assertEquals(2, outside.exit(), outside.err());
    assertTrue(
        outside.err().contains("--actors PRK,RUS")
            && outside.err().contains("left out the events of USA-PRK"),
        outside.err());
    assertFalse(
        outside.err().contains("--help"), "a refusal, not a usage mistake: " + outside.err());
    CliHarness.Result typo =
        CliHarness.run("series", "--db", filtered.toString(), "--dyad", "USA-PRK", "--freq", "m0");
    assertEquals(2, typo.exit(), typo.err());
    assertTrue(typo.err().contains("Try 'entente series --help'."), typo.err());
    assertTrue(g.err().contains("gaps (empty, not zeros): 2024-02"), g.err());
    assertFalse(g.err().contains("months of missing files"), g.err());
    // a store whose filtered file was read by a version before 2026-12 (which did not record those
    // months, marked as the schema migration marks it): an empty month may be real, zero events
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection("jdbc:duckdb:" + filtered.toAbsolutePath());
        java.sql.Statement st = c.createStatement()) {
      st.execute("UPDATE meta SET value = '2' WHERE key = 'filtered_months_from_file'");
    }
    CliHarness.Result f =
        CliHarness.run(
            "series", "--db", filtered.toString(), "--dyad", "RUS-PRK", "--format", "csv");
    assertEquals("2024-02,RUS,PRK,0,0,0,0,0,0,,0,,,0,true", f.out().split("\n")[2]);
    assertFalse(f.err().contains("gaps (empty"), f.err());
    // ... and the note says that such a zero may be a month no file covered
    assertTrue(f.err().contains("periods with n = 0 may be months of missing files"), f.err());
    assertFalse(r.err().contains("months of missing files"), r.err());
  }

  @Test
  void series_directedDyad_countsOneDirectionOnly() throws IOException {
    Path db = dir.resolve("d.duckdb");
    CliHarness.run("ingest", "--db", db.toString(), sample().toString());
    CliHarness.Result r =
        CliHarness.run(
            "series",
            "--db",
            db.toString(),
            "--dyad",
            "PRK>RUS",
            "--format",
            "csv",
            "--freq",
            "year");
    assertEquals(
        "2024,PRK,RUS,1,1,0,0,0,8,8,1,1,1,0.3333333333333333,true", r.out().split("\n")[1]);
  }

  @Test
  void series_json_recordsTheQueryBesideTheRows() throws IOException {
    Path db = dir.resolve("j.duckdb");
    CliHarness.run("ingest", "--db", db.toString(), sample().toString());
    CliHarness.Result r =
        CliHarness.run(
            "series",
            "--db",
            db.toString(),
            "--dyad",
            "RUS-PRK",
            "--format",
            "json",
            "--dedup",
            "daily",
            "--state-only");
    assertEquals(0, r.exit(), r.err());
    var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertEquals("RUS-PRK", root.path("query").path("dyad").asText());
    assertEquals("daily", root.path("query").path("dedup").asText());
    assertTrue(root.path("query").path("state_only").asBoolean());
    assertEquals("2024-01", root.path("query").path("from").asText());
    assertEquals(3, root.path("rows").size());
    assertTrue(root.path("rows").get(1).path("s4").isNull(), "an empty month's S4 is null");
    assertEquals(0.5, root.path("rows").get(0).path("s6").asDouble(), 1e-12);
  }

  @Test
  void series_badDyad_exitsTwoNamingTheOption() {
    CliHarness.Result r =
        CliHarness.run("series", "--db", dir.resolve("x.duckdb").toString(), "--dyad", "RUS");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--dyad"), r.err());
  }

  @Test
  void series_noStore_exitsTwo() {
    CliHarness.Result r =
        CliHarness.run(
            "series", "--db", dir.resolve("missing.duckdb").toString(), "--dyad", "RUS-PRK");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("no store"), r.err());
  }

  @Test
  void ingest_unreadableFile_exitsOneAndKeepsOthers() throws IOException {
    Path db = dir.resolve("i.duckdb");
    Path fake = dir.resolve("fake.zip");
    Files.writeString(fake, "not a zip");
    CliHarness.Result r =
        CliHarness.run("ingest", "--db", db.toString(), fake.toString(), sample().toString());
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("not a zip archive"), r.out());
    CliHarness.Result info = CliHarness.run("info", "--db", db.toString());
    assertTrue(info.out().contains("events: 4"), info.out());
  }

  @Test
  void ingest_twice_secondRunSkipsTheFile() throws IOException {
    Path db = dir.resolve("t.duckdb");
    Path f = sample();
    CliHarness.Result first = CliHarness.run("ingest", "--db", db.toString(), f.toString());
    assertEquals(0, first.exit(), first.out() + first.err());
    CliHarness.Result again = CliHarness.run("ingest", "--db", db.toString(), f.toString());
    assertEquals(0, again.exit(), again.out() + again.err());
    assertTrue(again.out().contains("skipped"), again.out());
    assertTrue(CliHarness.run("info", "--db", db.toString()).out().contains("events: 4"));
  }

  @Test
  void ingest_actorsFilter_keepsOnlyListedPairs() throws IOException {
    Path db = dir.resolve("a.duckdb");
    CliHarness.Result r =
        CliHarness.run("ingest", "--db", db.toString(), "--actors", "RUS,PRK", sample().toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().matches("(?s).*loaded\\s+4\\s+3\\s+0\\s+0\\s+1.*"), r.out());
  }

  @Test
  void ingest_unknownFormat_exitsTwo() throws IOException {
    CliHarness.Result r =
        CliHarness.run(
            "ingest",
            "--db",
            dir.resolve("f.duckdb").toString(),
            "--format",
            "xml",
            sample().toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("unknown format 'xml'"), r.err());
  }

  @Test
  void seriesHelp_matchesGoldenText() throws IOException {
    CliHarness.Result r = CliHarness.run("series", "--help");
    String expected;
    try (var in = CommandsTest.class.getResourceAsStream("/cli/series-help.txt")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(expected, r.out());
  }
}
