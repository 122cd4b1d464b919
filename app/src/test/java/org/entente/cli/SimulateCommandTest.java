package org.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code entente simulate bdm|backtest|scenario}: JSON shapes, exit codes, reproducibility. */
class SimulateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The EU example as printed in shared/data/bdm-inputs/PROVENANCE.md, with CRLF line ends. */
  private static final String EU =
      String.join(
          "\r\n",
          "Actor,Capability,Position,Salience",
          "Netherlands,0.08,4,0.8",
          "Belgium,0.08,7,0.4",
          "Luxembourg,0.03,4,0.2",
          "Germany,0.16,4,0.8",
          "France,0.16,10,0.6",
          "Italy,0.16,10,0.6",
          "UK,0.16,10,0.9",
          "Ireland,0.05,7,0.1",
          "Denmark,0.05,4,1.0",
          "Greece,0.08,7,0.7",
          "");

  @TempDir Path dir;

  private static JsonNode json(CliHarness.Result r) throws IOException {
    assertEquals(0, r.exit(), r.err());
    return JSON.readTree(r.out());
  }

  private static Path shared(String folder, String name) {
    for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path p = d.resolve("shared").resolve("data").resolve(folder).resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    assumeTrue(false, "skipped: shared/data/" + folder + "/" + name + " is absent");
    return null;
  }

  @Test
  void bdm_euExampleJson_issueShapeAndRoundOneAsMethodsAtFullPrecision() throws IOException {
    Path f = Files.writeString(dir.resolve("eu.csv"), EU);
    CliHarness.Result r =
        CliHarness.run(
            "simulate",
            "bdm",
            "--actors",
            f.toString(),
            "--preset",
            "scholz",
            "--rounds",
            "1",
            "--format",
            "json");
    JsonNode n = json(r);
    // issue 13's keys: options, rounds[round, mean, median, positions, risk, offers], stopped
    assertEquals("scholz", n.at("/options/preset").asText());
    assertEquals("scholz", n.at("/options/denominator").asText());
    assertEquals("positive", n.at("/options/numerator").asText());
    assertEquals("risk", n.at("/options/vote_exponent").asText());
    assertEquals("scholz", n.at("/options/selection").asText());
    assertEquals("receiver", n.at("/options/b_from").asText());
    assertEquals("off", n.at("/options/capitulation").asText());
    assertEquals("none", n.at("/options/stop").asText());
    assertEquals("auto", n.at("/options/rg").asText());
    JsonNode r0 = n.at("/rounds/0");
    assertEquals(0, r0.get("round").asInt());
    // METHODS §5: initial mean 7.389955686853767 (all 16 digits survive the JSON)
    assertTrue(r.out().contains("\"mean\":7.389955686853767"), r.out());
    assertEquals(7.0, r0.get("median").asDouble());
    assertEquals(7.0, r0.at("/positions/Belgium").asDouble());
    assertEquals(1.0, r0.at("/risk/Belgium").asDouble());
    assertEquals(0, r0.get("offers").size());
    JsonNode r1 = n.at("/rounds/1");
    assertEquals(1, r1.get("round").asInt());
    // METHODS §5: mean after round 1 7.461314; Belgium compromises with France → 8.415932;
    // round-1 r of Belgium 0.7542
    assertEquals(7.461314, r1.get("mean").asDouble(), 5e-7);
    assertEquals(0.7542, r1.at("/risk/Belgium").asDouble(), 5e-5);
    assertEquals(8.415932, r1.at("/positions/Belgium").asDouble(), 5e-7);
    JsonNode offer = r1.at("/offers/0");
    assertEquals("France", offer.get("from").asText());
    assertEquals("Belgium", offer.get("to").asText());
    assertEquals("compromise", offer.get("type").asText());
    assertEquals(8.415932, offer.get("new_position").asDouble(), 5e-7);
    // compromise: x_i + (x_j − x_i)|a|/b with a = eu_receiver < 0 < b = eu_challenger
    double a = offer.get("eu_receiver").asDouble();
    double b = offer.get("eu_challenger").asDouble();
    assertTrue(a < 0 && b > -a, offer.toString());
    assertEquals(7 + 3 * -a / b, offer.get("new_position").asDouble(), 1e-12);
    assertEquals("max-rounds", n.get("stopped").asText());
    // the positional FILE is still accepted and gives the same output, apart from the source
    CliHarness.Result p =
        CliHarness.run(
            "simulate",
            "bdm",
            f.toString(),
            "--preset",
            "scholz",
            "--rounds",
            "1",
            "--format",
            "json");
    assertEquals(r.out(), p.out());
  }

  @Test
  void bdm_issueOptionValues_mapOntoTheVariantsOfMethods() throws IOException {
    Path f = Files.writeString(dir.resolve("eu.csv"), EU);
    // the replication preset spelled out with issue 13's option values is the preset
    JsonNode preset =
        json(
            CliHarness.run(
                "simulate",
                "bdm",
                "--actors",
                f.toString(),
                "--preset",
                "replication",
                "--format",
                "json"));
    JsonNode spelled =
        json(
            CliHarness.run(
                "simulate",
                "bdm",
                "--actors",
                f.toString(),
                "--rg",
                "6",
                "--q-term",
                "replication",
                "--denominator",
                "pairwise",
                "--numerator",
                "net",
                "--vote-exponent",
                "1",
                "--selection",
                "max-eu",
                "--b-from",
                "challenger",
                "--capitulation",
                "on",
                "--rounds",
                "10",
                "--stop",
                "none",
                "--forecast",
                "median",
                "--format",
                "json"));
    assertEquals(preset.get("rounds"), spelled.get("rounds"));
    assertEquals("max-eu", spelled.at("/options/selection").asText());
    assertEquals("1", spelled.at("/options/vote_exponent").asText());
    assertEquals("net", spelled.at("/options/numerator").asText());
    assertEquals("challenger", spelled.at("/options/b_from").asText());
    assertTrue(spelled.at("/options/preset").isNull());
    // without a preset the stop rule is METHODS' suggestion: converged, 20 rounds
    JsonNode dflt =
        json(CliHarness.run("simulate", "bdm", "--actors", f.toString(), "--format", "json"));
    assertEquals("converged", dflt.at("/options/stop").asText());
    assertEquals(20, dflt.at("/options/rounds").asInt());
    assertEquals(1e-6, dflt.at("/options/epsilon").asDouble());
    // --selection least-move differs from scholz on round 1 of the EU example (Luxembourg)
    JsonNode least =
        json(
            CliHarness.run(
                "simulate",
                "bdm",
                "--actors",
                f.toString(),
                "--selection",
                "least-move",
                "--rounds",
                "1",
                "--format",
                "json"));
    assertTrue(
        !least.at("/rounds/1/positions").equals(dflt.at("/rounds/1/positions")),
        least.at("/rounds/1").toString());
  }

  @Test
  void bdm_replicationFileWithCrLineEnds_medianTen() throws IOException {
    Path f = shared("bdm-inputs", "dmasad-replication_ExampleActors.csv");
    JsonNode n =
        json(
            CliHarness.run(
                "simulate",
                "bdm",
                "--actors",
                f.toString(),
                "--preset",
                "replication",
                "--rounds",
                "1",
                "--format",
                "json"));
    // the issue: the replication's first round gives median 10.0; Luxembourg loses a
    // confrontation to France, Ireland compromises with France
    assertEquals(10.0, n.at("/rounds/1/median").asDouble());
    assertEquals(0.8, n.at("/actors/0/salience").asDouble(), 1e-15);
    JsonNode offers = n.at("/rounds/1/offers");
    assertEquals(2, offers.size(), offers.toString());
    assertEquals("Luxembourg France confrontation", offer(offers.get(0)));
    assertEquals("Ireland France compromise", offer(offers.get(1)));
  }

  private static String offer(JsonNode o) {
    return o.get("to").asText() + " " + o.get("from").asText() + " " + o.get("type").asText();
  }

  @Test
  void bdm_mistakes_exitTwoForUsageOneForBadFile() throws IOException {
    Path f = Files.writeString(dir.resolve("eu.csv"), EU);
    CliHarness.Result v =
        CliHarness.run("simulate", "bdm", "--actors", f.toString(), "--vote-exponent", "2");
    assertEquals(2, v.exit());
    assertTrue(v.err().contains("--vote-exponent must be one of risk|1"), v.err());
    CliHarness.Result st = CliHarness.run("simulate", "bdm", f.toString(), "--stop", "never");
    assertEquals(2, st.exit());
    assertTrue(st.err().contains("--stop must be one of none|converged|cycle"), st.err());
    assertEquals(
        2, CliHarness.run("simulate", "bdm", "--actors", f.toString(), f.toString()).exit());
    assertEquals(2, CliHarness.run("simulate", "bdm").exit());
    Path two =
        Files.writeString(
            dir.resolve("two.csv"), "actor,capability,position,salience\nA,1,0,1\nB,1,1,1\n");
    CliHarness.Result t = CliHarness.run("simulate", "bdm", "--actors", two.toString());
    assertEquals(1, t.exit());
    assertTrue(t.err().contains("2 actors; the model needs at least 3"), t.err());
    assertEquals(2, CliHarness.run("simulate", "bdm", f.toString(), "--rounds", "0").exit());
    assertEquals(2, CliHarness.run("simulate", "bdm", dir.resolve("none.csv").toString()).exit());
    Path bad =
        Files.writeString(dir.resolve("bad.csv"), "actor,capability,position,salience\nA,1,x,1\n");
    CliHarness.Result r = CliHarness.run("simulate", "bdm", bad.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("line 2: field position is not a number"), r.err());
    // the table's content is exit 1 however it is wrong (all-zero capabilities were exit 2)
    Path zero =
        Files.writeString(
            dir.resolve("zero.csv"),
            "actor,capability,position,salience\nA,0,0,1\nB,0,1,1\nC,0,2,1\n");
    CliHarness.Result z = CliHarness.run("simulate", "bdm", zero.toString());
    assertEquals(1, z.exit(), z.err());
    assertTrue(z.err().contains("every actor has capability × salience 0"), z.err());
    CliHarness.Result d = CliHarness.run("simulate", "bdm", "--actors", dir.toString());
    assertEquals(2, d.exit());
    assertTrue(d.err().contains(dir + " is a directory, not a file"), d.err());
  }

  @Test
  void bdm_table_showsRoundsMovesAndStop() throws IOException {
    Path f = Files.writeString(dir.resolve("eu.csv"), EU);
    CliHarness.Result r =
        CliHarness.run("simulate", "bdm", "--actors", f.toString(), "--rounds", "2");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("round 1: mean 7.4613"), r.out());
    assertTrue(r.out().contains("compromise with France"), r.out());
    assertTrue(r.out().contains("stopped: max-rounds after 2 rounds"), r.out());
    // CSV: a header and one row per actor and round (rounds 0..2)
    CliHarness.Result c =
        CliHarness.run(
            "simulate", "bdm", "--actors", f.toString(), "--rounds", "2", "--format", "csv");
    assertEquals(0, c.exit(), c.err());
    String[] lines = c.out().split("\\R");
    assertEquals(1 + 3 * 10, lines.length);
    assertTrue(lines[12].startsWith("1,Belgium,8.41593"), lines[12]);
    assertTrue(lines[12].contains(",France,compromise,"), lines[12]);
  }

  @Test
  void backtest_deu_baselineAsReferenceAndThreadCountIrrelevant() throws IOException {
    Path f = shared("deu3-eu-decides", "deu3_train.csv");
    CliHarness.Result one =
        CliHarness.run(
            "simulate", "backtest", "--deu", f.toString(), "--threads", "1", "--format", "json");
    CliHarness.Result two =
        CliHarness.run(
            "simulate", "backtest", "--deu", f.toString(), "--threads", "2", "--format", "json");
    JsonNode n = json(one);
    assertEquals(one.out(), two.out());
    // issue 13's keys: issues, skipped, models[name, options, mae, within10]
    assertEquals(256, n.get("issues").asInt());
    assertEquals(7, n.get("skipped").asInt());
    // core/src/test/resources/simulate/deu3_reference.py: weighted mean MAE 23.537761
    assertEquals("weighted-mean", n.at("/models/0/name").asText());
    assertEquals(23.537761, n.at("/models/0/mae").asDouble(), 5e-7);
    assertEquals(0.308594, n.at("/models/0/within10").asDouble(), 5e-7);
    assertTrue(n.at("/models/0/options").isObject());
    assertEquals(5, n.get("models").size());
    assertEquals("scholz", n.at("/models/2/name").asText());
    assertEquals("scholz", n.at("/models/2/options/selection").asText());
    assertEquals("auto", n.at("/models/2/options/rg").asText());
    // a setting given as options is one more model, beside the baselines only
    JsonNode given =
        json(
            CliHarness.run(
                "simulate",
                "backtest",
                "--deu",
                f.toString(),
                "--preset",
                "replication",
                "--format",
                "json"));
    assertEquals(3, given.get("models").size());
    JsonNode m = given.at("/models/2");
    assertEquals("bdm --preset replication", m.get("name").asText());
    assertEquals("max-eu", m.at("/options/selection").asText());
    // the same setting as the default list's replication preset (Rg auto on 0..100)
    assertEquals(n.at("/models/3/mae"), m.get("mae"));
    assertEquals(
        2, CliHarness.run("simulate", "backtest", "--deu", f.toString(), "--models", "x").exit());
  }

  @Test
  void scenario_monteCarloJson_seededAndIndependentOfThreads() throws IOException {
    String[] base = {
      "simulate",
      "scenario",
      "sanctions-enforcement",
      "--monte-carlo",
      "300",
      "--seed",
      "7",
      "--format",
      "json",
      "--threads"
    };
    CliHarness.Result a = CliHarness.run(concat(base, "1"));
    CliHarness.Result b = CliHarness.run(concat(base, "3"));
    assertEquals(a.out(), b.out());
    JsonNode n = json(a);
    assertEquals(7, n.at("/monte_carlo/seed").asLong());
    assertEquals(300, n.at("/monte_carlo/runs").asInt());
    double sum = 0;
    for (JsonNode r : n.at("/monte_carlo/regions")) {
      sum += r.get("share").asDouble();
    }
    assertEquals(1.0, sum, 1e-12);
    assertEquals("UN sanctions on the DPRK, 2024-2026", n.at("/scenario/title").asText());
    JsonNode c =
        json(
            CliHarness.run(
                "simulate", "scenario", "prk-nuclear", "--sensitivity", "--format", "json"));
    assertEquals(18, c.get("sensitivity").size());
  }

  @Test
  void scenarioFile_writtenInTheDocumentedFormat_readsBackToTheSameRun() throws IOException {
    // the scenario format round-trips: the bundled scenario written as JSON and read as a file
    Path f =
        Files.writeString(
            dir.resolve("s.json"),
            org.entente.simulate.SimulateJson.write(
                org.entente.simulate.Scenarios.find("prk-nuclear").orElseThrow()));
    JsonNode fromFile =
        json(CliHarness.run("simulate", "scenario", "--file", f.toString(), "--format", "json"));
    // the file may also be given in place of the NAME
    assertEquals(
        fromFile, json(CliHarness.run("simulate", "scenario", f.toString(), "--format", "json")));
    JsonNode bundled =
        json(CliHarness.run("simulate", "scenario", "prk-nuclear", "--format", "json"));
    assertEquals(bundled.get("run"), fromFile.get("run"));
    Files.writeString(f, Files.readString(f).replace("\"salience\":0.4", "\"salience\":4"));
    CliHarness.Result bad = CliHarness.run("simulate", "scenario", "--file", f.toString());
    assertEquals(1, bad.exit());
    assertTrue(bad.err().contains("RUS: salience must be in 0..1"), bad.err());
  }

  @Test
  void scenario_inputsFromEvents_derivationShownAndUsed() throws IOException {
    CliHarness.Result noWindow =
        CliHarness.run("simulate", "scenario", "prk-nuclear", "--inputs", "events");
    assertEquals(2, noWindow.exit());
    assertTrue(noWindow.err().contains("--from, --to and --hostile-end"), noWindow.err());
    Path db = dir.resolve("demo.duckdb");
    assertEquals(0, CliHarness.run("demo", "--db", db.toString(), "--no-serve").exit());
    JsonNode n =
        json(
            CliHarness.run(
                "simulate",
                "scenario",
                "sanctions-enforcement",
                "--inputs",
                "events",
                "--db",
                db.toString(),
                "--from",
                "2017-01",
                "--to",
                "2024-12",
                "--hostile-end",
                "max",
                "--format",
                "json"));
    JsonNode ev = n.get("event_inputs");
    assertEquals("PRK", ev.get("target").asText());
    long total = ev.get("total_events").asLong();
    assertTrue(total > 0, ev.toString());
    long sum = 0;
    for (JsonNode a : ev.get("actors")) {
      if (!a.get("actor").asText().equals("PRK")) {
        sum += a.get("events").asLong();
      }
    }
    assertEquals(total, sum);
    // the run uses the derived inputs: its round 0 mean is the c·s-weighted mean of them
    double sw = 0;
    double swx = 0;
    for (JsonNode a : n.at("/scenario/actors")) {
      JsonNode d = null;
      for (JsonNode x : ev.get("actors")) {
        if (x.get("actor").asText().equals(a.get("code").asText())) {
          d = x;
        }
      }
      assertEquals(d.get("salience").asDouble(), a.get("salience").asDouble(), 0);
      assertEquals(d.get("position").asDouble(), a.get("position").asDouble(), 0);
      double w = a.get("capability").asDouble() * a.get("salience").asDouble();
      sw += w;
      swx += w * a.get("position").asDouble();
    }
    assertEquals(swx / sw, n.at("/run/rounds/0/mean").asDouble(), 1e-12);
  }

  @Test
  void scenario_listAndMistakes() {
    CliHarness.Result l = CliHarness.run("simulate", "scenario", "--list");
    assertEquals(0, l.exit());
    assertTrue(l.out().contains("rus-prk-military"), l.out());
    assertEquals(2, CliHarness.run("simulate", "scenario", "nope").exit());
    assertEquals(2, CliHarness.run("simulate", "scenario").exit());
    assertEquals(
        2, CliHarness.run("simulate", "scenario", "prk-nuclear", "--monte-carlo", "-1").exit());
    // the replication's fixed Rg = 6 does not fit a 0..100 scale: a usage mistake with advice
    CliHarness.Result rg =
        CliHarness.run("simulate", "scenario", "prk-nuclear", "--preset", "replication");
    assertEquals(2, rg.exit());
    assertTrue(rg.err().contains("use rg auto"), rg.err());
    assertEquals(
        0,
        CliHarness.run(
                "simulate", "scenario", "prk-nuclear", "--preset", "replication", "--rg", "auto")
            .exit());
  }

  @Test
  void simulateHelp_matchesGoldenText() throws IOException {
    assertEquals(golden("/cli/simulate-help.txt"), CliHarness.run("simulate", "--help").out());
    // the option names and values of issue 13 are a public interface
    assertEquals(
        golden("/cli/simulate-bdm-help.txt"), CliHarness.run("simulate", "bdm", "--help").out());
  }

  private static String golden(String resource) throws IOException {
    try (var in = SimulateCommandTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static String[] concat(String[] a, String b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = b;
    return out;
  }
}
