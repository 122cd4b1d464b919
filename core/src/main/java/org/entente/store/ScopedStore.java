package org.entente.store;

import java.util.List;
import java.util.Optional;
import org.entente.model.ChronologyEntry;

/** A store whose dyad queries read one data source ({@link SourceSelection#scope}). */
final class ScopedStore implements EventStore {
  private final EventStore store;
  private final String source;

  ScopedStore(EventStore store, String source) {
    this.store = java.util.Objects.requireNonNull(store, "store");
    this.source = source;
  }

  private DyadQuery scoped(DyadQuery q) {
    return source == null ? q : q.withDataSource(source);
  }

  @Override
  public List<StoredFile> filesWithSize(long bytes) {
    return store.filesWithSize(bytes);
  }

  @Override
  public List<StoredFile> filesWithChecksum(String checksum) {
    return store.filesWithChecksum(checksum);
  }

  @Override
  public FileLoad beginFile(FileMeta file) {
    return store.beginFile(file);
  }

  @Override
  public Optional<LoadBatch> beginBatch() {
    return store.beginBatch();
  }

  @Override
  public StoreSummary summary() {
    return store.summary();
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
  public RollupExport exportRollup(
      RollupFrequency freq, boolean parquet, java.nio.file.Path file, boolean volumes) {
    return store.exportRollup(freq, parquet, file, volumes);
  }

  @Override
  public List<PeriodAggregate> dailyAggregates(
      String name, String a, String b, java.time.LocalDate from, java.time.LocalDate to) {
    return store.dailyAggregates(name, a, b, from, to);
  }

  @Override
  public List<ChronologyEntry> chronology() {
    return store.chronology();
  }

  @Override
  public void preferConcurrentQueries() {
    store.preferConcurrentQueries();
  }

  @Override
  public void close() {
    store.close();
  }

  @Override
  public String toString() {
    return store + (source == null ? "" : "[source=" + source + "]");
  }
}
