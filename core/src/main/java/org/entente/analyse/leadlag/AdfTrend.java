package org.entente.analyse.leadlag;

/** Deterministic terms of the augmented Dickey–Fuller regression. */
public enum AdfTrend {
  /** Constant only (statsmodels {@code regression="c"}). */
  CONSTANT,
  /** Constant and linear trend (statsmodels {@code regression="ct"}). */
  CONSTANT_TREND;

  /**
   * Number of deterministic columns.
   *
   * @return 1 or 2
   */
  public int columns() {
    return this == CONSTANT ? 1 : 2;
  }
}
