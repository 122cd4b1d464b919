package org.entente.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.cameo.Cameo;
import org.entente.ingest.FileReport;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.model.ChronologyEntry;
import org.entente.simulate.BdmModel;
import org.entente.simulate.BdmRun;
import org.entente.simulate.BdmSettings;
import org.entente.simulate.Scenario;
import org.entente.simulate.Scenarios;
import org.entente.store.TempFilesTest;
import org.entente.store.duckdb.DuckDbStore;
import org.entente.system.ActorRegistry;
import org.entente.system.Chronology;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report over the bundled chronology: self-contained, with the six sections. */
class HtmlReportTest {
  @TempDir static Path dir;
  static Path file;
  static String html;

  /** Planted in the output directory before the report is written. */
  static Path orphan;

  static Path otherProcesses;

  @BeforeAll
  static void build() throws Exception {
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      FileReport r =
          new Ingestor(s, Cameo.bundled(), ActorRegistry.bundled())
              .ingestBytes(
                  "chronology.tsv",
                  Chronology.bundledBytes(),
                  IngestOptions.defaults(),
                  IngestListener.NONE);
      assertEquals(FileReport.Status.LOADED, r.status());
      // what a report stopped mid-write (kill -9) leaves, and what a running one's looks like
      Path out = Files.createDirectories(dir.resolve("out"));
      String tmp = "." + HtmlReport.FILE + ".";
      orphan = TempFilesTest.file(out, tmp + TempFilesTest.endedProcess() + ".1.tmp", 30);
      otherProcesses = TempFilesTest.file(out, tmp + ProcessHandle.current().pid() + ".2.tmp", 30);
      file = HtmlReport.write(s, out, LocalDate.of(2025, 6, 1));
    }
    html = Files.readString(file);
  }

  @Test
  void write_chronologyStore_writesTheFileIntoTheDirectory() {
    assertEquals(dir.resolve("out").resolve(HtmlReport.FILE), file);
    assertTrue(html.startsWith("<!doctype html>"));
    assertTrue(html.contains("generated 2025-06-01"));
  }

  @Test
  void write_removesATemporaryFileLeftByAnEndedProcess_keepsOthers_leavesNoneOfItsOwn()
      throws IOException {
    assertFalse(Files.exists(orphan), "left by a process that has ended");
    assertTrue(Files.exists(otherProcesses), "a live process's (this one's, planted)");
    try (java.util.stream.Stream<Path> s = Files.list(file.getParent())) {
      assertEquals(
          java.util.stream.Stream.of(HtmlReport.FILE, otherProcesses.getFileName().toString())
              .sorted()
              .toList(),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void build_chronologyStore_hasTheFiveSectionsWithSvgCharts() {
    for (String id :
        new String[] {"map", "dyads", "triangles", "propositions", "timeline", "simulation"}) {
      assertTrue(html.contains("<section id=\"" + id + "\">"), "section " + id);
    }
    int svgs = html.split("<svg ", -1).length - 1;
    assertTrue(svgs >= 20, "svg charts: " + svgs);
    int cards = html.split("<article class=\"card\"", -1).length - 1;
    assertEquals(13, cards, "P1..P10, P3 v2, P7 v2 and v3");
    assertEquals(13, html.split("class=\"verdict ", -1).length - 1);
  }

  @Test
  void build_chronologyStore_loadsNothingFromElsewhere() {
    for (String banned : new String[] {"<script", "<link", "<img", "<iframe", "@import", "url("}) {
      assertFalse(html.contains(banned), banned);
    }
    Set<String> sources = new HashSet<>();
    for (ChronologyEntry e : Chronology.bundled()) {
      sources.add(e.source().trim());
    }
    Matcher m = Pattern.compile("\\b(src|href)=\"([^\"]*)\"").matcher(html);
    while (m.find()) {
      String attr = m.group(1);
      String v = m.group(2);
      assertEquals("href", attr, "a src attribute: " + v);
      if (v.startsWith("#")) {
        continue;
      }
      assertTrue(
          v.matches("https?://\\S+") && sources.contains(v.replace("&amp;", "&")),
          "an outbound link that is not a chronology source: " + v);
    }
  }

  @Test
  void build_chronologyStore_linksEveryMarkerToATimelineEntry() {
    Matcher m = Pattern.compile("href=\"#ev-([^\"]+)\"").matcher(html);
    int n = 0;
    while (m.find()) {
      n++;
      assertTrue(html.contains("id=\"ev-" + m.group(1) + "\""), m.group(1));
    }
    assertTrue(n > 50, "event links: " + n);
  }

  @Test
  void build_simulationSection_eachScenarioHasItsRoundsChartAndForecast() {
    assertTrue(html.contains("<a href=\"#simulation\">Simulation</a>"), "nav link");
    int start = html.indexOf("<section id=\"simulation\">");
    assertTrue(start > 0, "the simulation section");
    String section = html.substring(start, html.indexOf("</section>", start));
    for (Scenario sc : Scenarios.bundled()) {
      int at = section.indexOf("<article class=\"scenario\" id=\"sim-" + sc.id() + "\">");
      assertTrue(at >= 0, sc.id());
      String article = section.substring(at, section.indexOf("</article>", at));
      BdmRun run = BdmModel.run(sc.modelActors(), BdmSettings.defaults());
      assertTrue(
          article.contains(
              "<strong>Forecast "
                  + Svg.trim(run.forecast())
                  + "</strong> on 0–100: <strong>"
                  + Svg.esc(sc.region(run.forecast()).label())
                  + "</strong>"),
          sc.id() + ": forecast and region");
      assertEquals(1, article.split("<svg ", -1).length - 1, sc.id() + ": one chart");
      // one line per state and the weighted mean, a marker on every point of each
      int lines = sc.actors().size() + 1;
      assertEquals(lines, article.split("<polyline ", -1).length - 1, sc.id() + ": lines");
      int points = run.rounds().size() + 1;
      assertEquals(lines * points, article.split("<circle ", -1).length - 1, sc.id());
      assertTrue(
          article.contains(Svg.esc(Svg.shortLabel(sc.scale().maxLabel(), 110))), "end label");
      for (Scenario.ScenarioActor a : sc.actors()) {
        assertTrue(article.contains("<td>" + Svg.esc(a.name()) + "</td>"), a.name());
      }
    }
    assertFalse(section.contains("MAX_ROUNDS") || section.contains("max-rounds"), "plain words");
  }
}
