package org.entente.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Forecasts the outcome of each DEU III issue with each forecaster and scores the forecasts: mean
 * absolute error MAE = (1/n) Σ |f_i − o_i| and within10 = share of issues with |f_i − o_i| ≤ 10,
 * both on the 0..100 scale (METHODS §5 "Real-world test"; Bueno de Mesquita 2011, CMPS 28(1)).
 *
 * <p>Issues are spread over a fixed thread pool; each forecast lands in its issue's slot and the
 * sums are taken in issue order afterwards, so the result does not depend on the thread count.
 */
public final class DeuBacktest {
  /**
   * One forecaster's score.
   *
   * @param model the forecaster's name
   * @param options its model options (null for a baseline)
   * @param issues issues forecast
   * @param mae mean absolute error
   * @param within10 share of issues forecast within 10 points
   */
  public record Score(String model, BdmOptions options, int issues, double mae, double within10) {}

  /**
   * One issue's forecasts.
   *
   * @param id the issue
   * @param outcome its outcome
   * @param forecasts one per forecaster, in the order given
   */
  public record IssueForecast(String id, double outcome, double[] forecasts) {}

  /**
   * The scores and, per issue, the forecasts.
   *
   * @param scores one per forecaster, in the order given
   * @param issues per-issue forecasts, in input order
   */
  public record Result(List<Score> scores, List<IssueForecast> issues) {}

  private DeuBacktest() {}

  /**
   * Runs every forecaster on every issue with {@code threads} worker threads (≥ 1).
   *
   * @throws IllegalArgumentException when there are no issues, no forecasters or threads &lt; 1
   */
  public static Result run(List<DeuIssue> issues, List<Forecaster> forecasters, int threads) {
    if (issues.isEmpty() || forecasters.isEmpty()) {
      throw new IllegalArgumentException("nothing to backtest: no issues or no models");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1");
    }
    double[][] f = new double[issues.size()][];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<double[]>> futures = new ArrayList<>(issues.size());
      for (DeuIssue issue : issues) {
        futures.add(
            pool.submit(
                () -> {
                  double[] out = new double[forecasters.size()];
                  for (int m = 0; m < out.length; m++) {
                    out[m] = forecasters.get(m).forecast(issue.actors());
                  }
                  return out;
                }));
      }
      for (int i = 0; i < f.length; i++) {
        f[i] = futures.get(i).get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("backtest interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(c);
    } finally {
      pool.shutdownNow();
    }
    List<Score> scores = new ArrayList<>();
    for (int m = 0; m < forecasters.size(); m++) {
      double sum = 0;
      int within = 0;
      for (int i = 0; i < f.length; i++) {
        double e = Math.abs(f[i][m] - issues.get(i).outcome());
        sum += e;
        within += e <= 10 ? 1 : 0;
      }
      Forecaster fc = forecasters.get(m);
      scores.add(
          new Score(fc.name(), fc.options(), f.length, sum / f.length, (double) within / f.length));
    }
    List<IssueForecast> per = new ArrayList<>();
    for (int i = 0; i < f.length; i++) {
      per.add(new IssueForecast(issues.get(i).id(), issues.get(i).outcome(), f[i]));
    }
    return new Result(List.copyOf(scores), List.copyOf(per));
  }

  /**
   * The default forecasters: the two baselines and the three presets with Rg auto (the presets' own
   * stop rules and forecasts; the replication's fixed Rg = 6 does not fit a 0..100 scale).
   */
  public static List<Forecaster> defaultForecasters() {
    List<Forecaster> out = new ArrayList<>();
    out.add(Forecaster.weightedMean());
    out.add(Forecaster.weightedMedian());
    for (Preset p : Preset.values()) {
      out.add(
          Forecaster.model(Choices.label(p), Choices.label(p), p.options().withRange(Double.NaN)));
    }
    return List.copyOf(out);
  }
}
