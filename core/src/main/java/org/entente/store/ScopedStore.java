package org.entente.store;

import java.util.List;
import java.util.Optional;

/** A store whose dyad queries read one data source ({@link SourceSelection#scope}). */
final class ScopedStore extends ForwardingStore {
  private final String source;

  ScopedStore(EventStore store, String source) {
    super(store);
    this.source = source;
  }

  /** The store's file formats, read at the first directed query. */
  private volatile List<String> formats;

  /** The dyads the store holds in full ({@link ActorFilters}), read at the first query. */
  private volatile ActorFilters filters;

  private ActorFilters filters() {
    ActorFilters f = filters;
    if (f == null) {
      f = store.actorFilters();
      filters = f;
    }
    return f;
  }

  @Override
  public Optional<String> leftOut(DyadQuery q) {
    DyadQuery out = source == null ? q : q.withDataSource(source);
    return filters().leftOut(out, out.dataSource());
  }

  private DyadQuery scoped(DyadQuery q) {
    DyadQuery out = source == null ? q : q.withDataSource(source);
    filters().check(out, out.dataSource());
    if (out.directed()) {
      List<String> f = formats;
      if (f == null) {
        f = store.formats();
        formats = f;
      }
      String s = out.dataSource();
      UndirectedPairs.check(out, UndirectedPairs.of(f, s), s);
    }
    return out;
  }

  @Override
  public MentionSummary mentions() {
    return source == null || source.equals("gdelt2") ? store.mentions() : MentionSummary.NONE;
  }

  @Override
  public List<SourceInfo> sources() {
    return source == null
        ? store.sources()
        : store.sources().stream().filter(s -> s.name().equals(source)).toList();
  }

  @Override
  public Optional<String> scope() {
    return Optional.ofNullable(source);
  }

  @Override
  public List<PeriodAggregate> aggregate(DyadQuery query) {
    return store.aggregate(scoped(query));
  }

  @Override
  public List<List<PeriodAggregate>> aggregateAll(List<DyadQuery> queries) {
    return store.aggregateAll(queries.stream().map(this::scoped).toList());
  }

  @Override
  public Quantities quantities(DyadQuery query) {
    return store.quantities(scoped(query));
  }

  @Override
  public List<CodeCount> codeCounts(DyadQuery query) {
    return store.codeCounts(scoped(query));
  }

  @Override
  public Optional<MonthRange> extent(DyadQuery query) {
    return store.extent(scoped(query));
  }

  @Override
  public List<List<CodeCount>> codeCountsAll(List<DyadQuery> queries) {
    return store.codeCountsAll(queries.stream().map(this::scoped).toList());
  }

  @Override
  public Optional<MonthRange> extentAll(List<DyadQuery> queries) {
    return store.extentAll(queries.stream().map(this::scoped).toList());
  }

  @Override
  public java.util.SortedMap<String, Long> volumeRows() {
    java.util.SortedMap<String, Long> all = store.volumeRows();
    if (source == null) {
      return all;
    }
    java.util.SortedMap<String, Long> out = new java.util.TreeMap<>();
    if (all.containsKey(source)) {
      out.put(source, all.get(source));
    }
    return out;
  }

  @Override
  public java.util.SortedMap<java.time.LocalDate, Long> volumes(DyadQuery q) {
    return store.volumes(scoped(q));
  }

  @Override
  public String toString() {
    return store + (source == null ? "" : "[source=" + source + "]");
  }
}
