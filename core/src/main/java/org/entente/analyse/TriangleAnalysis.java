package org.entente.analyse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.entente.analyse.series.Dyad;
import org.entente.analyse.series.StoreSeries;
import org.entente.analyse.triangle.Configuration;
import org.entente.analyse.triangle.Sign;
import org.entente.analyse.triangle.SignRules;
import org.entente.analyse.triangle.Transition;
import org.entente.analyse.triangle.Triad;
import org.entente.analyse.triangle.TriadSigns;
import org.entente.analyse.triangle.Triangles;
import org.entente.measure.DyadScore;
import org.entente.measure.DyadSeries;
import org.entente.store.EventStore;
import org.entente.store.MemoizedStore;
import org.entente.store.MonthRange;

/**
 * Strategic triangles from the store (METHODS §2): the three undirected dyad series of a triad on
 * one range, a sign per side and period, Dittmer's configuration, strict and weak structural
 * balance, and the transitions between configurations. The maths is in {@code
 * org.entente.analyse.triangle}; this class reads the series and applies it.
 *
 * <p>Signs: the band and baseline rules read the requested score; a period whose score is undefined
 * (no events under S4 or the Goldstein mean) gets sign 0, so its configuration is indeterminate.
 * The posterior rule reads C = W1 + W2 and K = W3 + W4 whatever the score (an empty period gives
 * Beta(1, 1) and sign 0). Hysteresis, if asked for, runs over each side's sequence of signs; a
 * period without events gets sign 0 and clears the memory (no sign is carried through it).
 *
 * <p>Not thread-safe (the store is not).
 */
public final class TriangleAnalysis {
  private final EventStore store;
  private final StoreSeries series;

  /**
   * Analyses the events in {@code store}.
   *
   * @param store the store; not closed here
   */
  public TriangleAnalysis(EventStore store) {
    this.store = Objects.requireNonNull(store, "store");
    this.series = new StoreSeries(store);
  }

  /** The 20 triads among the six core states, vertices in {@link Dyad#CORE_STATES} order. */
  /**
   * The {@link #coreTriads} whose three sides the store holds: all 20 unless files read with {@code
   * --actors} left some dyads out ({@link org.entente.store.EventStore#leftOut}).
   */
  public List<Triad> heldTriads() {
    List<Dyad> held = series.held(Dyad.coreDyads());
    List<Triad> out = new ArrayList<>();
    for (Triad t : coreTriads()) {
      boolean all = true;
      for (Dyad d : sides(t)) {
        all &= held.stream().anyMatch(x -> same(x, d));
      }
      if (all) {
        out.add(t);
      }
    }
    return out;
  }

  public static List<Triad> coreTriads() {
    List<String> s = Dyad.CORE_STATES;
    List<Triad> out = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      for (int j = i + 1; j < s.size(); j++) {
        for (int k = j + 1; k < s.size(); k++) {
          out.add(new Triad(s.get(i), s.get(j), s.get(k)));
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Runs one triad.
   *
   * @param request the triad, series options and sign rule
   * @return the report; with no periods if none of the three dyads has events in range
   */
  public TriangleReport run(TriangleRequest request) {
    return run(request, List.of());
  }

  private TriangleReport run(TriangleRequest request, List<String> inherited) {
    List<String> warnings = new ArrayList<>(inherited);
    List<Dyad> sides = sides(request.triad());
    // one run reads the sides twice with the baseline rule (reference, then signs): once from the
    // store
    StoreSeries series = new StoreSeries(MemoizedStore.of(store));
    Optional<MonthRange> range = series.range(sides, request.series());
    if (range.isEmpty()) {
      return new TriangleReport(request, null, Double.NaN, List.of(), List.of(), warnings);
    }
    double median = Double.NaN;
    if (request.signRule() == SignRule.BASELINE && Double.isNaN(request.referenceMedian())) {
      Baseline b = baseline(request, referenceMedian(series, request, range.get()));
      request = b.request();
      median = b.request().referenceMedian();
      b.warning().ifPresent(warnings::add);
    } else if (request.signRule() == SignRule.BASELINE) {
      // a median the user gave is kept, with the warning if it leaves no room
      median = request.referenceMedian();
      String degenerate = degenerate(request, median);
      if (degenerate != null) {
        warnings.add(degenerate);
      }
    }
    List<DyadSeries> data = series.scores(sides, request.series(), range.get());
    for (DyadSeries ds : data) {
      request.score().requireFrom(ds.quantities(), series.sourceOf(ds));
    }
    int n = data.get(0).scores().size();
    List<List<Sign>> signs = new ArrayList<>();
    for (DyadSeries s : data) {
      List<Sign> raw = new ArrayList<>(n);
      List<Boolean> observed = new ArrayList<>(n);
      for (DyadScore d : s.scores()) {
        boolean seen = s.observed(d);
        // a period without events has no sign, under every rule: a score that is 0 when nothing
        // happened (s6, n) lay below the baseline rule's reference and read as hostility (30
        // eventless years of 1945-2025 were a unit veto)
        raw.add(seen ? sign(d, request, median) : Sign.ZERO);
        observed.add(seen);
      }
      // (with hysteresis, an unobserved period also does not carry the last sign on)
      signs.add(request.hysteresis() ? SignRules.withHysteresis(raw, observed) : raw);
    }
    List<TriangleReport.Row> rows = new ArrayList<>(n);
    List<Configuration> configurations = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      TriangleReport.Side[] side = new TriangleReport.Side[3];
      boolean allSeen = true;
      for (int k = 0; k < 3; k++) {
        DyadScore d = data.get(k).scores().get(i);
        allSeen &= data.get(k).observed(d);
        side[k] =
            new TriangleReport.Side(
                sides.get(k).a(),
                sides.get(k).b(),
                d.n(),
                request.score().of(d),
                d.w1() + d.w2(),
                d.w3() + d.w4(),
                signs.get(k).get(i));
      }
      TriadSigns ts = new TriadSigns(side[0].sign(), side[1].sign(), side[2].sign());
      Configuration c = Triangles.classify(request.triad(), ts);
      configurations.add(c);
      rows.add(
          new TriangleReport.Row(
              data.get(0).scores().get(i).period(),
              side[0],
              side[1],
              side[2],
              c,
              Triangles.strictBalance(ts),
              Triangles.weakBalance(ts),
              // undefined (null) where a side has no events: its 0 says nothing
              allSeen
                  ? Triangles.continuousBalance(side[0].score(), side[1].score(), side[2].score())
                  : Double.NaN));
    }
    List<TriangleReport.Change> changes = new ArrayList<>();
    for (Transition tr : Triangles.transitions(configurations)) {
      changes.add(
          new TriangleReport.Change(
              rows.get(tr.fromIndex()).period(),
              rows.get(tr.toIndex()).period(),
              tr.from(),
              tr.to()));
    }
    return new TriangleReport(request, range.get(), median, rows, changes, warnings);
  }

  /**
   * Runs every triad among the six core states with the same settings on one range: the request's,
   * with open ends taken from the events of all 15 core dyads, so that every triad has the same
   * periods (a triad without events has only indeterminate ones). Under the baseline rule the
   * reference median is computed once over that range and shared.
   *
   * @param template the settings; its triad is ignored
   * @return a report per triad of {@link #heldTriads()} (all 20 unless files read with --actors
   *     left dyads out), in {@link #coreTriads()} order
   */
  public List<TriangleReport> runAll(TriangleRequest given) {
    List<String> notes = List.of();
    List<Triad> triads = heldTriads();
    if (triads.isEmpty()) {
      // no triad whose three sides the store holds: the refusal names the first side left out
      Triad t = coreTriads().get(0);
      for (Dyad d : sides(t)) {
        series
            .store()
            .leftOut(org.entente.store.DyadQuery.monthly(d.a(), d.b()))
            .ifPresent(
                why -> {
                  throw new org.entente.store.UnsupportedQueryException(why);
                });
      }
    }
    // the template's own triad is ignored: a core triad's sides are core dyads (and held)
    TriangleRequest template = given.withTriad(triads.get(0));
    TriangleRequest shared = template;
    Optional<MonthRange> all = series.range(series.held(Dyad.coreDyads()), template.series());
    if (all.isPresent()) {
      shared = shared.withSeries(template.series().withRange(all.get().first(), all.get().last()));
      if (template.signRule() == SignRule.BASELINE && Double.isNaN(template.referenceMedian())) {
        Baseline b = baseline(shared, referenceMedian(series, template, all.get()));
        shared = b.request();
        notes = b.warning().map(List::of).orElse(List.of());
      }
    }
    List<TriangleReport> out = new ArrayList<>();
    for (Triad t : triads) {
      out.add(run(shared.withTriad(t), notes));
    }
    return List.copyOf(out);
  }

  /**
   * The request under a computed reference median: the baseline rule with that median when it
   * leaves room for both signs, else the band rule and the warning why.
   */
  private record Baseline(TriangleRequest request, Optional<String> warning) {}

  private static Baseline baseline(TriangleRequest r, double median) {
    String degenerate = degenerate(r, median);
    return degenerate == null
        ? new Baseline(r.withReferenceMedian(median), Optional.empty())
        : new Baseline(r.withSignRule(SignRule.BAND), Optional.of(degenerate + BAND_INSTEAD));
  }

  private static final String BAND_INSTEAD =
      "; the band rule was used instead (--sign-rule baseline --reference-median M keeps the"
          + " baseline rule)";

  /**
   * Why the baseline rule cannot give one of the signs under {@code median}, or null if it can: for
   * a bounded score (S4, S5, S6 within ±1, the Goldstein mean within ±10), a reference median
   * within τ of the upper bound leaves no room for a positive side, within τ of the lower bound
   * none for a negative one. On the curated chronology, whose dyad-years are mostly all
   * cooperative, S4's median is 1: every side read 0 or −1 (1,638 of 1,640 triad-years
   * indeterminate), even RUS-PRK 2024 with S4 = 1 over 10 events.
   */
  static String degenerate(TriangleRequest r, double median) {
    double bound =
        switch (r.score()) {
          case S4, S5, S6 -> 1;
          case GOLDSTEIN_MEAN -> 10;
          default -> Double.NaN;
        };
    if (Double.isNaN(bound) || Double.isNaN(median)) {
      return null;
    }
    String which;
    if (median + r.tau() >= bound) {
      which = "positive";
    } else if (median - r.tau() <= -bound) {
      which = "negative";
    } else {
      return null;
    }
    return "under the baseline rule no side can be "
        + which
        + ": the reference median of "
        + r.score().optionName()
        + ", "
        + median
        + ", lies within tau = "
        + r.tau()
        + " of the score's "
        + (which.equals("positive") ? "upper" : "lower")
        + " bound "
        + (which.equals("positive") ? "" : "-")
        + (bound == 1 ? "1" : "10");
  }

  private static Sign sign(DyadScore d, TriangleRequest r, double median) {
    return switch (r.signRule()) {
      case POSTERIOR -> SignRules.posterior(d.w1() + d.w2(), d.w3() + d.w4()).sign();
      case BAND -> {
        double s = r.score().of(d);
        yield Double.isNaN(s) ? Sign.ZERO : SignRules.band(s, r.tau());
      }
      case BASELINE -> {
        double s = r.score().of(d);
        yield Double.isNaN(s) || Double.isNaN(median)
            ? Sign.ZERO
            : SignRules.baseline(s, median, r.tau());
      }
    };
  }

  /**
   * The baseline rule's reference: the median of the score over every dyad-period with events of
   * the 15 core dyads (those the store holds: {@link StoreSeries#held}) and the triad's own sides,
   * in {@code range}; NaN if there is none.
   */
  private static double referenceMedian(StoreSeries in, TriangleRequest r, MonthRange range) {
    // the core dyads the store holds (a filtered store's others had no events to count)
    List<Dyad> dyads = new ArrayList<>(in.held(Dyad.coreDyads()));
    Triad t = r.triad();
    for (Dyad d :
        List.of(
            new Dyad(t.a(), t.b(), false),
            new Dyad(t.b(), t.c(), false),
            new Dyad(t.c(), t.a(), false))) {
      if (dyads.stream().noneMatch(x -> same(x, d))) {
        dyads.add(d);
      }
    }
    int reference = dyads.size();
    // the sides as run() reads them, in the same scan (run() then finds them in the view's memory)
    dyads.addAll(sides(t));
    List<DyadSeries> read = in.scores(dyads, r.series(), range);
    List<Double> values = new ArrayList<>();
    for (DyadSeries ds : read.subList(0, reference)) {
      for (DyadScore s : ds.scores()) {
        double v = r.score().of(s);
        if (ds.observed(s) && !Double.isNaN(v)) {
          values.add(v);
        }
      }
    }
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : 0.5 * (v[m - 1] + v[m]);
  }

  private static List<Dyad> sides(Triad t) {
    return List.of(
        new Dyad(t.a(), t.b(), false),
        new Dyad(t.b(), t.c(), false),
        new Dyad(t.c(), t.a(), false));
  }

  private static boolean same(Dyad x, Dyad y) {
    return (x.a().equals(y.a()) && x.b().equals(y.b()))
        || (x.a().equals(y.b()) && x.b().equals(y.a()));
  }
}
