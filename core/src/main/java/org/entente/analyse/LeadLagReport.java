package org.entente.analyse;

import org.entente.analyse.leadlag.AdfResult;
import org.entente.analyse.leadlag.GrangerResult;
import org.entente.analyse.leadlag.LagOrderSelection;
import org.entente.analyse.leadlag.PrewhitenedCrossCorrelation;
import org.entente.analyse.leadlag.ResampledTest;
import org.entente.analyse.series.AnalysisSeries;

/**
 * The outcome of a lead–lag analysis of x and y.
 *
 * @param x the x series as aligned (before imputation and differencing)
 * @param y the y series
 * @param request the request as run
 * @param withDataBoth periods with data in both series
 * @param adfX ADF test of x in levels (constant, lag by AIC up to ⌊12 (n/100)^{1/4}⌋)
 * @param adfY ADF test of y in levels
 * @param differenceOrder d, the differencing applied before the tests (0 or 1)
 * @param differenceReason why d was chosen
 * @param adfXDifferenced ADF of Δx when d = 1, else {@code null}
 * @param adfYDifferenced ADF of Δy when d = 1, else {@code null}
 * @param selection the VAR lag-order selection, or {@code null} when the lags were given
 * @param maxLagUsed the largest lag considered after capping by the series length
 * @param lags p, the lags of the Granger tests
 * @param lagsReason how p was chosen
 * @param xToY does x Granger-cause y
 * @param yToX does y Granger-cause x
 * @param ccf the cross-correlation after prewhitening both series with x's AR filter (k &gt; 0: x
 *     leads)
 * @param warnings caveats about the data the tests rest on (for example very few periods with
 *     events), empty if none
 */
public record LeadLagReport(
    AnalysisSeries x,
    AnalysisSeries y,
    LeadLagRequest request,
    int withDataBoth,
    AdfResult adfX,
    AdfResult adfY,
    int differenceOrder,
    String differenceReason,
    AdfResult adfXDifferenced,
    AdfResult adfYDifferenced,
    LagOrderSelection selection,
    int maxLagUsed,
    int lags,
    String lagsReason,
    Direction xToY,
    Direction yToX,
    PrewhitenedCrossCorrelation ccf,
    java.util.List<String> warnings) {

  /** Copies the warnings. */
  public LeadLagReport {
    warnings = java.util.List.copyOf(warnings);
  }

  /**
   * One direction of the Granger test.
   *
   * @param test the F test (statsmodels {@code ssr_ftest} convention) and its χ² variant
   * @param resampled the resampling p-value, or {@code null} when B = 0
   * @param coefficientSum Σ b̂_i, the sum of the cause's lag coefficients in the unrestricted
   *     regression (its sign says whether a high cause precedes a high or a low effect)
   * @param pAdjusted the Benjamini–Hochberg adjusted F p-value across all tests run together; NaN
   *     for a single pair
   * @param pBootstrapAdjusted the same for the resampling p-value
   */
  public record Direction(
      GrangerResult test,
      ResampledTest resampled,
      double coefficientSum,
      double pAdjusted,
      double pBootstrapAdjusted) {

    /** The resampling p-value, NaN when none was computed. */
    public double pBootstrap() {
      return resampled == null ? Double.NaN : resampled.pValue();
    }

    Direction adjusted(double p, double pBoot) {
      return new Direction(test, resampled, coefficientSum, p, pBoot);
    }
  }

  /** The number of periods analysed (before differencing). */
  public int n() {
    return x.length();
  }

  LeadLagReport withDirections(Direction newXToY, Direction newYToX) {
    return new LeadLagReport(
        x,
        y,
        request,
        withDataBoth,
        adfX,
        adfY,
        differenceOrder,
        differenceReason,
        adfXDifferenced,
        adfYDifferenced,
        selection,
        maxLagUsed,
        lags,
        lagsReason,
        newXToY,
        newYToX,
        ccf,
        warnings);
  }
}
