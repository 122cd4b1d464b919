package org.entente.simulate;

/**
 * When a run of the model ends, and what it reports. Neither open implementation has a stopping
 * rule (they run a fixed number of rounds); METHODS §5 suggests the rules here.
 *
 * @param stop which early stop applies ({@code --stop}); the round limit always does
 * @param maxRounds at most this many rounds (≥ 1, {@code --rounds})
 * @param epsilon with {@link Stop#CONVERGED}: stop when max_i |Δx_i| &lt; epsilon for {@code
 *     stableRounds} consecutive rounds ({@code --epsilon})
 * @param stableRounds consecutive quiet rounds needed (≥ 1; METHODS: 2)
 * @param meanOfLast the forecast is the average of the last k rounds' mean (or median), k ≥ 1
 *     (fewer when the run is shorter; the initial state counts as round 0)
 */
public record StopRule(Stop stop, int maxRounds, double epsilon, int stableRounds, int meanOfLast) {

  /** The early stop ({@code --stop none|converged|cycle}). */
  public enum Stop {
    /** Only the round limit (as both open implementations run). */
    NONE,
    /**
     * max_i |Δx_i| &lt; ε for {@code stableRounds} rounds, or a repeated state, or the round limit
     * (METHODS §5's suggestion; the default without a preset).
     */
    CONVERGED,
    /**
     * A repeated state (a fixed point or a cycle: the model depends only on the positions, so it
     * would repeat for ever), or the round limit.
     */
    CYCLE
  }

  public StopRule {
    if (stop == null) {
      throw new IllegalArgumentException("stop must be none, converged or cycle");
    }
    if (maxRounds < 1) {
      throw new IllegalArgumentException("rounds must be >= 1");
    }
    if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("epsilon must be a number >= 0");
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
    return new StopRule(Stop.CONVERGED, 20, 1e-6, 2, 1);
  }

  /** Exactly n rounds, no early stop (as both open implementations do); ε kept at 1e-6. */
  public static StopRule fixed(int n) {
    return new StopRule(Stop.NONE, n, 1e-6, 2, 1);
  }

  /** Whether a repeated state ends the run. */
  public boolean stopOnRepeat() {
    return stop != Stop.NONE;
  }

  /** Whether max |Δx| &lt; ε ends the run. */
  public boolean stopOnConvergence() {
    return stop == Stop.CONVERGED;
  }

  public StopRule withStop(Stop s) {
    return new StopRule(s, maxRounds, epsilon, stableRounds, meanOfLast);
  }

  public StopRule withMaxRounds(int n) {
    return new StopRule(stop, n, epsilon, stableRounds, meanOfLast);
  }

  public StopRule withEpsilon(double e) {
    return new StopRule(stop, maxRounds, e, stableRounds, meanOfLast);
  }

  public StopRule withStableRounds(int k) {
    return new StopRule(stop, maxRounds, epsilon, k, meanOfLast);
  }

  public StopRule withMeanOfLast(int k) {
    return new StopRule(stop, maxRounds, epsilon, stableRounds, k);
  }
}
