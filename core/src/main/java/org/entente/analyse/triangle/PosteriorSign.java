package org.entente.analyse.triangle;

/**
 * The outcome of the posterior sign rule (METHODS section 2.1, rule C).
 *
 * @param sign the sign chosen by the rule
 * @param probabilityCooperative posterior probability P(p &gt; 0.5 + δ), p the cooperation share
 * @param probabilityConflictual posterior probability P(p &lt; 0.5 − δ)
 * @param delta the margin δ used
 * @param gamma the required posterior probability γ used
 */
public record PosteriorSign(
    Sign sign,
    double probabilityCooperative,
    double probabilityConflictual,
    double delta,
    double gamma) {}
