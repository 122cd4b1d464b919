package org.entente.spark;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.entente.cameo.Cameo;
import org.entente.ingest.ActorResolver;
import org.entente.ingest.FileReport;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.LakeManifest;
import org.entente.ingest.ParallelIngest;
import org.entente.model.ChronologyEntry;
import org.entente.store.CodeCount;
import org.entente.store.DyadQuery;
import org.entente.store.EventStore;
import org.entente.store.FileLoad;
import org.entente.store.FileMeta;
import org.entente.store.InputFile;
import org.entente.store.MonthRange;
import org.entente.store.PeriodAggregate;
import org.entente.store.RollupFrequency;
import org.entente.store.SourceInfo;
import org.entente.store.StoreException;
import org.entente.store.StoreSummary;
import org.entente.store.StoredFile;
import org.entente.store.sql.AggregateSql;
import org.entente.store.sql.Dialect;
import org.entente.store.sql.ExportSql;
import org.entente.store.sql.SummarySql;
import org.entente.store.sql.VolumeSql;
import org.entente.system.ActorRegistry;

/**
 * The Spark engine: the event store as a Parquet lake on any Hadoop path ({@link Lake}), queried
 * with the same SQL as the DuckDB store ({@code org.entente.store.sql}, Spark dialect), so that
 * every query gives the same values. Rows arrive through the same ingest stage (parsers,
 * validation, counts) as for DuckDB.
 *
 * <p>Each store works in its own Spark session (sharing the process's SparkContext), whose views
 * {@code events}, {@code rejects} and {@code chronology} are the lake's committed files. Not
 * thread-safe; one writer per lake at a time.
 */
public final class SparkStore implements EventStore, ParallelIngest {
  private final SparkSession spark;
  private final Lake lake;
  private final boolean readOnly;
  private List<LakeManifest> entries;
  private Dataset<Row> cached;
  private final Map<String, String> parsedBy = new java.util.HashMap<>();

  private SparkStore(SparkSession spark, Lake lake, boolean readOnly) {
    this.spark = spark.newSession();
    this.spark.conf().set("spark.sql.datetime.java8API.enabled", "true");
    this.spark.conf().set("spark.sql.session.timeZone", "UTC");
    this.lake = lake;
    this.readOnly = readOnly;
    committed();
  }

  /**
   * Opens (creating if needed) the lake at {@code location} (a Hadoop path) for writing.
   *
   * @throws org.entente.store.NotAStoreException if it holds something that is not a lake
   */
  public static SparkStore open(SparkSession spark, String location) {
    return new SparkStore(
        spark, Lake.createOrOpen(location, spark.sparkContext().hadoopConfiguration()), false);
  }

  /**
   * Opens the existing lake at {@code location} for reading.
   *
   * @throws org.entente.store.NotAStoreException if there is no lake there
   */
  public static SparkStore openReadOnly(SparkSession spark, String location) {
    return new SparkStore(
        spark, Lake.existing(location, spark.sparkContext().hadoopConfiguration()), true);
  }

  /**
   * Re-reads the manifest and the views after a commit. The events view is persisted (memory, then
   * local disk): the analyses run many small queries on one lake, and re-reading the Parquet files
   * for each cost most of its time.
   */
  void committed() {
    entries = lake.entries();
    views();
  }

  /**
   * After loads this store committed: adds their manifest entries (without reading the manifest
   * again, which grows by one entry per input file) and renews the views.
   */
  void committed(List<LakeManifest> added) {
    List<LakeManifest> all = new ArrayList<>(entries);
    all.addAll(added);
    entries = all;
    views();
  }

  /** The committed loads, oldest first. */
  List<LakeManifest> entries() {
    return entries;
  }

  private void views() {
    if (cached != null) {
      cached.unpersist();
    }
    cached = events().persist(StorageLevel.MEMORY_AND_DISK());
    cached.createOrReplaceTempView("events");
    table(LakeSchema.REJECTS, Lake.REJECTS, LakeManifest::rejectFiles)
        .createOrReplaceTempView("rejects");
    chronologyRows().createOrReplaceTempView("chronology");
  }

  /** The committed events, with their partition columns year and month. */
  Dataset<Row> events() {
    List<String> files = new ArrayList<>();
    entries.forEach(e -> files.addAll(e.eventFiles()));
    if (files.isEmpty()) {
      return spark.createDataFrame(List.of(), LakeSchema.PARTITIONED_EVENTS);
    }
    return spark
        .read()
        .schema(LakeSchema.PARTITIONED_EVENTS)
        .option("basePath", lake.dir(Lake.EVENTS).toString())
        .parquet(lake.qualified(files));
  }

  /** The committed chronology entries. */
  Dataset<Row> chronologyRows() {
    return table(LakeSchema.CHRONOLOGY, Lake.CHRONOLOGY, LakeManifest::chronologyFiles);
  }

  private Dataset<Row> table(
      org.apache.spark.sql.types.StructType schema,
      String name,
      java.util.function.Function<LakeManifest, List<String>> files) {
    List<String> all = new ArrayList<>();
    entries.forEach(e -> all.addAll(files.apply(e)));
    if (all.isEmpty()) {
      return spark.createDataFrame(List.of(), schema);
    }
    return spark.read().schema(schema).parquet(lake.qualified(all));
  }

  /** The lake's location. */
  public String location() {
    return lake.root().toString();
  }

  @Override
  public Optional<List<InputFile>> inputs(List<String> paths) {
    return Optional.of(HadoopInputs.list(paths, spark.sparkContext().hadoopConfiguration()));
  }

  @Override
  public List<StoredFile> filesWithSize(long bytes) {
    return entries.stream().filter(e -> e.bytes() == bytes).map(SparkStore::stored).toList();
  }

  /** {@link #actorFilters} and the entries it was made of (it is made again when they change). */
  private volatile Object[] actorFiltersOf = {null, null};

  /** From {@link #filteredLoads}, kept until a load is committed. */
  @Override
  public org.entente.store.ActorFilters actorFilters() {
    Object[] cached = actorFiltersOf;
    List<LakeManifest> now = entries();
    if (cached[0] == now) {
      return (org.entente.store.ActorFilters) cached[1];
    }
    org.entente.store.ActorFilters f = org.entente.store.ActorFilters.of(filteredLoads());
    actorFiltersOf = new Object[] {now, f};
    return f;
  }

  /**
   * The sources of each load from its format, the sources of the rows its filter left out (its
   * entry's {@code filteredMonths}) and, for a GDELT CSV file that stored events, the sources of
   * its events (a Spark job, for such files only).
   */
  @Override
  public List<org.entente.store.FilteredLoad> filteredLoads() {
    java.util.Set<String> sums =
        entries().stream()
            .filter(e -> e.actorFilter() != null)
            .map(LakeManifest::checksum)
            .collect(java.util.stream.Collectors.toSet());
    List<org.entente.store.FilteredLoad> out = new ArrayList<>();
    for (LakeManifest e : entries()) {
      if (!sums.contains(e.checksum())) {
        continue;
      }
      java.util.Set<String> known = new java.util.TreeSet<>();
      if (e.filteredMonths() != null) {
        known.addAll(e.filteredMonths().keySet());
      }
      if (e.format() != null && e.format().contains("gdelt-csv") && e.rowsStored() > 0) {
        for (Row r :
            run(
                "SELECT DISTINCT source FROM events WHERE file_id = ?",
                List.of(e.fileId()),
                "read the sources of " + e.path())) {
          known.add(r.getString(0));
        }
      }
      out.add(
          new org.entente.store.FilteredLoad(
              e.checksum(),
              e.path(),
              e.actorFilter(),
              org.entente.store.FilteredLoad.sourcesOf(e.format(), known),
              e.rowsFiltered()));
    }
    return out;
  }

  @Override
  public List<StoredFile> filesWithChecksum(String checksum) {
    return entries.stream()
        .filter(e -> e.checksum().equals(checksum))
        .map(SparkStore::stored)
        .toList();
  }

  static StoredFile stored(LakeManifest e) {
    return new StoredFile(
        e.fileId(),
        e.path(),
        e.bytes(),
        e.checksum(),
        e.format(),
        LocalDateTime.parse(e.ingestedAt()),
        e.rowsRead(),
        e.rowsStored(),
        e.rowsRejected(),
        e.rowsDuplicate(),
        e.rowsFiltered(),
        e.actorFilter());
  }

  @Override
  public FileLoad beginFile(FileMeta file) {
    if (readOnly) {
      throw new StoreException(
          "lake " + location() + " is open read-only; cannot load " + file.path());
    }
    return new SparkFileLoad(this, spark, lake, file, nextFileId());
  }

  /** The id the next load gets. */
  int nextFileId() {
    return entries.stream().mapToInt(LakeManifest::fileId).max().orElse(0) + 1;
  }

  /**
   * Parses the files in Spark tasks, one per file ({@link ExecutorIngest}). Declines (the ingestor
   * then loads the files one by one on the driver) on a read-only lake, and when the ingestor's
   * CAMEO table or actor resolver is not the bundled one, which a task could not rebuild.
   */
  @Override
  public Optional<List<FileReport>> ingestInParallel(
      List<InputFile> files,
      IngestOptions options,
      Cameo cameo,
      ActorResolver actors,
      IngestListener listener) {
    boolean registry = actors == ActorRegistry.bundled();
    if (readOnly || cameo != Cameo.bundled() || !(registry || actors == ActorResolver.NONE)) {
      return Optional.empty();
    }
    ExecutorIngest ingest = new ExecutorIngest(this, spark, lake);
    List<FileReport> out = ingest.ingest(files, options, registry, listener);
    parsedBy.putAll(ingest.parsedBy());
    return Optional.of(out);
  }

  /**
   * Where the files of this store's parallel ingests were parsed, by path: "stage S task T thread
   * N" (S and T are -1 outside a Spark task).
   */
  Map<String, String> parsedBy() {
    return parsedBy;
  }

  private List<Row> run(String sql, List<Object> params, String what) {
    try {
      return spark.sql(sql, params.toArray()).collectAsList();
    } catch (RuntimeException e) {
      throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
    }
  }

  private List<Row> run(String sql, String what) {
    return run(sql, List.of(), what);
  }

  @Override
  public java.util.Set<java.time.YearMonth> monthsObserved(String source) {
    if (source == null || !FEEDS.contains(source)) {
      return null;
    }
    // a load read with --actors whose entry did not record the months of the rows left out
    if (entries().stream().anyMatch(e -> e.actorFilter() != null && e.filteredMonths() == null)) {
      return null;
    }
    java.util.Set<java.time.YearMonth> out = new java.util.TreeSet<>();
    for (LakeManifest e : entries()) {
      var months = e.filteredMonthSets();
      if (months != null && months.containsKey(source)) {
        out.addAll(months.get(source));
      }
    }
    for (Row r :
        run(
            "SELECT DISTINCT year(event_date), month(event_date) FROM events WHERE source = ?",
            List.of(source),
            "read the months " + source + " observed")) {
      out.add(java.time.YearMonth.of(r.getInt(0), r.getInt(1)));
    }
    return out;
  }

  /** From the manifest alone (the summary would run Spark jobs over the events). */
  @Override
  public List<String> formats() {
    return entries().stream()
        .map(LakeManifest::format)
        .filter(java.util.Objects::nonNull)
        .distinct()
        .sorted()
        .toList();
  }

  @Override
  public StoreSummary summary() {
    List<StoreSummary.Count> bySource = new ArrayList<>();
    for (Row r : run(SummarySql.EVENTS_BY_SOURCE, "summarise the lake")) {
      bySource.add(new StoreSummary.Count(r.getString(0), r.getLong(1)));
    }
    List<StoreSummary.DyadCount> byDyad = new ArrayList<>();
    for (Row r : run(SummarySql.EVENTS_BY_DYAD, "summarise the lake")) {
      byDyad.add(
          new StoreSummary.DyadCount(r.getString(0), r.getString(1), r.getLong(2), r.getLong(3)));
    }
    List<StoreSummary.Count> rejects = new ArrayList<>();
    for (Row r : run(SummarySql.REJECTS_BY_REASON, "summarise the lake")) {
      rejects.add(new StoreSummary.Count(r.getString(0), r.getLong(1)));
    }
    Row x = run(SummarySql.EXTENT, "summarise the lake").get(0);
    MonthRange extent =
        x.isNullAt(0)
            ? null
            : new MonthRange(YearMonth.from(date(x, 0)), YearMonth.from(date(x, 1)));
    List<StoredFile> files = entries.stream().map(SparkStore::stored).toList();
    return new StoreSummary(location(), bySource, files, byDyad, rejects, extent);
  }

  @Override
  public List<SourceInfo> sources() {
    List<SourceInfo> out = new ArrayList<>();
    for (Row r : run(SummarySql.EVENT_SOURCES + " ORDER BY 1", "list the lake's sources")) {
      out.add(
          new SourceInfo(
              r.getString(0),
              SourceInfo.Kind.valueOf(r.getString(1)),
              r.getLong(2),
              date(r, 3),
              date(r, 4),
              r.getString(5),
              r.getLong(6)));
    }
    return out;
  }

  @Override
  public List<PeriodAggregate> aggregate(DyadQuery q) {
    refuseAllMentions(q);
    AggregateSql sql = AggregateSql.of(q, Dialect.SPARK);
    List<PeriodAggregate> out = new ArrayList<>();
    for (Row r : run(sql.aggregate(), sql.params(), "aggregate " + q.label())) {
      out.add(
          new PeriodAggregate(
              date(r, 0),
              r.getLong(1),
              real(r, 2),
              real(r, 3),
              real(r, 4),
              real(r, 5),
              real(r, 6),
              real(r, 7)));
    }
    return out;
  }

  @Override
  public List<CodeCount> codeCounts(DyadQuery q) {
    refuseAllMentions(q);
    AggregateSql sql = AggregateSql.of(q, Dialect.SPARK);
    List<CodeCount> out = new ArrayList<>();
    for (Row r : run(sql.codeCounts(), sql.params(), "count event codes of " + q.label())) {
      out.add(
          new CodeCount(
              YearMonth.from(date(r, 0)),
              r.getString(1),
              r.getString(2),
              r.getString(3),
              ((Number) r.get(4)).intValue(),
              r.getLong(5),
              real(r, 6),
              r.getLong(7)));
    }
    return out;
  }

  @Override
  public Optional<MonthRange> extent(DyadQuery q) {
    refuseAllMentions(q);
    AggregateSql sql = AggregateSql.of(q, Dialect.SPARK);
    Row r = run(sql.extent(), sql.params(), "read the extent of " + q.label()).get(0);
    if (r.isNullAt(0)) {
      return Optional.empty();
    }
    return Optional.of(new MonthRange(YearMonth.from(date(r, 0)), YearMonth.from(date(r, 1))));
  }

  @Override
  public java.util.SortedMap<LocalDate, Long> volumes(DyadQuery q) {
    VolumeSql.requirePlain(q);
    Optional<String> why =
        org.entente.store.RollupExport.withoutVolumes(q.dataSource(), filteredSources());
    if (why.isPresent()) {
      throw new org.entente.store.UnsupportedQueryException(why.get());
    }
    java.util.Map<LocalDate, Long> found = new java.util.HashMap<>();
    for (Row r : run(VolumeSql.events(q), VolumeSql.eventParams(q), "count the volume")) {
      found.put(date(r, 0), r.getLong(1));
    }
    return VolumeSql.zeroFilled(q, found);
  }

  /**
   * The sources with a load made with an actor filter ({@code --actors}): those of its events, and
   * those its format names ({@link org.entente.store.RollupExport#sourcesOfFormat}), which covers a
   * file whose rows the filter all dropped.
   */
  private List<String> filteredSources() {
    String ids =
        entries.stream()
            .filter(e -> e.actorFilter() != null)
            .map(e -> Integer.toString(e.fileId()))
            .collect(java.util.stream.Collectors.joining(", "));
    if (ids.isEmpty()) {
      return List.of();
    }
    java.util.Set<String> out = new java.util.TreeSet<>(strings(ExportSql.filteredSources(ids)));
    for (LakeManifest e : entries) {
      if (e.actorFilter() != null) {
        out.addAll(org.entente.store.RollupExport.sourcesOfFormat(e.format(), e.rowsStored() > 0));
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * A lake holds no GDELT 2.0 mentions (mentions files are refused on load), so {@code --weight
   * allmentions} cannot be answered: refused, as the embedded store refuses events without
   * mentions.
   */
  private static void refuseAllMentions(DyadQuery q) {
    if (q.weighting() == DyadQuery.Weighting.ALLMENTIONS) {
      throw new org.entente.store.UnsupportedQueryException(
          "--weight allmentions: the Spark engine keeps no GDELT 2.0 mentions; use the embedded"
              + " store (--engine duckdb) for mention weights, or --weight mentions");
    }
  }

  private static LocalDate date(Row r, int i) {
    Object v = r.get(i);
    if (v == null) {
      return null;
    }
    return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
  }

  /** A sum as a double (Spark sums the literal weight 1.0 as a decimal). */
  private static double real(Row r, int i) {
    return ((Number) r.get(i)).doubleValue();
  }

  @Override
  public org.entente.store.RollupExport exportRollup(
      RollupFrequency freq, boolean parquet, java.nio.file.Path file, boolean volumes) {
    java.nio.file.Path target = file.toAbsolutePath().normalize();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException(
          file + " already exists; the export never overwrites a file (choose a new name)");
    }
    java.nio.file.Path tmp = null;
    try {
      tmp = org.entente.store.TempFiles.createDirectory(target.getParent(), ".entente-export-dir.");
      java.nio.file.Path out = tmp.resolve("out");
      List<String> volumeSources = List.of();
      List<String> notes = new ArrayList<>();
      List<String> sources = strings("SELECT DISTINCT source FROM events");
      if (volumes) {
        // first: its refusal names the volumes' reasons only
        volumeSources =
            org.entente.store.RollupExport.volumeSources(sources, filteredSources(), notes);
      }
      java.util.SortedMap<String, java.util.SortedSet<String>> held =
          org.entente.store.RollupExport.heldPairs(actorFilters(), sources, notes);
      String sql = ExportSql.forExport(freq, Dialect.SPARK, volumeSources, held);
      Dataset<Row> rollup = spark.sql(sql).coalesce(1);
      rollup.cache();
      long rows = rollup.count();
      if (parquet) {
        rollup.write().mode(SaveMode.ErrorIfExists).parquet(out.toUri().toString());
      } else {
        rollup
            .write()
            .mode(SaveMode.ErrorIfExists)
            .option("header", "true")
            .option("nullValue", "")
            .option("emptyValue", "")
            .csv(out.toUri().toString());
      }
      rollup.unpersist();
      java.nio.file.Path part;
      try (var s = Files.list(out)) {
        part =
            s.filter(p -> p.getFileName().toString().startsWith("part-"))
                .findFirst()
                .orElseThrow(() -> new java.io.IOException("Spark wrote no part file"));
      }
      // a plain move without REPLACE_EXISTING refuses a file created meanwhile
      Files.move(part, target);
      return new org.entente.store.RollupExport(rows, volumeSources, notes);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new IllegalArgumentException(
          file + " already exists; the export never overwrites a file (choose a new name)");
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (java.io.IOException | RuntimeException e) {
      throw new StoreException("cannot export the rollup to " + file + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          org.entente.store.TempFiles.deleteTree(tmp);
        } catch (java.io.IOException e) {
          // a leftover temporary directory of ours: a later export removes it
        }
      }
    }
  }

  /** The first column of every row of {@code sql}, as text. */
  private List<String> strings(String sql) {
    List<String> out = new ArrayList<>();
    for (Row r : spark.sql(sql).collectAsList()) {
      out.add(r.getString(0));
    }
    return out;
  }

  @Override
  public List<ChronologyEntry> chronology() {
    List<ChronologyEntry> out = new ArrayList<>();
    for (Row r :
        run(
            "SELECT id, event_date, precision, actor1, actor2, event_code, goldstein, quad_class,"
                + " title, description, source, tags FROM chronology ORDER BY event_date, id",
            "read the chronology")) {
      out.add(LakeSchema.entry(r));
    }
    return out;
  }

  @Override
  public void close() {
    if (cached != null) {
      cached.unpersist();
      cached = null;
    }
    // the session's SparkContext belongs to the process (stopped at exit); the views go with
    // this session
  }

  @Override
  public String toString() {
    return "SparkStore[" + location() + "]";
  }

  /** This store's session (its views: events, rejects, chronology). */
  SparkSession spark() {
    return spark;
  }

  /** The lake. */
  Lake lake() {
    return lake;
  }

  /** The lake's root path. */
  Path root() {
    return lake.root();
  }
}
