package org.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.entente.report.LeadLagOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis commands (triangle, periods, leadlag, character, test): their JSON shapes as
 * documented in docs/analysis.md, the CSV path for external series, and exit code 2 on bad options.
 */
class AnalysisCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private long id = 1;

  private void mix(List<String> rows, YearMonth m, String a, String b, int coop, int conflict) {
    String day = String.format("%04d%02d15", m.getYear(), m.getMonthValue());
    for (int i = 0; i < coop; i++) {
      rows.add(CliHarness.gdelt2(id++, day, a, b, "042", 1.9, 1));
    }
    for (int i = 0; i < conflict; i++) {
      rows.add(CliHarness.gdelt2(id++, day, b, a, "111", -2.0, 3));
    }
  }

  /** USA-CHN-RUS: 2010 romantic triangle (pivot CHN), 2011 stable marriage (outcast USA). */
  private Path triangleStore() throws IOException {
    List<String> rows = new ArrayList<>();
    mix(rows, YearMonth.of(2010, 6), "USA", "CHN", 4, 0);
    mix(rows, YearMonth.of(2010, 6), "CHN", "RUS", 4, 0);
    mix(rows, YearMonth.of(2010, 6), "RUS", "USA", 0, 4);
    mix(rows, YearMonth.of(2011, 6), "USA", "CHN", 0, 4);
    mix(rows, YearMonth.of(2011, 6), "CHN", "RUS", 4, 0);
    mix(rows, YearMonth.of(2011, 6), "RUS", "USA", 0, 4);
    rows.add(CliHarness.gdelt2(id++, "20110701", "RUS", "PRK", "057", 8.0, 1));
    Path f = Files.write(dir.resolve("t.export.CSV"), rows, StandardCharsets.UTF_8);
    Path db = dir.resolve("t.duckdb");
    CliHarness.Result in = CliHarness.run("ingest", "--db", db.toString(), f.toString());
    assertEquals(0, in.exit(), in.err());
    return db;
  }

  private static JsonNode json(CliHarness.Result r) throws IOException {
    assertEquals(0, r.exit(), r.err());
    return JSON.readTree(r.out());
  }

  private static void assertKeys(JsonNode n, String... keys) {
    for (String k : keys) {
      assertTrue(n.has(k), "missing '" + k + "' in " + n);
    }
  }

  @Test
  void triangle_json_hasDocumentedKeysAndPlantedConfigurations() throws IOException {
    Path db = triangleStore();
    JsonNode t =
        json(
            CliHarness.run(
                "triangle",
                "USA,CHN,RUS",
                "--db",
                db.toString(),
                "--freq",
                "year",
                "--format",
                "json"));
    assertKeys(t, "triad", "score", "sign_rule", "tau", "hysteresis", "periods", "transitions");
    assertEquals("s4", t.get("score").asText());
    JsonNode p2010 = t.get("periods").get(0);
    assertKeys(
        p2010,
        "period",
        "sides",
        "configuration",
        "pivot",
        "wings",
        "partners",
        "outcast",
        "strict_balance",
        "weak_balance");
    assertEquals("2010", p2010.get("period").asText());
    assertKeys(p2010.get("sides").get(0), "dyad", "n", "score", "sign");
    assertEquals("USA-CHN", p2010.get("sides").get(0).get("dyad").asText());
    assertEquals(4, p2010.get("sides").get(0).get("n").asInt());
    assertEquals("ROMANTIC_TRIANGLE", p2010.get("configuration").asText());
    assertEquals("CHN", p2010.get("pivot").asText());
    assertEquals("UNBALANCED", p2010.get("strict_balance").asText());
    JsonNode p2011 = t.get("periods").get(1);
    assertEquals("STABLE_MARRIAGE", p2011.get("configuration").asText());
    assertEquals("USA", p2011.get("outcast").asText());
    JsonNode tr = t.get("transitions").get(0);
    assertEquals("2010", tr.get("last_of_old").asText());
    assertEquals("2011", tr.get("first_of_new").asText());
  }

  @Test
  void triangle_allCsv_coversTwentyTriads() throws IOException {
    Path db = triangleStore();
    CliHarness.Result r =
        CliHarness.run(
            "triangle", "--all", "--db", db.toString(), "--freq", "year", "--format", "csv");
    assertEquals(0, r.exit(), r.err());
    String[] lines = r.out().split("\n");
    assertTrue(lines[0].startsWith("triad,period,ab,n_ab,score_ab,sign_ab,"), lines[0]);
    Set<String> triads = new java.util.HashSet<>();
    for (int i = 1; i < lines.length; i++) {
      triads.add(lines[i].split(",")[0]);
    }
    assertEquals(20, triads.size());
  }

  private Path csv(String name, String header, List<String> rows) throws IOException {
    List<String> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    return Files.write(dir.resolve(name), all, StandardCharsets.UTF_8);
  }

  @Test
  void periods_seriesCsv_jsonHasDocumentedShapeAndTheWorkedExample() throws IOException {
    double[] y = {0.42, 0.38, 0.45, 0.40, 0.41, -0.10, -0.05, -0.12, -0.08, -0.02, -0.09, -0.11};
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      rows.add(YearMonth.of(2020, 1).plusMonths(i) + "," + y[i]);
    }
    Path f = csv("y.csv", "period,y", rows);
    JsonNode p =
        json(
            CliHarness.run(
                "periods",
                "--series",
                f.toString(),
                "--column",
                "y",
                "--penalty",
                "bic",
                "--scale",
                "mad",
                "--format",
                "json"));
    assertKeys(p, "method", "beta", "sigma", "changes", "periods", "score", "imputation");
    assertEquals("pelt", p.get("method").asText());
    assertEquals(4.970, p.get("beta").asDouble(), 5e-4);
    assertEquals(0.05242, p.get("sigma").asDouble(), 5e-6);
    assertEquals("2020-05", p.get("changes").get(0).get("last_of_old").asText());
    assertEquals("2020-06", p.get("changes").get(0).get("first_of_new").asText());
    JsonNode first = p.get("periods").get(0);
    assertKeys(first, "first", "last", "mean", "sd", "n", "ci_lower", "ci_upper");
    assertEquals("2020-01", first.get("first").asText());
    assertEquals(5, first.get("n").asInt());
    assertEquals(0.412, first.get("mean").asDouble(), 5e-4);
  }

  @Test
  void periods_compareRozmanOnPlantedCsv_reportsPrecisionRecallF1Hausdorff() throws IOException {
    Random rnd = new Random(7);
    List<String> rows = new ArrayList<>();
    for (YearMonth m = YearMonth.of(2012, 1);
        !m.isAfter(YearMonth.of(2024, 12));
        m = m.plusMonths(1)) {
      double mean =
          m.isBefore(YearMonth.of(2014, 3))
              ? 0.1
              : m.isBefore(YearMonth.of(2018, 1))
                  ? -0.4
                  : m.isBefore(YearMonth.of(2022, 1)) ? 0.2 : 0.7;
      rows.add(m + "," + (mean + 0.05 * rnd.nextGaussian()));
    }
    Path f = csv("planted.csv", "period,level", rows);
    JsonNode c =
        json(CliHarness.run(
                "periods",
                "--series",
                f.toString(),
                "--column",
                "level",
                "--compare",
                "rozman",
                "--tolerance",
                "3",
                "--format",
                "json"))
            .get("compare");
    assertKeys(c, "precision", "recall", "f1", "hausdorff", "expert_breaks", "detected_breaks");
    assertEquals(1.0, c.get("precision").asDouble(), 0);
    assertEquals(1.0, c.get("recall").asDouble(), 0);
    assertEquals(0.0, c.get("hausdorff").asDouble(), 0);
  }

  @Test
  void periods_expert_stillListsTheSchemes() {
    CliHarness.Result r = CliHarness.run("periods", "--expert", "rozman", "--format", "csv");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("scheme,period,first,last,seed,characterisation\n"), r.out());
    assertEquals(5, r.out().split("\n").length);
  }

  @Test
  void leadlag_plantedLeadThroughCsv_jsonHasDocumentedShapeAndFindsTheLead() throws IOException {
    Random rnd = new Random(11);
    int n = 150;
    double[] x = new double[n];
    double[] y = new double[n];
    List<String> rows = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      x[t] = (t > 0 ? 0.5 * x[t - 1] : 0) + rnd.nextGaussian();
      y[t] = (t > 1 ? 0.8 * x[t - 2] : 0) + 0.5 * rnd.nextGaussian();
      rows.add(YearMonth.of(2000, 1).plusMonths(t) + "," + x[t] + "," + y[t]);
    }
    Path f = csv("xy.csv", "period,x,y", rows);
    JsonNode r =
        json(
            CliHarness.run(
                "leadlag", "--x", f + ":x", "--y", f + ":y", "--seed", "7", "--format", "json"));
    assertKeys(r, "lags", "x_to_y", "y_to_x", "adf", "ccf", "seed", "difference");
    assertKeys(r.get("x_to_y"), "F", "df1", "df2", "p_value", "p_bootstrap");
    assertKeys(r.get("adf").get("x"), "stat", "p_value", "lags");
    assertKeys(r.get("adf").get("y"), "stat", "p_value", "lags");
    assertKeys(r.get("ccf").get(0), "lag", "r");
    assertEquals(7, r.get("seed").asLong());
    assertTrue(r.get("x_to_y").get("p_value").asDouble() < 1e-6);
    // n = 150, shifts of at least 15: all 121 distinct shifts used, none reaching the observed
    assertEquals(1.0 / 122, r.get("x_to_y").get("p_bootstrap").asDouble(), 1e-9);
    assertEquals(121, r.get("x_to_y").get("surrogates").asInt());
    assertTrue(r.get("x_to_y").get("surrogates_exhaustive").asBoolean());
    assertEquals(999, r.get("bootstrap").asInt());
    assertEquals(r.get("lags").asInt(), r.get("x_to_y").get("df1").asInt());
    CliHarness.Result text =
        CliHarness.run("leadlag", "--x", f + ":x", "--y", f + ":y", "--seed", "7");
    assertTrue(text.out().contains("seed 7"), text.out());
    assertTrue(
        text.out().contains("only 121 distinct shifts of at least 15 periods exist"), text.out());
    CliHarness.Result csv =
        CliHarness.run(
            "leadlag", "--x", f + ":x", "--y", f + ":y", "--format", "csv", "--bootstrap", "50");
    assertTrue(csv.out().startsWith(String.join(",", LeadLagOutput.COLUMNS) + "\n"), csv.out());
    assertTrue(csv.out().split("\n")[1].endsWith(",50,circular,1,50"), csv.out());
  }

  /**
   * A file series keeps its own frequency; a --freq that disagrees with it was silently overridden
   * (the user asked for quarters and got months). Now refused naming the file and both frequencies;
   * the file's own frequency given explicitly still works.
   */
  @Test
  void leadlagAndPeriods_freqDisagreeingWithAFileSeries_refused() throws IOException {
    Random rnd = new Random(5);
    List<String> rows = new ArrayList<>();
    for (int t = 0; t < 48; t++) {
      rows.add(YearMonth.of(2000, 1).plusMonths(t) + "," + rnd.nextGaussian() + "," + t % 7);
    }
    Path f = csv("monthly.csv", "period,a,b", rows);
    CliHarness.Result lead =
        CliHarness.run(
            "leadlag", "--x", f + ":a", "--y", f + ":b", "--freq", "quarter", "--bootstrap", "0");
    assertEquals(2, lead.exit(), lead.err());
    assertTrue(lead.err().contains("--freq quarter: monthly.csv:a is monthly"), lead.err());
    assertEquals("", lead.out());
    CliHarness.Result periods =
        CliHarness.run("periods", "--series", f.toString(), "--column", "a", "--freq", "year");
    assertEquals(2, periods.exit(), periods.err());
    assertTrue(periods.err().contains("is monthly"), periods.err());
    CliHarness.Result month =
        CliHarness.run(
            "leadlag", "--x", f + ":a", "--y", f + ":b", "--freq", "month", "--bootstrap", "0");
    assertEquals(0, month.exit(), month.err());
  }

  /** How many periods an imputation filled is part of the output (JSON and text). */
  @Test
  void leadlag_imputation_reportsHowManyPeriodsWereFilled() throws IOException {
    Random rnd = new Random(9);
    List<String> rows = new ArrayList<>();
    for (int t = 0; t < 40; t++) {
      String a = t % 10 == 3 ? "" : Double.toString(rnd.nextGaussian());
      String b = t == 20 || t == 21 ? "" : Double.toString(rnd.nextGaussian());
      rows.add(YearMonth.of(2000, 1).plusMonths(t) + "," + a + "," + b);
    }
    Path f = csv("gaps.csv", "period,a,b", rows);
    JsonNode r =
        json(
            CliHarness.run(
                "leadlag",
                "--x",
                f + ":a",
                "--y",
                f + ":b",
                "--impute",
                "linear",
                "--bootstrap",
                "0",
                "--format",
                "json"));
    assertEquals(4, r.get("imputed").get("x").asInt());
    assertEquals(2, r.get("imputed").get("y").asInt());
    CliHarness.Result text =
        CliHarness.run(
            "leadlag", "--x", f + ":a", "--y", f + ":b", "--impute", "zero", "--bootstrap", "0");
    assertTrue(
        text.out().contains("imputation zero (4 periods of x and 2 of y filled)"), text.out());
  }

  @Test
  void leadlag_severalPairs_jsonListWithAdjustedPValues() throws IOException {
    Random rnd = new Random(3);
    List<String> rows = new ArrayList<>();
    for (int t = 0; t < 60; t++) {
      rows.add(
          YearMonth.of(2000, 1).plusMonths(t)
              + ","
              + rnd.nextGaussian()
              + ","
              + rnd.nextGaussian()
              + ","
              + rnd.nextGaussian());
    }
    Path f = csv("abc.csv", "period,a,b,c", rows);
    JsonNode r =
        json(
            CliHarness.run(
                "leadlag",
                "--x",
                f + ":a",
                "--y",
                f + ":b",
                "--y",
                f + ":c",
                "--bootstrap",
                "99",
                "--format",
                "json"));
    assertTrue(r.isArray());
    assertEquals(2, r.size());
    assertTrue(r.get(0).get("x_to_y").get("p_adjusted").isNumber());
  }

  @Test
  void character_json_hasComponentsBesideTheIndex() throws IOException {
    Path db = triangleStore();
    JsonNode c =
        json(
            CliHarness.run(
                "character",
                "--dyad",
                "USA-RUS",
                "--db",
                db.toString(),
                "--window",
                "12",
                "--format",
                "json"));
    assertKeys(c, "dyad", "window_months", "reference", "reference_rows", "windows");
    JsonNode w = c.get("windows").get(0);
    assertKeys(w, "first", "last", "events", "components", "tsi", "z");
    assertKeys(
        w.get("components"),
        "breadth",
        "material_share",
        "security_share",
        "persistence",
        "volatility",
        "diffuse_balance",
        "specific_reciprocity",
        "institutionalisation");
    assertEquals("2010-01", w.get("first").asText());
    assertEquals(4, w.get("events").asInt());
  }

  @Test
  void test_allOnTheDemoStore_givesTenVerdictsWithReasonsAndEvidence() throws IOException {
    Path db = dir.resolve("demo.duckdb");
    assertEquals(0, CliHarness.run("demo", "--db", db.toString(), "--no-serve").exit());
    JsonNode all = json(CliHarness.run("test", "all", "--db", db.toString(), "--format", "json"));
    assertEquals(13, all.size(), "P1..P10, P3 v2, P7 v2 and v3");
    List<String> ids = new ArrayList<>();
    for (JsonNode v : all) {
      assertKeys(
          v,
          "id",
          "version",
          "claim",
          "verdict",
          "reason",
          "evidence",
          "operationalisation",
          "tests");
      ids.add(v.get("id").asText() + " v" + v.get("version").asInt());
      assertTrue(
          Set.of("supported", "contradicted", "inconclusive", "insufficient data")
              .contains(v.get("verdict").asText()),
          v.toString());
      assertFalse(v.get("reason").asText().isBlank());
      assertTrue(v.get("evidence").isObject());
      for (JsonNode t : v.get("tests")) {
        assertKeys(t, "name", "method", "n", "statistic", "p", "q", "effect", "direction");
        assertTrue(Set.of("predicted", "against", "none").contains(t.get("direction").asText()));
      }
      // no verdict is supported without a test with q < 0.05 in the predicted direction
      if (v.get("verdict").asText().equals("supported")) {
        boolean any = false;
        for (JsonNode t : v.get("tests")) {
          any |=
              t.get("q").isNumber()
                  && t.get("q").asDouble() < 0.05
                  && t.get("direction").asText().equals("predicted");
        }
        assertTrue(any, v.toString());
      }
    }
    assertEquals(
        List.of(
            "P1 v1", "P2 v1", "P3 v1", "P3 v2", "P4 v1", "P5 v1", "P6 v1", "P7 v1", "P7 v2",
            "P7 v3", "P8 v1", "P9 v1", "P10 v1"),
        ids);
    // an ID named twice is evaluated once: the Benjamini-Hochberg family, and so the verdicts,
    // do not depend on repeats (test all P1 added P1's tests twice)
    assertEquals(
        all.toString(),
        json(CliHarness.run("test", "all", "P1", "p2", "--db", db.toString(), "--format", "json"))
            .toString());
    // one Benjamini-Hochberg family whatever is asked for: P7 alone prints what test all prints
    // for it (alone, its q came from its own versions' tests, and v2 read "supported")
    StringBuilder p7InAll = new StringBuilder("[");
    for (JsonNode v : all) {
      if (v.get("id").asText().equals("P7")) {
        p7InAll.append(p7InAll.length() > 1 ? "," : "").append(v);
      }
    }
    assertEquals(
        p7InAll.append(']').toString(),
        json(CliHarness.run("test", "P7", "--db", db.toString(), "--format", "json")).toString());
    CliHarness.Result one = CliHarness.run("test", "p7", "--db", db.toString());
    assertEquals(0, one.exit(), one.err());
    assertTrue(one.out().contains("verdict:"), one.out());
    assertTrue(one.out().contains("operationalisation:"), one.out());
  }

  @Test
  void badOptions_exitTwoNamingTheProblem() throws IOException {
    Path db = triangleStore();
    String d = db.toString();
    String[][] cases = {
      {"triangle", "USA,CHN,RUS", "--db", d, "--sign-rule", "vibes"},
      {"triangle", "--db", d},
      {"triangle", "USA,CHN", "--db", d},
      {"triangle", "USA,CHN,RUS", "--db", d, "--format", "xml"},
      {"periods", "--dyad", "RUS-PRK", "--db", d, "--method", "magic"},
      {"periods", "--dyad", "RUS-PRK", "--series", "f.csv", "--column", "v", "--db", d},
      {"periods", "--series", "f.csv", "--db", d},
      {"periods", "--dyad", "RUS-PRK", "--db", d, "--penalty", "huge"},
      {"leadlag", "--x", "USA-RUS", "--y", "RUS-PRK", "--db", d, "--difference", "2"},
      {"leadlag", "--x", "nonsense", "--y", "RUS-PRK", "--db", d},
      {"leadlag", "--x", "USA-RUS", "--db", d},
      {"character", "--dyad", "USA-RUS", "--db", d, "--window", "1"},
      {"character", "--dyad", "USA", "--db", d},
      {"test", "P11", "--db", d},
      {"test", "all", "--db", dir.resolve("missing.duckdb").toString()},
    };
    for (String[] c : cases) {
      CliHarness.Result r = CliHarness.run(c);
      assertEquals(2, r.exit(), String.join(" ", c) + " -> " + r.out() + r.err());
      assertFalse(r.err().isBlank(), String.join(" ", c));
    }
  }

  @Test
  void periods_malformedSeriesFile_exitsOneNamingTheLine() throws IOException {
    Path f = csv("bad.csv", "period,v", List.of("2020-01,1", "2020-02,x"));
    CliHarness.Result r = CliHarness.run("periods", "--series", f.toString(), "--column", "v");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("bad.csv line 3"), r.err());
  }

  static Path sharedData(String name) {
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path c = p.resolve("shared").resolve("data").resolve(name);
      if (Files.isDirectory(c)) {
        return c;
      }
    }
    assumeTrue(false, "skipped: shared/data/" + name + " is absent (public sample data)");
    return null;
  }

  @Test
  void allFiveCommands_onAStoreFromTheGdeltSamples_run() {
    Path export = sharedData("gdelt-v2-export-arekziobrowski").resolve("20191024143000.export.CSV");
    Path georgia = sharedData("gdelt-v1-georgia-monthly-undp");
    String db = dir.resolve("g.duckdb").toString();
    CliHarness.Result in =
        CliHarness.run("ingest", "--db", db, export.toString(), georgia.toString());
    assertEquals(0, in.exit(), in.out() + in.err());
    String[][] runs = {
      {"triangle", "USA,CHN,RUS", "--db", db, "--format", "json"},
      {"triangle", "--all", "--db", db, "--freq", "quarter", "--format", "csv"},
      {
        "periods",
        "--dyad",
        "USA-RUS",
        "--db",
        db,
        "--scale",
        "sd",
        // the Georgia exports have no file for 2013-03: a gap the series does not fill itself
        "--impute",
        "linear",
        "--compare",
        "rozman",
        "--format",
        "json"
      },
      {
        "leadlag",
        "--x",
        "USA-RUS",
        "--y",
        "CHN-USA",
        "--db",
        db,
        "--bootstrap",
        "99",
        "--impute",
        "linear",
        "--format",
        "json"
      },
      {"character", "--dyad", "USA-RUS", "--db", db, "--window", "6", "--format", "json"},
      {"test", "all", "--db", db, "--format", "json"},
    };
    for (String[] run : runs) {
      // the store holds gdelt1 (Georgia) and gdelt2 (the export): never pooled, one is chosen
      String[] c = java.util.Arrays.copyOf(run, run.length + 2);
      c[run.length] = "--source";
      c[run.length + 1] = "gdelt1";
      CliHarness.Result r = CliHarness.run(c);
      assertEquals(0, r.exit(), String.join(" ", c) + " -> " + r.err());
      assertFalse(r.out().isBlank(), String.join(" ", c));
    }
  }
}
