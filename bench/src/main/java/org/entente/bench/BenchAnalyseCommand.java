package org.entente.bench;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.entente.analyse.changepoint.ChangePointResult;
import org.entente.analyse.changepoint.ChangePointSettings;
import org.entente.analyse.changepoint.ChangePoints;
import org.entente.cli.Main;
import org.entente.cli.UsageException;
import org.entente.store.duckdb.DuckDbStore;
import org.entente.system.Chronology;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code entente bench analyse}: PELT on a long series against binary segmentation and a single
 * O(n) pass, and every analysis command on the demo store against {@code series}, the simplest
 * store query, all measured in the same run.
 */
@Command(
    name = "analyse",
    mixinStandardHelpOptions = true,
    description = {
      "Time PELT (MBIC, minimum segment 3) on a seeded series of --points values with planted"
          + " mean changes, against binary segmentation and one O(n) pass (the MAD scale) on the"
          + " same series; then time each analysis command on the demo store built from the"
          + " bundled chronology, against 'entente series'. Medians of --runs runs."
    })
final class BenchAnalyseCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--points",
      defaultValue = "100000",
      description = "Series length (default: ${DEFAULT-VALUE}).")
  int points;

  @Option(
      names = "--runs",
      defaultValue = "5",
      description = "Runs of each (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--seed",
      defaultValue = "20240619",
      description = "Seed of the series (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (points < 10 || runs < 1) {
      throw new UsageException("--points must be >= 10 and --runs >= 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    double[] y = plantedSeries(points, seed);
    int planted = points / 500;
    ChangePointSettings settings = ChangePointSettings.defaults();
    double scan = median(runs, () -> ChangePoints.madScale(y));
    double binseg = median(runs, () -> ChangePoints.binarySegmentation().detect(y, settings));
    ChangePointResult[] last = new ChangePointResult[1];
    double pelt = median(runs, () -> last[0] = ChangePoints.pelt().detect(y, settings));
    out.printf(
        "PELT on %,d points (seed %d, %d planted changes, MBIC, L = 3): %d changes found%n",
        points, seed, planted - 1, last[0].lastMonthsOfOldPeriods().size());
    out.printf("  one O(n) pass (MAD scale)  %8.1f ms%n", scan);
    out.printf("  binary segmentation        %8.1f ms%n", binseg);
    out.printf(
        "  PELT                       %8.1f ms   ratio to binseg %.2f, to one pass %.1f%n",
        pelt, pelt / binseg, pelt / scan);

    Path dir = Files.createTempDirectory("entente-bench-analyse");
    Path db = dir.resolve("demo.duckdb");
    try {
      try (DuckDbStore s = DuckDbStore.open(db)) {
        Chronology.loadBundled(s);
      }
      String d = db.toString();
      Map<String, String[]> commands = new LinkedHashMap<>();
      commands.put(
          "series RUS-PRK (baseline)", new String[] {"series", "--db", d, "--dyad", "RUS-PRK"});
      commands.put("triangle USA,CHN,RUS", new String[] {"triangle", "--db", d, "USA,CHN,RUS"});
      commands.put(
          "triangle --all", new String[] {"triangle", "--db", d, "--all", "--freq", "year"});
      commands.put(
          "periods --dyad RUS-PRK",
          new String[] {
            "periods",
            "--db",
            d,
            "--dyad",
            "RUS-PRK",
            "--freq",
            "quarter",
            "--scale",
            "sd",
            "--compare",
            "rozman"
          });
      commands.put(
          "leadlag USA-RUS -> RUS-PRK",
          new String[] {
            "leadlag",
            "--db",
            d,
            "--x",
            "USA-RUS",
            "--y",
            "RUS-PRK",
            "--freq",
            "quarter",
            "--max-lag",
            "4"
          });
      commands.put(
          "character --dyad RUS-PRK", new String[] {"character", "--db", d, "--dyad", "RUS-PRK"});
      commands.put("test all", new String[] {"test", "--db", d, "all"});
      out.printf(
          "%nanalyses on the demo store (%s), median of %d runs, each in process:%n",
          "bundled chronology", runs);
      double base = Double.NaN;
      for (Map.Entry<String, String[]> c : commands.entrySet()) {
        int[] exit = new int[1];
        double ms = median(runs, () -> exit[0] = quiet().execute(c.getValue()));
        if (Double.isNaN(base)) {
          base = ms;
        }
        out.printf(
            "  %-28s %8.1f ms   ratio %6.1f%s%n",
            c.getKey(), ms, ms / base, exit[0] == 0 ? "" : "   (exit " + exit[0] + ")");
      }
    } finally {
      for (Path p : List.of(db, Path.of(db + ".wal"), dir)) {
        Files.deleteIfExists(p);
      }
    }
    out.flush();
    return 0;
  }

  private static CommandLine quiet() {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(Writer.nullWriter()));
    cl.setErr(new PrintWriter(Writer.nullWriter()));
    return cl;
  }

  /** Piecewise-constant means (a change every 500 points) plus unit Gaussian noise. */
  static double[] plantedSeries(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] y = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      if (i % 500 == 0) {
        mean = (r.nextDouble() - 0.5) * 8;
      }
      y[i] = mean + gaussian(r);
    }
    return y;
  }

  private static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private interface Work {
    Object run() throws Exception;
  }

  private static double median(int runs, Work w) throws Exception {
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      w.run();
      ms.add((System.nanoTime() - t0) / 1e6);
    }
    double[] a = ms.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(a);
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }
}
