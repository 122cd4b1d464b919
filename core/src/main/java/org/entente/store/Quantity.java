package org.entente.store;

import java.util.Locale;

/**
 * An additive quantity a source may hold per dyad and period. Event sources hold {@link #N}, {@link
 * #QUADS} and {@link #GOLDSTEIN}; an imported aggregate holds what its file gives.
 */
public enum Quantity {
  /** The number of events n. */
  N("n"),
  /** The quad counts w1..w4 (S3–S6 need them). */
  QUADS("w1..w4"),
  /** The Goldstein sum (S1; S2 also needs n). */
  GOLDSTEIN("goldstein_sum"),
  /** An external score of the period. */
  SCORE("score");

  private final String columns;

  Quantity(String columns) {
    this.columns = columns;
  }

  /** The interchange-format columns that hold it, e.g. {@code w1..w4}. */
  public String columns() {
    return columns;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
