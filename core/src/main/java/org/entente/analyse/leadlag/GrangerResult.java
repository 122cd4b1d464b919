package org.entente.analyse.leadlag;

/**
 * A Granger causality test of "cause → effect" with p lags.
 *
 * @param lags p
 * @param deterministic deterministic terms in both regressions
 * @param nobs T = n − p
 * @param rssRestricted RSS of effect on its own p lags (and deterministic terms)
 * @param rssUnrestricted RSS after adding p lags of the cause
 * @param fStatistic [(RSS_R − RSS_U)/p] / [RSS_U/(T − 2p − 1 − d)]
 * @param dfNumerator p
 * @param dfDenominator T − 2p − 1 − d
 * @param fPValue P(F(p, T − 2p − 1 − d) ≥ fStatistic)
 * @param chi2Statistic T (RSS_R − RSS_U)/RSS_U
 * @param chi2PValue P(χ²(p) ≥ chi2Statistic)
 */
public record GrangerResult(
    int lags,
    Deterministic deterministic,
    int nobs,
    double rssRestricted,
    double rssUnrestricted,
    double fStatistic,
    int dfNumerator,
    int dfDenominator,
    double fPValue,
    double chi2Statistic,
    double chi2PValue) {}
