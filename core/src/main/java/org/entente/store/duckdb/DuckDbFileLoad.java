package org.entente.store.duckdb;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.entente.model.Event;
import org.entente.store.FileMeta;
import org.entente.store.StoreException;

/**
 * One file's load, in one DuckDB transaction. A load of its own appends events straight to {@code
 * events} and rejects to {@code rejects}; {@link #commit} deletes the events that are not new (all
 * but the first occurrence in the file of each (source, source_event_id, event_date), and those
 * another file holds), writes the manifest row and commits. A load of a {@link DuckDbLoadBatch}
 * runs in the batch's transaction, stages its events in a temporary table and ends with {@link
 * #finish}: the batch moves the new ones on and does the rest for all its files together.
 *
 * <p>Appending to {@code events} directly saves the copy from the staging table and the probe of
 * every staged key (1 M GDELT 2.0 rows: 13.6 s through staging, 10.2 s direct, in the same run);
 * the two checks that replace them cost nothing in the common case: a file whose ids ascend holds
 * no key twice, and a file whose span of dates no other file of its source reaches holds no key
 * another file holds.
 */
final class DuckDbFileLoad implements org.entente.store.BulkTsvLoad {
  private final DuckDBConnection conn;
  private final LoadStatements sql;
  private final FileMeta file;
  private final int fileId;
  private final StagingAppenders app;

  /** The batch this load belongs to, or null for a load in a transaction of its own. */
  private final DuckDbLoadBatch batch;

  private long stagedAggregates;
  private long stagedVolumes;

  /**
   * Per source with rows of kind {@code held} (format version 3), its pairs as {@code
   * actor1-actor2}, each once, in order; empty when its held rows were all rejected (it is
   * restricted to no pair).
   */
  private final java.util.Map<String, java.util.Set<String>> heldPairs =
      new java.util.LinkedHashMap<>();

  /** The valid rows of kind {@code held} read, repeats included. */
  private long stagedHeld;

  private long stagedMentions;
  private long staged;

  /** The sources of the events this load appended straight to {@code events}. */
  private final java.util.Set<String> sources = new java.util.TreeSet<>();

  /** The source of the last event appended (in {@link #sources}), or null. */
  private String lastSource;

  /** The first and last date (epoch days) of the events this load appended. */
  private long firstDay = Long.MAX_VALUE;

  private long lastDay = Long.MIN_VALUE;

  /**
   * Whether every event id this load appended was a number greater than the one before, the last
   * one being {@link #lastId}: then no key was appended twice.
   */
  private boolean idsAscend = true;

  private long lastId = -1;

  private long rejected;

  /** Per event feed, the months of the rows the actor filter left out ({@link #observed}). */
  private final java.util.Map<String, java.util.SortedSet<java.time.YearMonth>> filteredMonths =
      new java.util.TreeMap<>();

  /** Whether {@link #observed} said this file's filtered months are unknown. */
  private boolean filteredMonthsUnknown;

  private long entryCount;
  private boolean open = true;

  /**
   * Whether {@link #readTsv} read the file: its ids ascend line by line, so no key occurs twice,
   * whatever the order in which the rows, and the lines the row parser read again, were appended.
   */
  private boolean bulk;

  /**
   * Whether {@link #readTsv} turned {@code preserve_insertion_order} off on this connection and a
   * failure kept it from turning it back on: {@link #abort} does, after the rollback (a failed
   * statement leaves the transaction refusing every other statement until then).
   */
  private boolean insertionOrderOff;

  /** The statement of {@link #readTsv} while it runs (for {@link #readProgress}). */
  private volatile org.duckdb.DuckDBPreparedStatement reading;

  DuckDbFileLoad(DuckDBConnection conn, LoadStatements sql, FileMeta file) {
    this.conn = conn;
    this.sql = sql;
    this.file = file;
    this.batch = null;
    this.app = new StagingAppenders(conn, true);
    try {
      conn.setAutoCommit(false);
      if (sql.stagingDirty) {
        // a previous load could not empty them: no row of it may reach this one
        clearAll(sql);
      }
      fileId = sql.nextFileId(conn);
    } catch (SQLException e) {
      rollbackQuietly(conn);
      throw new StoreException("cannot start loading " + file.path() + ": " + e.getMessage(), e);
    }
  }

  /** A load in {@code batch}'s transaction, as file {@code fileId}. */
  DuckDbFileLoad(DuckDbLoadBatch batch, FileMeta file, int fileId) {
    this.conn = batch.conn;
    this.sql = batch.sql;
    this.file = file;
    this.batch = batch;
    this.app = batch.appenders;
    this.fileId = fileId;
  }

  /**
   * Yes: a DuckDB transaction belongs to the connection, not to a thread; the appenders this load
   * makes belong to the thread that makes them, which is the one driving the load.
   */
  @Override
  public boolean threadAgnostic() {
    return true;
  }

  @Override
  public void add(Event e, String part, long line) {
    try {
      DuckDBAppender a = app.events();
      a.beginRow();
      a.append(e.source());
      a.append(e.sourceEventId());
      int day = (int) e.date().toEpochDay();
      a.appendEpochDays(day);
      str(a, e.actor1Code());
      str(a, e.actor1Country());
      str(a, e.actor1Type());
      str(a, e.actor2Code());
      str(a, e.actor2Country());
      str(a, e.actor2Type());
      a.append(e.eventCode());
      str(a, e.baseCode());
      a.append(e.rootCode());
      a.append((byte) e.quadClass());
      a.append(e.goldstein());
      integer(a, e.numMentions());
      integer(a, e.numSources());
      integer(a, e.numArticles());
      real(a, e.avgTone());
      str(a, e.sourceUrl());
      if (e.isRoot() == null) {
        a.appendNull();
      } else {
        a.append(e.isRoot().booleanValue());
      }
      real(a, e.intensity());
      endRow(a, part, line);
      staged++;
      if (batch == null) {
        appended(e, day);
      }
    } catch (SQLException ex) {
      throw new StoreException("cannot stage an event of " + part + ":" + line, ex);
    }
  }

  /** Notes an event appended straight to {@code events}: its source, date (epoch day) and id. */
  private void appended(Event e, int day) {
    if (!e.source().equals(lastSource)) { // a file's events share one source: one set lookup
      lastSource = e.source();
      sources.add(lastSource);
    }
    firstDay = Math.min(firstDay, day);
    lastDay = Math.max(lastDay, day);
    if (idsAscend && !bulk) {
      long id = idNumber(e.sourceEventId());
      idsAscend = id > lastId;
      lastId = id;
    }
  }

  /** An id of 1 to 18 ASCII digits as its number, any other as -1. */
  static long idNumber(String id) {
    int n = id.length();
    if (n == 0 || n > 18) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /**
   * Deletes the events this load appended that are not new: all but the first of a key appended
   * more than once, and those whose key another file's event holds.
   *
   * @return events kept
   */
  private long keepNewEvents() throws SQLException {
    long deleted = 0;
    if (!idsAscend) {
      try (PreparedStatement ps = conn.prepareStatement(LoadStatements.DELETE_REPEATED)) {
        ps.setInt(1, fileId);
        deleted += ps.executeUpdate();
      }
    }
    boolean othersInSpan;
    try (PreparedStatement ps =
        conn.prepareStatement(LoadStatements.othersInSpan(sources.size()))) {
      int i = 0;
      ps.setInt(++i, fileId);
      for (String source : sources) {
        ps.setString(++i, source);
      }
      ps.setObject(++i, LocalDate.ofEpochDay(firstDay));
      ps.setObject(++i, LocalDate.ofEpochDay(lastDay));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        othersInSpan = rs.getBoolean(1);
      }
    }
    if (othersInSpan) {
      try (PreparedStatement ps = conn.prepareStatement(LoadStatements.DELETE_HELD)) {
        ps.setInt(1, fileId);
        ps.setObject(2, LocalDate.ofEpochDay(firstDay));
        ps.setObject(3, LocalDate.ofEpochDay(lastDay));
        deleted += ps.executeUpdate();
      }
    }
    return staged - deleted;
  }

  @Override
  public void readTsv(BulkTsvSpec spec) throws Declined {
    if (!open || batch != null || staged > 0 || bulk) {
      throw new IllegalStateException("readTsv begins a load of its own, once");
    }
    bulk = true;
    long expected = spec.lines() - spec.rowLines().length;
    long inserted;
    try (Statement st = conn.createStatement()) {
      if (spec.rowLines().length > 0) {
        // the row parser's lines: k-th of them (from 1), id; kept out of the INSERT, and counted
        // below each stored row's id for its line; dropped by the rollback if the load fails
        st.execute(
            "CREATE OR REPLACE TEMP TABLE bulk_row_ids (k BIGINT NOT NULL, id BIGINT NOT NULL)");
        try (DuckDBAppender a = conn.createAppender("temp", "main", "bulk_row_ids")) {
          long[] ids = spec.rowIds();
          for (int k = 0; k < ids.length; k++) {
            a.beginRow();
            a.append((long) k + 1);
            a.append(ids[k]);
            a.endRow();
          }
        }
      }
      reading = st.unwrap(org.duckdb.DuckDBPreparedStatement.class);
      // the rows' order does not matter (their lines come from their ids), and keeping it doubled
      // the statement's time under the store's memory limit; for this connection only (the
      // setting's default scope is the whole instance, the server's readers included)
      st.execute("SET SESSION preserve_insertion_order = false");
      insertionOrderOff = true;
      inserted = st.executeUpdate(BulkTsvSql.insert(spec, fileId));
      st.execute("RESET SESSION preserve_insertion_order");
      insertionOrderOff = false;
    } catch (SQLException e) {
      throw new Declined("DuckDB's reader: " + e.getMessage(), e);
    } finally {
      reading = null;
    }
    try (Statement st = conn.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              // distinct ids: as distinct lines when a line is the id less a constant (a count
              // of distinct BIGINTs takes a few milliseconds over 1 M rows, of distinct strings
              // 100-200 ms)
              "SELECT count(*), count(DISTINCT "
                  + (spec.consecutiveIds() ? "line" : "CAST(source_event_id AS BIGINT)")
                  + "), min(event_date), max(event_date), CAST(sum(CAST(source_event_id AS"
                  + " BIGINT)) % 18446744073709551616 AS VARCHAR), min(line), max(line) FROM"
                  + " events WHERE file_id = "
                  + fileId)) {
        rs.next();
        long n = rs.getLong(1);
        String sum = rs.getString(5);
        // every line the scan found plain one row, with the ids the scan summed
        if (n != expected
            || inserted != n
            || rs.getLong(2) != n
            || (n > 0 && !Long.toUnsignedString(spec.keptIdSum()).equals(sum))
            || (spec.consecutiveIds()
                && n > 0
                && (rs.getLong(6) < 1 || rs.getLong(7) > spec.lines()))) {
          throw new Declined(
              "DuckDB's reader gave "
                  + n
                  + " rows ("
                  + rs.getLong(2)
                  + " ids) for "
                  + expected
                  + " lines",
              null);
        }
        if (n > 0) {
          firstDay = rs.getObject(3, LocalDate.class).toEpochDay();
          lastDay = rs.getObject(4, LocalDate.class).toEpochDay();
          sources.add(spec.source());
          lastSource = spec.source();
        }
      }
      boolean left = spec.rowLines().length > 0;
      if (!spec.consecutiveIds() && expected > 0) {
        // the ids ascend line by line: a row's line is its id's rank among all the file's lines,
        // its rank among the stored rows plus the row parser's lines with lower ids (the greatest
        // k whose id is lower: an ASOF join)
        st.executeUpdate(
            "UPDATE events SET line = r.rn"
                + (left ? " + coalesce(b.k, 0)" : "")
                + " FROM (SELECT rowid AS rid, CAST(source_event_id AS BIGINT) AS idn,"
                + " row_number() OVER (ORDER BY CAST(source_event_id AS BIGINT)) AS rn FROM events"
                + " WHERE file_id = "
                + fileId
                + ") r"
                + (left ? " ASOF LEFT JOIN " + BulkTsvSql.ROW_IDS + " b ON r.idn > b.id" : "")
                + " WHERE events.rowid = r.rid");
      }
      if (left) {
        st.execute("DROP TABLE " + BulkTsvSql.ROW_IDS);
      }
      staged = expected;
    } catch (SQLException | RuntimeException e) {
      throw new Declined("DuckDB: " + e.getMessage(), e);
    }
  }

  @Override
  public double readProgress() {
    org.duckdb.DuckDBPreparedStatement st = reading;
    if (st == null) {
      return -1;
    }
    try {
      double p = st.getQueryProgress().getPercentage();
      return p < 0 ? -1 : Math.min(1, p / 100);
    } catch (SQLException | RuntimeException e) {
      return -1;
    }
  }

  /** Ends a staged row with where it was read: this load's file, the part and the line. */
  private void endRow(DuckDBAppender a, String part, long line) throws SQLException {
    a.append(fileId);
    str(a, part);
    a.append(line);
    a.endRow();
  }

  /** The first columns of an imported rollup row: source, native frequency, period start. */
  private static void period(
      DuckDBAppender a, String source, org.entente.store.RollupFrequency freq, LocalDate period)
      throws SQLException {
    a.append(source);
    a.append(freq.word());
    a.appendEpochDays((int) period.toEpochDay());
  }

  /** A rollup row's additive quantities, NULL where the source lacks one. */
  private static void sums(
      DuckDBAppender a, Long n, Double w1, Double w2, Double w3, Double w4, Double goldsteinSum)
      throws SQLException {
    if (n == null) {
      a.appendNull();
    } else {
      a.append(n.longValue());
    }
    real(a, w1);
    real(a, w2);
    real(a, w3);
    real(a, w4);
    real(a, goldsteinSum);
  }

  private static void str(DuckDBAppender a, String s) throws SQLException {
    if (s == null) {
      a.appendNull();
    } else {
      a.append(s);
    }
  }

  private static void integer(DuckDBAppender a, Integer v) throws SQLException {
    if (v == null) {
      a.appendNull();
    } else {
      a.append(v.intValue());
    }
  }

  private static void real(DuckDBAppender a, Double v) throws SQLException {
    if (v == null) {
      a.appendNull();
    } else {
      a.append(v.doubleValue());
    }
  }

  @Override
  public void addEntry(org.entente.model.ChronologyEntry e) {
    try {
      entryCount++;
      DuckDBAppender a = app.entries();
      a.beginRow();
      a.append(e.id());
      a.appendEpochDays((int) e.date().toEpochDay());
      a.append(e.precision());
      a.append(e.actor1());
      a.append(e.actor2());
      a.append(e.code());
      a.append(e.goldstein());
      a.append((byte) e.quad());
      a.append(e.title());
      str(a, e.description());
      a.append(e.source());
      a.append(String.join(";", e.tags()));
      a.append(fileId);
      a.endRow();
    } catch (SQLException ex) {
      throw new StoreException("cannot stage chronology entry " + e.id(), ex);
    }
  }

  @Override
  public void addRollup(org.entente.store.RollupRow r, String part, long line) {
    try {
      DuckDBAppender a = app.aggregates();
      a.beginRow();
      period(a, r.source(), r.freq(), r.period());
      a.append(r.actor1());
      a.append(r.actor2());
      a.append(r.directed());
      sums(a, r.n(), r.w1(), r.w2(), r.w3(), r.w4(), r.goldsteinSum());
      real(a, r.score());
      real(a, r.coverage());
      endRow(a, part, line);
      stagedAggregates++;
    } catch (SQLException ex) {
      throw new StoreException("cannot stage an aggregate row of " + part + ":" + line, ex);
    }
  }

  @Override
  public void addVolume(org.entente.store.VolumeRow r, String part, long line) {
    try {
      DuckDBAppender a = app.volumes();
      a.beginRow();
      period(a, r.source(), r.freq(), r.period());
      a.append(r.actor());
      sums(a, r.n(), r.w1(), r.w2(), r.w3(), r.w4(), r.goldsteinSum());
      endRow(a, part, line);
      stagedVolumes++;
    } catch (SQLException ex) {
      throw new StoreException("cannot stage a volume row of " + part + ":" + line, ex);
    }
  }

  @Override
  public void addHeldPair(String source, String actor1, String actor2, String part, long line) {
    if (!open) {
      throw new IllegalStateException("load already finished");
    }
    java.util.Set<String> pairs =
        heldPairs.computeIfAbsent(source, s -> new java.util.LinkedHashSet<>());
    if (actor1 != null) { // null: a rejected held row, which restricts the source all the same
      pairs.add(actor1 + "-" + actor2);
      stagedHeld++;
    }
  }

  @Override
  public void addMention(org.entente.model.Mention m, String part, long line) {
    try {
      DuckDBAppender a = app.mentions();
      a.beginRow();
      a.append(m.globalEventId());
      a.append(m.eventTime());
      a.append(m.mentionTime());
      a.append((byte) m.mentionType());
      str(a, m.sourceName());
      str(a, m.identifier());
      integer(a, m.sentenceId());
      integer(a, m.actor1Offset());
      integer(a, m.actor2Offset());
      integer(a, m.actionOffset());
      if (m.inRawText() == null) {
        a.appendNull();
      } else {
        a.append(m.inRawText().booleanValue());
      }
      if (m.confidence() == null) {
        a.appendNull();
      } else {
        a.append(m.confidence().byteValue());
      }
      integer(a, m.docLength());
      real(a, m.docTone());
      str(a, m.translation());
      endRow(a, part, line);
      stagedMentions++;
    } catch (SQLException ex) {
      throw new StoreException("cannot stage a mention of " + part + ":" + line, ex);
    }
  }

  @Override
  public void reject(String part, long line, String reason, String detail, String raw) {
    try {
      DuckDBAppender rejects = app.rejects();
      rejects.beginRow();
      rejects.append(fileId);
      rejects.append(part);
      rejects.append(line);
      rejects.append(reason);
      str(rejects, detail);
      str(rejects, raw);
      rejects.endRow();
      rejected++;
    } catch (SQLException ex) {
      throw new StoreException("cannot keep the rejected row " + part + ":" + line, ex);
    }
  }

  @Override
  public LoadResult commit(String checksum, String format, long rowsRead, long rowsFiltered) {
    if (!open || batch != null) {
      throw new IllegalStateException(
          open ? "a load of a batch ends with finish" : "load already finished");
    }
    try {
      app.close();
      long stored;
      try (Statement st = conn.createStatement()) {
        SourceConflicts.check(
            st,
            file.path(),
            staged > 0 ? "(SELECT source FROM events WHERE file_id = " + fileId + ")" : null,
            stagedAggregates > 0,
            stagedVolumes > 0,
            sql);
        stored = staged > 0 ? keepNewEvents() : 0;
        if (stored > 0) {
          // this load's events: appended last, so the file_id zone maps skip the rest
          RollupSql.mergeOrDefer(
              st, "(SELECT * FROM events WHERE file_id = " + fileId + ")", sql.deferRollups());
        }
      }
      long[] others = insertOthers();
      stored += others[0];
      long unlinked = others[1];
      long duplicates =
          staged
              + stagedAggregates
              + stagedVolumes
              + stagedMentions
              + stagedHeld
              - unlinked
              - stored;
      insertFileRow(checksum, format, rowsRead, stored, duplicates, rowsFiltered + unlinked);
      if (hasFilteredMonths()) {
        try (DuckDBAppender a =
            conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, Schema.FILTERED_MONTHS)) {
          appendFilteredMonths(a);
        }
      }
      conn.commit();
      sql.committed(stagedAggregates());
      open = false;
      conn.setAutoCommit(true);
      dropStaging();
      return new LoadResult(stored, duplicates, rejected, unlinked);
    } catch (SQLException e) {
      abort();
      throw new StoreException("cannot commit " + file.path() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Moves the staged events that are new to the store into {@code events}: the first read of each
   * key (the lowest rowid; several files of a batch are staged in the order they were read).
   *
   * @return events stored
   */
  static long insertStagedEvents(Statement st) throws SQLException {
    boolean twice;
    try (ResultSet rs = st.executeQuery(LoadStatements.STAGED_TWICE)) {
      rs.next();
      twice = rs.getBoolean(1);
    }
    return st.executeUpdate(
        twice ? LoadStatements.INSERT_FRESH_EVENTS : LoadStatements.INSERT_NEW_EVENTS);
  }

  /**
   * Stores this load's staged aggregate rows, mentions and chronology entries (after its events:
   * the appenders are closed).
   *
   * @return rows stored, and mentions left out as unlinked
   */
  long[] insertOthers() throws SQLException {
    long stored = 0;
    if (stagedAggregates()) {
      try (Statement st = conn.createStatement()) {
        if (batch != null) {
          SourceConflicts.check(
              st, file.path(), null, stagedAggregates > 0, stagedVolumes > 0, sql);
        }
        if (stagedAggregates > 0) {
          // a repeat with other values is rejected with its reason, not counted as a duplicate
          long conflicts = st.executeUpdate(LoadStatements.REJECT_CONFLICTING_AGGREGATES);
          rejected += conflicts;
          stagedAggregates -= conflicts;
          stored += st.executeUpdate(LoadStatements.INSERT_FRESH_AGGREGATES);
        }
        if (stagedVolumes > 0) {
          stored += st.executeUpdate(LoadStatements.INSERT_FRESH_VOLUMES);
        }
      }
    }
    if (!heldPairs.isEmpty()) {
      try (DuckDBAppender a =
          conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, Schema.HELD_PAIRS)) {
        for (java.util.Map.Entry<String, java.util.Set<String>> e : heldPairs.entrySet()) {
          // a source whose held rows were all rejected gets the mark '-': restricted, to no pair
          for (String p : e.getValue().isEmpty() ? java.util.Set.of("-") : e.getValue()) {
            String[] ab = p.split("-", 2);
            a.beginRow();
            a.append(fileId);
            a.append(e.getKey());
            a.append(ab[0]);
            a.append(ab[1]);
            a.endRow();
          }
          stored += e.getValue().size();
        }
      }
    }
    long unlinked = 0;
    if (stagedMentions > 0) {
      boolean linkedOnly = file.actorFilter() != null;
      try (Statement st = conn.createStatement()) {
        if (linkedOnly) {
          try (ResultSet rs = st.executeQuery(LoadStatements.COUNT_UNLINKED_MENTIONS)) {
            rs.next();
            unlinked = rs.getLong(1);
          }
        }
        stored += st.executeUpdate(LoadStatements.insertFreshMentions(linkedOnly));
      }
    }
    if (entryCount > 0) {
      try (Statement st = conn.createStatement()) {
        st.executeUpdate(
            "INSERT INTO chronology SELECT * FROM temp.main.staging_chronology s WHERE NOT"
                + " EXISTS (SELECT 1 FROM chronology c WHERE c.id = s.id)");
      }
    }
    return new long[] {stored, unlinked};
  }

  @Override
  public void observed(String source, java.util.Set<java.time.YearMonth> months) {
    if (!open) {
      throw new IllegalStateException("load already finished");
    }
    if (months == null) {
      filteredMonthsUnknown = true;
    } else {
      filteredMonths.computeIfAbsent(source, k -> new java.util.TreeSet<>()).addAll(months);
    }
  }

  /**
   * Appends this file's months of filtered-out feed rows ({@link #observed}) through {@code a}, an
   * appender on {@link Schema#FILTERED_MONTHS}.
   */
  void appendFilteredMonths(DuckDBAppender a) throws SQLException {
    if (filteredMonthsUnknown) {
      a.beginRow();
      a.append(fileId);
      a.appendNull();
      a.appendNull();
      a.endRow();
    }
    for (var e : filteredMonths.entrySet()) {
      for (java.time.YearMonth m : e.getValue()) {
        a.beginRow();
        a.append(fileId);
        a.append(e.getKey());
        a.appendEpochDays((int) m.atDay(1).toEpochDay());
        a.endRow();
      }
    }
  }

  /** Whether {@link #observed} gave any month, or said they are unknown. */
  boolean hasFilteredMonths() {
    return filteredMonthsUnknown || !filteredMonths.isEmpty();
  }

  /** Writes this file's manifest row. */
  void insertFileRow(
      String checksum, String format, long rowsRead, long stored, long duplicates, long filtered)
      throws SQLException {
    PreparedStatement ps = sql.insertFile;
    ps.setInt(1, fileId);
    ps.setString(2, file.path());
    ps.setLong(3, file.bytes());
    ps.setString(4, checksum);
    ps.setString(5, format);
    ps.setTimestamp(6, Timestamp.valueOf(LocalDateTime.now()));
    ps.setLong(7, rowsRead);
    ps.setLong(8, stored);
    ps.setLong(9, rejected);
    ps.setLong(10, duplicates);
    ps.setLong(11, filtered);
    ps.setString(12, file.actorFilter());
    ps.executeUpdate();
  }

  /** Appends this file's manifest row through {@code a}, an appender on {@code files}. */
  void appendFileRow(
      DuckDBAppender a,
      String checksum,
      String format,
      long rowsRead,
      long stored,
      long duplicates,
      long filtered)
      throws SQLException {
    a.beginRow();
    a.append(fileId);
    a.append(file.path());
    a.append(file.bytes());
    a.append(checksum);
    str(a, format);
    a.append(LocalDateTime.now());
    a.append(rowsRead);
    a.append(stored);
    a.append(rejected);
    a.append(duplicates);
    a.append(filtered);
    str(a, file.actorFilter());
    a.endRow();
  }

  @Override
  public void finish(String checksum, String format, long rowsRead, long rowsFiltered) {
    if (!open || batch == null) {
      throw new IllegalStateException(
          open ? "a load alone ends with commit" : "load already finished");
    }
    open = false;
    batch.finished(this, checksum, format, rowsRead, rowsFiltered);
  }

  int fileId() {
    return fileId;
  }

  FileMeta file() {
    return file;
  }

  long staged() {
    return staged;
  }

  long rejected() {
    return rejected;
  }

  /** Whether this load staged anything besides events and rejects. */
  boolean stagedOthers() {
    return stagedAggregates() || stagedMentions > 0 || entryCount > 0 || !heldPairs.isEmpty();
  }

  /** Rows staged besides events and rejects. */
  long stagedOtherRows() {
    return stagedAggregates + stagedVolumes + stagedMentions + stagedHeld;
  }

  /** Whether this load staged aggregate or state volume rows. */
  boolean stagedAggregates() {
    return stagedAggregates > 0 || stagedVolumes > 0;
  }

  /**
   * Empties the staging tables this load used (kept for the next load: their statements stay
   * prepared). If that fails, the next load empties all of them before it starts.
   */
  private void dropStaging() {
    try {
      dropOtherStaging();
    } catch (SQLException e) {
      sql.stagingDirty = true;
    }
  }

  /** Empties the staging tables of everything but events that this load used. */
  void dropOtherStaging() throws SQLException {
    if (entryCount > 0) {
      sql.clearStagingChronology.execute();
    }
    if (stagedAggregates > 0) {
      sql.clearStagingAggregates.execute();
    }
    if (stagedMentions > 0) {
      sql.clearStagingMentions.execute();
    }
    if (stagedVolumes > 0) {
      sql.clearStagingVolumes.execute();
    }
  }

  static void clearAll(LoadStatements sql) throws SQLException {
    sql.clearStaging.execute();
    sql.clearStagingChronology.execute();
    sql.clearStagingAggregates.execute();
    sql.clearStagingMentions.execute();
    sql.clearStagingVolumes.execute();
    sql.stagingDirty = false;
  }

  @Override
  public void abort() {
    if (!open) {
      return;
    }
    open = false;
    if (batch != null) {
      batch.abort();
      return;
    }
    rollBack(conn, app, sql);
    if (insertionOrderOff) {
      try (Statement st = conn.createStatement()) {
        st.execute("RESET SESSION preserve_insertion_order");
        insertionOrderOff = false;
      } catch (SQLException e) {
        // nothing more can be done here
      }
    }
  }

  /**
   * Rolls back the transaction of a load or a batch and empties every staging table (a row may have
   * been staged before a failure counted it).
   */
  static void rollBack(DuckDBConnection conn, StagingAppenders app, LoadStatements sql) {
    app.closeQuietly();
    rollbackQuietly(conn);
    try {
      clearAll(sql);
    } catch (SQLException e) {
      sql.stagingDirty = true;
    }
  }

  static void rollbackQuietly(DuckDBConnection conn) {
    try {
      conn.rollback();
      conn.setAutoCommit(true);
    } catch (SQLException e) {
      // nothing more can be done; the transaction dies with the connection
    }
  }

  @Override
  public void close() {
    abort();
  }
}
