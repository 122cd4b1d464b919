package org.entente.analyse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.entente.analyse.leadlag.AdfResult;
import org.entente.analyse.leadlag.AdfTrend;
import org.entente.analyse.leadlag.AugmentedDickeyFuller;
import org.entente.analyse.leadlag.CrossCorrelations;
import org.entente.analyse.leadlag.Deterministic;
import org.entente.analyse.leadlag.Differencing;
import org.entente.analyse.leadlag.GrangerCausality;
import org.entente.analyse.leadlag.GrangerResult;
import org.entente.analyse.leadlag.LagCriterion;
import org.entente.analyse.leadlag.LagOrderSelection;
import org.entente.analyse.leadlag.LagSelection;
import org.entente.analyse.leadlag.MultipleTesting;
import org.entente.analyse.leadlag.PrewhitenedCrossCorrelation;
import org.entente.analyse.leadlag.ResampledTest;
import org.entente.analyse.series.AnalysisSeries;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

/**
 * Lead–lag between two series (METHODS §4), using the methods of {@code
 * org.entente.analyse.leadlag} in this order:
 *
 * <ol>
 *   <li>Fill undefined periods with the requested imputation.
 *   <li>ADF on each series in levels (constant; k by AIC up to ⌊12 (n/100)^{1/4}⌋, lowered if a
 *       regression is singular; MacKinnon 1994 p-value, MacKinnon 2010 critical values). With
 *       {@code --difference auto}, both series are differenced once if either fails to reject a
 *       unit root at 5% (τ above the finite-sample 5% critical value); the ADF of the differences
 *       is reported too.
 *   <li>Lag order p: the VAR(p) order minimising AIC or BIC (Lütkepohl 2005) for p = 0..p_max on a
 *       common sample, p_max = min(--max-lag, max(1, ⌊(n − 2)/5⌋)), so that the VAR(p_max) keeps as
 *       many residual degrees of freedom per equation as coefficients (lowered further if a
 *       regression is singular); a selected p = 0 is raised to 1 (a Granger test needs a lag), and
 *       the output says so. A fixed --lags replaces the selection and may go up to ⌊(n − 2)/3⌋ (F's
 *       df2 ≥ 1).
 *   <li>Granger F both ways, statsmodels {@code ssr_ftest} convention: F = [(RSS_R − RSS_U)/p] /
 *       [RSS_U/(T − 2p − 1)] ~ F(p, T − 2p − 1), T = n − p. The sign of the effect is the sum of
 *       the cause's lag coefficients in the unrestricted OLS (Hipparchus QR).
 *   <li>Resampling p-value over B circular shifts (or circular block bootstraps) of the cause with
 *       a seeded Well19937c generator; never plain permutation. When the lag order was selected (no
 *       --lags), it is selected again in every replicate and the replicates' parametric p-values
 *       are compared with the observed one, (1 + #{P* ≤ P})/(B + 1) ({@link
 *       GrangerCausality#resampledReselecting}); with a fixed --lags, (1 + #{F* ≥ F})/(B + 1). When
 *       the K distinct circular shifts number no more than B, all K are used instead of B draws,
 *       and the p-value is exact over them.
 *   <li>Cross-correlation r_xy(k), k = −K..K (k &gt; 0: x leads), after prewhitening both series
 *       with the AR filter fitted to x (order by AIC up to min(--max-lag, ⌊(n − 3)/2⌋), lowered if
 *       an autoregression is singular); band ±1.96/√n.
 * </ol>
 *
 * <p>Several pairs: {@link #adjust(List)} adds Benjamini–Hochberg adjusted p-values across every
 * test of every pair (Benjamini &amp; Hochberg 1995). Static, pure and thread-safe.
 */
public final class LeadLagAnalysis {
  /** Below this many periods with data in both series, the report carries a warning. */
  static final int SPARSE = 10;

  private LeadLagAnalysis() {}

  /**
   * Analyses whether x leads y and y leads x.
   *
   * @param x the candidate leader
   * @param y the candidate follower, same frequency; only the periods both cover are used
   * @param request lags, differencing, resampling and imputation
   * @return the report
   * @throws AnalysisException if the series do not overlap, are too short for one lag, are
   *     constant, or have undefined periods and no imputation
   */
  public static LeadLagReport run(AnalysisSeries x, AnalysisSeries y, LeadLagRequest request) {
    Objects.requireNonNull(request, "request");
    AnalysisSeries[] aligned = align(x, y);
    x = aligned[0];
    y = aligned[1];
    double[] xs = x.filled(request.imputation());
    double[] ys = y.filled(request.imputation());
    int withBoth = 0;
    for (int i = 0; i < x.length(); i++) {
      if (x.hasData(i) && y.hasData(i)) {
        withBoth++;
      }
    }
    requireVarying(x, xs);
    requireVarying(y, ys);
    AdfResult adfX = adf(x, xs);
    AdfResult adfY = adf(y, ys);
    int d;
    String reason;
    switch (request.difference()) {
      case NONE -> {
        d = 0;
        reason = "levels (--difference none)";
      }
      case FIRST -> {
        d = 1;
        reason = "first differences (--difference 1)";
      }
      default -> {
        boolean xUnit = !adfX.rejectsUnitRootAt5Percent();
        boolean yUnit = !adfY.rejectsUnitRootAt5Percent();
        d = xUnit || yUnit ? 1 : 0;
        reason =
            d == 0
                ? "levels: ADF rejects a unit root at 5% for both series"
                : "first differences: ADF does not reject a unit root at 5% for "
                    + (xUnit && yUnit ? "either series" : xUnit ? "x" : "y");
      }
    }
    double[] xt = d == 0 ? xs : Differencing.FIRST.apply(xs);
    double[] yt = d == 0 ? ys : Differencing.FIRST.apply(ys);
    AdfResult adfXd = null;
    AdfResult adfYd = null;
    if (d == 1) {
      requireVaryingDifferences(x, xt);
      requireVaryingDifferences(y, yt);
      adfXd = adf(x, xt);
      adfYd = adf(y, yt);
    }
    int n = xt.length;
    int cap = (n - 2) / 3;
    if (cap < 1) {
      throw new AnalysisException(
          "series "
              + x.label()
              + " and "
              + y.label()
              + " have "
              + n
              + " usable periods; a Granger test with one lag needs at least 5");
    }
    // Selection's p_max keeps, at p_max, as many residual degrees of freedom per VAR equation as
    // coefficients: T − (2p + 1) ≥ 2p + 1 with T = n − p, i.e. p ≤ (n − 2)/5. Up to (n − 2)/3 AIC
    // chose the largest order almost always on short series (independent AR(1) pairs, n = 40:
    // order 12 in 182 of 200), where df2 was 3 and the χ² variant meaningless.
    int maxLag = Math.min(request.maxLag(), Math.max(1, (n - 2) / 5));
    LagOrderSelection selection = null;
    int p;
    String lagsReason;
    if (request.lags() > 0) {
      if (request.lags() > cap) {
        throw new AnalysisException(
            "--lags "
                + request.lags()
                + " is too many for "
                + n
                + " periods (at most "
                + cap
                + ")");
      }
      p = request.lags();
      lagsReason = "given (--lags)";
    } else {
      selection = select(x, y, xt, yt, maxLag);
      maxLag = selection.maxLag();
      int chosen = selection.order(request.criterion());
      String crit = request.criterion().name();
      if (chosen == 0) {
        p = 1;
        lagsReason = crit + " chose 0 lags (p_max " + maxLag + "); the Granger tests use 1";
      } else {
        p = chosen;
        lagsReason = crit + " over 0.." + maxLag;
      }
    }
    int reselectUpTo = selection == null ? 0 : maxLag;
    LeadLagReport.Direction xToY = direction(x, y, xt, yt, p, reselectUpTo, request);
    LeadLagReport.Direction yToX = direction(y, x, yt, xt, p, reselectUpTo, request);
    int arMax = Math.max(0, Math.min(request.maxLag(), (n - 3) / 2));
    int ccfLag = Math.max(0, Math.min(request.maxLag(), n - arMax - 1));
    PrewhitenedCrossCorrelation ccf = null;
    RuntimeException failure = null;
    for (int q = arMax; q >= 0 && ccf == null; q--) {
      try {
        ccf = CrossCorrelations.prewhitened(xt, yt, ccfLag, q);
      } catch (IllegalArgumentException | MathRuntimeException e) {
        failure = e;
      }
    }
    if (ccf == null) {
      throw new AnalysisException(
          "cross-correlation of " + x.label() + " and " + y.label() + ": " + failure.getMessage(),
          failure);
    }
    List<String> warnings = new ArrayList<>();
    if (withBoth < SPARSE) {
      warnings.add(
          "only "
              + withBoth
              + " of "
              + x.length()
              + " periods have data in both series: the tests rest on a handful of periods (a"
              + " resampling p-value of a mostly empty series is small whenever the few non-empty"
              + " periods happen to line up)");
    }
    ResampledTest shifts = xToY.resampled();
    if (shifts != null && shifts.exhaustive() && 1.0 / (shifts.replicates() + 1) > 0.05) {
      warnings.add(
          "only "
              + shifts.replicates()
              + " distinct circular shifts of at least "
              + shifts.schemeParameter()
              + " periods exist: the resampling p-value cannot go below 1/"
              + (shifts.replicates() + 1)
              + " = "
              + String.format(Locale.ROOT, "%.3f", 1.0 / (shifts.replicates() + 1))
              + ", so it cannot reach 0.05 (a longer series, or --resampling block, can)");
    }
    return new LeadLagReport(
        x,
        y,
        request,
        withBoth,
        adfX,
        adfY,
        d,
        reason,
        adfXd,
        adfYd,
        selection,
        maxLag,
        p,
        lagsReason,
        xToY,
        yToX,
        ccf,
        warnings);
  }

  /**
   * Benjamini–Hochberg adjusted p-values across every test of several analyses (two per pair), for
   * the F p-values and the resampling p-values separately.
   *
   * @param reports analyses run together
   * @return the same reports with {@code pAdjusted} and {@code pBootstrapAdjusted} filled
   */
  public static List<LeadLagReport> adjust(List<LeadLagReport> reports) {
    int m = reports.size();
    double[] pf = new double[2 * m];
    double[] pb = new double[2 * m];
    for (int i = 0; i < m; i++) {
      pf[2 * i] = reports.get(i).xToY().test().fPValue();
      pf[2 * i + 1] = reports.get(i).yToX().test().fPValue();
      pb[2 * i] = reports.get(i).xToY().pBootstrap();
      pb[2 * i + 1] = reports.get(i).yToX().pBootstrap();
    }
    double[] qf = MultipleTesting.benjaminiHochberg(pf);
    double[] qb = MultipleTesting.benjaminiHochberg(pb);
    List<LeadLagReport> out = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      LeadLagReport r = reports.get(i);
      out.add(
          r.withDirections(
              r.xToY().adjusted(qf[2 * i], qb[2 * i]),
              r.yToX().adjusted(qf[2 * i + 1], qb[2 * i + 1])));
    }
    return List.copyOf(out);
  }

  private static AnalysisSeries[] align(AnalysisSeries x, AnalysisSeries y) {
    if (x.frequency() != y.frequency()) {
      throw new AnalysisException(
          "series " + x.label() + " and " + y.label() + " have different frequencies");
    }
    if (x.isEmpty() || y.isEmpty()) {
      throw new AnalysisException(
          "no data for " + (x.isEmpty() ? x.label() : y.label()) + " in the range");
    }
    if (x.periods().equals(y.periods())) {
      return new AnalysisSeries[] {x, y};
    }
    int xi = x.indexOf(y.periods().get(0));
    int yi = y.indexOf(x.periods().get(0));
    int xs = Math.max(0, xi);
    int ys = Math.max(0, yi);
    if (xi < 0 && yi < 0) {
      throw new AnalysisException("series " + x.label() + " and " + y.label() + " do not overlap");
    }
    int len = Math.min(x.length() - xs, y.length() - ys);
    if (len <= 0) {
      throw new AnalysisException("series " + x.label() + " and " + y.label() + " do not overlap");
    }
    return new AnalysisSeries[] {x.slice(xs, xs + len), y.slice(ys, ys + len)};
  }

  private static void requireVarying(AnalysisSeries s, double[] v) {
    if (constant(v)) {
      throw new AnalysisException(
          "series " + s.label() + " is constant over the range analysed: nothing to relate");
    }
  }

  private static boolean constant(double[] v) {
    for (double d : v) {
      if (d != v[0]) {
        return false;
      }
    }
    return true;
  }

  /**
   * A series whose first differences are constant is a straight line (a trend), not a constant: say
   * so, and how to analyse it.
   */
  private static void requireVaryingDifferences(AnalysisSeries s, double[] differences) {
    if (!constant(differences)) {
      return;
    }
    throw new AnalysisException(
        "series "
            + s.label()
            + " is a straight line over the range analysed (its first differences are all "
            + differences[0]
            + "): differenced, it is constant and nothing can be related; use --difference none"
            + " to test the levels");
  }

  /**
   * VAR lag selection up to {@code maxLag}, lowered while a candidate regression is singular
   * (collinear lags in sparse series).
   */
  private static LagOrderSelection select(
      AnalysisSeries x, AnalysisSeries y, double[] xt, double[] yt, int maxLag) {
    RuntimeException last = null;
    for (int k = maxLag; k >= 1; k--) {
      try {
        return LagSelection.select(xt, yt, k);
      } catch (IllegalArgumentException | MathRuntimeException e) {
        last = e;
      }
    }
    throw new AnalysisException(
        "lag selection for " + x.label() + " and " + y.label() + ": " + last.getMessage(), last);
  }

  /**
   * ADF with k by AIC up to ⌊12 (n/100)^{1/4}⌋; if a regression with that many lagged differences
   * is singular (sparse event series: long runs of equal values make lagged differences collinear),
   * the largest k is lowered until every candidate regression can be fitted. The k used is in the
   * result ({@code maxLag}).
   */
  private static AdfResult adf(AnalysisSeries s, double[] v) {
    RuntimeException last = null;
    int kmax;
    try {
      kmax = AugmentedDickeyFuller.maxLagMethods(v.length, AdfTrend.CONSTANT);
    } catch (IllegalArgumentException e) {
      throw new AnalysisException(
          "ADF test of " + s.label() + " (" + v.length + " periods): " + e.getMessage(), e);
    }
    for (int k = kmax; k >= 0; k--) {
      try {
        return AugmentedDickeyFuller.test(v, AdfTrend.CONSTANT, k, LagCriterion.AIC);
      } catch (IllegalArgumentException | MathRuntimeException e) {
        last = e;
      }
    }
    throw new AnalysisException(
        "ADF test of " + s.label() + " (" + v.length + " periods): " + last.getMessage(), last);
  }

  private static LeadLagReport.Direction direction(
      AnalysisSeries cause,
      AnalysisSeries effect,
      double[] c,
      double[] e,
      int p,
      int reselectUpTo,
      LeadLagRequest r) {
    try {
      GrangerResult test = GrangerCausality.test(c, e, p);
      ResampledTest resampled;
      if (r.bootstrap() == 0) {
        resampled = null;
      } else if (reselectUpTo > 0
          && GrangerCausality.order(c, e, reselectUpTo, r.criterion()) == p) {
        // the order was chosen on the data: choose it again in every replicate
        resampled =
            GrangerCausality.resampledReselecting(
                    c, e, reselectUpTo, r.criterion(), r.resampling(), r.bootstrap(), r.seed())
                .resampled();
      } else {
        resampled =
            GrangerCausality.resampled(
                c, e, p, Deterministic.CONSTANT, r.resampling(), r.bootstrap(), r.seed());
      }
      return new LeadLagReport.Direction(
          test, resampled, coefficientSum(c, e, p), Double.NaN, Double.NaN);
    } catch (IllegalArgumentException | MathRuntimeException ex) {
      throw new AnalysisException(
          "Granger test " + cause.label() + " → " + effect.label() + ": " + ex.getMessage(), ex);
    }
  }

  /**
   * Σ b̂_i in the OLS e_t = c + Σ_{i=1}^{p} a_i e_{t−i} + Σ_{i=1}^{p} b_i c_{t−i} + u_t, t =
   * p+1..n.
   */
  static double coefficientSum(double[] cause, double[] effect, int p) {
    int rows = effect.length - p;
    double[][] design = new double[rows][2 * p + 1];
    double[] response = new double[rows];
    for (int r = 0; r < rows; r++) {
      int t = p + r;
      response[r] = effect[t];
      for (int i = 1; i <= p; i++) {
        design[r][i - 1] = effect[t - i];
        design[r][p + i - 1] = cause[t - i];
      }
      design[r][2 * p] = 1;
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression(1e-10);
    ols.setNoIntercept(true);
    ols.newSampleData(response, design);
    double[] beta = ols.estimateRegressionParameters();
    double sum = 0;
    for (int i = 0; i < p; i++) {
      sum += beta[p + i];
    }
    return sum;
  }
}
