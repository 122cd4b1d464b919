package org.entente.report.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
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
import org.entente.report.JsonOutput;
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
import org.entente.store.MemoizedStore;
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
  private final EventStore whole;
  private final List<ChronologyEntry> chronology;
  private final LocalDate today;
  private final YearMonth last;

  private HtmlReport(EventStore whole, String source, LocalDate today) {
    // the report reads the same series many times (map, dyads, triangles, verdicts): each once
    this.whole = MemoizedStore.of(whole);
    this.store =
        MemoizedStore.of(
            source == null
                ? this.whole
                : org.entente.store.SourceSelection.scope(this.whole, source));
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
    return write(store, store.scope().orElse(null), dir, today);
  }

  /**
   * Writes the report of one source of {@code whole} into {@code dir} (created if needed) as
   * {@value #FILE}, with every source's verdicts side by side. The file is written under a
   * temporary name and then moved into place, so a report is never half-written; an existing
   * {@value #FILE} that is not an Entente report is refused and left as it is.
   *
   * @param whole the store; not closed here
   * @param source the source the report's charts and cards read, or {@code null} for a store
   *     holding at most one
   * @param dir the output directory
   * @param today the date written into the report, and the end of open ranges
   * @return the file written
   * @throws IOException if the file cannot be written
   * @throws IllegalArgumentException if {@code dir/}{@value #FILE} exists and is not a report
   * @throws org.entente.store.StoreException if the store cannot be read
   */
  public static Path write(EventStore whole, String source, Path dir, LocalDate today)
      throws IOException {
    Path out = dir.resolve(FILE);
    requireReportOrAbsent(out);
    String html = new HtmlReport(Objects.requireNonNull(whole, "whole"), source, today).html();
    Files.createDirectories(dir);
    // a temporary file left by a process stopped mid-write (kill -9) is removed by a later report
    Path tmp = org.entente.store.TempFiles.create(dir, "." + FILE + ".", ".tmp");
    try {
      Files.writeString(tmp, html, StandardCharsets.UTF_8);
      Files.move(
          tmp,
          out,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return out;
  }

  /** The report's title, which a file must carry to be replaced by a new report. */
  private static final String MARK = "<title>Entente report</title>";

  private static void requireReportOrAbsent(Path out) throws IOException {
    if (!Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isRegularFile(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException(out + " exists and is not a file: left as it is");
    }
    byte[] head;
    try (java.io.InputStream in = Files.newInputStream(out)) {
      head = in.readNBytes(4096);
    }
    if (!new String(head, StandardCharsets.UTF_8).contains(MARK)) {
      throw new IllegalArgumentException(
          out
              + " exists and is not an Entente report: left as it is (choose another --out"
              + " directory)");
    }
  }

  private String html() {
    StoreSummary s = store.summary();
    long events = s.eventsBySource().stream().mapToLong(StoreSummary.Count::count).sum();
    ReportModel.Header header =
        new ReportModel.Header(
            Path.of(s.location()).getFileName().toString(),
            events,
            s.extent() == null ? null : s.extent().first() + " – " + s.extent().last(),
            today.toString(),
            store.scope().orElse(null));
    return ReportTemplate.render(
        new ReportModel(
            header,
            systemMap(),
            dyads(),
            triangles(),
            propositions(),
            bySource(),
            timeline(),
            simulation()));
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

  private ReportModel.SystemMap systemMap() {
    // the states whose every dyad the store holds (all six unless files read with --actors left
    // some out); the others' edges are not drawn
    List<String> held = Network.heldActors(store, SIX);
    String note =
        held.size() == SIX.size()
            ? null
            : held.size() < 2
                ? "No two of the six states have their dyad in the store: its files read with"
                    + " --actors (or an imported rollup listing the pairs it holds) left them out."
                : "The dyads among "
                    + String.join(", ", held)
                    + " (the largest set of the six states whose every dyad the store holds): its"
                    + " files read with --actors (or an imported rollup listing the pairs it holds)"
                    + " left some of the others out.";
    if (held.size() < 2) {
      return new ReportModel.SystemMap(List.of(), null, List.of(), note);
    }
    Network.Series net =
        Network.of(
            store,
            held,
            Frequency.YEAR,
            YearMonth.of(FIRST_YEAR, 1),
            last,
            DyadQuery.Weighting.NONE,
            DyadQuery.Dedup.NONE);
    if (net.periods().isEmpty()) {
      return new ReportModel.SystemMap(List.of(), null, List.of(), note);
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
    if (lastWithEvents < 0) {
      // periods in range, none with events among these states
      return new ReportModel.SystemMap(List.of(), null, List.of(), note);
    }
    picks.add(lastWithEvents);
    List<Svg.Chart> networks = new ArrayList<>();
    for (int i : picks) {
      List<Svg.Edge> edges = new ArrayList<>();
      for (DyadSeries d : net.dyads()) {
        DyadScore x = d.scores().get(i);
        edges.add(new Svg.Edge(d.query().source(), d.query().target(), x.n(), x.s4()));
      }
      networks.add(
          Svg.network(net.periods().get(i).label(), SIX, POSITIONS, edges, SignRules.DEFAULT_TAU));
    }
    int i = lastWithEvents;
    List<ReportModel.Relation> relations = new ArrayList<>();
    for (DyadSeries d : net.dyads()) {
      DyadScore x = d.scores().get(i);
      relations.add(
          new ReportModel.Relation(
              d.query().label(),
              x.n(),
              Svg.scoreColour(x.s4(), SignRules.DEFAULT_TAU),
              Svg.trim(x.s4()),
              Svg.trim(x.s6())));
    }
    return new ReportModel.SystemMap(networks, net.periods().get(i).label(), relations, note);
  }

  // ---- 2. dyads -------------------------------------------------------------------------------

  private ReportModel.Dyads dyads() {
    List<ReportModel.DyadView> views = new ArrayList<>();
    List<ExpertPeriod> rozman = ExpertPeriods.scheme("rozman");
    for (String label : DYADS) {
      Dyad d = Dyad.parse(label);
      java.util.Optional<String> leftOut = store.leftOut(DyadQuery.monthly(d.a(), d.b()));
      if (leftOut.isPresent()) {
        views.add(new ReportModel.DyadView(label, null, null, List.of(), leftOut.get()));
        continue;
      }
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
      Svg.Chart chart =
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
              markers);
      List<ReportModel.PeriodRow> rows = new ArrayList<>();
      if (periods != null) {
        for (PeriodReport.Segment seg : periods.periods()) {
          rows.add(
              new ReportModel.PeriodRow(
                  seg.first().label(),
                  seg.last().label(),
                  seg.length(),
                  Svg.trim(seg.mean()),
                  seg.events()));
        }
      }
      views.add(new ReportModel.DyadView(label, chart, problem, rows, null));
    }
    List<ReportModel.ExpertRow> expert = new ArrayList<>();
    for (ExpertPeriod p : rozman) {
      expert.add(
          new ReportModel.ExpertRow(
              p.name(),
              p.first().toString(),
              p.last() == null ? "open" : p.last().toString(),
              p.characterisation()));
    }
    return new ReportModel.Dyads(FIRST_YEAR, views, expert);
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

  private ReportModel.Triangles triangles() {
    List<ReportModel.TriadView> triads = new ArrayList<>();
    for (List<String> a : TRIADS) {
      String name = String.join("–", a);
      java.util.Optional<String> leftOut = java.util.Optional.empty();
      for (int k = 0; k < 3 && leftOut.isEmpty(); k++) {
        leftOut = store.leftOut(DyadQuery.monthly(a.get(k), a.get((k + 1) % 3)));
      }
      if (leftOut.isPresent()) {
        triads.add(
            new ReportModel.TriadView(
                name, null, null, null, null, List.of(), 0, 0, leftOut.get()));
        continue;
      }
      TriangleReport t = triangle(a);
      if (t.periods().isEmpty()) {
        triads.add(new ReportModel.TriadView(name, null, null, null, null, List.of(), 0, 0, null));
        continue;
      }
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
      List<TriangleReport.Change> ch = t.transitions();
      List<ReportModel.Transition> shown = new ArrayList<>();
      for (TriangleReport.Change x : ch.subList(Math.max(0, ch.size() - 12), ch.size())) {
        shown.add(
            new ReportModel.Transition(
                x.lastOfOld().label(),
                x.firstOfNew().label(),
                TriangleReport.structure(x.from()) + " → " + TriangleReport.structure(x.to())));
      }
      triads.add(
          new ReportModel.TriadView(
              name,
              band(t, name + " by year"),
              Svg.triangle(
                  sel.period().label() + ": " + TriangleReport.describe(c),
                  a,
                  signs,
                  labels,
                  pivot,
                  outcast),
              sel.strictBalance().name().toLowerCase(java.util.Locale.ROOT),
              sel.weakBalance().name().toLowerCase(java.util.Locale.ROOT),
              shown,
              shown.size(),
              ch.size(),
              null));
    }
    return new ReportModel.Triangles(legend(), triads);
  }

  private static List<ReportModel.LegendItem> legend() {
    List<ReportModel.LegendItem> out = new ArrayList<>();
    for (Configuration.Type t : Configuration.Type.values()) {
      out.add(
          new ReportModel.LegendItem(
              CONFIG_COLOURS.get(t.name()), org.entente.report.Labels.configuration(t)));
    }
    return out;
  }

  // ---- 4. propositions ------------------------------------------------------------------------

  /** Verdicts per source name (null: the report's own store), each source evaluated once. */
  private final Map<String, List<Verdict>> verdictsBySource = new java.util.HashMap<>();

  /** Every bundled proposition evaluated on one source ({@code null}: the report's store). */
  private List<Verdict> verdicts(String source) {
    String name = source != null ? source : store.scope().orElse(null);
    return verdictsBySource.computeIfAbsent(
        Objects.toString(name, ""),
        k ->
            new PropositionEvaluator(
                    name == null ? store : org.entente.store.SourceSelection.scope(whole, name),
                    chronology,
                    SeriesOptions.defaults(Frequency.MONTH))
                .evaluateAll(Propositions.bundled()));
  }

  private List<ReportModel.Card> propositions() {
    List<Verdict> verdicts = verdicts(null);
    List<ReportModel.Card> cards = new ArrayList<>();
    for (Verdict v : verdicts) {
      Proposition p = Propositions.byId(v.id());
      String label = v.version() > 1 ? v.id() + " v" + v.version() : v.id();
      Svg.Chart chart = null;
      String noChart = null;
      try {
        chart = evidenceChart(v);
      } catch (RuntimeException e) {
        noChart = Objects.toString(e.getMessage(), e.getClass().getSimpleName());
      }
      cards.add(
          new ReportModel.Card(
              label.replace(' ', '-'),
              label,
              v.outcome().text().replace(' ', '-'),
              v.outcome().text(),
              v.claim(),
              String.join(
                  "; ", p.seeds().stream().map(org.entente.report.Labels::seedLabel).toList()),
              v.test(),
              summary(v.operationalisation()),
              Objects.toString(v.rules().get("supported"), ""),
              v.reason(),
              chart,
              noChart,
              JsonOutput.write(v.evidence())));
    }
    return cards;
  }

  /** Every source's verdicts side by side, or {@code null} for a store of one source. */
  private ReportModel.BySource bySource() {
    List<org.entente.store.SourceInfo> infos = whole.sources();
    List<String> names = infos.stream().map(org.entente.store.SourceInfo::name).toList();
    if (names.size() < 2) {
      return null;
    }
    List<List<Verdict>> perSource = new ArrayList<>();
    for (String name : names) {
      perSource.add(verdicts(name)); // the report's own source is evaluated once, for both
    }
    List<ReportModel.BySourceRow> rows = new ArrayList<>();
    for (int i = 0; i < perSource.get(0).size(); i++) {
      Verdict first = perSource.get(0).get(i);
      List<ReportModel.BySourceCell> cells = new ArrayList<>();
      for (List<Verdict> vs : perSource) {
        Verdict v = vs.get(i);
        cells.add(
            new ReportModel.BySourceCell(
                v.outcome().text().replace(' ', '-'), v.outcome().text(), v.reason()));
      }
      rows.add(
          new ReportModel.BySourceRow(
              first.version() > 1 ? first.id() + " v" + first.version() : first.id(), cells));
    }
    return new ReportModel.BySource(
        infos.stream().map(i -> org.entente.report.Labels.source(i.name(), i.kind())).toList(),
        rows);
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

  private ReportModel.Timeline timeline() {
    List<ReportModel.Entry> entries = new ArrayList<>();
    for (ChronologyEntry e : chronology) {
      String src = e.source() == null ? "" : e.source().trim();
      entries.add(
          new ReportModel.Entry(
              e.id(),
              e.dateText(),
              e.actor1() + "–" + e.actor2(),
              e.code(),
              e.title(),
              e.description(),
              String.join(", ", e.tags()),
              org.entente.report.Labels.sourceUrl(src),
              src));
    }
    return new ReportModel.Timeline(chronology.size(), entries);
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

  private ReportModel.Simulation simulation() {
    BdmOptions o = BdmSettings.defaults();
    List<String> regionShades = List.of("rgba(44,93,143,0.06)", "rgba(44,93,143,0.14)");
    List<ReportModel.ScenarioView> views = new ArrayList<>();
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
      List<ReportModel.LegendItem> legend = new ArrayList<>();
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
        legend.add(new ReportModel.LegendItem(colour, actor.name()));
      }
      tracks.add(new Svg.Track("weighted mean", "#1d2329", mean, true));
      legend.add(new ReportModel.LegendItem("#1d2329", "weighted mean (dashed)"));
      Svg.Chart chart =
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
              tracks);
      double[] last = run.finalPositions();
      List<ReportModel.ActorRow> actors = new ArrayList<>();
      for (int a = 0; a < sc.actors().size(); a++) {
        Scenario.ScenarioActor actor = sc.actors().get(a);
        actors.add(
            new ReportModel.ActorRow(
                actor.name(),
                String.valueOf(actor.capability()),
                Svg.trim(actor.salience()),
                Svg.trim(actor.position()),
                Svg.trim(last[a])));
      }
      views.add(
          new ReportModel.ScenarioView(
              sc.id(),
              sc.title(),
              sc.question(),
              sc.period(),
              Svg.trim(run.forecast()),
              Svg.trim(scale.min()),
              Svg.trim(scale.max()),
              sc.region(run.forecast()).label(),
              run.rounds().size() + (run.rounds().size() == 1 ? " round" : " rounds"),
              stopped(run.stop()),
              chart,
              legend,
              actors,
              scale.minLabel(),
              scale.maxLabel(),
              sc.capabilityIndex()));
    }
    return new ReportModel.Simulation(
        java.math.BigDecimal.valueOf(o.stop().epsilon()).toPlainString(),
        o.stop().stableRounds(),
        o.stop().maxRounds(),
        views);
  }
}
