package org.entente.analyse.leadlag;

/** Deterministic terms in the Granger regressions. */
public enum Deterministic {
  /** A constant only (statsmodels {@code grangercausalitytests}, {@code addconst=True}). */
  CONSTANT,
  /** A constant and a linear trend (one extra deterministic term, d = 1). */
  CONSTANT_TREND;

  /**
   * Number of deterministic terms beyond the constant, d in METHODS 4.4.
   *
   * @return 0 or 1
   */
  public int extraTerms() {
    return this == CONSTANT ? 0 : 1;
  }
}
