package org.entente.store.duckdb;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;

/**
 * The statements of a file load, prepared once per writing connection, with the temporary staging
 * tables they use (created once, and emptied after each load outside its transaction: every load
 * starts with them empty). Preparing them for every file cost a large part of the time of loading a
 * small file.
 */
final class LoadStatements implements AutoCloseable {
  // INSERT ... SELECT from the temporary tables runs as plain statements: prepared once and
  // executed again, DuckDB 1.5.6 wrote values into the wrong columns ("Invalid unicode ... in
  // segment statistics update", NOT NULL failures on the rollup).

  /** The staging table of a batch's events. */
  static final String STAGED = "temp.main.staging";

  /**
   * Deletes the events of file {@code ?} whose key the file holds more than once, except the first
   * one stored (the lowest rowid: the rows of a transaction get row ids in the order they were
   * appended).
   */
  static final String DELETE_REPEATED =
      "DELETE FROM events e WHERE e.file_id = $1 AND EXISTS (SELECT 1 FROM (SELECT source,"
          + " source_event_id, event_date, min(rowid) keep FROM events WHERE file_id = $1 GROUP BY"
          + " source, source_event_id, event_date HAVING count(*) > 1) d WHERE d.source = e.source"
          + " AND d.source_event_id = e.source_event_id AND d.event_date = e.event_date AND d.keep"
          + " <> e.rowid)";

  /**
   * Whether the store holds events of another file ({@code file_id <> ?}) of one of {@code sources}
   * sources ({@code ?} each) dated in a span ({@code ?} to {@code ?}): if not, none of the file's
   * events can be held already.
   */
  static String othersInSpan(int sources) {
    return "SELECT EXISTS (SELECT 1 FROM events WHERE file_id <> ? AND source IN (?"
        + ", ?".repeat(sources - 1)
        + ") AND event_date BETWEEN ? AND ?)";
  }

  /**
   * Deletes the events of file {@code $1} whose key another file's event holds, probed only in the
   * file's span of dates ({@code $2} to {@code $3}).
   */
  static final String DELETE_HELD =
      "DELETE FROM events n WHERE n.file_id = $1 AND EXISTS (SELECT 1 FROM events o WHERE o.file_id"
          + " <> $1 AND o.event_date BETWEEN $2 AND $3 AND o.source = n.source AND"
          + " o.source_event_id = n.source_event_id AND o.event_date = n.event_date)";

  /** The staged events' dates, first and last. */
  private static final String SPAN =
      "span AS (SELECT min(event_date) lo, max(event_date) hi FROM " + STAGED + ")";

  /** A staged event {@code s} the store does not hold, probed only in the staged dates' span. */
  private static final String NOT_HELD =
      "NOT EXISTS (SELECT 1 FROM events e, span WHERE e.event_date BETWEEN span.lo AND span.hi"
          + " AND e.source = s.source AND e.source_event_id = s.source_event_id AND e.event_date"
          + " = s.event_date)";

  /**
   * Moves the first occurrence in the file of each (source, id, date) that the store does not hold
   * into {@code events}. The staging table is appended in read order, so the first occurrence of a
   * key is its lowest rowid; only keys staged more than once are grouped (a hash aggregate over the
   * three key columns, not a window over every column), and the store is probed only in the staged
   * dates' range, which its zone maps narrow to the row groups that can hold them.
   */
  static final String INSERT_FRESH_EVENTS =
      "INSERT INTO events WITH dup AS (SELECT source, source_event_id, event_date, min(rowid) keep"
          + " FROM "
          + STAGED
          + " GROUP BY source, source_event_id, event_date HAVING count(*) > 1), "
          + SPAN
          + " SELECT s.* FROM "
          + STAGED
          + " s WHERE NOT EXISTS (SELECT 1 FROM dup d WHERE"
          + " d.source = s.source AND d.source_event_id = s.source_event_id AND d.event_date ="
          + " s.event_date AND d.keep <> s.rowid) AND "
          + NOT_HELD;

  /** Whether the load staged a key more than once (most files do not). */
  static final String STAGED_TWICE =
      "SELECT EXISTS (SELECT 1 FROM "
          + STAGED
          + " GROUP BY source, source_event_id, event_date HAVING count(*) > 1)";

  /** {@link #INSERT_FRESH_EVENTS} for a load that staged every key once: no grouping. */
  static final String INSERT_NEW_EVENTS =
      "INSERT INTO events WITH " + SPAN + " SELECT s.* FROM " + STAGED + " s WHERE " + NOT_HELD;

  /**
   * The aggregate rows of the load that the store does not hold, first occurrence in the file of
   * each (source, freq, period, actor1, actor2, directed).
   */
  static final String INSERT_FRESH_AGGREGATES =
      "INSERT INTO "
          + Schema.AGGREGATES
          + " SELECT * EXCLUDE (rn) FROM (SELECT *, row_number() OVER (PARTITION BY source, freq,"
          + " period, actor1, actor2, directed ORDER BY part, line) rn FROM"
          + " temp.main.staging_aggregates) s WHERE rn = 1 AND NOT EXISTS (SELECT 1 FROM "
          + Schema.AGGREGATES
          + " a WHERE a.source = s.source AND a.freq = s.freq AND a.period = s.period AND a.actor1"
          + " = s.actor1 AND a.actor2 = s.actor2 AND a.directed = s.directed)";

  /**
   * Rejects the load's staged aggregate rows that repeat a key (source, freq, period, pair,
   * direction) with other values: those the store holds with other values, and, for a key the store
   * does not hold, those after the file's first row of the key that differ from it. A repeat with
   * the same values stays a duplicate; the kept row is the stored one or the file's first, as
   * {@link #INSERT_FRESH_AGGREGATES} keeps. (Such a row was counted as a duplicate, its values
   * dropped without a reason.)
   */
  static final String REJECT_CONFLICTING_AGGREGATES;

  static {
    String[] v = {"n", "w1", "w2", "w3", "w4", "goldstein_sum", "score", "coverage"};
    StringBuilder firsts = new StringBuilder();
    StringBuilder vsStored = new StringBuilder();
    StringBuilder vsFirst = new StringBuilder();
    for (String c : v) {
      firsts.append(", first_value(").append(c).append(") OVER w AS first_").append(c);
      vsStored.append(vsStored.length() == 0 ? "" : " OR ");
      vsStored.append("r.").append(c).append(" IS DISTINCT FROM a.").append(c);
      vsFirst.append(vsFirst.length() == 0 ? "" : " OR ");
      vsFirst.append("r.").append(c).append(" IS DISTINCT FROM r.first_").append(c);
    }
    String key = "source, freq, period, actor1, actor2, directed";
    REJECT_CONFLICTING_AGGREGATES =
        "INSERT INTO rejects SELECT r.file_id, coalesce(r.part, ''), r.line, 'conflicting"
            + " duplicate', CASE WHEN a.source IS NOT NULL THEN 'the store holds this source,"
            + " frequency, period and pair with other values, which are kept' ELSE 'line ' ||"
            + " r.first_line || ' gives this source, frequency, period and pair other values,"
            + " which are kept' END, NULL FROM (SELECT *, row_number() OVER w AS rn,"
            + " first_value(line) OVER w AS first_line"
            + firsts
            + " FROM temp.main.staging_aggregates WINDOW w AS (PARTITION BY "
            + key
            + " ORDER BY part, line)) r LEFT JOIN "
            + Schema.AGGREGATES
            + " a ON a.source = r.source AND a.freq = r.freq AND a.period = r.period AND a.actor1"
            + " = r.actor1 AND a.actor2 = r.actor2 AND a.directed = r.directed WHERE (a.source IS"
            + " NOT NULL AND ("
            + vsStored
            + ")) OR (a.source IS NULL AND r.rn > 1 AND ("
            + vsFirst
            + "))";
  }

  /**
   * The state volume rows of the load that the store does not hold, first occurrence in the file of
   * each (source, freq, period, actor).
   */
  static final String INSERT_FRESH_VOLUMES =
      "INSERT INTO "
          + Schema.VOLUMES
          + " SELECT * EXCLUDE (rn) FROM (SELECT *, row_number() OVER (PARTITION BY source, freq,"
          + " period, actor ORDER BY part, line) rn FROM temp.main.staging_volumes) s WHERE rn = 1"
          + " AND NOT EXISTS (SELECT 1 FROM "
          + Schema.VOLUMES
          + " v WHERE v.source = s.source AND v.freq = s.freq AND v.period = s.period AND v.actor"
          + " = s.actor)";

  /**
   * The mentions of the load that the store does not hold, first occurrence in the file of each
   * (event, update time, document, sentence, offsets); with {@code linkedOnly}, only mentions of
   * {@code gdelt2} events the store holds (a load with an actor filter).
   */
  static String insertFreshMentions(boolean linkedOnly) {
    return "INSERT INTO "
        + Schema.MENTIONS
        + " SELECT * EXCLUDE (rn) FROM (SELECT *, row_number() OVER (PARTITION BY"
        + MENTION_KEY
        + " ORDER BY part, line) rn FROM temp.main.staging_mentions) s WHERE rn = 1 AND NOT"
        + " EXISTS (SELECT 1 FROM "
        + Schema.MENTIONS
        + " m WHERE m.mention_time = s.mention_time AND m.global_event_id = s.global_event_id AND"
        + " m.identifier IS NOT DISTINCT FROM s.identifier AND m.sentence_id IS NOT DISTINCT FROM"
        + " s.sentence_id AND m.actor1_offset IS NOT DISTINCT FROM s.actor1_offset AND"
        + " m.actor2_offset IS NOT DISTINCT FROM s.actor2_offset AND m.action_offset IS NOT"
        + " DISTINCT FROM s.action_offset)"
        + (linkedOnly ? " AND " + LINKED : "");
  }

  private static final String MENTION_KEY =
      " global_event_id, mention_time, identifier, sentence_id, actor1_offset, actor2_offset,"
          + " action_offset";

  /** A staged mention {@code s} whose event is a stored {@code gdelt2} event. */
  static final String LINKED =
      "EXISTS (SELECT 1 FROM events e WHERE e.source = 'gdelt2' AND e.source_event_id ="
          + " CAST(s.global_event_id AS VARCHAR))";

  /** The staged mentions a filtered load leaves out: their event is not in the store. */
  static final String COUNT_UNLINKED_MENTIONS =
      "SELECT count(*) FROM temp.main.staging_mentions s WHERE NOT " + LINKED;

  /** The file_id of the next load. */
  static final String NEXT_FILE_ID = "SELECT coalesce(max(file_id), 0) + 1 FROM files";

  final PreparedStatement clearStaging;
  final PreparedStatement clearStagingChronology;
  final PreparedStatement clearStagingAggregates;
  final PreparedStatement clearStagingMentions;
  final PreparedStatement clearStagingVolumes;
  final PreparedStatement insertFile;

  /** Whether a load could not empty the staging tables (the next one empties them first). */
  boolean stagingDirty;

  /** Whether loads leave their events out of the rollups ({@link DuckDbStore#deferRollups}). */
  private volatile boolean deferRollups;

  /** Whether the store holds imported aggregates: null until asked. */
  private Boolean aggregatesPresent;

  /**
   * The file_id of the next load. Asked every time: this statement also opens the load's
   * transaction, which the appenders (created later, on first use) must write into.
   */
  int nextFileId(DuckDBConnection conn) throws SQLException {
    // not a prepared statement kept across loads: on a store opened with files in it, DuckDB
    // 1.5.6 re-executing the prepared max() returned the first execution's value
    try (Statement st = conn.createStatement();
        java.sql.ResultSet rs = st.executeQuery(NEXT_FILE_ID)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Whether the store holds imported aggregates or volumes (asked once per connection). */
  boolean aggregatesPresent(Statement st) throws SQLException {
    if (aggregatesPresent == null) {
      try (java.sql.ResultSet rs =
          st.executeQuery(
              "SELECT EXISTS (SELECT 1 FROM "
                  + Schema.AGGREGATES
                  + ") OR EXISTS (SELECT 1 FROM "
                  + Schema.VOLUMES
                  + ")")) {
        rs.next();
        aggregatesPresent = rs.getBoolean(1);
      }
    }
    return aggregatesPresent;
  }

  /** Records a committed load: whether aggregates now exist. */
  void committed(boolean withAggregates) {
    if (withAggregates) {
      aggregatesPresent = true;
    }
  }

  boolean deferRollups() {
    return deferRollups;
  }

  void deferRollups(boolean defer) {
    deferRollups = defer;
  }

  LoadStatements(DuckDBConnection conn) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute("CREATE TEMP TABLE IF NOT EXISTS " + STAGED + " (" + Schema.EVENT_COLUMNS + ")");
      st.execute(
          "CREATE TEMP TABLE IF NOT EXISTS staging_chronology (" + Schema.CHRONOLOGY_COLUMNS + ")");
      st.execute(
          "CREATE TEMP TABLE IF NOT EXISTS staging_aggregates (" + Schema.AGGREGATE_COLUMNS + ")");
      st.execute(
          "CREATE TEMP TABLE IF NOT EXISTS staging_mentions (" + Schema.MENTION_COLUMNS + ")");
      st.execute("CREATE TEMP TABLE IF NOT EXISTS staging_volumes (" + Schema.VOLUME_COLUMNS + ")");
    }
    clearStaging = conn.prepareStatement("DELETE FROM " + STAGED);
    clearStagingChronology = conn.prepareStatement("DELETE FROM temp.main.staging_chronology");
    clearStagingAggregates = conn.prepareStatement("DELETE FROM temp.main.staging_aggregates");
    clearStagingMentions = conn.prepareStatement("DELETE FROM temp.main.staging_mentions");
    clearStagingVolumes = conn.prepareStatement("DELETE FROM temp.main.staging_volumes");
    insertFile =
        conn.prepareStatement("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  }

  @Override
  public void close() {
    for (PreparedStatement p :
        new PreparedStatement[] {
          clearStaging,
          clearStagingChronology,
          clearStagingAggregates,
          clearStagingMentions,
          clearStagingVolumes,
          insertFile
        }) {
      try {
        p.close();
      } catch (SQLException e) {
        // closing the connection frees them in any case
      }
    }
  }
}
