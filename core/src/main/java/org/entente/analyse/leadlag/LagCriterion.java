package org.entente.analyse.leadlag;

/** Information criterion used to choose a lag length. */
public enum LagCriterion {
  /** Akaike information criterion. */
  AIC,
  /** Bayesian (Schwarz) information criterion. */
  BIC
}
