package org.entente.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entente.cameo.Cameo;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.FileReport;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.ingest.SourceFormat;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The views over the six core states on a store read with {@code --actors RUS,PRK,USA}: the dyads
 * its files left out are not in it, so the report, {@code triangle --all} and the API's system map
 * show what it holds and say what it left out, instead of failing (they did, once those dyads were
 * refused) or drawing zero events (before).
 */
class FilteredStoreViewsTest {
  @TempDir Path dir;

  private Path store() throws Exception {
    Path file = dir.resolve("20190115000000.export.CSV");
    StringBuilder rows = new StringBuilder();
    long id = 1;
    for (int m = 1; m <= 12; m++) {
      String day = String.format("2019%02d15", m);
      for (String[] p : new String[][] {{"RUS", "PRK"}, {"USA", "RUS"}, {"PRK", "USA"}}) {
        rows.append(org.entente.cli.CliHarness.gdelt2(id++, day, p[0], p[1], "042", 1.9, 1))
            .append('\n');
      }
      rows.append(org.entente.cli.CliHarness.gdelt2(id++, day, "CHN", "JPN", "111", -4.0, 3))
          .append('\n');
    }
    Files.writeString(file, rows);
    Path db = dir.resolve("three.duckdb");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      FileReport r =
          new Ingestor(s, Cameo.bundled())
              .ingestFile(
                  file,
                  new IngestOptions(
                      SourceFormat.AUTO,
                      ActorFilter.of(java.util.Set.of("RUS", "PRK", "USA")),
                      org.entente.cameo.QuadMapping.GDELT),
                  IngestListener.NONE);
      assertEquals(List.of(36L, 12L), List.of(r.stored(), r.filtered()), r.toString());
    }
    return db;
  }

  @Test
  void reportTriangleAllAndSystemMap_showTheHeldStatesAndNameWhatWasLeftOut() throws Exception {
    Path db = store();
    String html = report(db, "out");
    assertTrue(html.contains("The dyads among RUS, PRK, USA (the largest set"), "system map note");
    assertTrue(
        html.contains("Not in the store: source &#39;gdelt2&#39; holds a file read with --actors"),
        "left-out dyads and triads named");

    TestServer.CliRun all =
        TestServer.cli(
            List.of(
                "triangle", "--all", "--db", db.toString(), "--freq", "year", "--format", "csv"));
    assertEquals(0, all.exit(), all.err());
    assertTrue(all.err().contains("19 of the 20 triads left out"), all.err());
    List<String> lines = all.out().lines().toList();
    assertEquals(2, lines.size(), all.out());
    assertTrue(lines.get(1).startsWith("RUS-PRK-USA,2019,"), lines.get(1));

    // the export lists the pairs the store holds (rollup format version 3), and a store importing
    // it refuses the others instead of reading them as zero events
    TestServer.CliRun export =
        TestServer.cli(
            List.of(
                "export",
                "rollup",
                "--freq",
                "month",
                dir.resolve("r.csv").toString(),
                "--db",
                db.toString()));
    assertEquals(0, export.exit(), export.err());
    assertTrue(
        export
            .err()
            .contains(
                "source 'gdelt2' holds files read with --actors: its rows cover the 3"
                    + " pair(s)"),
        export.err());
    List<String> held =
        java.nio.file.Files.readAllLines(dir.resolve("r.csv")).stream()
            .filter(l -> l.endsWith(",held"))
            .toList();
    assertEquals(
        List.of(
            "gdelt2,month,,PRK,RUS,false,,,,,,,,,held",
            "gdelt2,month,,PRK,USA,false,,,,,,,,,held",
            "gdelt2,month,,RUS,USA,false,,,,,,,,,held"),
        held);
    Path imported = dir.resolve("imported.duckdb");
    TestServer.CliRun in =
        TestServer.cli(
            List.of(
                "import",
                "rollup",
                dir.resolve("r.csv").toString(),
                "--source",
                "g2",
                "--db",
                imported.toString()));
    assertEquals(0, in.exit(), in.err() + in.out());
    TestServer.CliRun info = TestServer.cli(List.of("info", "--db", imported.toString()));
    assertTrue(
        info.out()
            .contains(
                "source 'g2' holds 3 pair(s) only (rows of kind held in r.csv): PRK-RUS, PRK-USA,"
                    + " RUS-USA; other pairs are refused"),
        info.out());
    TestServer.CliRun original = TestServer.cli(List.of("info", "--db", db.toString()));
    assertTrue(
        original.out().contains("source 'gdelt2' holds 1 file(s) read with --actors (PRK,RUS,USA"),
        original.out());
    TestServer.CliRun kept =
        TestServer.cli(
            List.of("series", "--db", imported.toString(), "--dyad", "RUS-PRK", "--format", "csv"));
    assertEquals(0, kept.exit(), kept.err());
    assertTrue(kept.out().lines().count() > 1, kept.out());
    TestServer.CliRun refused =
        TestServer.cli(
            List.of("series", "--db", imported.toString(), "--dyad", "CHN-JPN", "--format", "csv"));
    assertEquals(2, refused.exit(), refused.out());
    assertTrue(
        refused.err().contains("source 'g2' was imported from")
            && refused.err().contains("not of CHN-JPN")
            && refused.err().contains("PRK-RUS, PRK-USA, RUS-USA"),
        refused.err());

    try (TestServer server = TestServer.start(DuckDbStore.openReadOnly(db))) {
      TestServer.Response sys = server.get("/api/system?freq=year");
      assertEquals(200, sys.status(), sys.body());
      assertEquals(
          List.of("RUS", "PRK", "USA"),
          List.of(
              sys.json().get("actors").get(0).asText(),
              sys.json().get("actors").get(1).asText(),
              sys.json().get("actors").get(2).asText()));
      assertEquals(3, sys.json().get("actors").size());
      TestServer.Response named = server.get("/api/system?freq=year&actors=RUS,CHN");
      assertEquals(422, named.status(), named.body());
      assertTrue(named.body().contains("RUS-CHN"), named.body());
      assertFalse(named.body().contains("<html"), named.body());
    }
  }

  /** The HTML of {@code entente report} on {@code db}, written to the folder {@code out}. */
  private String report(Path db, String out) throws Exception {
    Path o = Files.createDirectories(dir.resolve(out));
    TestServer.CliRun rep =
        TestServer.cli(List.of("report", "--db", db.toString(), "--out", o.toString()));
    assertEquals(0, rep.exit(), rep.err());
    return Files.readString(o.resolve("entente-report.html"));
  }

  /** Writes {@code rows} (c1, c2, yyyymm) as a GDELT 2.0 export, one event per row. */
  private Path export(String name, String[][] rows) throws Exception {
    StringBuilder b = new StringBuilder();
    long id = 1;
    for (String[] r : rows) {
      b.append(org.entente.cli.CliHarness.gdelt2(id++, r[2] + "15", r[0], r[1], "042", 1.9, 1))
          .append('\n');
    }
    return Files.writeString(dir.resolve(name), b);
  }

  /**
   * Found by a review: a store whose held set with events is not the first one (a file read with
   * --actors RUS,PRK that kept nothing, and with CHN,JPN), and one without any event among the six
   * states, crashed the report (index -1); /api/system drew the empty RUS-PRK set. A file read with
   * --actors that left no row out restricts nothing.
   */
  @Test
  void report_heldSetWithEventsIsChosen_noSixStateEventsIsNotACrash() throws Exception {
    Path file =
        export(
            "cj.export.CSV",
            new String[][] {
              {"CHN", "JPN", "201801"}, {"KOR", "JPN", "201802"}, {"CHN", "JPN", "201803"}
            });
    Path db = dir.resolve("cj.duckdb");
    for (String set : new String[] {"RUS,PRK", "CHN,JPN"}) {
      TestServer.CliRun in =
          TestServer.cli(
              List.of("ingest", "--db", db.toString(), "--actors", set, file.toString()));
      assertEquals(0, in.exit(), in.err());
    }
    String html = report(db, "out1");
    assertTrue(html.contains("The dyads among CHN, JPN (the largest set"), "the set with events");
    try (TestServer server = TestServer.start(DuckDbStore.openReadOnly(db))) {
      TestServer.Response sys = server.get("/api/system?freq=year");
      assertEquals(200, sys.status(), sys.body());
      assertEquals("[\"CHN\",\"JPN\"]", sys.json().get("actors").toString());
    }

    // two files of one source read with disjoint sets: no dyad of the six is held; the API's map
    // is empty and says why (it answered 422 before)
    Path a1 = export("a1.export.CSV", new String[][] {{"CHN", "JPN", "201801"}});
    Path a2 = export("a2.export.CSV", new String[][] {{"RUS", "PRK", "201801"}});
    Path none = dir.resolve("none.duckdb");
    for (Object[] load : new Object[][] {{"RUS,PRK", a1}, {"CHN,JPN", a2}}) {
      TestServer.CliRun in =
          TestServer.cli(
              List.of(
                  "ingest",
                  "--db",
                  none.toString(),
                  "--actors",
                  (String) load[0],
                  load[1].toString()));
      assertEquals(0, in.exit(), in.err());
    }
    try (TestServer server = TestServer.start(DuckDbStore.openReadOnly(none))) {
      TestServer.Response sys = server.get("/api/system?freq=year");
      assertEquals(200, sys.status(), sys.body());
      assertEquals("[]", sys.json().get("actors").toString());
      assertTrue(sys.json().get("note").asText().startsWith("no two of the six"), sys.body());
    }

    // no event among the six states at all (a store read without --actors)
    Path other = export("fr.export.CSV", new String[][] {{"FRA", "GBR", "201901"}});
    Path db2 = dir.resolve("fr.duckdb");
    assertEquals(
        0, TestServer.cli(List.of("ingest", "--db", db2.toString(), other.toString())).exit());
    assertTrue(report(db2, "out2").contains("The store has no events among the six states."));

    // read with --actors RUS,PRK, a file of RUS-PRK rows only left nothing out: CHN-JPN is held
    Path rp = export("rp.export.CSV", new String[][] {{"RUS", "PRK", "201901"}});
    Path db3 = dir.resolve("rp.duckdb");
    assertEquals(
        0,
        TestServer.cli(
                List.of("ingest", "--db", db3.toString(), "--actors", "RUS,PRK", rp.toString()))
            .exit());
    TestServer.CliRun cj =
        TestServer.cli(List.of("series", "--db", db3.toString(), "--dyad", "CHN-JPN"));
    assertEquals(0, cj.exit(), cj.err());
  }
}
