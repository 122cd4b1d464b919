package org.entente.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.entente.cameo.Cameo;
import org.entente.cameo.QuadMapping;
import org.entente.cli.Main;
import org.entente.cli.UsageException;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.FileReport;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.ingest.SourceFormat;
import org.entente.store.duckdb.DuckDbStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code entente bench}: benchmarks that print ratios against a baseline run in the same process.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks (not tests): ratios against a baseline measured in the same run.",
    subcommands = {
      BenchCommand.Generate.class,
      BenchCommand.Ingest.class,
      BenchCommand.Api.class,
      BenchAnalyseCommand.class,
      BenchCommandsCommand.class,
      BenchCommand.Fetch.class,
      SimulateBench.class,
      SparkBench.class
    })
final class BenchCommand implements Runnable {
  static final Set<String> SIX =
      new LinkedHashSet<>(List.of("RUS", "PRK", "CHN", "USA", "KOR", "JPN"));

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code entente bench generate --rows N FILE}. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description =
          "Write a realistic GDELT 2.0 events file (61 columns, real event-code and actor"
              + " distributions) for benchmarks; gzipped if FILE ends in .gz.")
  static final class Generate implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--rows", required = true, description = "Number of rows.")
    long rows;

    @Option(
        names = "--seed",
        defaultValue = "20240619",
        description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() throws IOException {
      if (rows < 0) {
        throw new UsageException("--rows must be >= 0");
      }
      PrintWriter out = spec.commandLine().getOut();
      GdeltGenerator.Stats s =
          GdeltGenerator.write(
              file,
              rows,
              seed,
              n -> {
                if (n % 1_000_000 == 0 || n == rows) {
                  System.err.printf("generated %,d / %,d rows%n", n, rows);
                }
              });
      out.printf(
          "wrote %s: %,d rows, %.1f MB, seed %d, %.1f s (%.0f rows/s)%n",
          file, s.rows(), s.fileBytes() / 1e6, s.seed(), s.elapsedNanos() / 1e9, s.rowsPerSecond());
      out.flush();
      return 0;
    }
  }

  /** {@code entente bench ingest FILE}: Entente's ingest against DuckDB's read_csv. */
  @Command(
      name = "ingest",
      mixinStandardHelpOptions = true,
      description = {
        "Ingest FILE (GDELT 2.0) with Entente into a fresh store with the six-state filter, then"
            + " load it with DuckDB's own read_csv with the same filter and kept columns into"
            + " another fresh store; print rows/s, MB/s, peak heap, and the wall and CPU time"
            + " ratios Entente/DuckDB (target <= 1.25 on 2,000,000 rows)."
      })
  static final class Ingest implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(
        names = "--runs",
        defaultValue = "3",
        description =
            "Runs of each, alternating; the median is compared (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
        names = "--unfiltered",
        description = "Keep every row on both sides (no six-state filter).")
    boolean unfiltered;

    @Option(
        names = "--rss",
        description = {
          "Also run each side once in a process of its own under /usr/bin/time -v (the launcher's"
              + " -Xmx512m) and print its peak resident memory."
        })
    boolean rss;

    @Option(
        names = "--sequential",
        description =
            "Also time Entente parsing and storing on one thread (a file alone from 16 MB on is"
                + " stored on a thread of its own while the next rows are parsed), in the same runs.")
    boolean sequential;

    @Option(
        names = "--split",
        paramLabel = "N",
        defaultValue = "1",
        description = {
          "Deal FILE's rows round-robin into N files first (untimed) and load those: Entente"
              + " ingests the N files (small files several to a transaction), DuckDB reads them by one read_csv"
              + " glob (target: within 2x; default: ${DEFAULT-VALUE}, the file itself)."
        })
    int split;

    @Option(
        names = "--defer-rollups",
        description = {
          "Ingest as 'entente ingest --defer-rollups' does (the events only, the rollups left"
              + " pending), then time the fold that adds them ('entente fold', in a store opened"
              + " anew) apart, and print both."
        })
    boolean deferRollups;

    @Override
    public Integer call() throws IOException, SQLException {
      checkIngestArguments(file, runs, split);
      if (split > 1 && rss) {
        throw new UsageException("--rss measures one file: leave out --split");
      }
      PrintWriter out = spec.commandLine().getOut();
      long bytes = Files.size(file);
      Path dir = Files.createTempDirectory("entente-bench");
      Path parts = split > 1 ? splitInto(file, dir.resolve("parts"), split) : null;
      List<Path> inputs = new ArrayList<>();
      if (parts == null) {
        inputs.add(file);
      } else {
        try (var l = Files.list(parts)) {
          l.sorted().forEach(inputs::add);
        }
      }
      IngestOptions options =
          new IngestOptions(
              SourceFormat.GDELT2,
              unfiltered ? ActorFilter.all() : ActorFilter.of(SIX),
              QuadMapping.GDELT);
      List<Long> ours = new ArrayList<>();
      List<Long> oneThread = new ArrayList<>();
      List<Long> theirs = new ArrayList<>();
      List<Long> oursCpu = new ArrayList<>();
      // a file loaded on its own: reading (parsing, the rows appended alongside) until the
      // listener hears "storing", then storing (the last rows, duplicates, rollups, commit, close)
      List<Long> reading = new ArrayList<>();
      List<Long> storing = new ArrayList<>();
      List<Long> theirsCpu = new ArrayList<>();
      List<Long> folds = new ArrayList<>();
      long oursRows = 0;
      long theirRows = 0;
      long read = 0;
      long peakHeap = 0;
      try {
        for (int i = 0; i < runs; i++) {
          Path db = dir.resolve("entente-" + i + ".duckdb");
          long c0 = processCpuNanos();
          long t0 = System.nanoTime();
          long[] storingAt = {0};
          IngestListener phases =
              new IngestListener() {
                @Override
                public void storing(long rows) {
                  storingAt[0] = System.nanoTime();
                }
              };
          FileReport r;
          try (HeapSampler heap = HeapSampler.start();
              DuckDbStore s = DuckDbStore.open(db)) {
            s.deferRollups(deferRollups);
            List<FileReport> reports =
                new Ingestor(s, Cameo.bundled()).ingest(inputs, options, phases);
            r = total(reports);
            heap.close();
            peakHeap = Math.max(peakHeap, heap.peakHeapBytes());
          }
          long t1 = System.nanoTime();
          ours.add(t1 - t0);
          if (parts == null && storingAt[0] > 0) {
            reading.add(storingAt[0] - t0);
            storing.add(t1 - storingAt[0]);
          }
          oursCpu.add(processCpuNanos() - c0);
          if (deferRollups) {
            long f0 = System.nanoTime();
            try (DuckDbStore s = DuckDbStore.open(db)) {
              if (s.foldRollups() == 0) {
                throw new IllegalStateException("--defer-rollups left no file pending");
              }
            }
            folds.add(System.nanoTime() - f0);
          }
          if (r.status() != FileReport.Status.LOADED) {
            throw new IllegalStateException("Entente ingest failed: " + r.message());
          }
          oursRows = r.stored();
          read = r.read();
          if (sequential) {
            long s0 = System.nanoTime();
            try (DuckDbStore s = DuckDbStore.open(dir.resolve("sequential-" + i + ".duckdb"))) {
              FileReport q =
                  total(
                      new Ingestor(s, Cameo.bundled())
                          .overlapFromBytes(Long.MAX_VALUE)
                          .ingest(inputs, options, IngestListener.NONE));
              if (q.stored() != r.stored() || q.duplicate() != r.duplicate()) {
                throw new IllegalStateException(
                    "one thread stored " + q.stored() + ", overlapped " + r.stored());
              }
            }
            oneThread.add(System.nanoTime() - s0);
          }
          Path theirDb = dir.resolve("duckdb-" + i + ".duckdb");
          long c1 = processCpuNanos();
          DuckDbBaseline.Result b =
              parts == null
                  ? DuckDbBaseline.run(file, unfiltered ? Set.of() : SIX, theirDb)
                  : DuckDbBaseline.runGlob(parts, unfiltered ? Set.of() : SIX, theirDb);
          theirs.add(b.nanos());
          theirsCpu.add(processCpuNanos() - c1);
          theirRows = b.rowsKept();
          System.err.printf(
              "run %d: entente %.2f s, duckdb %.2f s%n", i + 1, ours.get(i) / 1e9, b.nanos() / 1e9);
        }
      } finally {
        deleteTree(dir);
      }
      double e = median(ours) / 1e9;
      double d = median(theirs) / 1e9;
      out.printf("file: %s (%.1f MB, %,d rows)%n", file, bytes / 1e6, read);
      if (parts != null) {
        out.printf(
            "split: %d files of about %,d rows (entente: small files in batches; duckdb: one"
                + " read_csv glob; target: ratio <= 2)%n",
            split, read / split);
      }
      out.printf(
          "filter: %s; runs: %d (median)%n",
          unfiltered ? "none (every row kept)" : "both actors in " + String.join(",", SIX), runs);
      out.printf(
          "entente : %6.2f s  %,10.0f rows/s  %7.1f MB/s  kept %,d  peak heap %.0f MB (max heap %.0f MB)%n",
          e,
          read / e,
          bytes / 1e6 / e,
          oursRows,
          peakHeap / 1e6,
          Runtime.getRuntime().maxMemory() / 1e6);
      if (sequential) {
        double q = median(oneThread) / 1e9;
        out.printf(
            "entente, parsing and storing on one thread: %6.2f s  %,10.0f rows/s  (overlapped"
                + " %.2f times as fast)%n",
            q, read / q, q / e);
      }
      if (!reading.isEmpty()) {
        out.printf(
            "          of which reading %.2f s (parsing, the rows appended alongside), storing %.2f s"
                + " (the last rows, duplicates, rollups, commit)%n",
            median(reading) / 1e9, median(storing) / 1e9);
      }
      out.printf(
          "duckdb  : %6.2f s  %,10.0f rows/s  %7.1f MB/s  kept %,d  (read_csv, same filter and columns)%n",
          d, read / d, bytes / 1e6 / d, theirRows);
      out.printf(
          "ratio entente/duckdb: %.2f (target <= %s)%s%n",
          e / d,
          parts == null ? "1.25" : "2",
          deferRollups ? " with --defer-rollups: the events only" : "");
      if (deferRollups) {
        double f = median(folds) / 1e9;
        out.printf(
            "fold (entente fold, afterwards, a store opened anew): %.2f s; ingest and fold %.2f s"
                + " (medians added), ratio %.2f%n",
            f, e + f, (e + f) / d);
      }
      double ec = median(oursCpu) / 1e9;
      double dc = median(theirsCpu) / 1e9;
      out.printf(
          "cpu (user+sys of the process, all threads): entente %.2f s, duckdb %.2f s, ratio %.2f"
              + " (on a shared machine, the fairer comparison)%n",
          ec, dc, ec / dc);
      out.printf(
          "first run (cold JVM, JIT not warmed): entente %.2f s, duckdb %.2f s, ratio %.2f%n",
          ours.get(0) / 1e9, theirs.get(0) / 1e9, (double) ours.get(0) / theirs.get(0));
      if (oursRows != theirRows) {
        out.printf("note: kept rows differ (entente %d, duckdb %d)%n", oursRows, theirRows);
      }
      if (rss) {
        printRss(out);
      }
      out.flush();
      return 0;
    }

    /** The reports of several files as one (statuses: loaded only if every file was). */
    private static FileReport total(List<FileReport> reports) {
      if (reports.size() == 1) {
        return reports.get(0);
      }
      long[] n = new long[6];
      String failed = null;
      for (FileReport x : reports) {
        n[0] += x.read();
        n[1] += x.stored();
        n[2] += x.rejected();
        n[3] += x.duplicate();
        n[4] += x.filtered();
        n[5] += x.bytes();
        if (x.status() != FileReport.Status.LOADED && failed == null) {
          failed = x.path() + ": " + x.message();
        }
      }
      return new FileReport(
          reports.size() + " files",
          "gdelt2",
          failed == null ? FileReport.Status.LOADED : FileReport.Status.FAILED,
          n[0],
          n[1],
          n[2],
          n[3],
          n[4],
          n[5],
          0,
          failed);
    }

    /** Deals FILE's lines round-robin into {@code n} files under {@code dir} (untimed). */
    /**
     * The checks of an ingest bench's FILE, --runs and --split (also {@code bench spark}'s).
     *
     * @throws UsageException naming the problem
     */
    static void checkIngestArguments(Path file, int runs, int split) {
      if (!Files.isRegularFile(file)) {
        throw new UsageException("no such file: " + file);
      }
      if (runs < 1) {
        throw new UsageException("--runs must be >= 1");
      }
      if (split < 1) {
        throw new UsageException("--split must be >= 1");
      }
      if (split > 1 && file.getFileName().toString().endsWith(".gz")) {
        throw new UsageException("--split reads FILE as text: give it an uncompressed file");
      }
    }

    static Path splitInto(Path file, Path dir, int n) throws IOException {
      Files.createDirectories(dir);
      java.io.BufferedWriter[] w = new java.io.BufferedWriter[n];
      try {
        for (int k = 0; k < n; k++) {
          w[k] =
              Files.newBufferedWriter(
                  dir.resolve(String.format("part-%06d.export.CSV", k)),
                  java.nio.charset.StandardCharsets.UTF_8);
        }
        try (java.io.BufferedReader in =
            Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
          String line;
          long i = 0;
          while ((line = in.readLine()) != null) {
            java.io.BufferedWriter o = w[(int) (i++ % n)];
            o.write(line);
            o.write('\n');
          }
        }
      } finally {
        for (java.io.BufferedWriter x : w) {
          if (x != null) {
            x.close();
          }
        }
      }
      return dir;
    }

    /** Peak RSS of each side in a process of its own, by /usr/bin/time -v. */
    private void printRss(PrintWriter out) throws IOException {
      Path time = Path.of("/usr/bin/time");
      if (!Files.isExecutable(time)) {
        out.println("peak RSS: skipped, /usr/bin/time not found (Debian: apt-get install time)");
        return;
      }
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String cp = System.getProperty("java.class.path");
      Path dir = Files.createTempDirectory("entente-bench-rss");
      try {
        // each side in a JVM of its own, with the launcher's heap, under /usr/bin/time -v
        List<String> jvm = List.of(time.toString(), "-v", java, "-Xmx512m", "-cp", cp);
        List<String> ours = new ArrayList<>(jvm);
        ours.addAll(
            List.of(
                Main.class.getName(),
                "ingest",
                "--db",
                dir.resolve("entente.duckdb").toString(),
                "--format",
                "gdelt2"));
        if (!unfiltered) {
          ours.add("--actors");
          ours.add(String.join(",", SIX));
        }
        if (deferRollups) {
          ours.add("--defer-rollups"); // the fold, in a command of its own, is not measured
        }
        ours.add(file.toString());
        List<String> theirs = new ArrayList<>(jvm);
        theirs.addAll(
            List.of(
                DuckDbBaseline.class.getName(),
                file.toString(),
                dir.resolve("duckdb.duckdb").toString(),
                unfiltered ? "" : String.join(",", SIX)));
        long a = peakRssKb(ours, dir.resolve("entente.log"));
        long b = peakRssKb(theirs, dir.resolve("duckdb.log"));
        out.printf(
            "peak RSS (own process, /usr/bin/time -v): entente %.0f MB (DuckDB memory_limit %s,"
                + " heap 512 MB%s), duckdb read_csv %.0f MB (DuckDB's defaults), ratio %.2f%n",
            a / 1024.0,
            org.entente.store.duckdb.StoreSettings.DEFAULT_MEMORY_LIMIT,
            deferRollups ? ", --defer-rollups" : "",
            b / 1024.0,
            (double) a / b);
      } finally {
        deleteTree(dir);
      }
    }

    private static long peakRssKb(List<String> command, Path log) throws IOException {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      try {
        int code = p.waitFor();
        List<String> lines = Files.readAllLines(log);
        if (code != 0) {
          throw new IllegalStateException(
              "exit "
                  + code
                  + " from "
                  + String.join(" ", command)
                  + ": "
                  + String.join("\n", lines));
        }
        for (String l : lines) {
          String t = l.strip();
          if (t.startsWith("Maximum resident set size (kbytes):")) {
            return Long.parseLong(t.substring(t.indexOf(':') + 1).strip());
          }
        }
        throw new IllegalStateException("/usr/bin/time printed no peak RSS");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** CPU time of this process so far (every thread, DuckDB's native ones included). */
    static long processCpuNanos() {
      return ((com.sun.management.OperatingSystemMXBean)
              java.lang.management.ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }

    static double median(List<Long> xs) {
      List<Long> s = new ArrayList<>(xs);
      s.sort(Comparator.naturalOrder());
      int n = s.size();
      return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
    }

    static void deleteTree(Path dir) throws IOException {
      try (Stream<Path> w = Files.walk(dir)) {
        for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * {@code entente bench api}: p50/p95 latency of every API route on the demo store (or --db) and
   * on a synthetic store of --rows events.
   */
  @Command(
      name = "api",
      mixinStandardHelpOptions = true,
      description = {
        "Start the web server on a free loopback port and time every API route (sequential"
            + " requests, bounded): p50 and p95 per route, and the ratio of p50 to the baseline"
            + " /api/openapi.json. Stores: the demo store built from the bundled chronology (or"
            + " --db), and with --rows N a synthetic store of N events among the six states"
            + " (target: p95 under 100 ms for series, triangle and timeline)."
      })
  static final class Api implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--db",
        paramLabel = "FILE",
        description = "Time this store instead of the demo store.")
    Path db;

    @Option(
        names = "--rows",
        defaultValue = "0",
        paramLabel = "N",
        description = "Also build and time a synthetic store of N events (default: none).")
    long rows;

    @Option(
        names = "--keep",
        paramLabel = "FILE",
        description = "Where the synthetic store goes (reused if it exists; default: a temp file).")
    Path keep;

    @Option(
        names = "--requests",
        defaultValue = "30",
        description = "Timed requests per route, 1..1000 (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(
        names = "--seed",
        defaultValue = "20240619",
        description = "Seed of the synthetic store (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--concurrency",
        split = ",",
        paramLabel = "N",
        description = {
          "Load test instead of per-route latency: N concurrent clients (a list, e.g. 1,8,32)"
              + " send mixed uncached requests (series, triangle, periods, character over varying"
              + " ranges); prints throughput, p50/p95/p99 and the throughput ratio to the first N."
        })
    int[] concurrency;

    @Option(
        names = "--load-requests",
        defaultValue = "400",
        paramLabel = "N",
        description =
            "Requests per concurrency level in the load test (default: ${DEFAULT-VALUE}).")
    int loadRequests;

    @Override
    public Integer call() throws IOException, SQLException {
      if (concurrency != null) {
        return loadTest();
      }
      if (requests < 1 || requests > 1000) {
        throw new UsageException("--requests must be 1..1000");
      }
      if (rows < 0) {
        throw new UsageException("--rows must be >= 0");
      }
      if (db != null && !Files.exists(db)) {
        throw new UsageException("no store at " + db);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (db != null) {
        try (DuckDbStore s = DuckDbStore.open(db)) {
          print(out, db.toString(), s);
        }
      } else {
        try (DuckDbStore s = DuckDbStore.inMemory()) {
          org.entente.system.Chronology.loadBundled(s);
          print(out, "demo store (bundled chronology)", s);
        }
      }
      if (rows > 0) {
        withSyntheticStore(out, (label, s) -> print(out, label, s));
      }
      return 0;
    }

    /** What a benchmark does with one store. */
    private interface StoreRun {
      void run(String label, DuckDbStore store) throws IOException;
    }

    /**
     * Runs {@code run} on the synthetic store of --rows events, read-only: at --keep (built there
     * if missing, then kept) or in a temporary directory removed afterwards.
     */
    private void withSyntheticStore(PrintWriter out, StoreRun run)
        throws IOException, SQLException {
      Path dir = keep == null ? Files.createTempDirectory("entente-bench-api") : null;
      Path file = keep != null ? keep : dir.resolve("synthetic.duckdb");
      try {
        if (!Files.exists(file)) {
          long t0 = System.nanoTime();
          org.entente.bench.SyntheticStore.create(file, rows, seed);
          out.printf(
              "built %s: %,d synthetic events among the six states (seed %d) in %.1f s%n",
              file, rows, seed, (System.nanoTime() - t0) / 1e9);
          out.flush();
        }
        try (DuckDbStore s = DuckDbStore.openReadOnly(file)) {
          run.run(file + " (" + String.format("%,d", rows) + " events)", s);
        }
      } finally {
        if (dir != null) {
          deleteTree(dir);
        }
      }
    }

    private int loadTest() throws IOException, SQLException {
      for (int c : concurrency) {
        if (c < 1 || c > 256) {
          throw new UsageException("--concurrency: each N must be 1..256, got " + c);
        }
      }
      if (loadRequests < 10 || loadRequests > 100_000) {
        throw new UsageException("--load-requests must be 10..100000");
      }
      PrintWriter out = spec.commandLine().getOut();
      if (rows > 0) {
        withSyntheticStore(out, (label, s) -> printLoad(out, label, s));
      } else if (db != null) {
        try (DuckDbStore s = DuckDbStore.openReadOnly(db)) {
          printLoad(out, db.toString(), s);
        }
      } else {
        Path dir = Files.createTempDirectory("entente-bench-load");
        try {
          Path file = dir.resolve("demo.duckdb");
          try (DuckDbStore w = DuckDbStore.open(file)) {
            org.entente.system.Chronology.loadBundled(w);
          }
          try (DuckDbStore s = DuckDbStore.openReadOnly(file)) {
            printLoad(out, "demo store (bundled chronology)", s);
          }
        } finally {
          deleteTree(dir);
        }
      }
      return 0;
    }

    private void printLoad(PrintWriter out, String label, DuckDbStore s) {
      List<org.entente.bench.ApiLatency.Load> ls =
          org.entente.bench.ApiLatency.load(
              s, concurrency, loadRequests, java.time.Duration.ofSeconds(60));
      out.println();
      out.println(
          "store: "
              + label
              + "; mixed uncached requests, "
              + loadRequests
              + " per level (60 s cap), "
              + Runtime.getRuntime().availableProcessors()
              + " cores");
      out.printf(
          "%8s %9s %7s %7s %9s %9s %9s %9s %12s%n",
          "clients",
          "requests",
          "refused",
          "errors",
          "req/s",
          "p50 ms",
          "p95 ms",
          "p99 ms",
          "req/s ratio");
      double base = ls.get(0).throughput();
      for (org.entente.bench.ApiLatency.Load l : ls) {
        out.printf(
            "%8d %9d %7d %7d %9.1f %9.1f %9.1f %9.1f %12.2f%n",
            l.clients(),
            l.requests(),
            l.refused(),
            l.errors(),
            l.throughput(),
            l.p50() / 1e6,
            l.p95() / 1e6,
            l.p99() / 1e6,
            l.throughput() / base);
      }
      out.flush();
    }

    private void print(PrintWriter out, String label, DuckDbStore s) {
      java.time.Duration cap = java.time.Duration.ofSeconds(20);
      List<org.entente.bench.ApiLatency.Result> rs =
          org.entente.bench.ApiLatency.run(s, requests, cap, false);
      List<org.entente.bench.ApiLatency.Result> cached =
          org.entente.bench.ApiLatency.run(s, requests, cap, true);
      double base = Math.max(1, rs.get(0).p50());
      out.println();
      out.println(
          "store: "
              + label
              + "; up to "
              + requests
              + " sequential requests per route on loopback (20 s cap per route)");
      out.println(
          "uncached: every request computed; cached: the server's response cache (the store does"
              + " not change while served)");
      out.printf(
          "%-36s %6s %9s %9s %9s %9s %9s %9s%n",
          "route", "status", "first ms", "p50 ms", "p95 ms", "p50/base", "cache p50", "cache p95");
      for (int i = 0; i < rs.size(); i++) {
        org.entente.bench.ApiLatency.Result r = rs.get(i);
        org.entente.bench.ApiLatency.Result c = cached.get(i);
        out.printf(
            "%-36s %6d %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f%n",
            r.probe().name(),
            r.status(),
            r.first() / 1e6,
            r.p50() / 1e6,
            r.p95() / 1e6,
            r.p50() / base,
            c.p50() / 1e6,
            c.p95() / 1e6);
      }
      out.flush();
    }

    private static void deleteTree(Path dir) throws IOException {
      try (Stream<Path> w = Files.walk(dir)) {
        for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** {@code entente bench fetch}. */
  @Command(
      name = "fetch",
      mixinStandardHelpOptions = true,
      description =
          "Time 'fetch gdelt' against a loopback server serving --files seeded random files of"
              + " --size-mb MB in GDELT 2.0's layout, against a plain single-stream copy of the"
              + " same files from the same server, measured in the same run (medians of --runs).")
  static final class Fetch implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--files",
        defaultValue = "16",
        description = "Files (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(
        names = "--size-mb",
        defaultValue = "8",
        description = "Size of each file in MB (default: ${DEFAULT-VALUE}).")
    int sizeMb;

    @Option(
        names = "--jobs",
        defaultValue = "4",
        description = "fetch --jobs (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--runs", defaultValue = "3", description = "Runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
        names = "--seed",
        defaultValue = "20240619",
        description = "Seed of the bytes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
      if (files < 1 || sizeMb < 1 || jobs < 1 || runs < 1) {
        throw new UsageException("--files, --size-mb, --jobs and --runs must be at least 1");
      }
      Path work = Files.createTempDirectory("entente-bench-fetch");
      org.entente.bench.FetchBench.Result r;
      try {
        r = org.entente.bench.FetchBench.run(files, sizeMb, jobs, runs, seed, work);
      } finally {
        Files.deleteIfExists(work);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          java.util.Locale.ROOT,
          "bench fetch: %d files, %.1f MB, seed %d, medians of %d runs on loopback%n",
          r.files(),
          r.bytes() / 1e6,
          r.seed(),
          runs);
      out.printf(
          java.util.Locale.ROOT,
          "plain single-stream copy   %8.1f MB/s  (baseline)%n",
          r.plainMbps());
      out.printf(
          java.util.Locale.ROOT,
          "fetch gdelt --jobs %-2d     %8.1f MB/s  %.2fx (size + MD5 check, temp name, rename)%n",
          r.jobs(),
          r.fetchMbps(),
          r.ratio());
      out.flush();
      return 0;
    }
  }
}
