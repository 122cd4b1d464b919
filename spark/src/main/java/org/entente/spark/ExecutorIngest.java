package org.entente.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.year;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.entente.ingest.FileReport;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.ingest.LakeManifest;
import org.entente.store.InputFile;
import org.entente.store.StoredFile;

/**
 * A parallel ingest into the lake: the files are parsed in Spark tasks, one task per file ({@link
 * ParseTask}, the ingest stage's own parsers and validation), and the driver only plans, decides
 * duplicates and commits.
 *
 * <p>Files go in waves of at most {@link #WAVE} files or {@link #WAVE_BYTES} bytes (each wave: one
 * Spark job that parses, then the jobs that deduplicate and write). In a wave, duplicates are
 * decided exactly as if its files had been loaded one by one in order: an event is stored if the
 * lake does not hold its (source, id, date) and no earlier file of the wave, nor an earlier line of
 * its own file (by part, line), has it; a file with the checksum of an earlier file of the wave is
 * skipped as already ingested. Each file is then committed on its own, in order, with its own
 * manifest entry ({@link Lake#commit}), so reruns skip it and a failure leaves nothing of it
 * visible; if one file fails to commit, the files after it in the wave are not committed either
 * (their duplicates were decided against it).
 */
final class ExecutorIngest {
  /**
   * Files per wave, at most: each wave is one parse job and the deduplicating writes, and its
   * reports are handed to the listener when it ends. Large enough that GDELT 2.0's 15-minute files
   * (about 100 kB zipped each) make waves of ~10⁶ rows, so that the fixed cost of a wave stays
   * small.
   */
  static final int WAVE = 1024;

  /** Input bytes per wave, at most (a wave holds at least one file). */
  static final long WAVE_BYTES = 2L << 30;

  private static final String KEPT_NOTHING = "; nothing of this file was kept";

  private final SparkStore store;
  private final SparkSession spark;
  private final Lake lake;

  /** Where each file was parsed, by path ("stage S task T thread N"), for tests and logs. */
  private final Map<String, String> parsedBy = new HashMap<>();

  ExecutorIngest(SparkStore store, SparkSession spark, Lake lake) {
    this.store = store;
    this.spark = spark;
    this.lake = lake;
  }

  Map<String, String> parsedBy() {
    return parsedBy;
  }

  /** Ingests {@code files} in order; one report per file. */
  List<FileReport> ingest(
      List<InputFile> files, IngestOptions options, boolean registry, IngestListener l) {
    List<FileReport> out = new ArrayList<>();
    int from = 0;
    while (from < files.size()) {
      int to = from + 1;
      long bytes = size(files.get(from));
      while (to < files.size() && to - from < WAVE && bytes + size(files.get(to)) <= WAVE_BYTES) {
        bytes += size(files.get(to));
        to++;
      }
      List<FileReport> reports = wave(files.subList(from, to), options, registry);
      from = to;
      for (FileReport r : reports) {
        l.fileStarted(r.path(), r.bytes());
        l.fileFinished(r);
      }
      out.addAll(reports);
    }
    return out;
  }

  /** A file's size for planning waves (0 if it cannot be read: its task reports why). */
  private static long size(InputFile f) {
    try {
      return f.size();
    } catch (IOException e) {
      return 0;
    }
  }

  /** What a parse task reported of one file. */
  private record Parsed(
      String status,
      String format,
      String checksum,
      long read,
      long staged,
      long rejected,
      long filtered,
      long nanos,
      String message,
      long entries,
      String months,
      String filteredMonths) {
    /** From a row of the file's index and then the {@link LakeSchema#REPORT} fields. */
    static Parsed of(Row r) {
      return new Parsed(
          r.getString(1),
          r.getString(2),
          r.getString(3),
          r.getLong(4),
          r.getLong(5),
          r.getLong(6),
          r.getLong(7),
          r.getLong(8),
          r.getString(9),
          r.getLong(13),
          r.getString(14),
          r.getString(15));
    }
  }

  private List<FileReport> wave(List<InputFile> files, IngestOptions options, boolean registry) {
    int n = files.size();
    int first = store.nextFileId();
    Path staging = lake.staging(first);
    FileReport[] out = new FileReport[n];
    List<ParseTask.Input> inputs = new ArrayList<>();
    Map<Long, List<StoredFile>> bySize = new HashMap<>();
    java.util.Set<String> formats = new java.util.TreeSet<>();
    for (LakeManifest e : store.entries()) {
      bySize.computeIfAbsent(e.bytes(), k -> new ArrayList<>()).add(SparkStore.stored(e));
      if (e.format() != null) {
        formats.add(e.format());
      }
    }
    List<String> lakeFormats = List.copyOf(formats);
    for (int i = 0; i < n; i++) {
      InputFile f = files.get(i);
      long size;
      List<StoredFile> priors;
      try {
        size = f.size();
        priors = List.copyOf(bySize.getOrDefault(size, List.of()));
      } catch (IOException e) {
        size = -1;
        priors = List.of();
      }
      inputs.add(
          new ParseTask.Input(i, uri(f.path()), f.path(), f.name(), size, priors, lakeFormats));
    }
    List<LakeManifest> added = new ArrayList<>();
    try {
      Parsed[] parsed = parse(inputs, options, registry, staging);
      commit(inputs, parsed, options, first, staging, out, added);
    } catch (IOException | RuntimeException e) {
      for (int i = 0; i < n; i++) {
        if (out[i] == null) {
          out[i] = failed(inputs.get(i), "cannot ingest: " + e.getMessage() + KEPT_NOTHING);
        }
      }
    } finally {
      lake.discard(first, List.of());
      store.committed(added);
    }
    return List.of(out);
  }

  /**
   * The Hadoop URI of an input path: a path without a scheme is a local file (HadoopInputs writes
   * local files as plain paths), whatever the cluster's default file system.
   */
  private static String uri(String path) {
    return path.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") ? path : "file:" + path;
  }

  /** Runs the parse job (one task per file) into {@code staging/parsed}; the file reports. */
  private Parsed[] parse(
      List<ParseTask.Input> inputs, IngestOptions options, boolean registry, Path staging) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<byte[]> hadoop =
        jsc.broadcast(ParseTask.settings(spark.sparkContext().hadoopConfiguration()));
    String parsedDir = new Path(staging, "parsed").toString();
    try {
      spark.sparkContext().setJobDescription("entente ingest: parse " + inputs.size() + " file(s)");
      JavaRDD<Row> rows =
          jsc.parallelize(inputs, inputs.size())
              .mapPartitions(new ParseTask(hadoop, options, registry));
      spark
          .createDataFrame(rows, LakeSchema.PARSED)
          .write()
          .mode(SaveMode.ErrorIfExists)
          .parquet(parsedDir);
    } finally {
      spark.sparkContext().setJobDescription(null);
      hadoop.destroy();
    }
    Parsed[] parsed = new Parsed[inputs.size()];
    for (Row r :
        spark
            .read()
            .schema(LakeSchema.PARSED)
            .parquet(parsedDir)
            .where(col("kind").equalTo("report"))
            .select(col("file"), col("report.*"))
            .collectAsList()) {
      int i = r.getInt(0);
      parsed[i] = Parsed.of(r);
      parsedBy.put(
          inputs.get(i).path(),
          "stage " + r.getInt(10) + " task " + r.getLong(11) + " thread " + r.getString(12));
    }
    return parsed;
  }

  /**
   * Decides which files load, deduplicates their events over the wave and against the lake, writes
   * them partitioned by load, year and month, and commits the loads one by one in order.
   */
  private void commit(
      List<ParseTask.Input> inputs,
      Parsed[] parsed,
      IngestOptions options,
      int first,
      Path staging,
      FileReport[] out,
      List<LakeManifest> added)
      throws IOException {
    int n = inputs.size();
    // the files that load, and their load ids (consecutive, in order, as one by one)
    int[] ids = new int[n];
    Map<String, Integer> byChecksum = new HashMap<>();
    int[] sameAs = new int[n];
    int next = first;
    for (int i = 0; i < n; i++) {
      ids[i] = -1;
      sameAs[i] = -1;
      Parsed p = parsed[i];
      if (p == null) {
        out[i] = failed(inputs.get(i), "no report from its parse task" + KEPT_NOTHING);
      } else if (!"LOADED".equals(p.status())) {
        out[i] =
            new FileReport(
                inputs.get(i).path(),
                p.format(),
                FileReport.Status.valueOf(p.status()),
                p.read(),
                0,
                p.rejected(),
                0,
                p.filtered(),
                Math.max(0, inputs.get(i).size()),
                p.nanos(),
                p.message());
      } else if (byChecksum.containsKey(p.checksum())) {
        sameAs[i] = byChecksum.get(p.checksum());
      } else {
        byChecksum.put(p.checksum(), i);
        ids[i] = next++;
      }
    }
    if (next == first) {
      return; // nothing loads (a file's twin in the wave loads with it)
    }
    String parsedDir = new Path(staging, "parsed").toString();
    Dataset<Row> all = spark.read().schema(LakeSchema.PARSED).parquet(parsedDir);
    List<Integer> kept = new ArrayList<>();
    Column[] idLits = new Column[n];
    for (int i = 0; i < n; i++) {
      idLits[i] = lit(ids[i]);
      if (ids[i] >= 0) {
        kept.add(i);
      }
    }
    // the load id of a row's file (element_at counts from 1)
    Column loadOf = element_at(functions.array(idLits), col("file").plus(1));
    Dataset<Row> rows = all.where(col("file").isin(kept.toArray())).withColumn("load", loadOf);
    // each write only when a kept file has such rows: a Spark job less otherwise
    long staged = 0;
    long rejected = 0;
    long entered = 0;
    java.util.Set<Integer> months = new java.util.TreeSet<>();
    for (int i : kept) {
      for (String m : parsed[i].months().split(",")) {
        if (!m.isEmpty()) {
          months.add(Integer.valueOf(m));
        }
      }
      staged += parsed[i].staged();
      rejected += parsed[i].rejected();
      entered += parsed[i].entries();
    }
    Path events = new Path(staging, "events");
    if (staged > 0) {
      writeEvents(rows, months, events);
    }
    Path rejects = new Path(staging, "rejects");
    if (rejected > 0) {
      writeByLoad(
          rows.where(col("kind").equalTo("reject"))
              .select(col("load"), col("reject.*"))
              .withColumn("file_id", col("load")),
          LakeSchema.REJECTS,
          rejects);
    }
    Path entries = new Path(staging, "chronology");
    if (entered > 0) {
      writeEntries(rows, entries);
    }
    Map<Integer, Long> stored = new HashMap<>();
    for (Row r :
        staged == 0
            ? List.<Row>of()
            : spark
                .read()
                .schema(
                    LakeSchema.PARTITIONED_EVENTS.add(
                        DataTypes.createStructField("load", DataTypes.IntegerType, false)))
                .parquet(events.toString())
                .groupBy("load")
                .count()
                .collectAsList()) {
      stored.put(r.getInt(0), r.getLong(1));
    }
    String actors = options.actors().keepsAll() ? null : options.actors().toString();
    Map<Integer, LakeManifest> committed = new HashMap<>();
    String broken = null;
    for (int i = 0; i < n; i++) {
      if (out[i] != null) {
        continue;
      }
      ParseTask.Input in = inputs.get(i);
      if (broken != null) {
        out[i] =
            failed(in, "not committed: " + broken + " failed to commit before it" + KEPT_NOTHING);
        continue;
      }
      Parsed p = parsed[i];
      if (sameAs[i] >= 0) {
        LakeManifest prior = committed.get(sameAs[i]);
        if (prior == null) {
          out[i] =
              failed(
                  in,
                  "not committed: its twin "
                      + inputs.get(sameAs[i]).path()
                      + " was not committed"
                      + KEPT_NOTHING);
        } else {
          out[i] =
              Ingestor.skipped(
                  in.path(), in.size(), System.nanoTime() - p.nanos(), SparkStore.stored(prior));
        }
        continue;
      }
      int id = ids[i];
      long kept1 = stored.getOrDefault(id, 0L);
      String dir = "load=" + id;
      try {
        LakeManifest entry =
            lake.commit(
                new Lake.Load(
                    id,
                    in.path(),
                    in.size(),
                    p.checksum(),
                    p.format(),
                    p.read(),
                    kept1,
                    p.rejected(),
                    p.staged() - kept1,
                    p.filtered(),
                    actors,
                    ParseTask.decodeMonths(p.filteredMonths())),
                new Path(events, dir),
                new Path(rejects, dir),
                new Path(entries, dir));
        committed.put(i, entry);
        added.add(entry);
        out[i] =
            new FileReport(
                in.path(),
                p.format(),
                FileReport.Status.LOADED,
                p.read(),
                kept1,
                p.rejected(),
                p.staged() - kept1,
                p.filtered(),
                in.size(),
                p.nanos(),
                p.message());
      } catch (IOException | RuntimeException e) {
        broken = in.path();
        out[i] = failed(in, "cannot commit: " + e.getMessage() + KEPT_NOTHING);
      }
    }
  }

  /**
   * The first occurrence of each (source, id, date) over the wave's loads (in file order, then by
   * part and line, as one by one) that the lake does not hold, written partitioned by load, year
   * and month: one file per partition.
   */
  private void writeEvents(Dataset<Row> rows, java.util.Set<Integer> months, Path out) {
    List<String> key = List.of("source", "source_event_id", "event_date", "year", "month");
    Dataset<Row> firsts =
        rows.where(col("kind").equalTo("event"))
            .select(col("load"), col("event.*"))
            .withColumn("file_id", col("load"))
            .withColumn(
                "rn",
                row_number()
                    .over(
                        Window.partitionBy("source", "source_event_id", "event_date")
                            .orderBy(col("load"), col("part"), col("line"))))
            .where(col("rn").equalTo(1))
            .drop("rn")
            .withColumn("year", year(col("event_date")))
            .withColumn("month", month(col("event_date")));
    // the lake's events of the months the wave's events fall in: a filter on the partition
    // columns, so only those months' files are read
    Dataset<Row> held =
        store
            .events()
            .where(col("year").multiply(100).plus(col("month")).isin(months.toArray()))
            .select(key.stream().map(functions::col).toArray(Column[]::new));
    firsts
        .join(held, scala.jdk.javaapi.CollectionConverters.asScala(key).toSeq(), "left_anti")
        .select(withLoad(LakeSchema.PARTITIONED_EVENTS))
        .repartition(col("load"), col("year"), col("month"))
        .write()
        .mode(SaveMode.ErrorIfExists)
        .partitionBy("load", "year", "month")
        .parquet(out.toString());
  }

  /**
   * The chronology entries of the wave's loads whose id neither the lake nor an earlier load holds
   * (the first load's entry kept), partitioned by load.
   */
  private void writeEntries(Dataset<Row> rows, Path out) {
    Dataset<Row> held = store.chronologyRows().select("id");
    writeByLoad(
        rows.where(col("kind").equalTo("entry"))
            .select(col("load"), col("seq"), col("entry.*"))
            .withColumn("file_id", col("load"))
            .withColumn(
                "rn", row_number().over(Window.partitionBy("id").orderBy(col("load"), col("seq"))))
            .where(col("rn").equalTo(1))
            .join(
                held,
                scala.jdk.javaapi.CollectionConverters.asScala(List.of("id")).toSeq(),
                "left_anti"),
        LakeSchema.CHRONOLOGY,
        out);
  }

  /** Writes the columns of {@code t} partitioned by load, one file per load. */
  private static void writeByLoad(Dataset<Row> d, StructType t, Path out) {
    d.select(withLoad(t))
        .repartition(col("load"))
        .write()
        .mode(SaveMode.ErrorIfExists)
        .partitionBy("load")
        .parquet(out.toString());
  }

  /** The columns of {@code t} and the load id, for a write partitioned by load. */
  private static Column[] withLoad(StructType t) {
    List<Column> c = new ArrayList<>();
    for (String name : t.fieldNames()) {
      c.add(col(name));
    }
    c.add(col("load"));
    return c.toArray(Column[]::new);
  }

  private static FileReport failed(ParseTask.Input in, String message) {
    return new FileReport(
        in.path(),
        null,
        FileReport.Status.FAILED,
        0,
        0,
        0,
        0,
        0,
        Math.max(0, in.size()),
        0,
        message);
  }
}
