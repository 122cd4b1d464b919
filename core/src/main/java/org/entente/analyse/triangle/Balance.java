package org.entente.analyse.triangle;

/** Outcome of a structural-balance test on one triad. */
public enum Balance {
  /** The triad satisfies the balance criterion. */
  BALANCED,
  /** The triad violates the balance criterion. */
  UNBALANCED,
  /** At least one side has sign 0, so the triad is not a closed signed triangle. */
  UNDEFINED
}
