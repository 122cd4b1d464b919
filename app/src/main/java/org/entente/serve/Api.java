package org.entente.serve;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.analyse.AnalysisException;
import org.entente.analyse.CharacterAnalysis;
import org.entente.analyse.CharacterReport;
import org.entente.analyse.CharacterRequest;
import org.entente.analyse.LeadLagAnalysis;
import org.entente.analyse.LeadLagRequest;
import org.entente.analyse.PeriodAnalysis;
import org.entente.analyse.PeriodRequest;
import org.entente.analyse.SignRule;
import org.entente.analyse.TriangleAnalysis;
import org.entente.analyse.TriangleReport;
import org.entente.analyse.TriangleRequest;
import org.entente.analyse.Vocabulary;
import org.entente.analyse.series.AnalysisSeries;
import org.entente.analyse.series.Dyad;
import org.entente.analyse.series.Imputation;
import org.entente.analyse.series.Score;
import org.entente.analyse.series.SeriesOptions;
import org.entente.analyse.series.SeriesSource;
import org.entente.analyse.series.SeriesSpec;
import org.entente.analyse.triangle.SignRules;
import org.entente.analyse.triangle.Triad;
import org.entente.analyse.verdict.PropositionEvaluator;
import org.entente.analyse.verdict.Verdict;
import org.entente.measure.DyadSeries;
import org.entente.measure.Measure;
import org.entente.measure.Network;
import org.entente.model.ChronologyEntry;
import org.entente.store.DyadQuery;
import org.entente.store.EventStore;
import org.entente.system.Actor;
import org.entente.system.ActorKind;
import org.entente.system.ActorRegistry;
import org.entente.system.Chronology;
import org.entente.system.ExpertPeriod;
import org.entente.system.ExpertPeriods;
import org.entente.system.Proposition;
import org.entente.system.Propositions;

/**
 * The API's handlers: each reads its validated parameters, calls one stage API and maps the result
 * with {@link Views}. No handler computes anything a stage does not; none writes to the store.
 * Calls that touch the store are serialised, since a store need not be thread-safe.
 */
final class Api {
  /** The six states of the system, in the order the dashboard draws them. */
  static final List<String> SIX = List.of("RUS", "PRK", "CHN", "USA", "KOR", "JPN");

  /**
   * The most resampling replicates one request may ask for: 1,999 cost about 2 CPU-seconds on the
   * demo store; the CLI has no such cap.
   */
  static final int MAX_BOOTSTRAP = 1999;

  private final EventStore store;

  /**
   * Verdicts per set of propositions and filters (at most 11 × 80 keys exist; 256 kept), computed
   * once: the store does not change while it is served.
   */
  private final com.github.benmanes.caffeine.cache.Cache<String, Object> verdictCache =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(256).build();

  /** What the store holds, read once: the store does not change while it is served. */
  private volatile List<org.entente.store.SourceInfo> sources;

  Api(EventStore store) {
    this.store = store;
  }

  private List<org.entente.store.SourceInfo> sources() {
    List<org.entente.store.SourceInfo> s = sources;
    if (s == null) {
      s = List.copyOf(store.sources());
      sources = s;
    }
    return s;
  }

  /**
   * The data source a request reads: {@code source=}, else the store's only one (under {@code
   * entente serve --source} the served store is that source's view); several without a choice are a
   * 400 naming them (sources are never pooled).
   */
  String source(Query q) {
    String requested = q.string("source");
    if (requested != null && requested.isEmpty()) {
      requested = null;
    }
    try {
      return org.entente.store.SourceSelection.choose(sources(), requested, "source=");
    } catch (IllegalArgumentException e) {
      throw Query.bad("source", e.getMessage());
    }
  }

  /** The store as a request sees it: its chosen source only. */
  private EventStore store(Query q) {
    return org.entente.store.SourceSelection.scope(store, source(q));
  }

  Object info(Query q) {
    return Views.info(
        store.summary(), sources(), store.mentions(), store.volumeRows(), store.rollupsPending());
  }

  /** A range that would cut a quarter or year is a 400 naming from or to (as the CLI's exit 2). */
  private static void requireWholePeriods(DyadQuery.Frequency f, YearMonth from, YearMonth to) {
    DyadQuery.Cut cut = f.cutsPeriod(from, to);
    if (cut != null) {
      throw Query.bad(cut.bound(), cut.reason());
    }
  }

  /** The series settings shared by /api/series and the analyses that read a dyad's series. */
  static DyadQuery dyadQuery(Query q, Dyad d) {
    YearMonth from = q.month("from", false);
    YearMonth to = q.month("to", true);
    if (from != null && to != null && from.isAfter(to)) {
      throw Query.bad("from", "'" + from + "' is after to '" + to + "'");
    }
    DyadQuery.Frequency f = q.parsed("freq", "month", DyadQuery.Frequency::parse);
    requireWholePeriods(f, from, to);
    return new DyadQuery(
        d.a(),
        d.b(),
        d.directed(),
        from,
        to,
        f,
        q.parsed("weight", "none", DyadQuery.Weighting::parse),
        q.parsed("dedup", "none", DyadQuery.Dedup::parse),
        q.flag("state-only"),
        q.flag("drop-statements"));
  }

  /** The label registry, with the store's sources labelled. */
  Object labels(Query q) {
    return org.entente.report.Labels.all(sources());
  }

  Object series(Query q) {
    DyadQuery dq = dyadQuery(q, q.dyad("dyad"));
    Measure m = new Measure(store(q));
    DyadSeries s = m.series(dq);
    if (q.flag("intensity")) {
      s = m.withVolumes(s);
    }
    return Views.series(s);
  }

  Object system(Query q) {
    List<String> actors = q.actors("actors", SIX, 2, 8);
    YearMonth from = q.month("from", false);
    YearMonth to = q.month("to", true);
    if (from != null && to != null && from.isAfter(to)) {
      throw Query.bad("from", "'" + from + "' is after to '" + to + "'");
    }
    DyadQuery.Frequency f = q.parsed("freq", "year", DyadQuery.Frequency::parse);
    DyadQuery.Weighting w = q.parsed("weight", "none", DyadQuery.Weighting::parse);
    DyadQuery.Dedup d = q.parsed("dedup", "none", DyadQuery.Dedup::parse);
    EventStore st = store(q);
    String asked = q.string("actors");
    if (asked == null || asked.isEmpty()) {
      // by default the six states whose every dyad the store holds (files read with --actors may
      // have left some out); named actors outside them are refused (422) with the reason
      List<String> held = Network.heldActors(st, SIX);
      if (held.size() < 2) {
        // no dyad of the six is held in full: an empty map that says why, as the report does
        return Views.obj(
            "actors",
            List.of(),
            "freq",
            f.name().toLowerCase(java.util.Locale.ROOT),
            "tau",
            SignRules.DEFAULT_TAU,
            "periods",
            List.of(),
            "dyads",
            List.of(),
            "note",
            "no two of the six states have their dyad in the store in full: its files read with"
                + " --actors (or an imported rollup listing the pairs it holds) left them out");
      }
      actors = held;
    }
    Network.Series n = Network.of(st, actors, f, from, to, w, d);
    return Views.network(n, SignRules.DEFAULT_TAU);
  }

  Object timeline(Query q) {
    Dyad d = q.dyad("dyad");
    YearMonth from = q.month("from", false);
    YearMonth to = q.month("to", true);
    if (from != null && to != null && from.isAfter(to)) {
      throw Query.bad("from", "'" + from + "' is after to '" + to + "'");
    }
    Chronology.TimelineQuery tq =
        new Chronology.TimelineQuery(
            d == null ? null : d.a(),
            d == null ? null : d.b(),
            d != null && d.directed(),
            q.string("tag"),
            from,
            to);
    List<ChronologyEntry> more = store.chronology();
    return Views.timeline(Chronology.timeline(more, tq));
  }

  Object actors(Query q) {
    ActorKind kind = q.parsed("kind", null, ActorKind::parse);
    String state = q.parsed("state", null, org.entente.analyse.series.Dyad::known);
    List<Object> out = new ArrayList<>();
    for (Actor a : ActorRegistry.bundled().actors()) {
      if ((kind == null || kind.of(a)) && (state == null || state.equalsIgnoreCase(a.state()))) {
        out.add(Views.actor(a));
      }
    }
    return Views.obj("count", out.size(), "actors", out);
  }

  Object expertPeriods(Query q) {
    String scheme = q.string("expert");
    List<ExpertPeriod> ps =
        scheme == null || scheme.isEmpty()
            ? ExpertPeriods.bundled()
            : q.parsed("expert", null, ExpertPeriods::scheme);
    List<Object> out = new ArrayList<>();
    ps.forEach(p -> out.add(Views.expert(p)));
    return Views.obj("schemes", List.copyOf(ExpertPeriods.schemes()), "periods", out);
  }

  /** The series options of the analyses (frequency default {@code dflt}). */
  static SeriesOptions seriesOptions(Query q, String freqDefault) {
    YearMonth from = q.month("from", false);
    YearMonth to = q.month("to", true);
    if (from != null && to != null && from.isAfter(to)) {
      throw Query.bad("from", "'" + from + "' is after to '" + to + "'");
    }
    DyadQuery.Frequency f =
        q.declares("freq")
            ? q.parsed("freq", freqDefault, DyadQuery.Frequency::parse)
            : DyadQuery.Frequency.MONTH;
    requireWholePeriods(f, from, to);
    return new SeriesOptions(
        f,
        from,
        to,
        q.parsed("weight", "none", DyadQuery.Weighting::parse),
        q.parsed("dedup", "none", DyadQuery.Dedup::parse),
        q.flag("state-only"),
        q.flag("drop-statements"));
  }

  Object triangle(Query q) {
    List<String> a = q.actors("actors", null, 3, 3);
    Triad triad = new Triad(a.get(0), a.get(1), a.get(2));
    TriangleRequest r =
        new TriangleRequest(
            triad,
            seriesOptions(q, "month"),
            q.parsed("score", "s4", Score::parse),
            q.parsed("sign-rule", "baseline", SignRule::parse),
            q.number("tau", SignRules.DEFAULT_TAU, 0, 10),
            q.flag("hysteresis"),
            q.number("reference-median", Double.NaN, -1e9, 1e9));
    TriangleReport t = new TriangleAnalysis(store(q)).run(r);
    return Views.triangle(t);
  }

  Object periods(Query q) {
    Dyad d = q.dyad("dyad");
    if (d == null) {
      return expertPeriods(q);
    }
    String expert = q.string("expert");
    if (expert != null && !expert.isEmpty()) {
      throw Query.bad("expert", "lists an expert periodisation; with dyad, use compare");
    }
    SeriesOptions o = seriesOptions(q, "month");
    Score score = q.parsed("score", "s6", Score::parse);
    String compare = q.string("compare");
    if (compare != null && !compare.isEmpty()) {
      q.parsed("compare", null, ExpertPeriods::scheme);
    } else {
      compare = null;
    }
    PeriodRequest r =
        new PeriodRequest(
            q.parsed("method", "pelt", Vocabulary::method),
            q.parsed("penalty", "mbic", PeriodRequest::penalty),
            q.integer("min-length", 3, 1, 1000),
            q.parsed("impute", "none", Imputation::parse),
            q.parsed("scale", "lrv", PeriodRequest::scale),
            q.parsed("scale", "lrv", PeriodRequest::scaleValue),
            compare,
            q.integer("tolerance", 3, 0, 1000));
    AnalysisSeries s =
        new SeriesSource(store(q)).load(List.of(new SeriesSpec.OfDyad(d, score)), o).get(0);
    if (s.isEmpty()) {
      throw new AnalysisException("no events for " + d.label() + " in range");
    }
    return Views.periods(PeriodAnalysis.run(s, r));
  }

  Object leadLag(Query q) {
    Dyad x = q.dyad("x");
    Dyad y = q.dyad("y");
    Score score = q.parsed("score", "s6", Score::parse);
    SeriesOptions o = seriesOptions(q, "month");
    LeadLagRequest d = LeadLagRequest.defaults();
    LeadLagRequest r =
        new LeadLagRequest(
            q.integer("max-lag", d.maxLag(), 1, 48),
            q.parsed("criterion", "aic", Vocabulary::criterion),
            q.integer("lags", 0, 0, 48),
            q.parsed("difference", "auto", LeadLagRequest.Difference::parse),
            q.integer("bootstrap", d.bootstrap(), 0, MAX_BOOTSTRAP),
            q.longInteger("seed", d.seed()),
            q.parsed("resampling", "circular", Vocabulary::resampling),
            q.parsed("impute", "none", Imputation::parse));
    List<AnalysisSeries> s =
        new SeriesSource(store(q))
            .load(List.of(new SeriesSpec.OfDyad(x, score), new SeriesSpec.OfDyad(y, score)), o);
    if (s.get(0).isEmpty()) {
      throw new AnalysisException("no events for " + x.label() + " or " + y.label() + " in range");
    }
    return Views.leadLag(LeadLagAnalysis.run(s.get(0), s.get(1), r));
  }

  Object character(Query q) {
    Dyad d = q.dyad("dyad");
    SeriesOptions o = seriesOptions(q, "month");
    CharacterRequest r =
        new CharacterRequest(
            d,
            q.integer("window", CharacterRequest.DEFAULT_WINDOW, 2, 240),
            o.from(),
            o.to(),
            q.parsed("reference", "core", Vocabulary::reference),
            o,
            q.flag("complete-only"));
    CharacterReport c = new CharacterAnalysis(store(q)).run(r);
    return Views.character(c);
  }

  /** Event filters only (the verdicts set their own frequency and windows). */
  static SeriesOptions filters(Query q) {
    return new SeriesOptions(
        DyadQuery.Frequency.MONTH,
        null,
        null,
        q.parsed("weight", "none", DyadQuery.Weighting::parse),
        q.parsed("dedup", "none", DyadQuery.Dedup::parse),
        q.flag("state-only"),
        q.flag("drop-statements"));
  }

  /**
   * The verdicts, computed once per set of filters and propositions and then kept: the store does
   * not change while it is served (the server never writes, and DuckDB lets no other process write
   * to an open file).
   */
  Object verdicts(Query q) {
    String id = q.string("id");
    List<Proposition> ps =
        id == null || id.isEmpty()
            ? Propositions.bundled()
            : q.parsed("id", null, Propositions::versions);
    SeriesOptions f = filters(q);
    String source = source(q);
    String key = ps.stream().map(Proposition::label).toList() + " " + f + " " + source;
    return verdictCache.get(
        key,
        k -> {
          List<Verdict> vs =
              new PropositionEvaluator(
                      org.entente.store.SourceSelection.scope(store, source),
                      Chronology.timeline(store.chronology(), Chronology.TimelineQuery.all()),
                      f)
                  .evaluate(ps, Propositions.bundled());
          return Views.verdicts(vs);
        });
  }

  Object propositions(Query q) {
    String id = q.string("id");
    List<Proposition> ps =
        id == null || id.isEmpty()
            ? Propositions.bundled()
            : q.parsed("id", null, Propositions::versions);
    List<Object> out = new ArrayList<>();
    ps.forEach(p -> out.add(Views.proposition(p)));
    return Map.of("propositions", out);
  }
}
