package org.entente.bench;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.entente.simulate.BdmOptions;
import org.entente.simulate.MonteCarlo;
import org.entente.simulate.Preset;
import org.entente.simulate.Scenario;
import org.entente.simulate.Scenarios;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code entente bench simulate}: Monte Carlo throughput of the expected-utility model on a
 * six-actor scenario, on one thread and on a pool, against a baseline measured in the same run (the
 * perturbed inputs scored by the c·s-weighted mean, one O(n) pass per run).
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Time --runs Monte Carlo runs of the model on the bundled six-actor scenario"
          + " sanctions-enforcement: on one thread and on --threads threads, for the presets"
          + " paper and scholz, and print runs/s with ratios to the baseline (the weighted mean"
          + " of the same perturbed inputs). Median of --repeat repetitions."
    })
public final class SimulateBench implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--runs",
      defaultValue = "10000",
      description = "Runs per measurement (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--threads",
      description = "Threads of the parallel measurement (default: available processors).")
  Integer threads;

  @Option(
      names = "--repeat",
      defaultValue = "3",
      description = "Repetitions; the median is printed (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(
      names = "--seed",
      defaultValue = "20240619",
      description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (runs < 1 || repeat < 1 || n < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--runs, --repeat and --threads must be >= 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    Scenario sc = Scenarios.find("sanctions-enforcement").orElseThrow();
    MonteCarlo.Perturbation p = MonteCarlo.Perturbation.defaults();
    out.printf(
        Locale.ROOT,
        "Monte Carlo on %s (%d actors), %,d runs, seed %d, median of %d; %d threads available%n",
        sc.id(),
        sc.actors().size(),
        runs,
        seed,
        repeat,
        Runtime.getRuntime().availableProcessors());
    double base = median(() -> MonteCarlo.baselineForecasts(sc, p, runs, seed, 1));
    out.printf(
        Locale.ROOT, "  %-34s %12.0f runs/s%n", "baseline (weighted mean), 1 thread", runs / base);
    for (Preset preset : new Preset[] {Preset.PAPER, Preset.SCHOLZ}) {
      BdmOptions o = preset.options();
      double one = median(() -> MonteCarlo.forecasts(sc, o, p, runs, seed, 1));
      double many = median(() -> MonteCarlo.forecasts(sc, o, p, runs, seed, n));
      out.printf(
          Locale.ROOT,
          "  %-34s %12.0f runs/s   %8.1f x baseline time%n",
          preset.name().toLowerCase(Locale.ROOT) + ", 1 thread",
          runs / one,
          one / base);
      out.printf(
          Locale.ROOT,
          "  %-34s %12.0f runs/s   speed-up %.2f over 1 thread%n",
          preset.name().toLowerCase(Locale.ROOT) + ", " + n + " threads",
          runs / many,
          one / many);
    }
    out.flush();
    return 0;
  }

  /** Median seconds of {@code repeat} timings. */
  private double median(Runnable work) {
    double[] s = new double[repeat];
    for (int i = 0; i < repeat; i++) {
      long t0 = System.nanoTime();
      work.run();
      s[i] = (System.nanoTime() - t0) / 1e9;
    }
    java.util.Arrays.sort(s);
    return repeat % 2 == 1 ? s[repeat / 2] : (s[repeat / 2 - 1] + s[repeat / 2]) / 2;
  }
}
