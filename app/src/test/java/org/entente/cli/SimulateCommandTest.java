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
  void bdm_euExampleJson_roundOneAsMethodsAtFullPrecision() throws IOException {
    Path f = Files.writeString(dir.resolve("eu.csv"), EU);
    CliHarness.Result r =
        CliHarness.run("simulate", "bdm", f.toString(), "--rounds", "1", "--format", "json");
    JsonNode n = json(r);
    // METHODS §5: initial mean 7.389955686853767 (all 16 digits survive the JSON)
    assertTrue(r.out().contains("\"initial_mean\":7.389955686853767"), r.out());
    assertEquals("scholz", n.get("preset").asText());
    assertEquals("all-pairs", n.at("/options/denominator").asText());
    JsonNode r1 = n.at("/rounds/0");
    // METHODS §5: mean after round 1 7.461314; Belgium compromises with France → 8.415932
    assertEquals(7.461314, r1.get("mean").asDouble(), 5e-7);
    assertEquals("Belgium", r1.at("/moves/0/receiver").asText());
    assertEquals("compromise", r1.at("/moves/0/type").asText());
    assertEquals(8.415932, r1.at("/moves/0/to").asDouble(), 5e-7);
    assertEquals("max-rounds", n.get("stop").asText());
  }

  @Test
  void bdm_replicationFileWithCrLineEnds_medianTen() throws IOException {
    Path f = shared("bdm-inputs", "dmasad-replication_ExampleActors.csv");
    JsonNode n =
        json(
            CliHarness.run(
                "simulate",
                "bdm",
                f.toString(),
                "--preset",
                "replication",
                "--rounds",
                "1",
                "--format",
                "json"));
    // the brief: the replication's first round gives median 10.0
    assertEquals(10.0, n.at("/rounds/0/median").asDouble());
    assertEquals(0.8, n.at("/actors/0/salience").asDouble(), 1e-15);
  }

  @Test
  void bdm_mistakes_exitTwoForUsageOneForBadFile() throws IOException {
    Path f = Files.writeString(dir.resolve("eu.csv"), EU);
    assertEquals(2, CliHarness.run("simulate", "bdm", f.toString(), "--votes", "cubic").exit());
    assertEquals(2, CliHarness.run("simulate", "bdm", f.toString(), "--format", "csv").exit());
    assertEquals(2, CliHarness.run("simulate", "bdm", f.toString(), "--rounds", "0").exit());
    assertEquals(2, CliHarness.run("simulate", "bdm", dir.resolve("none.csv").toString()).exit());
    Path bad =
        Files.writeString(dir.resolve("bad.csv"), "actor,capability,position,salience\nA,1,x,1\n");
    CliHarness.Result r = CliHarness.run("simulate", "bdm", bad.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("line 2: field position is not a number"), r.err());
  }

  @Test
  void bdm_table_showsRoundsMovesAndStop() throws IOException {
    Path f = Files.writeString(dir.resolve("eu.csv"), EU);
    CliHarness.Result r = CliHarness.run("simulate", "bdm", f.toString(), "--rounds", "2");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("round 1: mean 7.4613"), r.out());
    assertTrue(r.out().contains("compromise with France"), r.out());
    assertTrue(r.out().contains("stop: max-rounds after 2 rounds"), r.out());
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
    assertEquals(256, n.get("issues").asInt());
    // core/src/test/resources/simulate/deu3_reference.py: weighted mean MAE 23.537761
    assertEquals("weighted-mean", n.at("/scores/0/model").asText());
    assertEquals(23.537761, n.at("/scores/0/mae").asDouble(), 5e-7);
    assertEquals(5, n.get("scores").size());
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
    JsonNode bundled =
        json(CliHarness.run("simulate", "scenario", "prk-nuclear", "--format", "json"));
    assertEquals(bundled.get("run"), fromFile.get("run"));
    Files.writeString(f, Files.readString(f).replace("\"salience\":0.4", "\"salience\":4"));
    CliHarness.Result bad = CliHarness.run("simulate", "scenario", "--file", f.toString());
    assertEquals(1, bad.exit());
    assertTrue(bad.err().contains("RUS: salience must be in 0..1"), bad.err());
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
    assertTrue(rg.err().contains("range auto"), rg.err());
  }

  @Test
  void benchSimulate_smallRun_printsRunsPerSecondForBothPresets() {
    CliHarness.Result r =
        CliHarness.run(
            "bench", "simulate", "--runs", "20", "--repeat", "1", "--threads", "2", "--seed", "3");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("20 runs, seed 3"), r.out());
    assertTrue(r.out().contains("paper, 2 threads"), r.out());
    assertTrue(r.out().contains("scholz, 1 thread"), r.out());
    assertEquals(2, CliHarness.run("bench", "simulate", "--runs", "0").exit());
  }

  @Test
  void simulateHelp_matchesGoldenText() throws IOException {
    CliHarness.Result r = CliHarness.run("simulate", "--help");
    String expected;
    try (var in = SimulateCommandTest.class.getResourceAsStream("/cli/simulate-help.txt")) {
      expected = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertEquals(expected, r.out());
  }

  private static String[] concat(String[] a, String b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = b;
    return out;
  }
}
