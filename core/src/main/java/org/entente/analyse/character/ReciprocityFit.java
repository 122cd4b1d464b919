package org.entente.analyse.character;

/**
 * OLS fit of s_{A→B,t} = a + φ s_{A→B,t−1} + θ s_{B→A,t−1} + e.
 *
 * @param constant â
 * @param persistence φ̂, A's own inertia
 * @param theta θ̂, specific reciprocity: how strongly A answers B's previous month
 * @param thetaStandardError se(θ̂) = √(σ̂² [(X'X)⁻¹]_θθ), σ̂² = RSS/(n − 3)
 * @param nobs months used (those with all three values present)
 */
public record ReciprocityFit(
    double constant, double persistence, double theta, double thetaStandardError, int nobs) {}
