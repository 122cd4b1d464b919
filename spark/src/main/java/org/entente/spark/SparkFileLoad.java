package org.entente.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.year;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;
import org.entente.ingest.LakeManifest;
import org.entente.model.ChronologyEntry;
import org.entente.model.Event;
import org.entente.store.FileLoad;
import org.entente.store.FileMeta;
import org.entente.store.RollupRow;
import org.entente.store.StoreException;
import org.entente.store.UnsupportedQueryException;

/**
 * One file's load into the lake. Rows are buffered and spilled in chunks to the load's staging
 * directory as Parquet (memory stays bounded); {@link #commit} keeps the first occurrence of each
 * (source, id, date) that the lake does not hold, writes it partitioned by year and month into
 * staging, moves the files into the lake and commits the manifest entry ({@link Lake}). Until then
 * nothing of the load is visible; on any failure nothing is.
 */
final class SparkFileLoad implements FileLoad {
  /** Rows buffered in memory before a chunk is spilled to staging. */
  static final int CHUNK = 100_000;

  private final SparkStore store;
  private final SparkSession spark;
  private final Lake lake;
  private final FileMeta file;
  private final int fileId;
  private final Buffer events;
  private final Buffer rejects;
  private final Buffer entries;
  private boolean open = true;

  /** Per event feed, the months of the rows the actor filter left out ({@link #observed}). */
  private final java.util.Map<String, java.util.SortedSet<java.time.YearMonth>> filteredMonths =
      new java.util.TreeMap<>();

  /**
   * False once {@link #observed} said the months are unknown (an entry then records none: null).
   */
  private boolean filteredMonthsKnown = true;

  SparkFileLoad(SparkStore store, SparkSession spark, Lake lake, FileMeta file, int fileId) {
    this.store = store;
    this.spark = spark;
    this.lake = lake;
    this.file = file;
    this.fileId = fileId;
    Path staging = lake.staging(fileId);
    this.events = new Buffer(LakeSchema.EVENTS, new Path(staging, "raw-events"));
    this.rejects = new Buffer(LakeSchema.REJECTS, new Path(staging, "raw-rejects"));
    this.entries = new Buffer(LakeSchema.CHRONOLOGY, new Path(staging, "raw-chronology"));
  }

  /**
   * Rows of one table, in memory up to {@link #CHUNK}, then in Parquet chunks under {@code dir}.
   */
  private final class Buffer {
    private final StructType schema;
    private final Path dir;
    private final List<Row> rows = new ArrayList<>();
    private int chunks;
    private long count;

    Buffer(StructType schema, Path dir) {
      this.schema = schema;
      this.dir = dir;
    }

    void add(Row r) {
      rows.add(r);
      count++;
      if (rows.size() >= CHUNK) {
        spill();
      }
    }

    private void spill() {
      spark
          .createDataFrame(rows, schema)
          .write()
          .mode(SaveMode.ErrorIfExists)
          .parquet(new Path(dir, "chunk-" + chunks++).toString());
      rows.clear();
    }

    /** Everything added, as one data set. */
    Dataset<Row> all() {
      if (chunks == 0) {
        return spark.createDataFrame(rows, schema);
      }
      if (!rows.isEmpty()) {
        spill();
      }
      String[] parts = new String[chunks];
      for (int i = 0; i < chunks; i++) {
        parts[i] = new Path(dir, "chunk-" + i).toString();
      }
      return spark.read().schema(schema).parquet(parts);
    }
  }

  @Override
  public void add(Event event, String part, long line) {
    requireOpen();
    events.add(LakeSchema.event(event, fileId, part, line));
  }

  @Override
  public void addEntry(ChronologyEntry entry) {
    requireOpen();
    entries.add(LakeSchema.entry(entry, fileId));
  }

  @Override
  public void addRollup(RollupRow row, String part, long line) {
    throw noRollups(file.path());
  }

  /** Why a lake takes no imported aggregate from {@code path}. */
  static UnsupportedQueryException noRollups(String path) {
    return new UnsupportedQueryException(
        "the spark engine holds events only, not imported aggregates: import "
            + path
            + " into a DuckDB store (entente import --db FILE)");
  }

  @Override
  public void reject(String part, long line, String reason, String detail, String raw) {
    requireOpen();
    rejects.add(LakeSchema.reject(fileId, part, line, reason, detail, raw));
  }

  private void requireOpen() {
    if (!open) {
      throw new IllegalStateException("load already finished");
    }
  }

  @Override
  public void observed(String source, java.util.Set<java.time.YearMonth> months) {
    requireOpen();
    if (months == null) {
      filteredMonthsKnown = false;
    } else {
      filteredMonths.computeIfAbsent(source, k -> new java.util.TreeSet<>()).addAll(months);
    }
  }

  @Override
  public LoadResult commit(String checksum, String format, long rowsRead, long rowsFiltered) {
    requireOpen();
    Path staging = lake.staging(fileId);
    try {
      long staged = events.count;
      long stored = 0;
      if (staged > 0) {
        Dataset<Row> firsts =
            events
                .all()
                .withColumn(
                    "rn",
                    row_number()
                        .over(
                            Window.partitionBy("source", "source_event_id", "event_date")
                                .orderBy(col("part"), col("line"))))
                .where(col("rn").equalTo(1))
                .drop("rn")
                .withColumn("year", year(col("event_date")))
                .withColumn("month", month(col("event_date")));
        Dataset<Row> held =
            store.events().select("source", "source_event_id", "event_date", "year", "month");
        Dataset<Row> fresh =
            firsts.join(
                held,
                scala.jdk.javaapi.CollectionConverters.asScala(
                        List.of("source", "source_event_id", "event_date", "year", "month"))
                    .toSeq(),
                "left_anti");
        Path out = new Path(staging, "events");
        fresh
            .select(
                LakeSchema.PARTITIONED_EVENTS.fieldNames()[0], rest(LakeSchema.PARTITIONED_EVENTS))
            .write()
            .mode(SaveMode.ErrorIfExists)
            .partitionBy("year", "month")
            .parquet(out.toString());
        // with its schema given: a load whose every event is a duplicate writes no data file,
        // and Spark cannot infer a schema from none
        stored = spark.read().schema(LakeSchema.PARTITIONED_EVENTS).parquet(out.toString()).count();
      }
      if (rejects.count > 0) {
        rejects
            .all()
            .write()
            .mode(SaveMode.ErrorIfExists)
            .parquet(new Path(staging, "rejects").toString());
      }
      if (entries.count > 0) {
        Dataset<Row> held = store.chronologyRows().select("id");
        entries
            .all()
            .dropDuplicates("id")
            .join(
                held,
                scala.jdk.javaapi.CollectionConverters.asScala(List.of("id")).toSeq(),
                "left_anti")
            .write()
            .mode(SaveMode.ErrorIfExists)
            .parquet(new Path(staging, "chronology").toString());
      }
      long duplicates = staged - stored;
      lake.commit(
          new Lake.Load(
              fileId,
              file.path(),
              file.bytes(),
              checksum,
              format,
              rowsRead,
              stored,
              rejects.count,
              duplicates,
              rowsFiltered,
              file.actorFilter(),
              filteredMonthsKnown ? LakeManifest.monthTexts(filteredMonths) : null),
          new Path(staging, "events"),
          new Path(staging, "rejects"),
          new Path(staging, "chronology"));
      open = false;
      lake.discard(fileId, List.of());
      store.committed();
      return new LoadResult(stored, duplicates, rejects.count);
    } catch (IOException | RuntimeException e) {
      open = false;
      lake.discard(fileId, List.of());
      throw new StoreException("cannot commit " + file.path() + ": " + e.getMessage(), e);
    }
  }

  private static String[] rest(StructType t) {
    String[] names = t.fieldNames();
    return java.util.Arrays.copyOfRange(names, 1, names.length);
  }

  @Override
  public void abort() {
    if (!open) {
      return;
    }
    open = false;
    lake.discard(fileId, List.of());
  }

  @Override
  public void close() {
    abort();
  }
}
