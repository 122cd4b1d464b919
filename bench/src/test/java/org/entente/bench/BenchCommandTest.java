package org.entente.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entente.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code entente bench}, registered by Main when this module is on the class path. */
class BenchCommandTest {
  record Result(int exit, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.commandLine()
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void main_benchOnClassPath_registersTheBenchCommandWithItsSubcommands() {
    CommandLine bench = Main.commandLine().getSubcommands().get("bench");
    assertEquals(
        List.of("generate", "ingest", "api", "analyse", "commands", "fetch", "simulate", "spark"),
        List.copyOf(bench.getSubcommands().keySet()));
    // --debug is inherited from the root command as on every other command
    assertTrue(bench.getCommandSpec().findOption("--debug") != null);
    assertTrue(run("--help").out().contains("  bench "), "listed in the main help");
  }

  @Test
  void benchSpark_withoutTheSparkModule_exitsTwoSayingHowToRunIt(@TempDir Path dir)
      throws java.io.IOException {
    Path f = Files.writeString(dir.resolve("20240101000000.export.CSV"), "x\n");
    Result r = run("bench", "spark", f.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("engine 'spark' is not on this classpath"), r.err());
  }

  @Test
  void benchSimulate_smallRun_printsRunsPerSecondForBothPresets() {
    Result r =
        run("bench", "simulate", "--runs", "20", "--repeat", "1", "--threads", "2", "--seed", "3");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("20 runs, seed 3"), r.out());
    assertTrue(r.out().contains("paper, 2 threads"), r.out());
    assertTrue(r.out().contains("scholz, 1 thread"), r.out());
    assertEquals(2, run("bench", "simulate", "--runs", "0").exit());
  }

  @Test
  void benchIngestSplit_smallFile_comparesPartsWithAGlobAndRefusesNonsense(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path f = dir.resolve("g.tsv");
    GdeltGenerator.write(f, 300, 9);
    Result r = run("bench", "ingest", "--split", "12", "--unfiltered", "--runs", "1", f.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("split: 12 files of about 25 rows"), r.out());
    assertTrue(r.out().contains("kept 300"), r.out());
    assertTrue(r.out().contains("(target <= 2)"), r.out());
    assertFalse(r.out().contains("of which reading"), "small files load in batches: " + r.out());
    assertEquals(2, run("bench", "ingest", "--split", "0", f.toString()).exit());
    assertEquals(2, run("bench", "ingest", "--split", "3", "--rss", f.toString()).exit());
  }

  @Test
  void benchIngest_oneFile_splitsItsTimeIntoReadingAndStoring(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path f = dir.resolve("g.tsv");
    GdeltGenerator.write(f, 2000, 5);
    Result r = run("bench", "ingest", "--unfiltered", "--runs", "1", f.toString());
    assertEquals(0, r.exit(), r.err());
    java.util.regex.Matcher total =
        java.util.regex.Pattern.compile("entente : +([0-9.]+) s").matcher(r.out());
    java.util.regex.Matcher phases =
        java.util.regex.Pattern.compile(
                "of which reading ([0-9.]+) s \\(parsing, the rows appended alongside\\), storing"
                    + " ([0-9.]+) s")
            .matcher(r.out());
    assertTrue(total.find(), r.out());
    assertTrue(phases.find(), r.out());
    double sum = Double.parseDouble(phases.group(1)) + Double.parseDouble(phases.group(2));
    // each printed to 0.01 s: their sum is the whole within rounding
    assertEquals(Double.parseDouble(total.group(1)), sum, 0.011, r.out());
    assertTrue(Double.parseDouble(phases.group(2)) > 0, "storing takes some time: " + r.out());
  }

  @Test
  void benchIngestDeferRollups_printsTheLoadAndTheFoldApart(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path f = dir.resolve("g.tsv");
    GdeltGenerator.write(f, 2000, 5);
    Result r =
        run("bench", "ingest", "--unfiltered", "--defer-rollups", "--runs", "1", f.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("with --defer-rollups: the events only"), r.out());
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "entente : +([0-9.]+) s(?s).*duckdb  : +([0-9.]+) s.*fold \\(entente fold,"
                    + " afterwards, a store opened anew\\): ([0-9.]+) s; ingest and fold"
                    + " ([0-9.]+) s \\(medians added\\), ratio ([0-9.]+)")
            .matcher(r.out());
    assertTrue(m.find(), r.out());
    double load = Double.parseDouble(m.group(1));
    double fold = Double.parseDouble(m.group(3));
    // the fold ran (it found the file pending, else the bench fails) and is added to the load
    assertEquals(load + fold, Double.parseDouble(m.group(4)), 0.011, r.out());
    // the ratio of the unrounded times: within what the printed ones, each to 0.01 s, allow
    double d = Double.parseDouble(m.group(2));
    double ratio = Double.parseDouble(m.group(5));
    assertTrue(
        ratio >= (load + fold - 0.01) / (d + 0.005) - 0.005
            && ratio <= (load + fold + 0.01) / (d - 0.005) + 0.005,
        r.out());
  }

  /**
   * The load test on the demo store: every request of every level is counted once, as answered
   * (200), refused with a reason (422: the mix asks for change points of series that are constant
   * over some ranges) or an error, and no request is an error.
   */
  @Test
  void benchApiConcurrency_demoStore_countsEveryRequestOnceAndNoErrors() {
    Result r = run("bench", "api", "--concurrency", "1,4", "--load-requests", "40");
    assertEquals(0, r.exit(), r.err());
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "(?m)^\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+([\\d.]+)\\s+([\\d.]+)"
                    + "\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)$")
            .matcher(r.out());
    List<Integer> levels = new java.util.ArrayList<>();
    while (m.find()) {
      levels.add(Integer.parseInt(m.group(1)));
      assertEquals(40, Integer.parseInt(m.group(2)), r.out());
      int refused = Integer.parseInt(m.group(3));
      assertTrue(refused < 40, r.out());
      assertEquals(0, Integer.parseInt(m.group(4)), r.out());
      double p50 = Double.parseDouble(m.group(6));
      double p95 = Double.parseDouble(m.group(7));
      double p99 = Double.parseDouble(m.group(8));
      assertTrue(p50 > 0 && p50 <= p95 && p95 <= p99, r.out());
    }
    assertEquals(List.of(1, 4), levels, r.out());
    assertTrue(r.out().contains("refused  errors"), r.out());
  }

  @Test
  void benchGenerate_negativeRows_isAUsageMistake() {
    Result r = run("bench", "generate", "--rows", "-1", "x.tsv");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--rows must be >= 0"), r.err());
  }

  /** A launcher as ./entente is one: a script that runs the CLI in a JVM of its own. */
  private static Path launcher(Path dir, String body) throws java.io.IOException {
    Path script = dir.resolve("entente");
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    assertTrue(script.toFile().setExecutable(true));
    return script;
  }

  /** {@code bench commands} once per command, {@code only} those, through {@code launcher}. */
  private static Result benchCommands(Path launcher, String only, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("bench", "commands", "--runs", "1", "--only", only, "--launcher"));
    args.add(launcher.toString());
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  @Test
  void benchCommands_runsEachCommandAsAProcess_andPrintsRatiosToTheBaselines(@TempDir Path dir)
      throws java.io.IOException {
    // the product's command line on this test's class path, as the launcher would run it
    String main =
        "exec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' -XX:TieredStopAtLevel=1 -cp '"
            + System.getProperty("java.class.path")
            + "' org.entente.cli.Main \"$@\"";
    Path script = launcher(dir, main);
    Result r = benchCommands(script, "info,series");
    assertEquals(0, r.exit(), r.err() + r.out());
    assertTrue(r.out().contains("java -version (bare JVM)"), r.out());
    for (String name : List.of("--version", "info", "series")) {
      assertTrue(
          r.out().lines().anyMatch(l -> l.startsWith("  " + name + " ") && l.contains(" ms")),
          name + " in " + r.out());
    }
    assertTrue(r.out().contains("ratio to --version 1.00"), "the baseline's own ratio: " + r.out());
    assertTrue(r.out().matches("(?s).*\\d of 3 commands take under 1000 ms.*"), r.out());
    assertTrue(!r.out().contains("timeline"), "--only leaves the others out: " + r.out());

    Result unknown = run("bench", "commands", "--only", "nosuch", "--launcher", script.toString());
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("unknown command 'nosuch'"), unknown.err());

    // --daemon: measured again between the launcher's 'daemon start' and 'daemon stop' (this
    // launcher records its calls instead of starting one)
    Path calls = dir.resolve("calls.txt");
    Path withDaemon =
        launcher(
            Files.createDirectories(dir.resolve("d")),
            "echo \"$1 $2\" >> '" + calls + "'; case \"$1\" in daemon) exit 0 ;; esac; " + main);
    Result d = benchCommands(withDaemon, "info", "--daemon");
    assertEquals(0, d.exit(), d.err() + d.out());
    assertTrue(d.out().contains("with the launcher's daemon running"), d.out());
    assertEquals(2, d.out().lines().filter(l -> l.startsWith("  info ")).count(), d.out());
    List<String> order = Files.readAllLines(calls);
    int start = order.indexOf("daemon start");
    int stop = order.indexOf("daemon stop");
    assertTrue(start > 0 && stop == order.size() - 1, order.toString());
    assertTrue(
        order.subList(start, stop).stream().anyMatch(c -> c.startsWith("info ")), order.toString());

    // a command that fails is reported with its exit code and output, not timed
    Path failing = launcher(Files.createDirectories(dir.resolve("f")), "echo broken; exit 3");
    Result f = run("bench", "commands", "--runs", "1", "--launcher", failing.toString());
    assertEquals(1, f.exit(), f.out());
    assertTrue(f.err().contains("exit 3") && f.err().contains("broken"), f.err());
  }
}
