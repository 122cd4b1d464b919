package org.entente.analyse.leadlag;

/**
 * A resampling p-value for a Granger F statistic.
 *
 * @param observed the F statistic on the observed series
 * @param pValue (1 + #{F* ≥ F}) / (B + 1)
 * @param replicates B, the number of surrogates computed: the B asked for, or the K distinct
 *     circular shifts when K ≤ B (then all of them, once each)
 * @param exceedances #{F* ≥ F}
 * @param scheme how surrogates were drawn
 * @param schemeParameter the block length ℓ for the block bootstrap, the minimum shift m for
 *     circular shifts
 * @param seed the seed of the random generator (Hipparchus Well19937c); record it with results
 *     (unused when {@code exhaustive})
 * @param exhaustive whether the surrogates were every distinct circular shift, so that the p-value
 *     is exact over the shifts rather than a Monte Carlo estimate
 */
public record ResampledTest(
    double observed,
    double pValue,
    int replicates,
    int exceedances,
    Resampling scheme,
    int schemeParameter,
    long seed,
    boolean exhaustive) {}
