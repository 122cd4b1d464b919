package org.entente.analyse.series;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entente.measure.DyadScore;
import org.entente.measure.DyadSeries;
import org.entente.measure.Measure;
import org.entente.measure.Period;
import org.entente.store.EventStore;
import org.entente.store.MonthRange;

/**
 * Reads dyad series for analyses from a store through the measure stage ({@link Measure}), so that
 * several dyads share one range and line up period by period. Not thread-safe (the store is not).
 */
public final class StoreSeries {
  private final EventStore store;
  private final Measure measure;

  /**
   * Reads from {@code store}.
   *
   * @param store the store; not closed by this class
   */
  public StoreSeries(EventStore store) {
    this.store = store;
    this.measure = new Measure(store);
  }

  /** The store read from. */
  public EventStore store() {
    return store;
  }

  /**
   * The dyads of {@code dyads} the store holds in full: those no file of its source read with
   * {@code --actors} left out ({@link EventStore#leftOut}). A reference set (the core dyads whose
   * periods with events a score is compared with) reads these: a dyad left out would only have
   * contributed periods without events, which a reference leaves out anyway, while a query of it is
   * refused.
   */
  public List<Dyad> held(List<Dyad> dyads) {
    return dyads.stream()
        .filter(d -> store.leftOut(org.entente.store.DyadQuery.monthly(d.a(), d.b())).isEmpty())
        .toList();
  }

  /**
   * The range to analyse: {@code options.from()}/{@code to()} where given, else the first and last
   * event month of any of the dyads under the options' filters.
   *
   * @return the range; empty if an end is open and none of the dyads has events
   */
  public Optional<MonthRange> range(List<Dyad> dyads, SeriesOptions options) {
    YearMonth first = options.from();
    YearMonth last = options.to();
    if (first == null || last == null) {
      Optional<MonthRange> any = store.extentAll(dyads.stream().map(options::query).toList());
      if (any.isEmpty()) {
        return Optional.empty();
      }
      first = first != null ? first : any.get().first();
      last = last != null ? last : any.get().last();
    }
    if (first.isAfter(last)) {
      return Optional.empty();
    }
    return Optional.of(new MonthRange(first, last));
  }

  /**
   * One dyad's score over a fixed range, every period present.
   *
   * @param dyad the dyad
   * @param score the score read
   * @param options filters and frequency (its range is replaced by {@code range})
   * @param range the months covered; the periods are those of the options' frequency containing
   *     them (a range that starts or ends inside a quarter or year gives a partial first or last
   *     period: only the range's months count)
   * @return the series, labelled with the dyad
   */
  public AnalysisSeries dyad(Dyad dyad, Score score, SeriesOptions options, MonthRange range) {
    SeriesOptions o = options.withRange(range.first(), range.last());
    return analysis(dyad, score, o, measure.series(o.query(dyad)));
  }

  /**
   * As {@link #dyad} for several dyads over one range, each with its own score, in order, the store
   * asked for all of them together.
   *
   * @param scores the score of each dyad, as many as {@code dyads}
   */
  public List<AnalysisSeries> dyads(
      List<Dyad> dyads, List<Score> scores, SeriesOptions options, MonthRange range) {
    if (scores.size() != dyads.size()) {
      throw new IllegalArgumentException(dyads.size() + " dyads, " + scores.size() + " scores");
    }
    SeriesOptions o = options.withRange(range.first(), range.last());
    List<DyadSeries> read = measure.seriesAll(dyads.stream().map(o::query).toList());
    List<AnalysisSeries> out = new ArrayList<>();
    for (int i = 0; i < dyads.size(); i++) {
      out.add(analysis(dyads.get(i), scores.get(i), o, read.get(i)));
    }
    return out;
  }

  /** {@code s}, the series of {@code dyad} read with {@code o}, as its {@code score}. */
  private AnalysisSeries analysis(Dyad dyad, Score score, SeriesOptions o, DyadSeries s) {
    score.requireFrom(s.quantities(), sourceName(s));
    boolean counted = s.quantities().has(org.entente.store.Quantity.N);
    List<Period> periods = new ArrayList<>();
    double[] values = new double[s.scores().size()];
    long[] events = new long[values.length];
    int i = 0;
    for (DyadScore d : s.scores()) {
      periods.add(d.period());
      values[i] = score.of(d);
      events[i] = d.n();
      i++;
    }
    // a source without event counts (a pair score) is read like an external series: a period has
    // data where its value is defined
    return new AnalysisSeries(
        dyad.label(),
        "store",
        score.optionName(),
        o.frequency(),
        periods,
        values,
        counted ? events : null);
  }

  /**
   * One dyad's full scores over a fixed range (all of METHODS §1.5, for analyses that need more
   * than one score per period).
   */
  public DyadSeries scores(Dyad dyad, SeriesOptions options, MonthRange range) {
    return measure.series(options.withRange(range.first(), range.last()).query(dyad));
  }

  /**
   * As {@link #scores} for several dyads over one range, in order, the store asked for all of them
   * together.
   */
  public List<DyadSeries> scores(List<Dyad> dyads, SeriesOptions options, MonthRange range) {
    SeriesOptions o = options.withRange(range.first(), range.last());
    return measure.seriesAll(dyads.stream().map(o::query).toList());
  }

  /**
   * As {@link #scores}, for analyses that read the quad counts themselves (the character
   * components, conditional means).
   *
   * @throws org.entente.store.UnsupportedQueryException if the source lacks w1..w4
   */
  public DyadSeries quadScores(Dyad dyad, SeriesOptions options, MonthRange range) {
    return withQuads(scores(dyad, options, range));
  }

  /** As {@link #quadScores(Dyad, SeriesOptions, MonthRange)} for several dyads, read together. */
  public List<DyadSeries> quadScores(List<Dyad> dyads, SeriesOptions options, MonthRange range) {
    List<DyadSeries> out = scores(dyads, options, range);
    out.forEach(this::withQuads);
    return out;
  }

  private DyadSeries withQuads(DyadSeries s) {
    if (!s.quantities().has(org.entente.store.Quantity.QUADS)) {
      throw new org.entente.store.UnsupportedQueryException(
          "this analysis needs the quad counts w1..w4, which source '" + sourceName(s) + "' lacks");
    }
    return s;
  }

  /**
   * The name of a series's source for messages.
   *
   * @param s a series read through this object
   */
  public String sourceOf(DyadSeries s) {
    return sourceName(s);
  }

  private String sourceName(DyadSeries s) {
    String n = s.query().dataSource();
    return n != null ? n : store.scope().orElse("the store");
  }
}
