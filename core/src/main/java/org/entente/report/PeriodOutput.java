package org.entente.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entente.analyse.PeriodReport;
import org.entente.analyse.changepoint.ChangePointResult;
import org.entente.analyse.changepoint.DetectionMethod;
import org.entente.measure.Period;

/**
 * Renderings of a {@link PeriodReport}: JSON (documented in {@code docs/analysis.md}), the periods
 * as a table for CSV, and readable text.
 */
public final class PeriodOutput {
  /** Columns of the CSV rendering, one row per detected period. */
  public static final List<String> COLUMNS =
      List.of(
          "first",
          "last",
          "n",
          "mean",
          "sd",
          "ci_lower",
          "ci_upper",
          "events",
          "periods_with_data");

  private PeriodOutput() {}

  /** The JSON object. */
  public static Map<String, Object> json(PeriodReport r) {
    ChangePointResult res = r.result();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("series", r.series().label());
    m.put("origin", r.series().origin());
    m.put("score", r.series().score());
    m.put("frequency", r.series().frequency().name().toLowerCase(Locale.ROOT));
    m.put("imputation", r.request().imputation().optionName());
    m.put("imputed", r.imputed());
    m.put("method", method(res.method()));
    m.put("penalty", penalty(r));
    m.put("beta", res.beta());
    m.put("sigma", res.scale());
    m.put("sigma_rule", r.request().scale().name().toLowerCase(Locale.ROOT));
    m.put("min_length", res.minSegmentLength());
    m.put("n", res.n());
    m.put("first", r.series().periods().get(0).label());
    m.put("last", r.series().periods().get(r.series().length() - 1).label());
    m.put("penalised_cost", res.penalisedCost());
    List<Object> changes = new ArrayList<>();
    for (PeriodReport.Change c : r.changes()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("last_of_old", c.lastOfOld().label());
      x.put("first_of_new", c.firstOfNew().label());
      x.put("gain", c.gain());
      changes.add(x);
    }
    m.put("changes", changes);
    List<Object> periods = new ArrayList<>();
    for (PeriodReport.Segment s : r.periods()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("first", s.first().label());
      x.put("last", s.last().label());
      x.put("n", s.length());
      x.put("mean", s.mean());
      x.put("sd", s.sd());
      x.put("ci_lower", s.ciLower());
      x.put("ci_upper", s.ciUpper());
      x.put("events", s.events() < 0 ? null : s.events());
      x.put("periods_with_data", s.withData());
      periods.add(x);
    }
    m.put("periods", periods);
    if (r.comparison() != null) {
      PeriodReport.Comparison c = r.comparison();
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("scheme", c.scheme());
      x.put("tolerance", c.tolerance());
      x.put(
          "convention",
          "breaks are first periods of new periods; |b - e| <= tolerance; end not included");
      x.put("expert_breaks", labels(c.expertBreaks()));
      x.put("outside", c.outside());
      x.put("detected_breaks", labels(c.detected()));
      List<Object> matches = new ArrayList<>();
      for (PeriodReport.Match mt : c.matches()) {
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("expert", mt.expert().label());
        y.put("detected", mt.detected().label());
        y.put("distance", mt.distance());
        matches.add(y);
      }
      x.put("matches", matches);
      x.put("true_positives", c.truePositives());
      x.put("precision", c.precision());
      x.put("recall", c.recall());
      x.put("f1", c.f1());
      x.put("hausdorff", c.hausdorff());
      m.put("compare", x);
    }
    return m;
  }

  /** The periods, {@link #COLUMNS}. */
  public static Table table(PeriodReport r) {
    Table t = new Table(COLUMNS);
    for (PeriodReport.Segment s : r.periods()) {
      t.add(
          s.first().label(),
          s.last().label(),
          s.length(),
          s.mean(),
          s.sd(),
          s.ciLower(),
          s.ciUpper(),
          s.events() < 0 ? null : s.events(),
          s.withData());
    }
    return t;
  }

  /** Readable text. */
  public static void text(PeriodReport r, PrintWriter out) {
    ChangePointResult res = r.result();
    out.println(
        "Periods of "
            + r.series().label()
            + " ("
            + r.series().score()
            + ", "
            + r.series().frequency().name().toLowerCase(Locale.ROOT)
            + "ly, "
            + r.series().periods().get(0).label()
            + ".."
            + r.series().periods().get(r.series().length() - 1).label()
            + ", n = "
            + res.n()
            + "; imputation "
            + r.request().imputation().optionName()
            + (r.imputed() > 0 ? ", " + r.imputed() + " filled" : "")
            + ")");
    out.println(
        "method "
            + method(res.method())
            + ", penalty "
            + penalty(r)
            + " (beta "
            + Table.number(res.beta())
            + "), sigma "
            + Table.number(res.scale())
            + " ("
            + r.request().scale().name().toLowerCase(Locale.ROOT)
            + "), min length "
            + res.minSegmentLength());
    out.println();
    if (r.changes().isEmpty()) {
      out.println("changes: none");
    } else {
      out.println("changes (last of old | first of new):");
      for (PeriodReport.Change c : r.changes()) {
        out.println("  " + c.lastOfOld().label() + " | " + c.firstOfNew().label());
      }
    }
    out.println();
    table(r).write(OutputFormat.TABLE, out);
    if (r.comparison() != null) {
      PeriodReport.Comparison c = r.comparison();
      out.println();
      out.println(
          "against "
              + c.scheme()
              + " (tolerance "
              + c.tolerance()
              + "): expert breaks "
              + labels(c.expertBreaks())
              + (c.outside().isEmpty() ? "" : ", outside the series " + c.outside())
              + ", detected "
              + labels(c.detected()));
      out.println(
          "  matched "
              + c.truePositives()
              + ": precision "
              + Table.text(c.precision(), "-")
              + ", recall "
              + Table.text(c.recall(), "-")
              + ", F1 "
              + Table.text(c.f1(), "-")
              + ", Hausdorff "
              + Table.text(c.hausdorff(), "-"));
    }
    out.flush();
  }

  private static List<String> labels(List<Period> ps) {
    return ps.stream().map(Period::label).toList();
  }

  private static String method(DetectionMethod m) {
    return m == DetectionMethod.PELT ? "pelt" : "binseg";
  }

  private static String penalty(PeriodReport r) {
    return switch (r.request().penalty().type()) {
      case BIC -> "bic";
      case SIC0 -> "sic0";
      case AIC -> "aic";
      case HANNAN_QUINN -> "hq";
      case MBIC -> "mbic";
      case MANUAL -> "manual";
    };
  }
}
