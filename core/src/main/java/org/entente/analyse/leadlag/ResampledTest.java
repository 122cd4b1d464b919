package org.entente.analyse.leadlag;

/**
 * A resampling p-value for a Granger F statistic.
 *
 * @param observed the F statistic on the observed series
 * @param pValue (1 + #{F* ≥ F}) / (B + 1)
 * @param replicates B
 * @param exceedances #{F* ≥ F}
 * @param scheme how surrogates were drawn
 * @param schemeParameter the block length ℓ for the block bootstrap, the minimum shift m for
 *     circular shifts
 * @param seed the seed of the random generator (Hipparchus Well19937c); record it with results
 */
public record ResampledTest(
    double observed,
    double pValue,
    int replicates,
    int exceedances,
    Resampling scheme,
    int schemeParameter,
    long seed) {}
