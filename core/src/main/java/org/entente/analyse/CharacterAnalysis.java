package org.entente.analyse;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.entente.analyse.character.CharacterComponents;
import org.entente.analyse.character.CharacterInputs;
import org.entente.analyse.character.Domain;
import org.entente.analyse.character.DomainCounts;
import org.entente.analyse.character.Domains;
import org.entente.analyse.character.TransactionalStrategicIndex;
import org.entente.analyse.character.TsiRow;
import org.entente.analyse.character.TsiScore;
import org.entente.analyse.series.Dyad;
import org.entente.analyse.series.SeriesOptions;
import org.entente.analyse.series.StoreSeries;
import org.entente.measure.DyadScore;
import org.entente.measure.DyadSeries;
import org.entente.store.CodeCount;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.EventStore;
import org.entente.store.MonthRange;

/**
 * Transactional-versus-strategic character of a dyad per window, from the store (METHODS §6). The
 * component measures and the composite index are those of {@code org.entente.analyse.character};
 * this class gathers their inputs per (dyad, window):
 *
 * <ul>
 *   <li>breadth and security share: cooperative events (roots 02–08) of both directions counted by
 *       domain of their event code ({@link Domains});
 *   <li>material share: W2/(W1 + W2) of both directions (weights under the filters' weighting);
 *   <li>persistence (ρ1, half-life) and volatility: the monthly S4 of both directions pooled;
 *   <li>diffuse balance: cooperative weight C of A→B against B→A; specific reciprocity θ̂: the
 *       monthly directed S4 series;
 *   <li>institutionalisation: events coded 057 (sign formal agreement) and 046 (negotiate), both
 *       directions, per 12 months of the window; visit regularity: CV of the gaps between the
 *       distinct months with a 042/043 visit between two GOV actors.
 * </ul>
 *
 * <p>The composite TSI z-scores each component across the reference rows (every window with events
 * of the reference dyads on the same window grid) and averages the signed z-scores; it is relative
 * to that set. Windows are consecutive, non-overlapping, W months from {@code from}. Not
 * thread-safe (the store is not).
 */
public final class CharacterAnalysis {
  private final EventStore store;
  private final StoreSeries series;

  /**
   * Analyses the events in {@code store}.
   *
   * @param store the store; not closed here
   */
  public CharacterAnalysis(EventStore store) {
    this.store = Objects.requireNonNull(store, "store");
    this.series = new StoreSeries(store);
  }

  /**
   * Components and composite per window.
   *
   * @param r the dyad, window, range and reference
   * @return the report; no windows if the dyad has no events
   */
  public CharacterReport run(CharacterRequest r) {
    Dyad dyad = new Dyad(r.dyad().a(), r.dyad().b(), false);
    SeriesOptions filters = r.filters().withFrequency(Frequency.MONTH).withRange(null, null);
    YearMonth from = r.from();
    YearMonth to = r.to();
    if (from == null || to == null) {
      Optional<MonthRange> ext = series.range(List.of(dyad), filters.withRange(from, to));
      if (ext.isEmpty()) {
        return new CharacterReport(r, List.of(), List.of(), List.of());
      }
      from = from != null ? from : YearMonth.of(ext.get().first().getYear(), 1);
      to = to != null ? to : ext.get().last();
    }
    List<MonthRange> grid = grid(from, to, r.windowMonths(), r.completeOnly());
    List<Dyad> dyads = new ArrayList<>();
    dyads.add(dyad);
    List<String> leftOut = new ArrayList<>();
    if (r.reference() == CharacterRequest.Reference.CORE) {
      // a dyad the store's filtered files left out would give windows without events, which the
      // reference leaves out anyway: it is skipped (and named) instead of refused
      List<Dyad> held = series.held(Dyad.coreDyads());
      for (Dyad d : Dyad.coreDyads()) {
        if (sameUndirected(d, dyad)) {
          continue;
        }
        if (held.contains(d)) {
          dyads.add(d);
        } else {
          leftOut.add(d.a() + "-" + d.b());
        }
      }
    }
    List<CharacterReport.Window> target = new ArrayList<>();
    List<CharacterReport.Window> reference = new ArrayList<>();
    List<List<CharacterReport.Window>> all = windowsAll(dyads, grid, r.windowMonths(), filters);
    for (int i = 0; i < dyads.size(); i++) {
      Dyad d = dyads.get(i);
      List<CharacterReport.Window> rows = all.get(i);
      if (d.equals(dyad)) {
        target.addAll(rows);
      }
      rows.stream().filter(w -> w.events() > 0).forEach(reference::add);
    }
    List<CharacterReport.Window> scored = score(reference);
    Map<String, TsiScore> byKey = new HashMap<>();
    for (CharacterReport.Window w : scored) {
      byKey.put(w.dyad() + " " + w.label(), w.score());
    }
    List<CharacterReport.Window> out = new ArrayList<>();
    for (CharacterReport.Window w : target) {
      out.add(w.withScore(byKey.get(w.dyad() + " " + w.label())));
    }
    return new CharacterReport(r, out, scored, leftOut);
  }

  /**
   * The composite index of {@code rows} against each other.
   *
   * @param rows (dyad, window) rows with their components
   * @return the same rows, in order, with their scores
   */
  public static List<CharacterReport.Window> score(List<CharacterReport.Window> rows) {
    List<TsiRow> in = new ArrayList<>();
    for (CharacterReport.Window w : rows) {
      in.add(new TsiRow(w.dyad(), w.label(), w.components()));
    }
    List<TsiScore> s = TransactionalStrategicIndex.compute(in);
    List<CharacterReport.Window> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      out.add(rows.get(i).withScore(s.get(i)));
    }
    return List.copyOf(out);
  }

  /** Consecutive windows of {@code w} months from {@code from} up to {@code to}. */
  public static List<MonthRange> grid(YearMonth from, YearMonth to, int w, boolean completeOnly) {
    List<MonthRange> out = new ArrayList<>();
    for (YearMonth start = from; !start.isAfter(to); start = start.plusMonths(w)) {
      YearMonth end = start.plusMonths(w - 1L);
      if (end.isAfter(to)) {
        if (completeOnly) {
          break;
        }
        end = to;
      }
      out.add(new MonthRange(start, end));
    }
    return out;
  }

  /**
   * The components of one undirected dyad in each window.
   *
   * @param dyad the dyad (direction ignored: A→B is {@code dyad.a()} to {@code dyad.b()})
   * @param windows the windows, in order, not overlapping
   * @param nominalMonths W; a window shorter than W is marked incomplete
   * @param filters event filters (frequency and range ignored)
   * @return one row per window, in order
   */
  public List<CharacterReport.Window> windows(
      Dyad dyad, List<MonthRange> windows, int nominalMonths, SeriesOptions filters) {
    if (windows.isEmpty()) {
      return List.of();
    }
    return windows(
        dyad,
        windows,
        nominalMonths,
        store.codeCounts(codeQuery(dyad, windows, filters)),
        three(List.of(dyad), filters, span(windows)));
  }

  /**
   * The {@link #threeSeries} of each dyad, read together. A source that records a pair without
   * direction (an event list whose mapping writes it A-B) refuses the directed two: the dyad then
   * gets null for them, and its reciprocity components are undefined instead of the whole analysis
   * failing.
   */
  private List<DyadSeries> three(List<Dyad> dyads, SeriesOptions filters, MonthRange range) {
    SeriesOptions monthly = filters.withFrequency(Frequency.MONTH);
    List<Dyad> all = new ArrayList<>();
    dyads.forEach(d -> all.addAll(threeSeries(d)));
    try {
      return series.quadScores(all, monthly, range);
    } catch (org.entente.store.UnsupportedQueryException undirected) {
      List<DyadSeries> out = new ArrayList<>();
      for (Dyad d : dyads) {
        try {
          out.addAll(series.quadScores(threeSeries(d), monthly, range));
        } catch (org.entente.store.UnsupportedQueryException e) {
          out.add(series.quadScores(List.of(threeSeries(d).get(0)), monthly, range).get(0));
          out.add(null);
          out.add(null);
        }
      }
      return out;
    }
  }

  /**
   * {@link #windows(Dyad, List, int, SeriesOptions)} of several dyads, their event codes read in
   * one go ({@link org.entente.store.EventStore#codeCountsAll}) and their series too (one read of
   * the rollup for all the dyads instead of one per dyad: 15 dyads of the demo store, 15 queries
   * fewer).
   *
   * @return one list of rows per dyad, in order
   */
  public List<List<CharacterReport.Window>> windowsAll(
      List<Dyad> dyads, List<MonthRange> windows, int nominalMonths, SeriesOptions filters) {
    if (windows.isEmpty()) {
      return dyads.stream().map(d -> List.<CharacterReport.Window>of()).toList();
    }
    List<List<CodeCount>> codes =
        store.codeCountsAll(dyads.stream().map(d -> codeQuery(d, windows, filters)).toList());
    List<DyadSeries> read = three(dyads, filters, span(windows));
    List<List<CharacterReport.Window>> out = new ArrayList<>();
    for (int i = 0; i < dyads.size(); i++) {
      out.add(
          windows(
              dyads.get(i), windows, nominalMonths, codes.get(i), read.subList(3 * i, 3 * i + 3)));
    }
    return out;
  }

  /** The three series of a dyad's windows: undirected, a to b, b to a. */
  private static List<Dyad> threeSeries(Dyad dyad) {
    return List.of(
        new Dyad(dyad.a(), dyad.b(), false),
        new Dyad(dyad.a(), dyad.b(), true),
        new Dyad(dyad.b(), dyad.a(), true));
  }

  /** The months from the first window's first to the last window's last. */
  private static MonthRange span(List<MonthRange> windows) {
    return new MonthRange(windows.get(0).first(), windows.get(windows.size() - 1).last());
  }

  /** The query of the event codes of {@code dyad} (undirected) over all the windows, by month. */
  private static org.entente.store.DyadQuery codeQuery(
      Dyad dyad, List<MonthRange> windows, SeriesOptions filters) {
    MonthRange all = span(windows);
    return filters
        .withFrequency(Frequency.MONTH)
        .withRange(all.first(), all.last())
        .query(new Dyad(dyad.a(), dyad.b(), false));
  }

  /**
   * {@link #windows(Dyad, List, int, SeriesOptions)} with the dyad's event codes and its {@link
   * #threeSeries} over the {@link #span} of the windows read already.
   */
  private static List<CharacterReport.Window> windows(
      Dyad dyad,
      List<MonthRange> windows,
      int nominalMonths,
      List<CodeCount> codes,
      List<DyadSeries> three) {
    MonthRange all = span(windows);
    Dyad pooled = new Dyad(dyad.a(), dyad.b(), false);
    DyadSeries both = three.get(0);
    DyadSeries ab = three.get(1);
    DyadSeries ba = three.get(2);
    List<CharacterReport.Window> out = new ArrayList<>();
    for (MonthRange w : windows) {
      int offset = (int) ChronoUnit.MONTHS.between(all.first(), w.first());
      int months = (int) ChronoUnit.MONTHS.between(w.first(), w.last()) + 1;
      double[] s4 = new double[months];
      double[] s4ab = new double[months];
      double[] s4ba = new double[months];
      long events = 0;
      double w1 = 0;
      double w2 = 0;
      double cab = 0;
      double cba = 0;
      for (int i = 0; i < months; i++) {
        DyadScore d = both.scores().get(offset + i);
        DyadScore x = ab == null ? null : ab.scores().get(offset + i);
        DyadScore y = ba == null ? null : ba.scores().get(offset + i);
        s4[i] = d.s4();
        s4ab[i] = x == null ? Double.NaN : x.s4();
        s4ba[i] = y == null ? Double.NaN : y.s4();
        // a month the source did not observe (a gap) adds nothing it does not know
        if (!d.gap()) {
          events += d.n();
          w1 += d.w1();
          w2 += d.w2();
        }
        // without direction (x, y null) the counts each way are unknown
        cab += x == null ? Double.NaN : x.gap() ? 0 : x.w1() + x.w2();
        cba += y == null ? Double.NaN : y.gap() ? 0 : y.w1() + y.w2();
      }
      Map<Domain, Double> domains = new HashMap<>();
      TreeSet<Integer> visits = new TreeSet<>();
      double agreements = 0;
      double negotiations = 0;
      for (CodeCount c : codes) {
        if (c.month().isBefore(w.first()) || c.month().isAfter(w.last())) {
          continue;
        }
        String code = c.eventCode();
        try {
          Domains.classify(code)
              .ifPresent(dm -> domains.merge(dm, (double) c.events(), Double::sum));
        } catch (IllegalArgumentException malformed) {
          // not a CAMEO code (rejected at ingest; defensive): it has no domain
        }
        if (code.startsWith("057")) {
          agreements += c.events();
        } else if (code.startsWith("046")) {
          negotiations += c.events();
        }
        if ((code.startsWith("042") || code.startsWith("043")) && c.betweenGovernments() > 0) {
          visits.add((int) ChronoUnit.MONTHS.between(w.first(), c.month()) + 1);
        }
      }
      CharacterInputs in =
          new CharacterInputs(
              DomainCounts.of(domains),
              w1,
              w2,
              s4,
              s4ab,
              s4ba,
              cab,
              cba,
              new ArrayList<>(visits),
              agreements,
              negotiations,
              months);
      out.add(
          new CharacterReport.Window(
              pooled.label(),
              w.first(),
              w.last(),
              months,
              months == nominalMonths,
              events,
              CharacterComponents.compute(in),
              null));
    }
    return List.copyOf(out);
  }

  private static boolean sameUndirected(Dyad x, Dyad y) {
    return (x.a().equals(y.a()) && x.b().equals(y.b()))
        || (x.a().equals(y.b()) && x.b().equals(y.a()));
  }
}
