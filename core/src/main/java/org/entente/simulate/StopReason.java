package org.entente.simulate;

/** Why a run ended. */
public enum StopReason {
  /** All actors started at one position: nothing to bargain over (no round is played). */
  CONSENSUS,
  /** No actor moved in the last round; every further round would be the same. */
  FIXED_POINT,
  /** The positions repeated an earlier round's (period ≥ 2). */
  CYCLE,
  /** max |Δx| stayed below ε for the required number of rounds. */
  CONVERGED,
  /** The round limit was reached. */
  MAX_ROUNDS,
  /**
   * All θ_i were equal, so the risk exponents are undefined (R divides by max θ − min θ); METHODS
   * §5: set r = 1 and stop. The round is not played.
   */
  EQUAL_THETA
}
