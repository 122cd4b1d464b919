package org.entente.simulate;

import java.util.List;

/**
 * One round: the risk measures computed at the start, the accepted offers, and the state after all
 * positions were updated at once. Arrays are indexed like the run's actors and must not be
 * modified.
 *
 * @param round 1-based round number
 * @param theta θ_i = Σ_{j≠i} E(U_ji) at r = 1
 * @param risk r_i, the risk exponents used in this round (0.5..2)
 * @param moves accepted offers, in actor order
 * @param positions positions after the round
 * @param mean c·s-weighted mean after the round
 * @param median reported median after the round ({@link BdmOptions.MedianLine})
 * @param maxShift max_i |Δx_i| in this round
 */
public record RoundResult(
    int round,
    double[] theta,
    double[] risk,
    List<Move> moves,
    double[] positions,
    double mean,
    double median,
    double maxShift) {}
