package org.entente.store;

import java.util.List;
import java.util.Optional;

/**
 * The storage and compute engine behind Entente's stages. The embedded DuckDB implementation is the
 * default ({@link org.entente.store.duckdb.DuckDbStore}); a distributed engine implements the same
 * interface in its own module.
 *
 * <p>Implementations are not required to be thread-safe; use one store from one thread at a time.
 */
public interface EventStore extends AutoCloseable {

  /**
   * The input files {@code paths} (files, directories or globs) name on the engine's file systems,
   * when the engine reads its input itself (the Spark engine: any Hadoop path, local, {@code
   * hdfs://}, {@code s3a://}); empty when the caller is to read local files (the default).
   *
   * @throws IllegalArgumentException if a path names nothing
   * @throws StoreException if a file system cannot be listed
   */
  default Optional<List<InputFile>> inputs(List<String> paths) {
    return Optional.empty();
  }

  /** Files already ingested whose size is {@code bytes} (candidates for a checksum match). */
  List<StoredFile> filesWithSize(long bytes);

  /**
   * Which of {@code sizes} some ingested file has (candidates for a checksum match): one question
   * for a list of files instead of one per file. The default asks {@link #filesWithSize} for each.
   */
  default java.util.Set<Long> sizesIngested(java.util.Collection<Long> sizes) {
    java.util.Set<Long> out = new java.util.HashSet<>();
    for (Long b : sizes) {
      if (!filesWithSize(b).isEmpty()) {
        out.add(b);
      }
    }
    return out;
  }

  /**
   * Files already ingested whose size is one of {@code sizes}: one question for a list of files
   * instead of one per file ({@code fetch} checks thousands of slots). The default asks {@link
   * #filesWithSize} for each size.
   */
  default List<StoredFile> filesWithSizes(java.util.Collection<Long> sizes) {
    List<StoredFile> out = new java.util.ArrayList<>();
    for (Long b : new java.util.TreeSet<>(sizes)) {
      out.addAll(filesWithSize(b));
    }
    return out;
  }

  /** The loads of files with this checksum, oldest first (one per distinct actor filter). */
  List<StoredFile> filesWithChecksum(String checksum);

  /** The event feeds whose months without any event are months they did not observe. */
  java.util.Set<String> FEEDS = java.util.Set.of("gdelt1", "gdelt2", "icews");

  /**
   * The months {@code source}, an event feed ({@link #FEEDS}), observed: those in which it has at
   * least one stored event, or a row that an actor filter left out ({@link FileLoad#observed}).
   * GDELT and ICEWS report events every day, so a month without a single row is a month no file
   * covered (a missing monthly file of the Georgia GDELT 1.0 exports read as zero events and made a
   * change point), not a month of zero events. Null when the store cannot tell: another source (the
   * curated chronology and event lists are sparse by design), a store holding a file read with an
   * actor filter by a version that did not record the months of the rows it left out (an empty
   * month may then be real), or an engine without the query; every period then counts as observed.
   */
  default java.util.Set<java.time.YearMonth> monthsObserved(String source) {
    return null;
  }

  /**
   * Why the store does not hold the events of {@code query}'s dyad in full, or empty when it does:
   * files of the query's source read with {@code --actors} left the dyad out ({@link
   * ActorFilters}); a query of it is refused ({@link UnsupportedQueryException}) by a store scoped
   * to a source ({@link SourceSelection#scope}). The default says it does.
   */
  default Optional<String> leftOut(DyadQuery query) {
    return Optional.empty();
  }

  /**
   * The dyads the store's sources hold in full, from {@link #filteredLoads} ({@link
   * ActorFilters#of}). Engines whose manifest is large keep it until a file is added.
   */
  default ActorFilters actorFilters() {
    return ActorFilters.of(filteredLoads()).withImported(heldPairs());
  }

  /**
   * The imported rollup files that hold the events of some pairs of their source only (rollup
   * format version 3, rows of kind {@code held}), oldest first. The default: none.
   */
  default List<HeldPairs> heldPairs() {
    return List.of();
  }

  /**
   * Every load of each file (by checksum) that has a load with an actor filter ({@code --actors}),
   * oldest first, with the sources of its rows: the dyads such a file left out in every load are
   * not in the store ({@link ActorFilters}). The default reads the summary and takes the sources
   * from the formats ({@link FilteredLoad#sourcesOf}; a GDELT CSV file counts for both GDELT
   * sources).
   */
  default List<FilteredLoad> filteredLoads() {
    List<StoredFile> all = summary().files();
    java.util.Set<String> sums =
        all.stream()
            .filter(f -> f.actorFilter() != null)
            .map(StoredFile::checksum)
            .collect(java.util.stream.Collectors.toSet());
    return all.stream()
        .filter(f -> sums.contains(f.checksum()))
        .map(
            f ->
                new FilteredLoad(
                    f.checksum(),
                    f.path(),
                    f.actorFilter(),
                    FilteredLoad.sourcesOf(f.format(), java.util.Set.of()),
                    f.rowsFiltered()))
        .toList();
  }

  /**
   * The distinct formats of the files in the manifest (e.g. {@code icews(quad:icews)}, ICEWS read
   * with the ICEWS quad mapping). The default reads the summary.
   */
  default List<String> formats() {
    return summary().files().stream().map(StoredFile::format).distinct().toList();
  }

  /**
   * Starts loading one input file. Everything added through the returned load becomes visible
   * atomically on {@link FileLoad#commit}, or not at all.
   *
   * @throws StoreException if the store cannot start a load
   */
  FileLoad beginFile(FileMeta file);

  /**
   * Starts loading several small files in one transaction ({@link LoadBatch}), when the engine can:
   * per-file commits dominate the time of loading many small files. Empty (the default) when the
   * engine commits each file alone.
   *
   * @throws StoreException if the store cannot start a batch
   */
  default Optional<LoadBatch> beginBatch() {
    return Optional.empty();
  }

  /**
   * Whether the loads that follow leave their events out of the engine's precomputed rollups
   * ({@code ingest --defer-rollups}): a load of many rows is then quicker, and reads also take
   * those files' events themselves, with the same answers, until {@link #foldRollups} adds the
   * files' events to the rollups. An engine without rollups (the default) has nothing to defer.
   *
   * @throws StoreException if the store is open read-only
   */
  default void deferRollups(boolean defer) {}

  /** The number of files whose events the rollups do not hold yet (0 without rollups). */
  default long rollupsPending() {
    return 0;
  }

  /**
   * Adds the events of every file loaded with {@link #deferRollups} to the rollups, in one
   * transaction (all or nothing), so reads take the rollups alone again.
   *
   * @return the number of files whose events were added (0 when none was pending)
   * @throws StoreException if the store is open read-only or the engine fails
   */
  default long foldRollups() {
    return 0;
  }

  /** What the store holds. */
  StoreSummary summary();

  /**
   * The data sources the store holds, by name: each event feed and each imported aggregate, with
   * its rows, dates, native frequency and dyads covered.
   *
   * @throws StoreException if the engine cannot run the query
   */
  List<SourceInfo> sources();

  /**
   * The one data source this store's dyad queries read, when it is a view made by {@link
   * SourceSelection#scope}; empty for a whole store.
   */
  default Optional<String> scope() {
    return Optional.empty();
  }

  /**
   * Per-period aggregates of the events of one dyad, after the query's filters and deduplication.
   * Periods without events are absent; the measure stage fills them.
   */
  List<PeriodAggregate> aggregate(DyadQuery query);

  /**
   * The aggregates of several dyad queries, in order: for each, what {@link #aggregate} gives. An
   * engine may read them together (one scan instead of one per query; the triangles' reference
   * reads fifteen dyads); the default asks one by one.
   *
   * @throws StoreException if the engine cannot run a query
   */
  default List<List<PeriodAggregate>> aggregateAll(List<DyadQuery> queries) {
    List<List<PeriodAggregate>> out = new java.util.ArrayList<>();
    for (DyadQuery q : queries) {
      out.add(aggregate(q));
    }
    return out;
  }

  /**
   * Per-month event counts of one dyad by direction and event code, after the query's filters and
   * deduplication (the transactional-versus-strategic components need event codes, directions and
   * actor types). The query's frequency is ignored: rows are always per calendar month. Months,
   * directions and codes without events are absent. Rows are ordered by month, source, target and
   * code.
   *
   * @throws StoreException if the engine cannot run the query
   */
  List<CodeCount> codeCounts(DyadQuery query);

  /**
   * What {@code query}'s source holds: every event source holds counts, quads and Goldstein; an
   * imported aggregate what its files gave.
   *
   * @throws StoreException if the engine cannot run the query
   */
  default Quantities quantities(DyadQuery query) {
    return Quantities.EVENTS;
  }

  /**
   * The quantities that some but not all rows of an aggregate source carry, by source and in the
   * order n, w1..w4, goldstein_sum, score; empty for an engine without aggregate sources.
   *
   * @throws StoreException if the engine cannot run the query
   */
  default List<PartialQuantity> partialQuantities() {
    return List.of();
  }

  /**
   * Per-day sums of the events of one data source ({@code source}, never pooled with others)
   * between {@code a} and {@code b}, both directions pooled, every event weighing 1, without
   * filters or deduplication, from {@code from} to {@code to} inclusive. Days without events are
   * absent. Used by {@code fetch --follow} for its daily control bands.
   *
   * @throws StoreException if the engine cannot run the query
   * @throws UnsupportedOperationException if the engine has no per-day aggregates
   */
  default List<PeriodAggregate> dailyAggregates(
      String source, String a, String b, java.time.LocalDate from, java.time.LocalDate to) {
    throw new UnsupportedOperationException(
        "this store engine does not compute per-day aggregates");
  }

  /** First and last event month of a dyad under the query's filters, if it has events. */
  Optional<MonthRange> extent(DyadQuery query);

  /**
   * {@link #codeCounts} of several queries, in order. The default asks each query; an engine may
   * answer them in one read.
   *
   * @throws StoreException if the engine cannot run the query
   */
  default List<List<CodeCount>> codeCountsAll(List<DyadQuery> queries) {
    List<List<CodeCount>> out = new java.util.ArrayList<>();
    for (DyadQuery q : queries) {
      out.add(codeCounts(q));
    }
    return out;
  }

  /**
   * The first and last event month of any of {@code queries} (the earliest first and the latest
   * last of their {@link #extent}s), if any has events. The default asks each query; an engine may
   * answer them in one read.
   *
   * @throws StoreException if the engine cannot run the query
   */
  default Optional<MonthRange> extentAll(List<DyadQuery> queries) {
    List<MonthRange> each = new java.util.ArrayList<>();
    for (DyadQuery q : queries) {
      extent(q).ifPresent(each::add);
    }
    return MonthRange.span(each);
  }

  /**
   * Writes the per-source dyad-period rollup of the store's events in the interchange format
   * ({@code docs/rollup-format.md}): one row per (source, period, actor 1 country, actor 2
   * country), directed, with n, w1..w4 (unweighted event counts per quad class) and goldstein_sum;
   * score and coverage empty. Events without two different actor countries are left out (no dyad).
   * Imported aggregates are not events and are not written.
   *
   * @param freq the period length
   * @param parquet Parquet instead of CSV with a header
   * @param file the file to create; it must not exist
   * @return rows written
   * @throws IllegalArgumentException if {@code file} exists (it is left untouched)
   * @throws StoreException if the engine cannot write the file
   */
  default long exportRollup(RollupFrequency freq, boolean parquet, java.nio.file.Path file) {
    return exportRollup(freq, parquet, file, false).rows();
  }

  /**
   * {@link #exportRollup(RollupFrequency, boolean, java.nio.file.Path)}, with {@code volumes} in
   * version 2 of the format: a {@code kind} column, and after the dyad rows one volume row per
   * source, period and state (the events with the state as either actor) for every source whose
   * events were all ingested without an actor filter ({@link RollupExport#volumeSources}).
   *
   * @throws IllegalArgumentException if {@code file} exists (it is left untouched), or volumes are
   *     asked and no source can give them
   * @throws StoreException if the engine cannot write the file
   */
  RollupExport exportRollup(
      RollupFrequency freq, boolean parquet, java.nio.file.Path file, boolean volumes);

  /**
   * The volume V of {@code q}'s pair in each period of its fixed range: the events of its source
   * with either country as actor 1 or actor 2, each once (METHODS §1.5: the intensity is N/V). For
   * a source of events ingested without {@code --actors} every period of the range has a value; for
   * an imported aggregate with state volumes, the periods they cover (V = volume(A) + volume(B) −
   * the events between A and B).
   *
   * @return period start → V, in period order
   * @throws UnsupportedQueryException if the volume is unknown (a source ingested with {@code
   *     --actors}, the curated chronology, an aggregate without volumes, an engine without volumes)
   *     or the query weighs, deduplicates or filters events, which V cannot follow
   * @throws IllegalArgumentException if the range is open
   */
  default java.util.SortedMap<java.time.LocalDate, Long> volumes(DyadQuery q) {
    throw new UnsupportedQueryException("this engine cannot count state volumes");
  }

  /** Every curated chronology entry the store holds (ingested with the entente format). */
  List<org.entente.model.ChronologyEntry> chronology();

  @Override
  void close();

  /**
   * A hint that many small queries will now run at once (a web server): the engine may give each
   * query fewer threads so that concurrent queries share the cores instead of contending for them.
   * Results do not change. The default does nothing.
   */
  default void preferConcurrentQueries() {}

  /**
   * The imported state volumes (rollup format version 2) per aggregate source: rows held; the
   * default: none.
   */
  default java.util.SortedMap<String, Long> volumeRows() {
    return java.util.Collections.emptySortedMap();
  }

  /** What the store holds of the GDELT 2.0 Mentions table; the default: nothing. */
  default MentionSummary mentions() {
    return MentionSummary.NONE;
  }
}
