package org.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources are never pooled silently (issue 9 §3): a store holding the curated chronology and GDELT
 * 2.0 events refuses an analysis that names no source (exit 2, naming both), reads only the named
 * one, and says for each proposition a source cannot inform why not.
 */
class SourceCommandsTest {
  @TempDir Path dir;
  private Path db;

  @BeforeEach
  void twoSources() throws Exception {
    db = dir.resolve("two.duckdb");
    assertEquals(0, CliHarness.run("demo", "--no-serve", "--db", db.toString()).exit());
    Path f = dir.resolve("20240619000000.export.CSV");
    Files.writeString(
        f,
        CliHarness.gdelt2(1, "20240619", "RUS", "PRK", "036", 4.0, 1)
            + "\n"
            + CliHarness.gdelt2(2, "20240620", "PRK", "RUS", "057", 8.0, 1)
            + "\n"
            + CliHarness.gdelt2(3, "20240620", "RUS", "PRK", "190", -10.0, 4)
            + "\n");
    CliHarness.Result r = CliHarness.run("ingest", "--db", db.toString(), f.toString());
    assertEquals(0, r.exit(), r.err());
  }

  @Test
  void analyses_withoutSource_exit2NamingTheSources() {
    for (String[] args :
        new String[][] {
          {"series", "--dyad", "RUS-PRK"},
          {"periods", "--dyad", "RUS-PRK"},
          {"triangle", "RUS,PRK,CHN"},
          {"test", "all"},
          {"character", "--dyad", "RUS-PRK"},
        }) {
      String[] full = new String[args.length + 2];
      System.arraycopy(args, 0, full, 0, args.length);
      full[args.length] = "--db";
      full[args.length + 1] = db.toString();
      CliHarness.Result r = CliHarness.run(full);
      assertEquals(2, r.exit(), args[0] + ": " + r.out() + r.err());
      assertTrue(r.err().contains("chronology, gdelt2"), args[0] + ": " + r.err());
      assertTrue(r.err().contains("--source"), r.err());
    }
  }

  @Test
  void series_oneSource_readsOnlyItsEvents() throws Exception {
    CliHarness.Result g =
        CliHarness.run(
            "series",
            "--db",
            db.toString(),
            "--source",
            "gdelt2",
            "--dyad",
            "RUS-PRK",
            "--freq",
            "year",
            "--format",
            "json");
    assertEquals(0, g.exit(), g.err());
    JsonNode n = new ObjectMapper().readTree(g.out());
    assertEquals("gdelt2", n.get("query").get("source").asText());
    assertEquals(1, n.get("rows").size());
    assertEquals("2024", n.get("rows").get(0).get("period").asText());
    assertEquals(3, n.get("rows").get(0).get("n").asLong());
    assertEquals(1.0, n.get("rows").get(0).get("w4").asDouble());

    CliHarness.Result c =
        CliHarness.run(
            "series",
            "--db",
            db.toString(),
            "--source",
            "chronology",
            "--dyad",
            "RUS-PRK",
            "--from",
            "2024-01",
            "--to",
            "2024-12",
            "--freq",
            "year",
            "--format",
            "json");
    assertEquals(0, c.exit(), c.err());
    long chronologyN = new ObjectMapper().readTree(c.out()).get("rows").get(0).get("n").asLong();
    // the curated chronology's 2024 RUS–PRK entries alone, not the three GDELT events added
    assertTrue(chronologyN > 0, c.out());
    CliHarness.Result all =
        CliHarness.run(
            "timeline",
            "--db",
            db.toString(),
            "--dyad",
            "RUS-PRK",
            "--from",
            "2024-01",
            "--to",
            "2024-12",
            "--format",
            "csv");
    // entries between the two states themselves (the timeline also lists entries that concern them)
    long between =
        all.out()
            .lines()
            .skip(1)
            .map(l -> l.split(",", -1))
            .filter(
                f ->
                    (f[3].equals("RUS") && f[4].equals("PRK"))
                        || (f[3].equals("PRK") && f[4].equals("RUS")))
            .count();
    assertEquals(between, chronologyN, all.out());
  }

  @Test
  void unknownSource_exit2NamingWhatTheStoreHolds() {
    CliHarness.Result r =
        CliHarness.run("series", "--db", db.toString(), "--source", "gdelt1", "--dyad", "RUS-PRK");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("unknown source 'gdelt1'"), r.err());
    assertTrue(r.err().contains("chronology, gdelt2"), r.err());
  }

  @Test
  void info_listsEverySourceWithRowsDatesAndDyads() {
    CliHarness.Result r = CliHarness.run("info", "--db", db.toString());
    assertEquals(0, r.exit(), r.err());
    String line =
        r.out()
            .lines()
            .filter(l -> l.startsWith("gdelt2"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(r.out()));
    assertTrue(
        line.matches("gdelt2\\s+events\\s+3\\s+2024-06-19\\s+2024-06-20\\s+event\\s+1"), line);
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("chronology")), r.out());
  }

  @Test
  void test_oneEventSource_saysWhyTheChronologyPropositionsAreNotInformed() throws Exception {
    CliHarness.Result r =
        CliHarness.run(
            "test", "all", "--db", db.toString(), "--source", "gdelt2", "--format", "json");
    assertEquals(0, r.exit(), r.err());
    JsonNode vs = new ObjectMapper().readTree(r.out());
    int notInformed = 0;
    for (JsonNode v : vs) {
      assertEquals("gdelt2", v.get("evidence").get("source").asText(), v.toString());
      if (v.get("test").asText().equals("event_occurrence")) {
        assertEquals("insufficient data", v.get("verdict").asText());
        assertTrue(
            v.get("reason").asText().contains("not informed by source 'gdelt2'"), v.toString());
        notInformed++;
      }
    }
    assertTrue(notInformed >= 2, "P7 and P8 are event_occurrence tests: " + notInformed);

    CliHarness.Result c =
        CliHarness.run(
            "test", "all", "--db", db.toString(), "--source", "chronology", "--format", "json");
    assertEquals(0, c.exit(), c.err());
    for (JsonNode v : new ObjectMapper().readTree(c.out())) {
      if (v.get("test").asText().equals("event_occurrence")) {
        assertTrue(!v.get("reason").asText().contains("not informed"), v.toString());
      }
    }
  }

  @Test
  void report_oneSource_namesItAndShowsEverySourcesVerdictsSideBySide() throws Exception {
    Path out = dir.resolve("report");
    CliHarness.Result r =
        CliHarness.run(
            "report", "--db", db.toString(), "--source", "gdelt2", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    String html = Files.readString(out.resolve("entente-report.html"));
    assertTrue(
        html.contains("source gdelt2 (sources are never pooled)"), "header names the source");
    int table = html.indexOf("<table class=\"by-source\">");
    assertTrue(table > 0, "the verdicts-by-source table");
    String head = html.substring(table, html.indexOf("</tr>", table));
    assertTrue(head.contains("<th>chronology</th><th>gdelt2</th>"), head);
    java.util.regex.Matcher p7 =
        java.util.regex.Pattern.compile("<tr><td>P7</td>(.*?)</tr>").matcher(html);
    assertTrue(p7.find(), "a P7 row");
    assertTrue(
        p7.group(1).matches(".*<td title=\"not informed by source &#39;gdelt2&#39;.*"),
        p7.group(1));

    // a second report replaces the first; a file of the same name that is not a report is kept
    assertEquals(
        0,
        CliHarness.run(
                "report", "--db", db.toString(), "--source", "gdelt2", "--out", out.toString())
            .exit());
    Path mine = dir.resolve("mine");
    Files.createDirectories(mine);
    Files.writeString(mine.resolve("entente-report.html"), "my notes");
    CliHarness.Result refused =
        CliHarness.run(
            "report", "--db", db.toString(), "--source", "gdelt2", "--out", mine.toString());
    assertEquals(2, refused.exit(), refused.err());
    assertTrue(refused.err().contains("not an Entente report"), refused.err());
    assertEquals("my notes", Files.readString(mine.resolve("entente-report.html")));
  }
}
