package org.entente.analyse.leadlag;

/**
 * The outcome of an augmented Dickey–Fuller test. H0: unit root; small p rejects it.
 *
 * @param trend the deterministic terms
 * @param statistic τ = γ̂/se(γ̂)
 * @param pValue MacKinnon (1994) approximate asymptotic p-value
 * @param usedLag k, the number of lagged differences in the final regression
 * @param maxLag the largest k considered (equal to usedLag for a fixed-lag test)
 * @param criterion the criterion that chose k, or null for a fixed-lag test
 * @param nobs observations in the final regression, n − 1 − k
 * @param criticalValues MacKinnon (2010) finite-sample critical values at nobs
 */
public record AdfResult(
    AdfTrend trend,
    double statistic,
    double pValue,
    int usedLag,
    int maxLag,
    LagCriterion criterion,
    int nobs,
    CriticalValues criticalValues) {

  /**
   * Tells whether the unit root is rejected at the 5% level (τ below the 5% critical value).
   *
   * @return true if rejected
   */
  public boolean rejectsUnitRootAt5Percent() {
    return statistic < criticalValues.fivePercent();
  }
}
