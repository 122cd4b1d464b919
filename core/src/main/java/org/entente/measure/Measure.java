package org.entente.measure;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.store.DyadQuery;
import org.entente.store.EventStore;
import org.entente.store.MonthRange;
import org.entente.store.PeriodAggregate;
import org.entente.store.Quantities;

/** The measure stage: dyad-period scores from the store. */
public final class Measure {
  private final EventStore store;

  public Measure(EventStore store) {
    this.store = store;
  }

  /**
   * The series of {@code q}: every period from {@code q.from()} (default: the dyad's first event)
   * to {@code q.to()} (default: its last event) present. An open range over a dyad without events
   * gives an empty series.
   */
  public DyadSeries series(DyadQuery query) {
    // the series names the source it was read from (a scoped store's, when the query names none)
    DyadQuery q =
        query.dataSource() == null ? query.withDataSource(store.scope().orElse(null)) : query;
    YearMonth from = q.from();
    YearMonth to = q.to();
    if (from == null || to == null) {
      Optional<MonthRange> ext = store.extent(q.withRange(from, to));
      if (ext.isEmpty() && (from == null || to == null)) {
        return new DyadSeries(q, List.of());
      }
      // a default end is the whole period of the first or last event: a year's row then covers
      // the year (its volume V too, not only the months from the dyad's first event)
      from = from != null ? from : Period.containing(q.frequency(), ext.get().first()).first();
      to = to != null ? to : Period.containing(q.frequency(), ext.get().last()).last();
      if (from.isAfter(to)) {
        return new DyadSeries(q.withRange(from, from), List.of());
      }
    }
    DyadQuery resolved = q.withRange(from, to);
    return scored(resolved, store.aggregate(resolved), new HashMap<>());
  }

  /**
   * The series of several queries over fixed ranges, in order: each what {@link #series} gives, the
   * store asked for all of them together ({@link EventStore#aggregateAll}).
   *
   * @throws IllegalArgumentException if a query's range is open
   */
  public List<DyadSeries> seriesAll(List<DyadQuery> queries) {
    List<DyadQuery> resolved = new ArrayList<>();
    for (DyadQuery query : queries) {
      if (query.from() == null || query.to() == null) {
        throw new IllegalArgumentException("an open range: " + query);
      }
      resolved.add(
          query.dataSource() == null ? query.withDataSource(store.scope().orElse(null)) : query);
    }
    List<List<PeriodAggregate>> aggregates = store.aggregateAll(resolved);
    List<DyadSeries> out = new ArrayList<>();
    // the months a source observed, asked once per source for all the queries
    Map<Optional<String>, Optional<java.util.Set<YearMonth>>> observed = new HashMap<>();
    for (int i = 0; i < resolved.size(); i++) {
      out.add(scored(resolved.get(i), aggregates.get(i), observed));
    }
    return out;
  }

  /**
   * {@code s} with the volume V of each period (METHODS §1.5: the intensity N/V), from the store.
   * An empty series stays as it is.
   *
   * @throws org.entente.store.UnsupportedQueryException if the store cannot know the volume (see
   *     {@link EventStore#volumes})
   */
  public DyadSeries withVolumes(DyadSeries s) {
    if (s.isEmpty()) {
      return new DyadSeries(s.query(), s.scores(), s.quantities(), List.of());
    }
    java.util.SortedMap<java.time.LocalDate, Long> v = store.volumes(s.query());
    List<Long> out = new ArrayList<>();
    for (DyadScore d : s.scores()) {
      out.add(v.get(d.period().first().atDay(1)));
    }
    return new DyadSeries(s.query(), s.scores(), s.quantities(), out);
  }

  /**
   * Every period of {@code q}'s fixed range scored from its aggregates. For an event feed read
   * without an actor filter ({@link EventStore#monthsObserved}), a period none of whose months the
   * feed observed is a gap (coverage 0, every quantity undefined), and a period observed in part
   * has the day-weighted share of its observed months as coverage, as an imported aggregate's.
   * {@code observed} remembers those months per source across the queries of one read.
   */
  private DyadSeries scored(
      DyadQuery q,
      List<PeriodAggregate> aggregates,
      Map<Optional<String>, Optional<java.util.Set<YearMonth>>> observed) {
    Quantities has = store.quantities(q);
    Map<YearMonth, PeriodAggregate> byStart = new HashMap<>();
    for (PeriodAggregate a : aggregates) {
      byStart.put(YearMonth.from(a.periodStart()), a);
    }
    java.util.Set<YearMonth> seen =
        has.aggregate()
            ? null
            : observed
                .computeIfAbsent(
                    Optional.ofNullable(q.dataSource()),
                    k -> Optional.ofNullable(store.monthsObserved(sourceOf(q))))
                .orElse(null);
    List<DyadScore> out = new ArrayList<>();
    Period last = Period.containing(q.frequency(), q.to());
    for (Period p = Period.containing(q.frequency(), q.from());
        p.compareTo(last) <= 0;
        p = p.next()) {
      DyadScore d = Scores.of(p, q.source(), q.target(), byStart.get(p.first()), has);
      if (seen != null) {
        double coverage = observedShare(p, seen);
        d = coverage == 0 ? Scores.unobserved(p, q.source(), q.target()) : d.withCoverage(coverage);
      }
      out.add(d);
    }
    return new DyadSeries(q, out, has);
  }

  /** The day-weighted share of {@code p}'s months in {@code seen}. */
  private static double observedShare(Period p, java.util.Set<YearMonth> seen) {
    int days = 0;
    int observed = 0;
    for (YearMonth m = p.first(); !m.isAfter(p.last()); m = m.plusMonths(1)) {
      days += m.lengthOfMonth();
      observed += seen.contains(m) ? m.lengthOfMonth() : 0;
    }
    return (double) observed / days;
  }

  /** The event source {@code q} reads: its own, else the store's only event source, else null. */
  private String sourceOf(DyadQuery q) {
    if (q.dataSource() != null) {
      return q.dataSource();
    }
    List<org.entente.store.SourceInfo> events =
        store.sources().stream()
            .filter(s -> s.kind() == org.entente.store.SourceInfo.Kind.EVENTS)
            .toList();
    return events.size() == 1 ? events.get(0).name() : null;
  }
}
