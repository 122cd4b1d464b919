package org.entente.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.analyse.CharacterReport;
import org.entente.analyse.character.CharacterComponents;
import org.entente.analyse.character.TsiScore;

/**
 * Renderings of a {@link CharacterReport}: the components always beside the composite index. JSON
 * is documented in {@code docs/analysis.md}.
 */
public final class CharacterOutput {
  /** Columns of the CSV and table renderings, one row per window. */
  public static final List<String> COLUMNS =
      List.of(
          "dyad",
          "first",
          "last",
          "months",
          "complete",
          "events",
          "breadth",
          "material_share",
          "security_share",
          "persistence",
          "half_life",
          "volatility",
          "diffuse_balance",
          "specific_reciprocity",
          "institutionalisation",
          "visit_gap_cv",
          "tsi",
          "components_used");

  private CharacterOutput() {}

  /** The JSON object. */
  public static Map<String, Object> json(CharacterReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dyad", r.request().dyad().a() + "-" + r.request().dyad().b());
    m.put("window_months", r.request().windowMonths());
    m.put("reference", r.request().reference().name().toLowerCase(java.util.Locale.ROOT));
    m.put("reference_rows", r.reference().size());
    m.put("reference_left_out", r.leftOut());
    m.putAll(TriangleOutput.filters(r.request().filters()));
    m.remove("frequency");
    List<Object> windows = new ArrayList<>();
    for (CharacterReport.Window w : r.windows()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("first", w.first().toString());
      x.put("last", w.last().toString());
      x.put("months", w.months());
      x.put("complete", w.complete());
      x.put("events", w.events());
      x.put("components", w.components().named());
      TsiScore s = w.score();
      x.put("tsi", s == null ? null : s.tsi());
      x.put("components_used", s == null ? 0 : s.componentsUsed());
      Map<String, Object> z = new LinkedHashMap<>();
      if (s != null) {
        z.put("breadth", s.zBreadth());
        z.put("security_share", s.zSecurityShare());
        z.put("persistence", s.zPersistence());
        z.put("diffuse_balance", s.zDiffuseBalance());
        z.put("institutionalisation", s.zInstitutionalisation());
        z.put("volatility", s.zVolatility());
        z.put("specific_reciprocity", s.zSpecificReciprocity());
      }
      x.put("z", z);
      windows.add(x);
    }
    m.put("windows", windows);
    return m;
  }

  /** One row per window, {@link #COLUMNS}. */
  public static Table table(CharacterReport r) {
    Table t = new Table(COLUMNS);
    for (CharacterReport.Window w : r.windows()) {
      CharacterComponents c = w.components();
      t.add(
          w.dyad(),
          w.first().toString(),
          w.last().toString(),
          w.months(),
          w.complete(),
          w.events(),
          c.breadth(),
          c.materialShare(),
          c.securityShare(),
          c.persistence(),
          c.halfLife(),
          c.volatility(),
          c.diffuseBalance(),
          c.specificReciprocity(),
          c.institutionalisation(),
          c.visitGapCv(),
          w.score() == null ? null : w.score().tsi(),
          w.score() == null ? 0 : w.score().componentsUsed());
    }
    return t;
  }

  /** Readable text. */
  public static void text(CharacterReport r, PrintWriter out) {
    out.println(
        "Transactional vs strategic: "
            + r.request().dyad().a()
            + "-"
            + r.request().dyad().b()
            + ", windows of "
            + r.request().windowMonths()
            + " months; TSI z-scored against "
            + r.reference().size()
            + " (dyad, window) rows with events ("
            + (!r.request().reference().name().equals("CORE")
                ? "this dyad only"
                : r.leftOut().isEmpty()
                    ? "all 15 dyads of the six core states"
                    : r.leftOut().size() >= 14
                        ? "this dyad only: the store does not hold every other dyad of the six"
                            + " core states (files read with --actors, or an imported rollup"
                            + " listing its pairs, left them out)"
                        : "the dyads of the six core states but "
                            + String.join(", ", r.leftOut())
                            + ", which the store does not hold in full (files read with --actors,"
                            + " or an imported rollup listing its pairs, left them out)")
            + "); higher = more strategic");
    if (r.windows().isEmpty()) {
      out.println("no events for the dyad in the store");
      out.flush();
      return;
    }
    table(r).write(OutputFormat.TABLE, out);
    out.println(
        "(breadth, security share, persistence, diffuse balance, institutionalisation raise the"
            + " TSI; volatility and specific reciprocity lower it; material share, half-life and"
            + " visit-gap CV are reported only)");
    out.flush();
  }
}
