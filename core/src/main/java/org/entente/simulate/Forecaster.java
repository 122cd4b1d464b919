package org.entente.simulate;

import java.util.List;
import java.util.Objects;

/**
 * A named way to forecast an issue's outcome from its actors: a baseline (the c·s-weighted mean or
 * median of the initial positions) or a run of the model. Thread-safe.
 */
public final class Forecaster {
  private final String name;
  private final BdmOptions options;
  private final boolean median;
  private final String preset;

  private Forecaster(String name, BdmOptions options, boolean median, String preset) {
    this.name = Objects.requireNonNull(name);
    this.options = options;
    this.median = median;
    this.preset = preset;
  }

  /** The c·s-weighted mean of the positions (the baseline of the DEU literature). */
  public static Forecaster weightedMean() {
    return new Forecaster("weighted-mean", null, false, null);
  }

  /** The c·s-weighted median of the positions. */
  public static Forecaster weightedMedian() {
    return new Forecaster("weighted-median", null, true, null);
  }

  /** The model under {@code options}; its forecast is {@link BdmRun#forecast()}. */
  public static Forecaster model(String name, BdmOptions options) {
    return model(name, null, options);
  }

  /** The model under {@code options}, which start from {@code preset} (null: the defaults). */
  public static Forecaster model(String name, String preset, BdmOptions options) {
    return new Forecaster(name, Objects.requireNonNull(options), false, preset);
  }

  /** The preset the model's options start from, or null (a baseline, or the defaults). */
  public String preset() {
    return preset;
  }

  public String name() {
    return name;
  }

  /** The model options, or null for a baseline. */
  public BdmOptions options() {
    return options;
  }

  /**
   * The forecast for {@code actors} (a single weighted actor's position when only one has c·s > 0).
   */
  public double forecast(List<Actor> actors) {
    double[] w = actors.stream().mapToDouble(Actor::weight).toArray();
    double[] x = actors.stream().mapToDouble(Actor::position).toArray();
    if (options == null) {
      return median ? BdmModel.median(w, x) : BdmModel.mean(w, x);
    }
    List<Actor> weighted = actors.stream().filter(a -> a.weight() > 0).toList();
    if (weighted.size() == 1) {
      return weighted.get(0).position();
    }
    return BdmModel.run(actors, options).forecast();
  }
}
