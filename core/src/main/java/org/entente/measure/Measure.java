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
      from = from != null ? from : ext.get().first();
      to = to != null ? to : ext.get().last();
      if (from.isAfter(to)) {
        return new DyadSeries(q.withRange(from, from), List.of());
      }
    }
    DyadQuery resolved = q.withRange(from, to);
    Quantities has = store.quantities(resolved);
    Map<YearMonth, PeriodAggregate> byStart = new HashMap<>();
    for (PeriodAggregate a : store.aggregate(resolved)) {
      byStart.put(YearMonth.from(a.periodStart()), a);
    }
    List<DyadScore> out = new ArrayList<>();
    Period last = Period.containing(q.frequency(), to);
    for (Period p = Period.containing(q.frequency(), from); p.compareTo(last) <= 0; p = p.next()) {
      out.add(Scores.of(p, q.source(), q.target(), byStart.get(p.first()), has));
    }
    return new DyadSeries(resolved, out, has);
  }
}
