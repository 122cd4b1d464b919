package org.entente.analyse.verdict;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.analyse.series.Dyad;
import org.entente.analyse.series.SeriesOptions;
import org.entente.analyse.series.StoreSeries;
import org.entente.model.ChronologyEntry;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.EventStore;
import org.entente.store.MonthRange;

/** What an evaluation reads: the store, the chronology and the event filters. */
final class Context {
  final EventStore store;
  final StoreSeries series;
  final List<ChronologyEntry> chronology;
  final SeriesOptions filters;

  Context(EventStore store, List<ChronologyEntry> chronology, SeriesOptions filters) {
    this.store = store;
    this.series = new StoreSeries(store);
    this.chronology = List.copyOf(chronology);
    this.filters = filters.withRange(null, null);
  }

  /** The filters at a frequency, open range. */
  SeriesOptions options(Frequency f) {
    return filters.withFrequency(f);
  }

  /**
   * A window {@code {"from": "YYYY-MM", "to": "YYYY-MM"|null}}; a null {@code to} is the last month
   * with data: the last event month of any of {@code dyads}.
   *
   * @return the window, or empty if {@code to} is open and the dyads have no events from {@code
   *     from} on; the window's text goes into {@code evidence}
   */
  Optional<MonthRange> window(
      Spec s, String path, List<Dyad> dyads, Frequency f, Map<String, Object> evidence) {
    YearMonth from = s.month(path + ".from");
    YearMonth to = s.monthOrNull(path + ".to");
    if (to == null) {
      Optional<MonthRange> ext = series.range(dyads, options(f).withRange(from, null));
      if (ext.isEmpty()) {
        evidence.put(path, from + "..(no data)");
        return Optional.empty();
      }
      to = ext.get().last();
    }
    if (from.isAfter(to)) {
      evidence.put(path, from + ".." + to);
      return Optional.empty();
    }
    evidence.put(path, from + ".." + to);
    return Optional.of(new MonthRange(from, to));
  }

  static Frequency frequency(Spec s) {
    return Frequency.parse(s.string("frequency"));
  }
}
