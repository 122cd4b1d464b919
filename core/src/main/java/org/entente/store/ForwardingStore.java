package org.entente.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.entente.model.ChronologyEntry;

/**
 * A store that passes every call, the interface's default methods included, to another: a view of a
 * store ({@link MemoizedStore}, {@link ScopedStore}) overrides only what it changes, so a method
 * added to {@link EventStore} reaches the store instead of answering the interface's default (a
 * memoized view once reported no GDELT mentions that way).
 */
abstract class ForwardingStore implements EventStore {
  /** The store every call goes to. */
  protected final EventStore store;

  ForwardingStore(EventStore store) {
    this.store = java.util.Objects.requireNonNull(store, "store");
  }

  @Override
  public Optional<List<InputFile>> inputs(List<String> paths) {
    return store.inputs(paths);
  }

  @Override
  public List<StoredFile> filesWithSize(long bytes) {
    return store.filesWithSize(bytes);
  }

  @Override
  public List<StoredFile> filesWithSizes(Collection<Long> sizes) {
    return store.filesWithSizes(sizes);
  }

  @Override
  public Set<Long> sizesIngested(Collection<Long> sizes) {
    return store.sizesIngested(sizes);
  }

  @Override
  public java.util.Optional<String> leftOut(DyadQuery query) {
    return store.leftOut(query);
  }

  @Override
  public ActorFilters actorFilters() {
    return store.actorFilters();
  }

  @Override
  public List<FilteredLoad> filteredLoads() {
    return store.filteredLoads();
  }

  @Override
  public List<HeldPairs> heldPairs() {
    return store.heldPairs();
  }

  @Override
  public List<String> formats() {
    return store.formats();
  }

  @Override
  public Set<java.time.YearMonth> monthsObserved(String source) {
    return store.monthsObserved(source);
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
  public List<SourceInfo> sources() {
    return store.sources();
  }

  @Override
  public List<PartialQuantity> partialQuantities() {
    return store.partialQuantities();
  }

  @Override
  public Optional<String> scope() {
    return store.scope();
  }

  @Override
  public List<PeriodAggregate> aggregate(DyadQuery query) {
    return store.aggregate(query);
  }

  @Override
  public List<List<PeriodAggregate>> aggregateAll(List<DyadQuery> queries) {
    return store.aggregateAll(queries);
  }

  @Override
  public List<CodeCount> codeCounts(DyadQuery query) {
    return store.codeCounts(query);
  }

  @Override
  public Quantities quantities(DyadQuery query) {
    return store.quantities(query);
  }

  @Override
  public List<PeriodAggregate> dailyAggregates(
      String source, String a, String b, java.time.LocalDate from, java.time.LocalDate to) {
    return store.dailyAggregates(source, a, b, from, to);
  }

  @Override
  public Optional<MonthRange> extent(DyadQuery query) {
    return store.extent(query);
  }

  @Override
  public List<List<CodeCount>> codeCountsAll(List<DyadQuery> queries) {
    return store.codeCountsAll(queries);
  }

  @Override
  public Optional<MonthRange> extentAll(List<DyadQuery> queries) {
    return store.extentAll(queries);
  }

  @Override
  public long exportRollup(RollupFrequency freq, boolean parquet, java.nio.file.Path file) {
    return store.exportRollup(freq, parquet, file);
  }

  @Override
  public RollupExport exportRollup(
      RollupFrequency freq, boolean parquet, java.nio.file.Path file, boolean volumes) {
    return store.exportRollup(freq, parquet, file, volumes);
  }

  @Override
  public SortedMap<java.time.LocalDate, Long> volumes(DyadQuery q) {
    return store.volumes(q);
  }

  @Override
  public List<ChronologyEntry> chronology() {
    return store.chronology();
  }

  @Override
  public void close() {
    store.close();
  }

  @Override
  public void deferRollups(boolean defer) {
    store.deferRollups(defer);
  }

  @Override
  public long rollupsPending() {
    return store.rollupsPending();
  }

  @Override
  public long foldRollups() {
    return store.foldRollups();
  }

  @Override
  public void preferConcurrentQueries() {
    store.preferConcurrentQueries();
  }

  @Override
  public SortedMap<String, Long> volumeRows() {
    return store.volumeRows();
  }

  @Override
  public MentionSummary mentions() {
    return store.mentions();
  }

  @Override
  public String toString() {
    return store.toString();
  }
}
