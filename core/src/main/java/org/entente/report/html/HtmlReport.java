package org.entente.report.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.entente.analyse.AnalysisException;
import org.entente.analyse.PeriodAnalysis;
import org.entente.analyse.PeriodReport;
import org.entente.analyse.PeriodRequest;
import org.entente.analyse.TriangleAnalysis;
import org.entente.analyse.TriangleReport;
import org.entente.analyse.TriangleRequest;
import org.entente.analyse.changepoint.DetectionMethod;
import org.entente.analyse.changepoint.Penalty;
import org.entente.analyse.series.AnalysisSeries;
import org.entente.analyse.series.Dyad;
import org.entente.analyse.series.Imputation;
import org.entente.analyse.series.Score;
import org.entente.analyse.series.SeriesOptions;
import org.entente.analyse.series.SeriesSource;
import org.entente.analyse.series.SeriesSpec;
import org.entente.analyse.triangle.Configuration;
import org.entente.analyse.triangle.SignRules;
import org.entente.analyse.triangle.Triad;
import org.entente.analyse.verdict.PropositionEvaluator;
import org.entente.analyse.verdict.Verdict;
import org.entente.measure.DyadScore;
import org.entente.measure.DyadSeries;
import org.entente.measure.Measure;
import org.entente.measure.Network;
import org.entente.model.ChronologyEntry;
import org.entente.simulate.BdmModel;
import org.entente.simulate.BdmOptions;
import org.entente.simulate.BdmRun;
import org.entente.simulate.BdmSettings;
import org.entente.simulate.RoundResult;
import org.entente.simulate.Scenario;
import org.entente.simulate.Scenarios;
import org.entente.simulate.StopReason;
import org.entente.store.DyadQuery;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.EventStore;
import org.entente.store.StoreSummary;
import org.entente.system.Chronology;
import org.entente.system.ExpertPeriod;
import org.entente.system.ExpertPeriods;
import org.entente.system.Proposition;
import org.entente.system.Propositions;

/**
 * The shareable report: one self-contained, printable HTML file with the dashboard's six views —
 * the system map (as small multiples over time), the dyad views, the strategic triangles, the
 * propositions with their verdicts and evidence charts, the chronology, and the bargaining model's
 * default run on each bundled scenario. Charts are inline SVG drawn by {@link Svg}; the file loads
 * nothing (no script, no style sheet, no font, no image from elsewhere), so it opens offline. The
 * only outbound links are chronology sources that are URLs.
 *
 * <p>Settings are those of the dashboard's defaults: yearly series from {@value #FIRST_YEAR}, S4
 * with the band rule (τ = 0.1) for relations and triangles, change points by PELT with MBIC on S4
 * (empty years as 0, σ̂ by SD, minimum length 2), Rozman's periodisation as the expert overlay. Not
 * thread-safe (the store is not).
 */
public final class HtmlReport {
  /** The file name written into the output directory. */
  public static final String FILE = "entente-report.html";

  static final int FIRST_YEAR = 1990;
  static final List<String> SIX = List.of("RUS", "PRK", "CHN", "USA", "KOR", "JPN");
  static final List<String> DYADS = List.of("RUS-PRK", "USA-RUS", "CHN-PRK");
  static final List<List<String>> TRIADS =
      List.of(List.of("USA", "CHN", "RUS"), List.of("RUS", "CHN", "PRK"));
  static final List<double[]> POSITIONS =
      List.of(
          new double[] {190, 40},
          new double[] {200, 170},
          new double[] {70, 200},
          new double[] {400, 120},
          new double[] {225, 260},
          new double[] {320, 215});
  static final Map<String, String> CONFIG_COLOURS =
      Map.of(
          "MENAGE_A_TROIS", "#1a9850",
          "ROMANTIC_TRIANGLE", "#4575b4",
          "STABLE_MARRIAGE", "#f39c12",
          "UNIT_VETO", "#c0392b",
          "INDETERMINATE", "#d5d9dd");
  static final String[] QUAD_COLOURS = {"#66bd63", "#1a9850", "#f46d43", "#c0392b"};
  static final List<String> QUADS =
      List.of("verbal cooperation", "material cooperation", "verbal conflict", "material conflict");
  static final String[] SHADES = {"rgba(44,93,143,0.10)", "rgba(44,93,143,0.22)"};
  static final String[] EXPERT_COLOURS = {"#e8d5a8", "#c9ddb0", "#b7d3e6", "#e3c3d9", "#d8d0c0"};

  private final EventStore store;
  private final List<ChronologyEntry> chronology;
  private final LocalDate today;
  private final YearMonth last;

  private HtmlReport(EventStore store, LocalDate today) {
    this.store = store;
    this.today = today;
    this.chronology = Chronology.timeline(store.chronology(), Chronology.TimelineQuery.all());
    StoreSummary s = store.summary();
    YearMonth end = s.extent() == null ? YearMonth.from(today) : s.extent().last();
    YearMonth now = YearMonth.from(today);
    this.last = end.isAfter(now) ? now : end;
  }

  /**
   * Writes the report into {@code dir} (created if needed) as {@value #FILE}.
   *
   * @param store the store; not closed here
   * @param dir the output directory
   * @param today the date written into the report, and the end of open ranges
   * @return the file written
   * @throws IOException if the file cannot be written
   * @throws org.entente.store.StoreException if the store cannot be read
   */
  public static Path write(EventStore store, Path dir, LocalDate today) throws IOException {
    Files.createDirectories(dir);
    Path out = dir.resolve(FILE);
    Files.writeString(out, build(store, today), StandardCharsets.UTF_8);
    return out;
  }

  /**
   * The report as one HTML document.
   *
   * @param store the store; not closed here
   * @param today the date written into the report
   * @return the HTML text
   */
  public static String build(EventStore store, LocalDate today) {
    Objects.requireNonNull(store, "store");
    return new HtmlReport(store, today).html();
  }

  private String html() {
    StoreSummary s = store.summary();
    long events = s.eventsBySource().stream().mapToLong(StoreSummary.Count::count).sum();
    StringBuilder b = new StringBuilder(1 << 20);
    b.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Entente report</title>\n<style>")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<header><h1>Entente report</h1><p>")
        .append(esc(Path.of(s.location()).getFileName().toString()))
        .append(": ")
        .append(events)
        .append(" events")
        .append(s.extent() == null ? "" : ", " + s.extent().first() + " – " + s.extent().last())
        .append(" · generated ")
        .append(today)
        .append("</p><nav><a href=\"#map\">System map</a> · <a href=\"#dyads\">Dyads</a> · ")
        .append("<a href=\"#triangles\">Triangles</a> · <a href=\"#propositions\">Propositions</a>")
        .append(" · <a href=\"#timeline\">Timeline</a> · <a href=\"#simulation\">Simulation</a>")
        .append("</nav></header>\n");
    b.append(systemMap());
    b.append(dyads());
    b.append(triangles());
    b.append(propositions());
    b.append(timeline());
    b.append(simulation());
    b.append("<footer>Entente · self-contained report: no script, nothing loaded from the network.")
        .append("</footer>\n</body>\n</html>\n");
    return b.toString();
  }

  private static String esc(String s) {
    return Svg.esc(s);
  }

  private static double year(YearMonth m) {
    return m.getYear() + (m.getMonthValue() - 1) / 12.0;
  }

  private static double year(LocalDate d, String precision) {
    return switch (precision) {
      case "year" -> d.getYear() + 0.5;
      case "month" -> d.getYear() + (d.getMonthValue() - 0.5) / 12.0;
      default -> d.getYear() + (d.getDayOfYear() - 0.5) / 365.25;
    };
  }

  // ---- 1. system map -------------------------------------------------------------------------

  private String systemMap() {
    Network.Series net =
        Network.of(
            store,
            SIX,
            Frequency.YEAR,
            YearMonth.of(FIRST_YEAR, 1),
            last,
            DyadQuery.Weighting.NONE,
            DyadQuery.Dedup.NONE);
    StringBuilder b = new StringBuilder("<section id=\"map\"><h2>1. System map</h2>");
    b.append(
        "<p class=\"lead\">The six states as a network in selected years: an edge is coloured by"
            + " the relation (S4 = (C − K)/(C + K); green cooperative, red conflictual, grey"
            + " within ±0.1) and is thicker with more events; dashed where the year has none.</p>");
    if (net.periods().isEmpty()) {
      return b.append("<p>The store has no events among the six states.</p></section>\n")
          .toString();
    }
    List<Integer> picks = new ArrayList<>();
    int lastWithEvents = -1;
    for (int i = 0; i < net.periods().size(); i++) {
      int fi = i;
      if (net.dyads().stream().anyMatch(d -> d.scores().get(fi).n() > 0)) {
        lastWithEvents = i;
      }
    }
    for (int y : new int[] {1991, 2000, 2008, 2014, 2018, 2022}) {
      int i = y - FIRST_YEAR;
      if (i >= 0 && i < net.periods().size() && i < lastWithEvents) {
        picks.add(i);
      }
    }
    if (lastWithEvents >= 0) {
      picks.add(lastWithEvents);
    }
    b.append("<div class=\"grid3\">");
    for (int i : picks) {
      List<Svg.Edge> edges = new ArrayList<>();
      for (DyadSeries d : net.dyads()) {
        DyadScore x = d.scores().get(i);
        edges.add(new Svg.Edge(d.query().source(), d.query().target(), x.n(), x.s4()));
      }
      b.append("<figure>")
          .append(
              Svg.network(
                  net.periods().get(i).label(), SIX, POSITIONS, edges, SignRules.DEFAULT_TAU))
          .append("</figure>");
    }
    b.append("</div>");
    int i = lastWithEvents;
    b.append("<h3>Relations in ")
        .append(net.periods().get(i).label())
        .append("</h3><table><tr>")
        .append("<th>dyad</th><th>events</th><th>S4</th><th>S6</th></tr>");
    for (DyadSeries d : net.dyads()) {
      DyadScore x = d.scores().get(i);
      b.append("<tr><td>")
          .append(esc(d.query().label()))
          .append("</td><td>")
          .append(x.n())
          .append("</td><td style=\"color:")
          .append(Svg.scoreColour(x.s4(), SignRules.DEFAULT_TAU))
          .append("\">")
          .append(Svg.trim(x.s4()))
          .append("</td><td>")
          .append(Svg.trim(x.s6()))
          .append("</td></tr>");
    }
    return b.append("</table></section>\n").toString();
  }

  // ---- 2. dyads -------------------------------------------------------------------------------

  private String dyads() {
    StringBuilder b = new StringBuilder("<section id=\"dyads\"><h2>2. Dyads</h2>");
    b.append(
        "<p class=\"lead\">Each dyad's yearly S4 since "
            + FIRST_YEAR
            + " (both directions pooled), shaded by the periods found by change-point detection"
            + " (PELT, MBIC; years without events as 0) with each period's mean dashed, Rozman's"
            + " stages of the Turn to the East below, and the chronology's events as markers (each"
            + " links to its entry in the timeline).</p>");
    List<ExpertPeriod> rozman = ExpertPeriods.scheme("rozman");
    for (String label : DYADS) {
      Dyad d = Dyad.parse(label);
      DyadSeries series =
          new Measure(store)
              .series(
                  new DyadQuery(
                      d.a(),
                      d.b(),
                      false,
                      YearMonth.of(FIRST_YEAR, 1),
                      last,
                      Frequency.YEAR,
                      DyadQuery.Weighting.NONE,
                      DyadQuery.Dedup.NONE,
                      false,
                      false));
      b.append("<h3>").append(esc(label)).append("</h3>");
      PeriodReport periods = null;
      String problem = null;
      try {
        periods = detect(d, Frequency.YEAR, Score.S4);
      } catch (AnalysisException e) {
        problem = e.getMessage();
      }
      List<Double> xs = Svg.list();
      List<Double> ys = Svg.list();
      for (DyadScore s : series.scores()) {
        xs.add(year(s.period().first()) + 0.5);
        ys.add(s.s4());
      }
      List<Svg.Band> shades = new ArrayList<>();
      List<Double> mx = Svg.list();
      List<Double> my = Svg.list();
      if (periods != null) {
        int k = 0;
        for (PeriodReport.Segment seg : periods.periods()) {
          double x0 = year(seg.first().first());
          double x1 = year(seg.last().last()) + 1 / 12.0;
          shades.add(new Svg.Band(x0, x1, SHADES[k++ % 2], null));
          mx.add(x0);
          my.add(seg.mean());
          mx.add(x1);
          my.add(seg.mean());
          mx.add(x1);
          my.add(Double.NaN);
        }
      }
      List<Svg.Band> strip = new ArrayList<>();
      for (int i = 0; i < rozman.size(); i++) {
        ExpertPeriod p = rozman.get(i);
        strip.add(
            new Svg.Band(
                year(p.first()),
                p.last() == null ? year(last) + 1 : year(p.last()) + 1 / 12.0,
                EXPERT_COLOURS[i % EXPERT_COLOURS.length],
                p.name()));
      }
      List<Svg.Marker> markers = new ArrayList<>();
      for (ChronologyEntry e : chronology) {
        boolean pair =
            (e.actor1().equals(d.a()) && e.actor2().equals(d.b()))
                || (e.actor1().equals(d.b()) && e.actor2().equals(d.a()));
        if (pair) {
          markers.add(
              new Svg.Marker(
                  year(e.date(), e.precision()),
                  e.quad() - 1,
                  QUAD_COLOURS[e.quad() - 1],
                  e.dateText() + " " + e.actor1() + "→" + e.actor2() + ": " + e.title(),
                  "#ev-" + e.id()));
        }
      }
      b.append("<figure>")
          .append(
              Svg.timeChart(
                  label + ": S4 by year",
                  FIRST_YEAR,
                  year(last) + 1,
                  -1,
                  1,
                  List.of(
                      new Svg.Line("S4", "#2c5d8f", Svg.array(xs), Svg.array(ys), false),
                      new Svg.Line("period mean", "#b35806", Svg.array(mx), Svg.array(my), true)),
                  shades,
                  "rozman",
                  strip,
                  QUADS,
                  markers))
          .append("</figure>");
      if (problem != null) {
        b.append("<p class=\"note\">Periods not detected: ").append(esc(problem)).append("</p>");
      } else {
        b.append(
            "<table><tr><th>from</th><th>to</th><th>years</th><th>mean S4</th><th>events</th></tr>");
        for (PeriodReport.Segment seg : periods.periods()) {
          b.append("<tr><td>")
              .append(seg.first().label())
              .append("</td><td>")
              .append(seg.last().label())
              .append("</td><td>")
              .append(seg.length())
              .append("</td><td>")
              .append(Svg.trim(seg.mean()))
              .append("</td><td>")
              .append(seg.events())
              .append("</td></tr>");
        }
        b.append("</table>");
      }
    }
    b.append("<h3>Expert periods (Rozman, seed 000)</h3><table><tr><th>period</th><th>from</th>")
        .append("<th>to</th><th>characterisation</th></tr>");
    for (ExpertPeriod p : rozman) {
      b.append("<tr><td>")
          .append(esc(p.name()))
          .append("</td><td>")
          .append(p.first())
          .append("</td><td>")
          .append(p.last() == null ? "open" : p.last().toString())
          .append("</td><td>")
          .append(esc(p.characterisation()))
          .append("</td></tr>");
    }
    return b.append("</table></section>\n").toString();
  }

  private PeriodReport detect(Dyad d, Frequency f, Score score) {
    SeriesOptions o =
        new SeriesOptions(
            f,
            YearMonth.of(FIRST_YEAR, 1),
            last,
            DyadQuery.Weighting.NONE,
            DyadQuery.Dedup.NONE,
            false,
            false);
    AnalysisSeries s =
        new SeriesSource(store).load(List.of(new SeriesSpec.OfDyad(d, score)), o).get(0);
    return PeriodAnalysis.run(
        s,
        new PeriodRequest(
            DetectionMethod.PELT,
            Penalty.mbic(),
            2,
            Imputation.ZERO,
            PeriodRequest.Scale.SD,
            Double.NaN,
            null,
            3));
  }

  // ---- 3. triangles ---------------------------------------------------------------------------

  private TriangleReport triangle(List<String> a) {
    SeriesOptions o =
        new SeriesOptions(
            Frequency.YEAR,
            YearMonth.of(FIRST_YEAR, 1),
            last,
            DyadQuery.Weighting.NONE,
            DyadQuery.Dedup.NONE,
            false,
            false);
    return new TriangleAnalysis(store)
        .run(TriangleRequest.defaults(new Triad(a.get(0), a.get(1), a.get(2)), o));
  }

  private static Svg.Chart band(TriangleReport t, String title) {
    List<Svg.Segment> segs = new ArrayList<>();
    for (TriangleReport.Row r : t.periods()) {
      segs.add(
          new Svg.Segment(
              r.period().label(),
              CONFIG_COLOURS.get(r.configuration().type().name()),
              TriangleReport.describe(r.configuration())));
    }
    return Svg.band(title, segs);
  }

  private String triangles() {
    StringBuilder b = new StringBuilder("<section id=\"triangles\"><h2>3. Triangles</h2>");
    b.append(
            "<p class=\"lead\">Dittmer's configuration of a triad per year (signs by the band rule on"
                + " S4, τ = 0.1): ménage à trois (+++), romantic triangle with a pivot (++−), stable"
                + " marriage with an outcast (+−−), unit veto (−−−), indeterminate when a side has no"
                + " events or a neutral score. The triangle is drawn for the latest classified year.</p>")
        .append(legend());
    for (List<String> a : TRIADS) {
      TriangleReport t = triangle(a);
      String name = String.join("–", a);
      b.append("<h3>").append(esc(name)).append("</h3>");
      if (t.periods().isEmpty()) {
        b.append("<p>None of the three dyads has events.</p>");
        continue;
      }
      b.append("<figure>").append(band(t, name + " by year")).append("</figure>");
      TriangleReport.Row sel = t.periods().get(t.periods().size() - 1);
      for (TriangleReport.Row r : t.periods()) {
        if (r.configuration().type() != Configuration.Type.INDETERMINATE) {
          sel = r;
        }
      }
      Configuration c = sel.configuration();
      String pivot = c instanceof Configuration.RomanticTriangle r ? r.pivot() : null;
      String outcast = c instanceof Configuration.StableMarriage m ? m.outcast() : null;
      List<TriangleReport.Side> sides = List.of(sel.ab(), sel.bc(), sel.ca());
      int[] signs = sides.stream().mapToInt(x -> x.sign().value()).toArray();
      String[] labels =
          sides.stream()
              .map(
                  x ->
                      (x.sign().value() > 0 ? "+" : x.sign().value() < 0 ? "−" : "0")
                          + " S4 "
                          + Svg.trim(x.score())
                          + " n="
                          + x.n())
              .toArray(String[]::new);
      b.append("<div class=\"grid2\"><figure>")
          .append(
              Svg.triangle(
                  sel.period().label() + ": " + TriangleReport.describe(c),
                  a,
                  signs,
                  labels,
                  pivot,
                  outcast))
          .append("</figure><div><p>Strict balance: ")
          .append(sel.strictBalance().name().toLowerCase(java.util.Locale.ROOT))
          .append("; weak balance: ")
          .append(sel.weakBalance().name().toLowerCase(java.util.Locale.ROOT))
          .append(".</p><table><tr><th>from</th><th>to</th><th>transition</th></tr>");
      List<TriangleReport.Change> ch = t.transitions();
      for (TriangleReport.Change x : ch.subList(Math.max(0, ch.size() - 12), ch.size())) {
        b.append("<tr><td>")
            .append(x.lastOfOld().label())
            .append("</td><td>")
            .append(x.firstOfNew().label())
            .append("</td><td>")
            .append(
                esc(TriangleReport.structure(x.from()) + " → " + TriangleReport.structure(x.to())))
            .append("</td></tr>");
      }
      b.append("</table><p class=\"note\">The last ")
          .append(Math.min(12, ch.size()))
          .append(" of ")
          .append(ch.size())
          .append(" transitions.</p></div></div>");
    }
    return b.append("</section>\n").toString();
  }

  private static String legend() {
    StringBuilder b = new StringBuilder("<p class=\"legend\">");
    Map<String, String> names = new LinkedHashMap<>();
    names.put("MENAGE_A_TROIS", "ménage à trois");
    names.put("ROMANTIC_TRIANGLE", "romantic triangle");
    names.put("STABLE_MARRIAGE", "stable marriage");
    names.put("UNIT_VETO", "unit veto");
    names.put("INDETERMINATE", "indeterminate");
    names.forEach(
        (k, v) ->
            b.append("<span><i style=\"background:")
                .append(CONFIG_COLOURS.get(k))
                .append("\"></i>")
                .append(v)
                .append("</span> "));
    return b.append("</p>").toString();
  }

  // ---- 4. propositions ------------------------------------------------------------------------

  private String propositions() {
    StringBuilder b = new StringBuilder("<section id=\"propositions\"><h2>4. Propositions</h2>");
    b.append(
        "<p class=\"lead\">The essays' claims (P1–P10), each with the operationalisation written"
            + " down before any result, the verdict the data give under its rules, and the chart"
            + " of the series, triangle or chronology entries it reads.</p>");
    List<Verdict> verdicts =
        new PropositionEvaluator(store, chronology, SeriesOptions.defaults(Frequency.MONTH))
            .evaluateAll(Propositions.bundled());
    b.append("<div class=\"cards\">");
    for (Verdict v : verdicts) {
      Proposition p = Propositions.byId(v.id());
      String cls = v.outcome().text().replace(' ', '-');
      String label = v.version() > 1 ? v.id() + " v" + v.version() : v.id();
      b.append("<article class=\"card\" id=\"")
          .append(esc(label.replace(' ', '-')))
          .append("\"><h3>")
          .append(esc(label))
          .append(" <span class=\"verdict ")
          .append(cls)
          .append("\">")
          .append(esc(v.outcome().text()))
          .append("</span></h3><p>")
          .append(esc(v.claim()))
          .append("</p><dl>")
          .append("<dt>seeds</dt><dd>")
          .append(esc(String.join(", ", p.seeds())))
          .append("</dd>")
          .append("<dt>test</dt><dd>")
          .append(esc(v.test()))
          .append("</dd>")
          .append("<dt>operationalisation</dt><dd>")
          .append(esc(summary(v.operationalisation())))
          .append("</dd>")
          .append("<dt>supported when</dt><dd>")
          .append(esc(v.rules().get("supported")))
          .append("</dd>")
          .append("<dt>reason</dt><dd>")
          .append(esc(v.reason()))
          .append("</dd></dl>");
      try {
        b.append("<figure>").append(evidenceChart(v)).append("</figure>");
      } catch (RuntimeException e) {
        b.append("<p class=\"note\">No chart: ").append(esc(e.getMessage())).append("</p>");
      }
      b.append("<details><summary>evidence</summary><pre>")
          .append(esc(pretty(v.evidence())))
          .append("</pre></details>");
      b.append("</article>");
    }
    return b.append("</div></section>\n").toString();
  }

  private static String summary(Map<String, Object> op) {
    StringBuilder b = new StringBuilder();
    op.forEach(
        (k, v) -> {
          if (!k.equals("expected")
              && !k.equals("minimum")
              && !k.equals("notes")
              && !k.equals("rationale")) {
            b.append(b.length() == 0 ? "" : "; ").append(k).append(": ").append(v);
          }
        });
    return b.toString();
  }

  private static String pretty(Object o) {
    return org.entente.report.JsonOutput.write(o);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> seriesOf(Map<String, Object> op) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String k : List.of("x", "y", "condition", "outcome")) {
      if (op.get(k) instanceof Map<?, ?> m && m.get("dyad") != null) {
        out.add((Map<String, Object>) m);
      }
    }
    if (op.get("series") instanceof List<?> l) {
      for (Object o : l) {
        out.add((Map<String, Object>) o);
      }
    }
    if (op.get("dyad") instanceof String d) {
      out.add(Map.of("dyad", d, "score", "s6"));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Svg.Band> windows(Map<String, Object> op, double end) {
    List<Svg.Band> out = new ArrayList<>();
    int k = 0;
    for (String name : List.of("window", "target_window", "before", "after")) {
      if (op.get(name) instanceof Map<?, ?> m && m.get("from") != null) {
        double x0 = year(YearMonth.parse((String) m.get("from")));
        double x1 =
            m.get("to") == null ? end : year(YearMonth.parse((String) m.get("to"))) + 1 / 12.0;
        out.add(
            new Svg.Band(
                x0, x1, k++ % 2 == 0 ? "rgba(44,93,143,0.10)" : "rgba(243,156,18,0.14)", name));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private Svg.Chart evidenceChart(Verdict v) {
    Map<String, Object> op = v.operationalisation();
    double end = year(last) + 1;
    List<Svg.Band> win = windows(op, end);
    double start = win.stream().mapToDouble(Svg.Band::x0).min().orElse(FIRST_YEAR) - 2;
    if (v.test().equals("triangle")) {
      List<String> a = (List<String>) op.get("actors");
      return band(triangle(a), String.join("–", a) + " by year");
    }
    if (v.test().equals("event_occurrence")) {
      boolean un = op.toString().contains("un-vote");
      List<String> rows =
          un ? List.of("Russia votes yes", "Russian veto", "other UN vote") : List.of("treaty");
      List<Svg.Marker> m = new ArrayList<>();
      for (ChronologyEntry e : chronology) {
        int row = -1;
        String colour = Svg.ZERO;
        if (un && (e.tags().contains("un-vote") || e.tags().contains("veto"))) {
          row = e.tags().contains("rus-veto") ? 1 : e.tags().contains("rus-vote-yes") ? 0 : 2;
          colour = row == 0 ? Svg.POS : row == 1 ? Svg.NEG : Svg.ZERO;
        } else if (!un && e.tags().contains("treaty")) {
          row = 0;
          colour = "#2c5d8f";
        }
        if (row >= 0) {
          m.add(
              new Svg.Marker(
                  year(e.date(), e.precision()),
                  row,
                  colour,
                  e.dateText() + " " + e.title(),
                  "#ev-" + e.id()));
        }
      }
      return Svg.timeChart(
          v.id() + ": chronology entries",
          Math.min(start, 1990),
          end,
          -1,
          1,
          List.of(),
          win,
          null,
          null,
          rows,
          m);
    }
    Frequency f = Frequency.parse(String.valueOf(op.getOrDefault("frequency", "quarter")));
    List<Svg.Line> lines = new ArrayList<>();
    String[] colours = {"#2c5d8f", "#c0392b", "#1a9850", "#8f5b8f"};
    double lo = -1;
    double hi = 1;
    int k = 0;
    for (Map<String, Object> s : seriesOf(op)) {
      Dyad d = Dyad.parse((String) s.get("dyad"));
      Object sc = s.get("score");
      Score score = sc == null ? Score.EVENTS : Score.parse(String.valueOf(sc));
      DyadSeries ds =
          new Measure(store)
              .series(
                  new DyadQuery(
                      d.a(),
                      d.b(),
                      false,
                      YearMonth.of((int) Math.floor(start), 1),
                      last,
                      f,
                      DyadQuery.Weighting.NONE,
                      DyadQuery.Dedup.NONE,
                      false,
                      false));
      List<Double> xs = Svg.list();
      List<Double> ys = Svg.list();
      for (DyadScore x : ds.scores()) {
        double y = score.of(x);
        xs.add(year(x.period().first()));
        ys.add(y);
        if (!Double.isNaN(y)) {
          lo = Math.min(lo, y);
          hi = Math.max(hi, y);
        }
      }
      lines.add(
          new Svg.Line(
              d.label() + " " + score.optionName(),
              colours[k++ % colours.length],
              Svg.array(xs),
              Svg.array(ys),
              false));
    }
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      names
          .append(i == 0 ? "" : ", ")
          .append(lines.get(i).name())
          .append(" (")
          .append(colourName(i))
          .append(")");
    }
    return Svg.timeChart(
        v.id() + ": " + names, start, end, lo, hi, lines, win, null, null, null, List.of());
  }

  private static String colourName(int i) {
    return List.of("blue", "red", "green", "purple").get(i % 4);
  }

  // ---- 5. timeline ----------------------------------------------------------------------------

  private String timeline() {
    StringBuilder b = new StringBuilder("<section id=\"timeline\"><h2>5. Timeline</h2>");
    b.append("<p class=\"lead\">The curated chronology: ")
        .append(chronology.size())
        .append(" entries, each with its source.</p><table class=\"timeline\"><tr><th>date</th>")
        .append(
            "<th>actors</th><th>CAMEO</th><th>title and description</th><th>tags</th><th>source</th></tr>");
    for (ChronologyEntry e : chronology) {
      String src = e.source() == null ? "" : e.source().trim();
      String source =
          src.matches("(?i)https?://\\S+")
              ? "<a href=\"" + esc(src) + "\">" + esc(src) + "</a>"
              : esc(src);
      b.append("<tr id=\"ev-")
          .append(esc(e.id()))
          .append("\"><td>")
          .append(e.dateText())
          .append("</td><td>")
          .append(esc(e.actor1()))
          .append("–")
          .append(esc(e.actor2()))
          .append("</td><td>")
          .append(esc(e.code()))
          .append("</td><td><strong>")
          .append(esc(e.title()))
          .append("</strong><br><span class=\"muted\">")
          .append(esc(e.description()))
          .append("</span></td><td>")
          .append(esc(String.join(", ", e.tags())))
          .append("</td><td>")
          .append(source)
          .append("</td></tr>");
    }
    return b.append("</table></section>\n").toString();
  }

  // ---- 6. simulation --------------------------------------------------------------------------

  static final String[] ACTOR_COLOURS = {
    "#c0392b", "#6a3d9a", "#e6a117", "#2c5d8f", "#1a9850", "#17becf", "#8c564b", "#e377c2"
  };

  /** Plain words for why a run stopped. */
  static String stopped(StopReason r) {
    return switch (r) {
      case MAX_ROUNDS -> "the round limit was reached";
      case CONVERGED -> "the positions stopped moving";
      case FIXED_POINT -> "the positions repeated the previous round's";
      case CYCLE -> "the positions repeated an earlier round's (a cycle)";
      case CONSENSUS -> "all actors agreed from the start";
      case EQUAL_THETA -> "no actor was more exposed than another; no round was played";
    };
  }

  private String simulation() {
    BdmOptions o = BdmSettings.defaults();
    StringBuilder b = new StringBuilder("<section id=\"simulation\"><h2>6. Simulation</h2>");
    b.append("<p class=\"lead\">Bueno de Mesquita's expected-utility bargaining model (METHODS 5) ")
        .append(
            "on each bundled scenario, in its default setting (Scholz's model choices; stop when")
        .append(" no position moves more than ")
        .append(java.math.BigDecimal.valueOf(o.stop().epsilon()).toPlainString())
        .append(" for ")
        .append(o.stop().stableRounds())
        .append(" rounds, at most ")
        .append(o.stop().maxRounds())
        .append(" rounds; Rg from the data). The forecast is the capability×salience-weighted ")
        .append(
            "mean after the last round. Same run as <code>entente simulate scenario NAME</code>")
        .append(
            ". Inputs are analyst judgements with their sources (see each scenario file, or the")
        .append(" dashboard's Simulate view). States at the same position draw over each other;")
        .append(" the tables give every value.</p>");
    List<String> regionShades = List.of("rgba(44,93,143,0.06)", "rgba(44,93,143,0.14)");
    for (Scenario sc : Scenarios.bundled()) {
      BdmRun run = BdmModel.run(sc.modelActors(), o);
      Scenario.Scale scale = sc.scale();
      List<Svg.Region> regions = new ArrayList<>();
      for (int i = 0; i < scale.regions().size(); i++) {
        Scenario.Region r = scale.regions().get(i);
        regions.add(new Svg.Region(r.from(), r.to(), regionShades.get(i % 2), r.label()));
      }
      int n = run.rounds().size() + 1;
      List<Svg.Track> tracks = new ArrayList<>();
      double[] mean = new double[n];
      mean[0] = run.initialMean();
      for (int k = 1; k < n; k++) {
        mean[k] = run.rounds().get(k - 1).mean();
      }
      StringBuilder legend = new StringBuilder("<div class=\"legend\">");
      for (int a = 0; a < sc.actors().size(); a++) {
        Scenario.ScenarioActor actor = sc.actors().get(a);
        double[] y = new double[n];
        y[0] = actor.position();
        for (int k = 1; k < n; k++) {
          RoundResult r = run.rounds().get(k - 1);
          y[k] = r.positions()[a];
        }
        String colour = ACTOR_COLOURS[a % ACTOR_COLOURS.length];
        tracks.add(new Svg.Track(actor.name(), colour, y, false));
        legend
            .append("<span><i style=\"background:")
            .append(colour)
            .append("\"></i>")
            .append(esc(actor.name()))
            .append("</span>");
      }
      tracks.add(new Svg.Track("weighted mean", "#1d2329", mean, true));
      legend.append(
          "<span><i style=\"background:#1d2329\"></i>weighted mean (dashed)</span></div>");
      b.append("<article class=\"scenario\" id=\"sim-")
          .append(esc(sc.id()))
          .append("\"><h3>")
          .append(esc(sc.title()))
          .append("</h3><p><strong>Question:</strong> ")
          .append(esc(sc.question()))
          .append(" <span class=\"muted\">(")
          .append(esc(sc.period()))
          .append(")</span></p><p class=\"forecast\"><strong>Forecast ")
          .append(Svg.trim(run.forecast()))
          .append("</strong> on ")
          .append(Svg.trim(scale.min()))
          .append("–")
          .append(Svg.trim(scale.max()))
          .append(": <strong>")
          .append(esc(sc.region(run.forecast()).label()))
          .append("</strong> <span class=\"muted\">(")
          .append(run.rounds().size())
          .append(run.rounds().size() == 1 ? " round" : " rounds")
          .append("; stopped because ")
          .append(stopped(run.stop()))
          .append(")</span></p><figure>")
          .append(
              Svg.roundsChart(
                  "Positions per round (round 0: the scenario's inputs) · source: scenario "
                      + sc.id()
                      + ", default model setting, Rg "
                      + Svg.trim(run.range()),
                  scale.min(),
                  scale.max(),
                  scale.minLabel(),
                  scale.maxLabel(),
                  regions,
                  tracks))
          .append("</figure>")
          .append(legend)
          .append("<table><tr><th>state</th><th>capability</th><th>salience</th>")
          .append("<th>position at the start</th><th>after the last round</th></tr>");
      double[] last = run.finalPositions();
      for (int a = 0; a < sc.actors().size(); a++) {
        Scenario.ScenarioActor actor = sc.actors().get(a);
        b.append("<tr><td>")
            .append(esc(actor.name()))
            .append("</td><td>")
            .append(actor.capability())
            .append("</td><td>")
            .append(Svg.trim(actor.salience()))
            .append("</td><td>")
            .append(Svg.trim(actor.position()))
            .append("</td><td>")
            .append(Svg.trim(last[a]))
            .append("</td></tr>");
      }
      b.append("</table><p class=\"note\">")
          .append(Svg.trim(scale.min()))
          .append(" = ")
          .append(esc(scale.minLabel()))
          .append("; ")
          .append(Svg.trim(scale.max()))
          .append(" = ")
          .append(esc(scale.maxLabel()))
          .append(". Capability: ")
          .append(esc(sc.capabilityIndex()))
          .append("</p></article>");
    }
    return b.append("</section>\n").toString();
  }

  private static final String CSS =
      "body{margin:0;font:13px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2329;"
          + "background:#fff}header{background:#1f2d3a;color:#fff;padding:12px 24px}header h1{margin:0;"
          + "font-size:22px}header p{margin:4px 0;color:#c9d6e2}header a{color:#fff}section{padding:8px 24px;"
          + "max-width:1200px;margin:0 auto}h2{border-bottom:2px solid #1f2d3a;padding-bottom:4px}"
          + "h3{margin:16px 0 6px}.lead{color:#5f6b76;max-width:900px}figure{margin:6px 0}"
          + "table{border-collapse:collapse;width:100%;margin:6px 0}th,td{text-align:left;padding:3px 6px;"
          + "border-bottom:1px solid #d9dee3;vertical-align:top}th{background:#eef1f4}"
          + ".grid3{display:grid;grid-template-columns:repeat(3,1fr);gap:8px}.grid2{display:grid;"
          + "grid-template-columns:1fr 1fr;gap:16px}.cards{display:grid;grid-template-columns:1fr 1fr;gap:14px}"
          + ".card{border:1px solid #d9dee3;border-radius:6px;padding:10px 12px;break-inside:avoid}"
          + ".card dl{display:grid;grid-template-columns:130px 1fr;gap:2px 8px;font-size:12px}.card dt{color:#5f6b76}"
          + ".card dd{margin:0}.verdict{font-size:11px;padding:2px 8px;border-radius:10px;color:#fff;"
          + "text-transform:uppercase;background:#a0a7ae}.verdict.supported{background:#1a9850}"
          + ".verdict.contradicted{background:#c0392b}.verdict.insufficient-data{background:#6c7a89}.verdict.inconclusive{background:#b58900}"
          + "pre{white-space:pre-wrap;word-break:break-word;background:#f4f6f8;padding:6px;font-size:11px}"
          + ".legend span{margin-right:12px;color:#5f6b76}.legend i{display:inline-block;width:20px;height:10px;"
          + "margin-right:4px;vertical-align:middle}.note,.muted{color:#5f6b76}.note{font-size:12px}"
          + "table.timeline td{font-size:12px}footer{text-align:center;color:#5f6b76;padding:16px;font-size:12px}"
          + "svg .t{font-size:12px;font-weight:600;fill:#1d2329}svg .a{font-size:10px;fill:#5f6b76}"
          + "svg .s{font-size:9px;fill:#5f6b76}svg .n{font-size:11px;font-weight:700;fill:#fff}"
          + "@media print{header{background:#fff;color:#000}header p,header a{color:#000}"
          + "section{page-break-before:always}section#map{page-break-before:avoid}"
          + ".cards{grid-template-columns:1fr}details{display:none}tr{break-inside:avoid}"
          + "article.scenario{break-inside:avoid-page}figure{break-inside:avoid}}";
}
