package org.entente.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entente.analyse.TriangleReport;
import org.entente.analyse.TriangleRequest;
import org.entente.analyse.series.SeriesOptions;
import org.entente.analyse.triangle.Configuration;
import org.entente.analyse.triangle.Sign;

/**
 * Renderings of {@link TriangleReport}s: JSON (documented in {@code docs/analysis.md}), a flat
 * table for CSV, and readable text.
 */
public final class TriangleOutput {
  /** Columns of the CSV rendering, one row per triad and period. */
  public static final List<String> COLUMNS =
      List.of(
          "triad",
          "period",
          "ab",
          "n_ab",
          "score_ab",
          "sign_ab",
          "bc",
          "n_bc",
          "score_bc",
          "sign_bc",
          "ca",
          "n_ca",
          "score_ca",
          "sign_ca",
          "configuration",
          "pivot",
          "outcast",
          "description",
          "strict_balance",
          "weak_balance",
          "continuous_balance",
          "sign_rule",
          "tau",
          "reference_median");

  private TriangleOutput() {}

  /** The JSON object of one report. */
  public static Map<String, Object> json(TriangleReport r) {
    TriangleRequest q = r.request();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("triad", q.triad().vertices());
    m.put("score", q.score().optionName());
    m.put("sign_rule", q.signRule().optionName());
    m.put("tau", q.tau());
    m.put("hysteresis", q.hysteresis());
    m.put("reference_median", r.referenceMedian());
    m.put("warnings", r.warnings());
    m.putAll(filters(q.series()));
    m.put("from", r.range() == null ? null : r.range().first().toString());
    m.put("to", r.range() == null ? null : r.range().last().toString());
    List<Object> periods = new ArrayList<>();
    for (TriangleReport.Row row : r.periods()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("period", row.period().label());
      List<Object> sides = new ArrayList<>();
      for (TriangleReport.Side s : List.of(row.ab(), row.bc(), row.ca())) {
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("dyad", s.label());
        sm.put("n", s.n());
        sm.put("score", s.score());
        sm.put("c", s.cooperative());
        sm.put("k", s.conflictual());
        sm.put("sign", s.sign().value());
        sides.add(sm);
      }
      p.put("sides", sides);
      Configuration c = row.configuration();
      p.put("configuration", c.type().name());
      p.put("pivot", c instanceof Configuration.RomanticTriangle t ? t.pivot() : null);
      p.put("wings", c instanceof Configuration.RomanticTriangle t ? t.wings() : null);
      p.put("partners", c instanceof Configuration.StableMarriage t ? t.partners() : null);
      p.put("outcast", c instanceof Configuration.StableMarriage t ? t.outcast() : null);
      p.put("description", TriangleReport.describe(c));
      p.put("strict_balance", row.strictBalance().name());
      p.put("weak_balance", row.weakBalance().name());
      p.put("continuous_balance", row.continuousBalance());
      periods.add(p);
    }
    m.put("periods", periods);
    List<Object> transitions = new ArrayList<>();
    for (TriangleReport.Change c : r.transitions()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("last_of_old", c.lastOfOld().label());
      t.put("first_of_new", c.firstOfNew().label());
      t.put("from", TriangleReport.describe(c.from()));
      t.put("to", TriangleReport.describe(c.to()));
      transitions.add(t);
    }
    m.put("transitions", transitions);
    m.put("configurations", r.configurationCounts());
    return m;
  }

  /** The filters of a series request, for JSON. */
  static Map<String, Object> filters(SeriesOptions o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("frequency", o.frequency().name().toLowerCase(Locale.ROOT));
    m.put("weight", o.weighting().optionName());
    m.put("dedup", o.dedup().optionName());
    m.put("state_only", o.stateOnly());
    m.put("drop_statements", o.dropStatements());
    return m;
  }

  /** One row per triad and period, {@link #COLUMNS}. */
  public static Table table(List<TriangleReport> reports) {
    Table t = new Table(COLUMNS);
    for (TriangleReport r : reports) {
      String triad = String.join("-", r.request().triad().vertices());
      for (TriangleReport.Row row : r.periods()) {
        Configuration c = row.configuration();
        List<Object> v = new ArrayList<>();
        v.add(triad);
        v.add(row.period().label());
        for (TriangleReport.Side s : List.of(row.ab(), row.bc(), row.ca())) {
          v.add(s.label());
          v.add(s.n());
          v.add(s.score());
          v.add(s.sign().value());
        }
        v.add(c.type().name());
        v.add(c instanceof Configuration.RomanticTriangle x ? x.pivot() : "");
        v.add(c instanceof Configuration.StableMarriage x ? x.outcast() : "");
        v.add(TriangleReport.describe(c));
        v.add(row.strictBalance().name());
        v.add(row.weakBalance().name());
        v.add(row.continuousBalance());
        v.add(r.request().signRule().optionName());
        v.add(r.request().tau());
        v.add(r.referenceMedian());
        t.add(v.toArray());
      }
    }
    return t;
  }

  /** Readable text: settings, a row per period, the transitions and the configuration counts. */
  public static void text(TriangleReport r, PrintWriter out) {
    TriangleRequest q = r.request();
    String triad = String.join("-", q.triad().vertices());
    out.println(
        "Triangle "
            + triad
            + ": score "
            + q.score().optionName()
            + ", sign rule "
            + q.signRule().optionName()
            + (q.signRule().name().equals("POSTERIOR")
                ? ""
                : " (tau " + Table.number(q.tau()) + ")")
            + (Double.isNaN(r.referenceMedian())
                ? ""
                : ", reference median " + Table.number(r.referenceMedian()))
            + (q.hysteresis() ? ", hysteresis" : "")
            + ", "
            + q.series().frequency().name().toLowerCase(Locale.ROOT)
            + "ly"
            + (r.range() == null ? "" : " " + r.range().first() + ".." + r.range().last()));
    for (String w : r.warnings()) {
      out.println("warning: " + w);
    }
    if (r.periods().isEmpty()) {
      out.println("no events for any side of the triangle in the store");
      out.println();
      out.flush();
      return;
    }
    TriangleReport.Row first = r.periods().get(0);
    Table t =
        new Table(
            List.of(
                "period",
                first.ab().label(),
                first.bc().label(),
                first.ca().label(),
                "configuration",
                "strict",
                "weak"));
    for (TriangleReport.Row row : r.periods()) {
      t.add(
          row.period().label(),
          side(row.ab()),
          side(row.bc()),
          side(row.ca()),
          TriangleReport.describe(row.configuration()),
          row.strictBalance().name().toLowerCase(Locale.ROOT),
          row.weakBalance().name().toLowerCase(Locale.ROOT));
    }
    t.write(OutputFormat.TABLE, out);
    out.println("(each side: sign, score (na: undefined), [events])");
    out.println();
    if (r.transitions().isEmpty()) {
      out.println("transitions: none");
    } else {
      out.println("transitions:");
      for (TriangleReport.Change c : r.transitions()) {
        out.println(
            "  "
                + c.lastOfOld().label()
                + " -> "
                + c.firstOfNew().label()
                + ": "
                + TriangleReport.describe(c.from())
                + " => "
                + TriangleReport.describe(c.to()));
      }
    }
    out.println("configurations (periods): " + r.configurationCounts());
    out.println();
    out.flush();
  }

  private static String side(TriangleReport.Side s) {
    String sign = s.sign() == Sign.POSITIVE ? "+" : s.sign() == Sign.NEGATIVE ? "-" : "0";
    return sign
        + " "
        + (Double.isNaN(s.score()) ? "na" : Table.number(s.score()))
        + " ["
        + s.n()
        + "]";
  }
}
