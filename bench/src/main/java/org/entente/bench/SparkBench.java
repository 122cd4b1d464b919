package org.entente.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
 * {@code entente bench spark FILE}: the same GDELT file ingested, every row kept, by the embedded
 * DuckDB engine (the baseline) and by the Spark engine into a lake, alternating, in this process;
 * prints rows/s of each and the time ratio Spark/DuckDB. The Spark session is started before the
 * timed runs (its start-up is printed apart). Run it with {@code --master local[1]} and {@code
 * local[2]} (one process each) to measure the scaling over local cores.
 */
@Command(
    name = "spark",
    mixinStandardHelpOptions = true,
    description = {
      "Ingest FILE (GDELT 1.0/2.0, every row kept) into a fresh DuckDB store and into a fresh"
          + " Spark lake, alternating; print rows/s of each and the ratio Spark/DuckDB.",
      "Needs the spark module on the classpath: run it as ./entente bench spark FILE."
    })
final class SparkBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE")
  Path file;

  @Option(
      names = "--runs",
      defaultValue = "2",
      description =
          "Runs of each, alternating; the median is compared (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--master",
      defaultValue = "local[*]",
      paramLabel = "URL",
      description = "Spark master (default: ${DEFAULT-VALUE}).")
  String master;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("no such file: " + file);
    }
    if (runs < 1) {
      throw new UsageException("--runs must be >= 1");
    }
    try {
      Engines.provider("spark");
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    IngestOptions all = new IngestOptions(SourceFormat.AUTO, ActorFilter.all(), QuadMapping.GDELT);
    Path dir = Files.createTempDirectory("entente-bench-spark");
    List<Long> duck = new ArrayList<>();
    List<Long> spark = new ArrayList<>();
    long read = 0;
    long stored = 0;
    long start;
    try {
      long t0 = System.nanoTime();
      try (EventStore warm = Engines.openForWriting(lake(dir.resolve("warm-up").toString()))) {
        warm.summary();
      }
      start = System.nanoTime() - t0;
      for (int i = 0; i < runs; i++) {
        long d0 = System.nanoTime();
        FileReport a;
        try (EventStore s =
            Engines.openForWriting(Engines.Spec.of(dir.resolve("duck-" + i + ".duckdb")))) {
          a = ingest(s, all);
        }
        duck.add(System.nanoTime() - d0);
        long s0 = System.nanoTime();
        FileReport b;
        try (EventStore s = Engines.openForWriting(lake(dir.resolve("lake-" + i).toString()))) {
          b = ingest(s, all);
        }
        spark.add(System.nanoTime() - s0);
        if (a.stored() != b.stored() || a.rejected() != b.rejected()) {
          throw new IllegalStateException(
              "the engines stored different rows: duckdb " + a + ", spark " + b);
        }
        read = a.read();
        stored = a.stored();
        System.err.printf(
            "run %d: duckdb %.2f s, spark %.2f s%n", i + 1, duck.get(i) / 1e9, spark.get(i) / 1e9);
      }
    } finally {
      BenchCommand.Ingest.deleteTree(dir);
    }
    double d = BenchCommand.Ingest.median(duck) / 1e9;
    double s = BenchCommand.Ingest.median(spark) / 1e9;
    int cores = Runtime.getRuntime().availableProcessors();
    out.printf(
        "file: %s (%.1f MB, %,d rows, %,d stored)%n", file, Files.size(file) / 1e6, read, stored);
    out.printf(
        "runs: %d (median); spark master %s; %d cores on this machine%n", runs, master, cores);
    out.printf("spark session start-up (not in the runs): %.2f s%n", start / 1e9);
    out.printf("duckdb : %7.2f s  %,10.0f rows/s%n", d, read / d);
    out.printf("spark  : %7.2f s  %,10.0f rows/s%n", s, read / s);
    out.printf("ratio spark/duckdb: %.2f%n", s / d);
    out.flush();
    return 0;
  }

  private Engines.Spec lake(String location) {
    return new Engines.Spec("spark", null, null, null, location, master);
  }

  private FileReport ingest(EventStore s, IngestOptions o) {
    FileReport r = new Ingestor(s, Cameo.bundled()).ingestFile(file, o, IngestListener.NONE);
    if (r.status() != FileReport.Status.LOADED) {
      throw new IllegalStateException("ingest failed: " + r.message());
    }
    return r;
  }
}
