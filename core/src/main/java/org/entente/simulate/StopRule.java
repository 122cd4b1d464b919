package org.entente.simulate;

/**
 * When a run of the model ends, and what it reports. Neither open implementation has a stopping
 * rule (they run a fixed number of rounds); METHODS §5 suggests the three rules here.
 *
 * @param maxRounds at most this many rounds (≥ 1)
 * @param epsilon stop when max_i |Δx_i| &lt; epsilon for {@code stableRounds} consecutive rounds; 0
 *     turns the rule off
 * @param stableRounds consecutive quiet rounds needed (≥ 1)
 * @param stopOnRepeat stop when the positions repeat an earlier round exactly (a fixed point or a
 *     cycle: the model is deterministic in the positions, so it would repeat forever)
 * @param meanOfLast the forecast is the average of the last k rounds' mean (and median), k ≥ 1
 *     (fewer when the run is shorter; the initial state counts as round 0)
 */
public record StopRule(
    int maxRounds, double epsilon, int stableRounds, boolean stopOnRepeat, int meanOfLast) {
  public StopRule {
    if (maxRounds < 1) {
      throw new IllegalArgumentException("rounds must be >= 1");
    }
    if (!(epsilon >= 0)) {
      throw new IllegalArgumentException("epsilon must be >= 0");
    }
    if (stableRounds < 1) {
      throw new IllegalArgumentException("stable rounds must be >= 1");
    }
    if (meanOfLast < 1) {
      throw new IllegalArgumentException("mean-of-last must be >= 1");
    }
  }

  /** METHODS §5's suggestion: ε = 1e-6 for two rounds, a repeated state, or 20 rounds; k = 1. */
  public static StopRule suggested() {
    return new StopRule(20, 1e-6, 2, true, 1);
  }

  /** Exactly n rounds, no early stop (as both open implementations do). */
  public static StopRule fixed(int n) {
    return new StopRule(n, 0, 1, false, 1);
  }

  public StopRule withMaxRounds(int n) {
    return new StopRule(n, epsilon, stableRounds, stopOnRepeat, meanOfLast);
  }
}
