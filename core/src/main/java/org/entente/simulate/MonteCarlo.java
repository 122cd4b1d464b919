package org.entente.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Uncertainty in a scenario's inputs: Monte Carlo runs over perturbed inputs and a one-at-a-time
 * sensitivity sweep.
 *
 * <p>Distributions (independent per actor and run), with the scale [lo, hi] and width W = hi − lo:
 * position x' = clamp(x + σ_x W Z, lo, hi); salience s' = clamp(s + U(−h, h), 0, 1); capability c'
 * = c exp(σ_c Z), log-normal with median c. Z standard normal, U uniform. Defaults σ_x = 0.1, h =
 * 0.1, σ_c = 0.3. Rg stays the option's (auto: from the perturbed positions).
 *
 * <p>Reproducibility: run k draws from its own generator, seeded with SplitMix64's finaliser of
 * (seed + (k + 1)·0x9E3779B97F4A7C15), so a run's inputs depend only on the seed and k. Runs are
 * spread over a ForkJoinPool of the given size and collected in run order, so every statistic is
 * the same for any thread count.
 *
 * <p>The sweep (Saltelli et al. 2008, "Global Sensitivity Analysis", ch. 1 on one-at-a-time
 * designs) sets one input at a time to a low and a high value, all others at their base values, and
 * reports the forecasts and the swing |f_high − f_low|: position ± 0.1 W (clamped), salience ± 0.2
 * (clamped), capability × 0.5 and × 1.5.
 */
public final class MonteCarlo {
  /**
   * The perturbation's spreads.
   *
   * @param positionSd σ_x as a share of the scale width
   * @param salienceHalfWidth h
   * @param capabilityLogSd σ_c
   */
  public record Perturbation(double positionSd, double salienceHalfWidth, double capabilityLogSd) {
    public Perturbation {
      if (!(positionSd >= 0) || !(salienceHalfWidth >= 0) || !(capabilityLogSd >= 0)) {
        throw new IllegalArgumentException("perturbation spreads must be >= 0");
      }
    }

    /** σ_x = 0.1, h = 0.1, σ_c = 0.3. */
    public static Perturbation defaults() {
      return new Perturbation(0.1, 0.1, 0.3);
    }
  }

  /**
   * The share of runs whose forecast fell in a region.
   *
   * @param label the region's label
   * @param from lower bound
   * @param to upper bound
   * @param share share of runs, 0..1
   */
  public record RegionShare(String label, double from, double to, double share) {}

  /**
   * The Monte Carlo summary.
   *
   * @param runs number of runs
   * @param seed the seed
   * @param perturbation the spreads
   * @param mean mean forecast
   * @param sd standard deviation of the forecasts (n − 1)
   * @param p05 5th percentile (nearest rank)
   * @param p50 median
   * @param p95 95th percentile
   * @param regions share of runs per region of the scale
   * @param histogram the forecasts counted in {@link #BINS} equal bins from the scale's min to its
   *     max (each bin [from, to), the last one closed)
   */
  public record Summary(
      int runs,
      long seed,
      Perturbation perturbation,
      double mean,
      double sd,
      double p05,
      double p50,
      double p95,
      List<RegionShare> regions,
      List<Bin> histogram) {}

  /**
   * One bin of the histogram of the forecasts.
   *
   * @param from lower bound
   * @param to upper bound
   * @param count number of runs whose forecast falls in the bin
   */
  public record Bin(double from, double to, int count) {}

  /** Number of bins of {@link Summary#histogram()}. */
  public static final int BINS = 20;

  /**
   * One row of the sweep.
   *
   * @param actor actor code
   * @param input {@code position}, {@code salience} or {@code capability}
   * @param base base value
   * @param low low value
   * @param high high value
   * @param forecastLow forecast with the low value
   * @param forecastHigh forecast with the high value
   * @param swing |forecastHigh − forecastLow|
   */
  public record Sensitivity(
      String actor,
      String input,
      double base,
      double low,
      double high,
      double forecastLow,
      double forecastHigh,
      double swing) {}

  private MonteCarlo() {}

  /** The generator of run {@code k} under {@code seed}. */
  static SplittableRandom generator(long seed, int k) {
    long z = seed + (k + 1L) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new SplittableRandom(z ^ (z >>> 31));
  }

  /** The inputs of run {@code k}. */
  static List<Actor> perturb(Scenario sc, Perturbation p, long seed, int k) {
    SplittableRandom r = generator(seed, k);
    double lo = sc.scale().min();
    double hi = sc.scale().max();
    double width = hi - lo;
    List<Actor> out = new ArrayList<>(sc.actors().size());
    for (Scenario.ScenarioActor a : sc.actors()) {
      double x = clamp(a.position() + p.positionSd() * width * r.nextGaussian(), lo, hi);
      double s = clamp(a.salience() + p.salienceHalfWidth() * (2 * r.nextDouble() - 1), 0, 1);
      double c = a.capability() * Math.exp(p.capabilityLogSd() * r.nextGaussian());
      out.add(new Actor(a.code(), c, x, s));
    }
    return out;
  }

  /** The forecast of each run, in run order. */
  public static double[] forecasts(
      Scenario sc, BdmOptions options, Perturbation p, int runs, long seed, int threads) {
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be >= 1");
    }
    return parallel(runs, threads, k -> forecast(perturb(sc, p, seed, k), options));
  }

  private static double[] parallel(
      int runs, int threads, java.util.function.IntToDoubleFunction f) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1");
    }
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(() -> IntStream.range(0, runs).parallel().mapToDouble(f).toArray()).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Monte Carlo interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The c·s-weighted mean of each run's perturbed inputs, in run order: the benchmark baseline (the
   * same draws as {@link #forecasts}, one O(n) pass instead of the model).
   */
  public static double[] baselineForecasts(
      Scenario sc, Perturbation p, int runs, long seed, int threads) {
    return parallel(
        runs, threads, k -> Forecaster.weightedMean().forecast(perturb(sc, p, seed, k)));
  }

  /** Runs and summarises the Monte Carlo. */
  public static Summary run(
      Scenario sc, BdmOptions options, Perturbation p, int runs, long seed, int threads) {
    double[] f = forecasts(sc, options, p, runs, seed, threads);
    double sum = 0;
    for (double v : f) {
      sum += v;
    }
    double mean = sum / f.length;
    double ss = 0;
    for (double v : f) {
      ss += (v - mean) * (v - mean);
    }
    double sd = f.length > 1 ? Math.sqrt(ss / (f.length - 1)) : 0;
    double[] sorted = f.clone();
    Arrays.sort(sorted);
    List<Scenario.Region> regions = sc.scale().regions();
    int[] counts = new int[regions.size()];
    for (double v : f) {
      counts[regions.indexOf(sc.region(v))]++;
    }
    List<RegionShare> shares = new ArrayList<>();
    for (int i = 0; i < regions.size(); i++) {
      Scenario.Region r = regions.get(i);
      shares.add(new RegionShare(r.label(), r.from(), r.to(), (double) counts[i] / f.length));
    }
    return new Summary(
        runs,
        seed,
        p,
        mean,
        sd,
        rank(sorted, 0.05),
        rank(sorted, 0.5),
        rank(sorted, 0.95),
        List.copyOf(shares),
        histogram(f, sc.scale().min(), sc.scale().max()));
  }

  /** The values counted in {@link #BINS} equal bins over [lo, hi] (values outside are clamped). */
  static List<Bin> histogram(double[] values, double lo, double hi) {
    int[] counts = new int[BINS];
    double width = (hi - lo) / BINS;
    for (double v : values) {
      int i = width > 0 ? (int) Math.floor((v - lo) / width) : 0;
      counts[Math.max(0, Math.min(BINS - 1, i))]++;
    }
    List<Bin> out = new ArrayList<>(BINS);
    for (int i = 0; i < BINS; i++) {
      out.add(new Bin(lo + i * width, i == BINS - 1 ? hi : lo + (i + 1) * width, counts[i]));
    }
    return List.copyOf(out);
  }

  /** The one-at-a-time sweep, largest swing first (ties in actor and input order). */
  public static List<Sensitivity> sweep(Scenario sc, BdmOptions options) {
    double lo = sc.scale().min();
    double hi = sc.scale().max();
    double width = hi - lo;
    List<Actor> base = sc.modelActors();
    List<Sensitivity> out = new ArrayList<>();
    for (int i = 0; i < base.size(); i++) {
      Actor a = base.get(i);
      double[][] variants = {
        {
          a.position(),
          clamp(a.position() - 0.1 * width, lo, hi),
          clamp(a.position() + 0.1 * width, lo, hi)
        },
        {a.salience(), clamp(a.salience() - 0.2, 0, 1), clamp(a.salience() + 0.2, 0, 1)},
        {a.capability(), a.capability() * 0.5, a.capability() * 1.5}
      };
      String[] inputs = {"position", "salience", "capability"};
      for (int v = 0; v < 3; v++) {
        double fl = forecast(replace(base, i, inputs[v], variants[v][1]), options);
        double fh = forecast(replace(base, i, inputs[v], variants[v][2]), options);
        out.add(
            new Sensitivity(
                a.name(),
                inputs[v],
                variants[v][0],
                variants[v][1],
                variants[v][2],
                fl,
                fh,
                Math.abs(fh - fl)));
      }
    }
    out.sort(Comparator.comparingDouble(Sensitivity::swing).reversed());
    return List.copyOf(out);
  }

  private static List<Actor> replace(List<Actor> base, int i, String input, double value) {
    List<Actor> out = new ArrayList<>(base);
    Actor a = base.get(i);
    out.set(
        i,
        switch (input) {
          case "position" -> a.withPosition(value);
          case "salience" -> new Actor(a.name(), a.capability(), a.position(), value);
          default -> new Actor(a.name(), value, a.position(), a.salience());
        });
    return out;
  }

  private static double forecast(List<Actor> actors, BdmOptions options) {
    return Forecaster.model("monte-carlo", options).forecast(actors);
  }

  private static double rank(double[] sorted, double q) {
    int k = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, k))];
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
