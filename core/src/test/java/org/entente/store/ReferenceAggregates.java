package org.entente.store;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.entente.model.Event;

/**
 * An engine-free reference for the store's dyad queries, written from METHODS §1.4–1.5 in plain
 * Java over a list of stored events: filters in the order dyad → source → range → state-only →
 * statements → root; deduplication by day (one event per day, pair and code, weighing the group's
 * maximum, quad the group's minimum, Goldstein its mean) or by URL (the same, per web address, pair
 * and code, dated by its first day, the range selecting groups); then per-period sums. Every
 * engine's answers are checked against it ({@link EventStoreTestBase}), so no engine is checked
 * against itself.
 */
final class ReferenceAggregates {
  private final List<Event> events;

  /**
   * @param events the events the store holds (after its own (source, id, date) deduplication)
   */
  ReferenceAggregates(List<Event> events) {
    this.events = List.copyOf(events);
  }

  /** One event after filtering and deduplication: its date, pair, code, weight, quad, g, gov. */
  private record Row(
      LocalDate date, String a1, String a2, String code, double w, int q, double g, boolean gov) {}

  private static double weight(Event e, DyadQuery.Weighting w) {
    return switch (w) {
      case NONE -> 1.0;
      case ARTICLES -> e.numArticles() == null ? 1 : e.numArticles();
      case SOURCES -> e.numSources() == null ? 1 : e.numSources();
      case MENTIONS -> e.numMentions() == null ? 1 : e.numMentions();
      case LOGMENTIONS -> e.numMentions() == null ? 1.0 : Math.log(1 + e.numMentions());
      case ALLMENTIONS ->
          throw new IllegalArgumentException("the reference holds no mentions: allmentions");
    };
  }

  private static boolean stateActor(String type) {
    return "GOV".equals(type) || "MIL".equals(type);
  }

  private boolean inRange(LocalDate d, DyadQuery q) {
    return (q.from() == null || !d.isBefore(q.from().atDay(1)))
        && (q.to() == null || !d.isAfter(q.to().atEndOfMonth()));
  }

  private List<Row> rows(DyadQuery q) {
    boolean byUrl = q.dedup() == DyadQuery.Dedup.URL;
    List<Event> kept = new ArrayList<>();
    for (Event e : events) {
      boolean pair =
          q.source().equals(e.actor1Country()) && q.target().equals(e.actor2Country())
              || !q.directed()
                  && q.target().equals(e.actor1Country())
                  && q.source().equals(e.actor2Country());
      if (!pair
          || q.dataSource() != null && !q.dataSource().equals(e.source())
          || !byUrl && !inRange(e.date(), q)
          || q.stateOnly() && !(stateActor(e.actor1Type()) && stateActor(e.actor2Type()))
          || q.dropStatements() && "01".equals(e.rootCode())
          || q.dedup() == DyadQuery.Dedup.ROOT && Boolean.FALSE.equals(e.isRoot())) {
        continue;
      }
      kept.add(e);
    }
    List<Row> out = new ArrayList<>();
    if (q.dedup() == DyadQuery.Dedup.NONE || q.dedup() == DyadQuery.Dedup.ROOT) {
      for (Event e : kept) {
        out.add(row(e, e.date(), weight(e, q.weighting())));
      }
      return out;
    }
    Map<List<Object>, List<Event>> groups = new LinkedHashMap<>();
    for (Event e : kept) {
      Object first =
          byUrl
              ? (e.sourceUrl() != null
                      && (e.sourceUrl().toLowerCase(java.util.Locale.ROOT).startsWith("http://")
                          || e.sourceUrl()
                              .toLowerCase(java.util.Locale.ROOT)
                              .startsWith("https://"))
                  ? e.sourceUrl()
                  : e.source() + ":" + e.sourceEventId() + ":" + e.date())
              : e.date();
      groups
          .computeIfAbsent(
              java.util.Arrays.asList(first, e.actor1Country(), e.actor2Country(), e.eventCode()),
              k -> new ArrayList<>())
          .add(e);
    }
    for (List<Event> g : groups.values()) {
      LocalDate date = g.stream().map(Event::date).min(Comparator.naturalOrder()).orElseThrow();
      if (byUrl && !inRange(date, q)) {
        continue;
      }
      double w = Double.NEGATIVE_INFINITY;
      int quad = Integer.MAX_VALUE;
      double gsum = 0;
      boolean gov = false;
      for (Event e : g) {
        w = Math.max(w, weight(e, q.weighting()));
        quad = Math.min(quad, e.quadClass());
        gsum += e.goldstein();
        gov |= "GOV".equals(e.actor1Type()) && "GOV".equals(e.actor2Type());
      }
      Event e = g.get(0);
      out.add(
          new Row(
              date,
              e.actor1Country(),
              e.actor2Country(),
              e.eventCode(),
              w,
              quad,
              gsum / g.size(),
              gov));
    }
    return out;
  }

  private static Row row(Event e, LocalDate date, double w) {
    return new Row(
        date,
        e.actor1Country(),
        e.actor2Country(),
        e.eventCode(),
        w,
        e.quadClass(),
        e.goldstein(),
        "GOV".equals(e.actor1Type()) && "GOV".equals(e.actor2Type()));
  }

  private static LocalDate periodStart(LocalDate d, DyadQuery.Frequency f) {
    return switch (f) {
      case MONTH -> d.withDayOfMonth(1);
      case QUARTER -> LocalDate.of(d.getYear(), 1 + 3 * ((d.getMonthValue() - 1) / 3), 1);
      case YEAR -> LocalDate.of(d.getYear(), 1, 1);
    };
  }

  /** What {@link EventStore#aggregate} must return for {@code q}. */
  List<PeriodAggregate> aggregate(DyadQuery q) {
    Map<LocalDate, double[]> sums = new TreeMap<>();
    for (Row r : rows(q)) {
      double[] s = sums.computeIfAbsent(periodStart(r.date(), q.frequency()), k -> new double[7]);
      s[0]++;
      s[r.q()] += r.w();
      s[5] += r.w() * r.g();
      s[6] += r.w();
    }
    List<PeriodAggregate> out = new ArrayList<>();
    sums.forEach(
        (p, s) -> out.add(new PeriodAggregate(p, (long) s[0], s[1], s[2], s[3], s[4], s[5], s[6])));
    return out;
  }

  /** What {@link EventStore#extent} must return for {@code q}. */
  Optional<MonthRange> extent(DyadQuery q) {
    List<Row> rows = rows(q);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    LocalDate min = rows.stream().map(Row::date).min(Comparator.naturalOrder()).orElseThrow();
    LocalDate max = rows.stream().map(Row::date).max(Comparator.naturalOrder()).orElseThrow();
    return Optional.of(new MonthRange(YearMonth.from(min), YearMonth.from(max)));
  }

  /** What {@link EventStore#codeCounts} must return for {@code q}, in its order. */
  List<CodeCount> codeCounts(DyadQuery q) {
    Map<List<Object>, double[]> sums = new TreeMap<>(ReferenceAggregates::compareKeys);
    for (Row r : rows(q)) {
      double[] s =
          sums.computeIfAbsent(
              List.of(YearMonth.from(r.date()), r.a1(), r.a2(), r.code(), r.q()),
              k -> new double[3]);
      s[0]++;
      s[1] += r.w();
      s[2] += r.gov() ? 1 : 0;
    }
    List<CodeCount> out = new ArrayList<>();
    sums.forEach(
        (k, s) ->
            out.add(
                new CodeCount(
                    (YearMonth) k.get(0),
                    (String) k.get(1),
                    (String) k.get(2),
                    (String) k.get(3),
                    (Integer) k.get(4),
                    (long) s[0],
                    s[1],
                    (long) s[2])));
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareKeys(List<Object> a, List<Object> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = ((Comparable) a.get(i)).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Events per source name, as {@link EventStore#sources()} counts them. */
  Map<String, Long> rowsBySource() {
    Map<String, Long> out = new TreeMap<>();
    for (Event e : events) {
      out.merge(Objects.requireNonNull(e.source()), 1L, Long::sum);
    }
    return out;
  }
}
