package org.entente.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.entente.cameo.Cameo;
import org.entente.cameo.QuadMapping;
import org.entente.cli.UsageException;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.FileReport;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.ingest.SourceFormat;
import org.entente.store.Engines;
import org.entente.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code entente bench spark FILE}: ingest throughput of the Spark engine against the embedded
 * DuckDB engine (the baseline, measured in the same run), and its scaling over local cores. Two
 * cases: FILE as one file, and FILE's lines dealt into {@code --split} files ingested in one go
 * (the Spark engine parses them in parallel tasks, one per file). DuckDB runs in this process;
 * Spark runs once per {@code --master}, each in a process of its own (one Spark session per
 * process), started with this process's JVM, options and class path. Every row is kept; each run
 * ingests into a fresh store or lake; the median of {@code --runs} is compared. Prints rows/s, the
 * ratio Spark/DuckDB and each master's speed-up over the first.
 */
@Command(
    name = "spark",
    mixinStandardHelpOptions = true,
    description = {
      "Ingest FILE (GDELT 1.0/2.0, every row kept), as one file and split into --split files,"
          + " into fresh DuckDB stores and fresh Spark lakes (each --master in a process of its"
          + " own); print rows/s, the ratio Spark/DuckDB and the speed-up over the first master.",
      "Needs the spark module on the classpath: run it as ./entente bench spark FILE."
    })
final class SparkBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE")
  Path file;

  @Option(
      names = "--runs",
      defaultValue = "2",
      description = "Runs of each; the median is compared (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master to measure; repeat it for several (default: local[1] and local[2]). The"
              + " speed-up is relative to the first.")
  List<String> masters = new ArrayList<>();

  @Option(
      names = "--split",
      defaultValue = "12",
      paramLabel = "K",
      description =
          "Also measure FILE's lines dealt into K files, ingested in one go; 1: FILE only"
              + " (default: ${DEFAULT-VALUE}).")
  int split;

  /** Internal: measure Spark only, on the one --master given, and print the medians. */
  @Option(names = "--child", hidden = true)
  boolean child;

  private static final IngestOptions ALL =
      new IngestOptions(SourceFormat.AUTO, ActorFilter.all(), QuadMapping.GDELT);

  /** One case's median over the runs. */
  private record Measured(double seconds, long read, long stored) {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    BenchCommand.Ingest.checkIngestArguments(file, runs, split);
    try {
      Engines.provider("spark");
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    List<String> ms = masters.isEmpty() ? List.of("local[1]", "local[2]") : masters;
    if (child && ms.size() != 1) {
      throw new UsageException("--child measures one --master");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path dir = Files.createTempDirectory("entente-bench-spark");
    try {
      List<List<Path>> cases = new ArrayList<>();
      cases.add(List.of(file));
      if (split > 1) {
        Path parts = BenchCommand.Ingest.splitInto(file, dir.resolve("parts"), split);
        try (Stream<Path> s = Files.list(parts)) {
          cases.add(s.sorted().toList());
        }
      }
      if (child) {
        measureSpark(ms.get(0), cases, dir, out);
        return 0;
      }
      compare(ms, cases, dir, out);
    } finally {
      BenchCommand.Ingest.deleteTree(dir);
    }
    out.flush();
    return 0;
  }

  private void compare(List<String> ms, List<List<Path>> cases, Path dir, PrintWriter out)
      throws IOException, InterruptedException {
    List<Measured> duck = new ArrayList<>();
    for (int c = 0; c < cases.size(); c++) {
      int k = c;
      duck.add(
          measure(
              "duckdb, case " + (c + 1),
              i -> Engines.Spec.of(dir.resolve("duck-" + k + "-" + i + ".duckdb")),
              cases.get(c)));
    }
    // per master: the start-up, then the medians of each case
    List<Double> startUp = new ArrayList<>();
    List<List<Measured>> spark = new ArrayList<>();
    for (String m : ms) {
      List<Measured> got = new ArrayList<>();
      startUp.add(runChild(m, got));
      for (int c = 0; c < cases.size(); c++) {
        if (got.size() <= c || got.get(c).stored() != duck.get(c).stored()) {
          throw new IllegalStateException(
              "spark " + m + " stored other rows than duckdb in case " + (c + 1) + ": " + got);
        }
      }
      spark.add(got);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    Measured whole = duck.get(0);
    out.printf(
        "file: %s (%.1f MB, %,d rows, %,d stored)%n",
        file, Files.size(file) / 1e6, whole.read(), whole.stored());
    out.printf(
        "runs: %d (median); %d cores on this machine; every row kept; one Spark process per"
            + " master%n",
        runs, cores);
    for (int k = 0; k < ms.size(); k++) {
      out.printf(
          "spark %s session start-up (not in the runs): %.2f s%n", ms.get(k), startUp.get(k));
    }
    for (int c = 0; c < cases.size(); c++) {
      int files = cases.get(c).size();
      out.printf("%n%s:%n", files == 1 ? "one file" : files + " files (FILE split), in one ingest");
      Measured d = duck.get(c);
      out.printf("  %-18s %8.2f s %,12.0f rows/s%n", "duckdb", d.seconds(), d.read() / d.seconds());
      for (int k = 0; k < ms.size(); k++) {
        Measured s = spark.get(k).get(c);
        String speedUp =
            k == 0
                ? ""
                : String.format(
                    "  speed-up over %s: %.2f",
                    ms.get(0), spark.get(0).get(c).seconds() / s.seconds());
        out.printf(
            "  %-18s %8.2f s %,12.0f rows/s  ratio spark/duckdb %.2f%s%n",
            "spark " + ms.get(k),
            s.seconds(),
            s.read() / s.seconds(),
            s.seconds() / d.seconds(),
            speedUp);
      }
    }
  }

  /**
   * Runs this command with {@code --child} for one master in a JVM like this one; returns its
   * session start-up in seconds and adds its cases' medians to {@code got}.
   */
  private double runChild(String master, List<Measured> got)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.entente.cli.Main");
    cmd.addAll(
        List.of(
            "bench",
            "spark",
            "--child",
            "--master",
            master,
            "--runs",
            Integer.toString(runs),
            "--split",
            Integer.toString(split),
            file.toString()));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    double start = Double.NaN;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split(" ");
        if (f[0].equals("start-up")) {
          start = Double.parseDouble(f[1]);
        } else if (f[0].equals("case")) {
          got.add(
              new Measured(Double.parseDouble(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])));
        }
      }
    }
    int code = p.waitFor();
    if (code != 0) {
      throw new IllegalStateException("the spark " + master + " run exited with " + code);
    }
    return start;
  }

  /** The child's part: the session's start-up, then per case "case SECONDS READ STORED". */
  private void measureSpark(String master, List<List<Path>> cases, Path dir, PrintWriter out) {
    long t0 = System.nanoTime();
    try (EventStore warm = Engines.openForWriting(lake(dir.resolve("warm-up"), master))) {
      warm.summary();
    }
    out.printf("start-up %.3f%n", (System.nanoTime() - t0) / 1e9);
    for (int c = 0; c < cases.size(); c++) {
      int k = c;
      Measured m =
          measure(
              "spark " + master + ", case " + (c + 1),
              i -> lake(dir.resolve("lake-" + k + "-" + i), master),
              cases.get(c));
      out.printf("case %.3f %d %d%n", m.seconds(), m.read(), m.stored());
    }
    out.flush();
  }

  /**
   * The median of --runs ingests of {@code files}, each into the fresh store {@code store(run)}.
   */
  private Measured measure(
      String what, java.util.function.IntFunction<Engines.Spec> store, List<Path> files) {
    List<Long> times = new ArrayList<>();
    FileCounts n = null;
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      try (EventStore s = Engines.openForWriting(store.apply(i))) {
        n = ingest(s, files);
      }
      times.add(System.nanoTime() - t0);
      System.err.printf("%s, run %d: %.2f s%n", what, i + 1, times.get(i) / 1e9);
    }
    return new Measured(BenchCommand.Ingest.median(times) / 1e9, n.read, n.stored);
  }

  private static Engines.Spec lake(Path location, String master) {
    return new Engines.Spec("spark", null, null, null, location.toString(), master);
  }

  /** Rows read and stored over a case's files. */
  private static final class FileCounts {
    long read;
    long stored;
  }

  private static FileCounts ingest(EventStore s, List<Path> files) {
    FileCounts n = new FileCounts();
    for (FileReport r : new Ingestor(s, Cameo.bundled()).ingest(files, ALL, IngestListener.NONE)) {
      if (r.status() != FileReport.Status.LOADED) {
        throw new IllegalStateException("ingest of " + r.path() + " failed: " + r.message());
      }
      n.read += r.read();
      n.stored += r.stored();
    }
    return n;
  }
}
