package org.entente.simulate;

import java.util.List;

/**
 * A complete run of the model.
 *
 * @param actors the actors with their initial positions
 * @param options the options used
 * @param range Rg used (fixed or max − min of the initial positions)
 * @param initialMean c·s-weighted mean of the initial positions
 * @param initialMedian c·s-weighted median of the initial positions
 * @param rounds the rounds played, in order
 * @param stop why the run ended
 * @param cyclePeriod the period of the repeat for {@link StopReason#CYCLE} (1 for a fixed point),
 *     else 0
 * @param forecastMean the average of the last k rounds' means
 * @param forecastMedian the average of the last k rounds' reported medians
 */
public record BdmRun(
    List<Actor> actors,
    BdmOptions options,
    double range,
    double initialMean,
    double initialMedian,
    List<RoundResult> rounds,
    StopReason stop,
    int cyclePeriod,
    double forecastMean,
    double forecastMedian) {

  /** The forecast the options ask for ({@link BdmOptions#forecast()}). */
  public double forecast() {
    return options.forecast() == BdmOptions.Forecast.MEAN ? forecastMean : forecastMedian;
  }

  /** Positions after the last round (the initial ones when no round was played). */
  public double[] finalPositions() {
    if (rounds.isEmpty()) {
      return actors.stream().mapToDouble(Actor::position).toArray();
    }
    return rounds.get(rounds.size() - 1).positions().clone();
  }
}
