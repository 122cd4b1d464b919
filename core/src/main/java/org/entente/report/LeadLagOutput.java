package org.entente.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entente.analyse.LeadLagReport;
import org.entente.analyse.leadlag.AdfResult;
import org.entente.analyse.leadlag.CrossCorrelation;
import org.entente.analyse.leadlag.ResampledTest;
import org.entente.analyse.leadlag.Resampling;
import org.entente.analyse.series.Imputation;

/**
 * Renderings of {@link LeadLagReport}s: JSON (documented in {@code docs/analysis.md}), one row per
 * test for CSV, and readable text.
 */
public final class LeadLagOutput {
  /** Columns of the CSV rendering, one row per pair and direction. */
  public static final List<String> COLUMNS =
      List.of(
          "cause",
          "effect",
          "first",
          "last",
          "n",
          "difference",
          "lags",
          "F",
          "df1",
          "df2",
          "p_value",
          "p_bootstrap",
          "p_adjusted",
          "p_bootstrap_adjusted",
          "coefficient_sum",
          "bootstrap",
          "resampling",
          "seed",
          "surrogates");

  private LeadLagOutput() {}

  /** The JSON object of one pair. */
  public static Map<String, Object> json(LeadLagReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("x", r.x().label());
    m.put("y", r.y().label());
    m.put("x_score", r.x().score());
    m.put("y_score", r.y().score());
    m.put("frequency", r.x().frequency().name().toLowerCase(Locale.ROOT));
    m.put("first", r.x().periods().get(0).label());
    m.put("last", r.x().periods().get(r.x().length() - 1).label());
    m.put("n", r.n());
    m.put("periods_with_data_both", r.withDataBoth());
    m.put("imputation", r.request().imputation().optionName());
    Map<String, Object> imputed = new LinkedHashMap<>();
    imputed.put("x", r.x().undefined());
    imputed.put("y", r.y().undefined());
    m.put("imputed", imputed);
    m.put("difference", r.differenceOrder());
    m.put("difference_reason", r.differenceReason());
    m.put("max_lag", r.maxLagUsed());
    m.put("criterion", r.request().criterion().name().toLowerCase(Locale.ROOT));
    m.put("lags", r.lags());
    m.put("lags_reason", r.lagsReason());
    if (r.selection() != null) {
      Map<String, Object> sel = new LinkedHashMap<>();
      sel.put("aic", list(r.selection().aic()));
      sel.put("bic", list(r.selection().bic()));
      sel.put("aic_order", r.selection().aicOrder());
      sel.put("bic_order", r.selection().bicOrder());
      m.put("selection", sel);
    }
    m.put("test", "Granger F, statsmodels ssr_ftest convention (single equation, constant)");
    m.put("x_to_y", direction(r.xToY()));
    m.put("y_to_x", direction(r.yToX()));
    Map<String, Object> adf = new LinkedHashMap<>();
    adf.put("x", adf(r.adfX()));
    adf.put("y", adf(r.adfY()));
    m.put("adf", adf);
    if (r.adfXDifferenced() != null) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("x", adf(r.adfXDifferenced()));
      d.put("y", adf(r.adfYDifferenced()));
      m.put("adf_differenced", d);
    }
    CrossCorrelation cc = r.ccf().correlation();
    m.put("ccf_prewhitening_ar_order", r.ccf().filter().order());
    m.put("ccf_band", cc.whiteNoiseBand());
    List<Object> ccf = new ArrayList<>();
    for (int k = -cc.maxLag(); k <= cc.maxLag(); k++) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("lag", k);
      x.put("r", cc.at(k));
      ccf.add(x);
    }
    m.put("ccf", ccf);
    m.put("bootstrap", r.request().bootstrap());
    m.put("resampling", resampling(r.request().resampling()));
    m.put("seed", r.request().seed());
    m.put("warnings", r.warnings());
    return m;
  }

  private static List<Object> list(double[] v) {
    List<Object> out = new ArrayList<>();
    for (double d : v) {
      out.add(d);
    }
    return out;
  }

  private static String resampling(Resampling r) {
    return r == Resampling.CIRCULAR_SHIFT ? "circular" : "block";
  }

  private static Map<String, Object> direction(LeadLagReport.Direction d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("F", d.test().fStatistic());
    m.put("df1", d.test().dfNumerator());
    m.put("df2", d.test().dfDenominator());
    m.put("p_value", d.test().fPValue());
    m.put("p_bootstrap", d.pBootstrap());
    m.put("p_adjusted", d.pAdjusted());
    m.put("p_bootstrap_adjusted", d.pBootstrapAdjusted());
    m.put("chi2", d.test().chi2Statistic());
    m.put("chi2_p_value", d.test().chi2PValue());
    m.put("coefficient_sum", d.coefficientSum());
    m.put("nobs", d.test().nobs());
    if (d.resampled() != null) {
      m.put("surrogates", d.resampled().replicates());
      m.put("surrogates_exhaustive", d.resampled().exhaustive());
    }
    return m;
  }

  private static Map<String, Object> adf(AdfResult a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("stat", a.statistic());
    m.put("p_value", a.pValue());
    m.put("lags", a.usedLag());
    m.put("nobs", a.nobs());
    m.put("critical_1pct", a.criticalValues().onePercent());
    m.put("critical_5pct", a.criticalValues().fivePercent());
    m.put("critical_10pct", a.criticalValues().tenPercent());
    m.put("unit_root_rejected_5pct", a.rejectsUnitRootAt5Percent());
    return m;
  }

  /** One row per pair and direction, {@link #COLUMNS}. */
  public static Table table(List<LeadLagReport> reports) {
    Table t = new Table(COLUMNS);
    for (LeadLagReport r : reports) {
      row(t, r, r.x().label(), r.y().label(), r.xToY());
      row(t, r, r.y().label(), r.x().label(), r.yToX());
    }
    return t;
  }

  private static void row(
      Table t, LeadLagReport r, String cause, String effect, LeadLagReport.Direction d) {
    t.add(
        cause,
        effect,
        r.x().periods().get(0).label(),
        r.x().periods().get(r.x().length() - 1).label(),
        r.n(),
        r.differenceOrder(),
        r.lags(),
        d.test().fStatistic(),
        d.test().dfNumerator(),
        d.test().dfDenominator(),
        d.test().fPValue(),
        d.pBootstrap(),
        d.pAdjusted(),
        d.pBootstrapAdjusted(),
        d.coefficientSum(),
        r.request().bootstrap(),
        resampling(r.request().resampling()),
        r.request().seed(),
        d.resampled() == null ? null : d.resampled().replicates());
  }

  /**
   * How the resampling p-values were computed: B draws and the seed, or every distinct circular
   * shift when there are no more than B.
   */
  private static String resamplingLine(LeadLagReport r) {
    String line =
        "resampling: "
            + resampling(r.request().resampling())
            + ", B = "
            + r.request().bootstrap()
            + ", seed "
            + r.request().seed();
    ResampledTest used = r.xToY().resampled();
    if (used != null && used.exhaustive()) {
      line +=
          "; only "
              + used.replicates()
              + " distinct shifts of at least "
              + used.schemeParameter()
              + " periods exist, so all were used once each (exact; the seed is not used)";
    }
    return line;
  }

  /** Readable text of one pair. */
  public static void text(LeadLagReport r, PrintWriter out) {
    out.println(
        "Lead-lag "
            + r.x().label()
            + " ("
            + r.x().score()
            + ") and "
            + r.y().label()
            + " ("
            + r.y().score()
            + "): "
            + r.x().frequency().name().toLowerCase(Locale.ROOT)
            + "ly "
            + r.x().periods().get(0).label()
            + ".."
            + r.x().periods().get(r.x().length() - 1).label()
            + ", n = "
            + r.n()
            + ", "
            + r.withDataBoth()
            + " periods with data in both; imputation "
            + r.request().imputation().optionName()
            + (r.request().imputation() == Imputation.NONE
                ? ""
                : " ("
                    + r.x().undefined()
                    + " periods of x and "
                    + r.y().undefined()
                    + " of y filled)"));
    out.println(
        "ADF x: stat "
            + Table.number(r.adfX().statistic())
            + ", p "
            + Table.number(r.adfX().pValue())
            + ", lags "
            + r.adfX().usedLag()
            + "; ADF y: stat "
            + Table.number(r.adfY().statistic())
            + ", p "
            + Table.number(r.adfY().pValue())
            + ", lags "
            + r.adfY().usedLag());
    for (String w : r.warnings()) {
      out.println("warning: " + w);
    }
    out.println("differencing: " + r.differenceReason());
    out.println("lags: " + r.lags() + " (" + r.lagsReason() + ")");
    Table t =
        new Table(
            List.of(
                "direction",
                "F",
                "df1",
                "df2",
                "p_value",
                "p_bootstrap",
                "p_adjusted",
                "coef_sum"));
    for (Object[] d :
        new Object[][] {
          {r.x().label() + " -> " + r.y().label(), r.xToY()},
          {r.y().label() + " -> " + r.x().label(), r.yToX()}
        }) {
      LeadLagReport.Direction dir = (LeadLagReport.Direction) d[1];
      t.add(
          d[0],
          dir.test().fStatistic(),
          dir.test().dfNumerator(),
          dir.test().dfDenominator(),
          dir.test().fPValue(),
          dir.pBootstrap(),
          dir.pAdjusted(),
          dir.coefficientSum());
    }
    t.write(OutputFormat.TABLE, out);
    out.println(resamplingLine(r));
    CrossCorrelation cc = r.ccf().correlation();
    StringBuilder sb =
        new StringBuilder(
            "ccf (prewhitened, AR("
                + r.ccf().filter().order()
                + ") of x; k > 0: x leads; band ±"
                + Table.number(cc.whiteNoiseBand())
                + "):");
    for (int k = -cc.maxLag(); k <= cc.maxLag(); k++) {
      sb.append(' ')
          .append(k)
          .append(':')
          .append(Table.number(Math.round(cc.at(k) * 1000) / 1000.0));
    }
    out.println(sb);
    out.println();
    out.flush();
  }
}
