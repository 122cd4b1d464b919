package org.entente.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.entente.model.ChronologyEntry;
import org.entente.model.Event;

/**
 * The lake's tables, with the column names and meanings of the DuckDB store's (README, "Store
 * schema"), so that the shared SQL of {@code org.entente.store.sql} runs on both. Events are
 * partitioned by {@code year} and {@code month} of the event date.
 */
final class LakeSchema {
  private LakeSchema() {}

  /** An event as staged (without the partition columns). */
  static final StructType EVENTS =
      new StructType(
          new StructField[] {
            string("source", false),
            string("source_event_id", false),
            DataTypes.createStructField("event_date", DataTypes.DateType, false),
            string("actor1_code", true),
            string("actor1_country", true),
            string("actor1_type", true),
            string("actor2_code", true),
            string("actor2_country", true),
            string("actor2_type", true),
            string("event_code", false),
            string("base_code", true),
            string("root_code", false),
            DataTypes.createStructField("quad_class", DataTypes.IntegerType, false),
            DataTypes.createStructField("goldstein", DataTypes.DoubleType, false),
            DataTypes.createStructField("num_mentions", DataTypes.IntegerType, true),
            DataTypes.createStructField("num_sources", DataTypes.IntegerType, true),
            DataTypes.createStructField("num_articles", DataTypes.IntegerType, true),
            DataTypes.createStructField("avg_tone", DataTypes.DoubleType, true),
            string("source_url", true),
            DataTypes.createStructField("is_root", DataTypes.BooleanType, true),
            DataTypes.createStructField("intensity", DataTypes.DoubleType, true),
            DataTypes.createStructField("file_id", DataTypes.IntegerType, false),
            string("part", true),
            DataTypes.createStructField("line", DataTypes.LongType, false)
          });

  /** The events as the lake holds them: with the partition columns. */
  static final StructType PARTITIONED_EVENTS =
      EVENTS
          .add(DataTypes.createStructField("year", DataTypes.IntegerType, false))
          .add(DataTypes.createStructField("month", DataTypes.IntegerType, false));

  /** Rejected rows: the load, where the row was, why, and its text. */
  static final StructType REJECTS =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("file_id", DataTypes.IntegerType, false),
            string("file", false),
            DataTypes.createStructField("line", DataTypes.LongType, false),
            string("reason", false),
            string("detail", true),
            string("raw", true)
          });

  /** Curated chronology entries (tags joined by {@code ;}). */
  static final StructType CHRONOLOGY =
      new StructType(
          new StructField[] {
            string("id", false),
            DataTypes.createStructField("event_date", DataTypes.DateType, false),
            string("precision", false),
            string("actor1", false),
            string("actor2", false),
            string("event_code", false),
            DataTypes.createStructField("goldstein", DataTypes.DoubleType, false),
            DataTypes.createStructField("quad_class", DataTypes.IntegerType, false),
            string("title", false),
            string("description", true),
            string("source", false),
            string("tags", true),
            DataTypes.createStructField("file_id", DataTypes.IntegerType, false)
          });

  /**
   * What a parse task reports of its file ({@link ParseTask}): the ingest stage's outcome before
   * deduplication ({@code staged} events, {@code entries} chronology entries, the {@code months}
   * its events fall in, as {@code yyyymm,…}; {@code filtered_months}, the months of the rows the
   * actor filter left out, as {@code source:YYYY-MM,…;…}), the checksum it computed while reading,
   * and where it ran (the Spark stage, task attempt and thread), so that a test can tell parsing
   * ran in a task.
   */
  static final StructType REPORT =
      new StructType(
          new StructField[] {
            string("status", false),
            string("format", true),
            string("checksum", true),
            DataTypes.createStructField("read", DataTypes.LongType, false),
            DataTypes.createStructField("staged", DataTypes.LongType, false),
            DataTypes.createStructField("rejected", DataTypes.LongType, false),
            DataTypes.createStructField("filtered", DataTypes.LongType, false),
            DataTypes.createStructField("nanos", DataTypes.LongType, false),
            string("message", true),
            DataTypes.createStructField("stage", DataTypes.IntegerType, false),
            DataTypes.createStructField("task", DataTypes.LongType, false),
            string("thread", false),
            DataTypes.createStructField("entries", DataTypes.LongType, false),
            string("months", false),
            string("filtered_months", false)
          });

  /**
   * What parse tasks write to a wave's staging directory: one row per event, rejected row,
   * chronology entry or file report ({@code kind}), with the file's index in the wave; {@code seq}
   * numbers a file's rows in the order it read them.
   */
  static final StructType PARSED =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("file", DataTypes.IntegerType, false),
            DataTypes.createStructField("seq", DataTypes.LongType, false),
            string("kind", false),
            DataTypes.createStructField("event", EVENTS, true),
            DataTypes.createStructField("reject", REJECTS, true),
            DataTypes.createStructField("entry", CHRONOLOGY, true),
            DataTypes.createStructField("report", REPORT, true)
          });

  private static StructField string(String name, boolean nullable) {
    return DataTypes.createStructField(name, DataTypes.StringType, nullable);
  }

  static Row event(Event e, int fileId, String part, long line) {
    return RowFactory.create(
        e.source(),
        e.sourceEventId(),
        e.date(),
        e.actor1Code(),
        e.actor1Country(),
        e.actor1Type(),
        e.actor2Code(),
        e.actor2Country(),
        e.actor2Type(),
        e.eventCode(),
        e.baseCode(),
        e.rootCode(),
        e.quadClass(),
        e.goldstein(),
        e.numMentions(),
        e.numSources(),
        e.numArticles(),
        e.avgTone(),
        e.sourceUrl(),
        e.isRoot(),
        e.intensity(),
        fileId,
        part,
        line);
  }

  static Row reject(int fileId, String part, long line, String reason, String detail, String raw) {
    return RowFactory.create(fileId, part, line, reason, detail, raw);
  }

  static Row entry(ChronologyEntry e, int fileId) {
    return RowFactory.create(
        e.id(),
        e.date(),
        e.precision(),
        e.actor1(),
        e.actor2(),
        e.code(),
        e.goldstein(),
        e.quad(),
        e.title(),
        e.description(),
        e.source(),
        String.join(";", e.tags()),
        fileId);
  }

  static ChronologyEntry entry(Row r) {
    String tags = r.getString(11);
    return new ChronologyEntry(
        r.getString(0),
        r.getAs(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        r.getDouble(6),
        r.getInt(7),
        r.getString(8),
        r.getString(9),
        r.getString(10),
        tags == null || tags.isEmpty() ? List.of() : List.of(tags.split(";")));
  }

  /** Column names of {@code t}. */
  static List<String> names(StructType t) {
    return new ArrayList<>(List.of(t.fieldNames()));
  }
}
