package org.entente.store.duckdb;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.entente.model.Event;
import org.entente.store.FileLoad;
import org.entente.store.FileMeta;
import org.entente.store.StoreException;

/**
 * One file's load, in one DuckDB transaction: events are appended to a temporary staging table and
 * rejects to {@code rejects}; {@link #commit} moves the staged events that are new to the store
 * (first occurrence of each (source, source_event_id, event_date)) into {@code events}, writes the
 * manifest row and commits.
 */
final class DuckDbFileLoad implements FileLoad {
  private final DuckDBConnection conn;
  private final LoadStatements sql;
  private final FileMeta file;
  private final int fileId;
  private DuckDBAppender events;
  private DuckDBAppender rejects;
  private DuckDBAppender entries;
  private DuckDBAppender aggregates;
  private DuckDBAppender mentions;
  private DuckDBAppender volumes;
  private long stagedAggregates;
  private long stagedVolumes;
  private long stagedMentions;
  private long staged;
  private long rejected;
  private long entryCount;
  private boolean open = true;

  DuckDbFileLoad(DuckDBConnection conn, LoadStatements sql, FileMeta file) {
    this.conn = conn;
    this.sql = sql;
    this.file = file;
    try {
      conn.setAutoCommit(false);
      if (sql.stagingDirty) {
        // a previous load could not empty them: no row of it may reach this one
        clearAll(sql);
      }
      fileId = sql.nextFileId(conn);
    } catch (SQLException e) {
      rollbackQuietly();
      throw new StoreException("cannot start loading " + file.path() + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code current}, or an appender on {@code table} (a temporary staging table, or with {@code
   * temp} false the store's own) when it is null: appenders are created on first use (most loads
   * use two of the five).
   */
  private DuckDBAppender open(DuckDBAppender current, boolean temp, String table)
      throws SQLException {
    if (current != null) {
      return current;
    }
    return temp
        ? conn.createAppender("temp", "main", table)
        : conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
  }

  @Override
  public void add(Event e, String part, long line) {
    try {
      DuckDBAppender a = events = open(events, true, "staging");
      a.beginRow();
      a.append(e.source());
      a.append(e.sourceEventId());
      a.appendEpochDays((int) e.date().toEpochDay());
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
      a.append(fileId);
      str(a, part);
      a.append(line);
      a.endRow();
      staged++;
    } catch (SQLException ex) {
      throw new StoreException("cannot stage an event of " + part + ":" + line, ex);
    }
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
      DuckDBAppender a = entries = open(entries, true, "staging_chronology");
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
      DuckDBAppender a = aggregates = open(aggregates, true, "staging_aggregates");
      a.beginRow();
      a.append(r.source());
      a.append(r.freq().word());
      a.appendEpochDays((int) r.period().toEpochDay());
      a.append(r.actor1());
      a.append(r.actor2());
      a.append(r.directed());
      if (r.n() == null) {
        a.appendNull();
      } else {
        a.append(r.n().longValue());
      }
      real(a, r.w1());
      real(a, r.w2());
      real(a, r.w3());
      real(a, r.w4());
      real(a, r.goldsteinSum());
      real(a, r.score());
      real(a, r.coverage());
      a.append(fileId);
      str(a, part);
      a.append(line);
      a.endRow();
      stagedAggregates++;
    } catch (SQLException ex) {
      throw new StoreException("cannot stage an aggregate row of " + part + ":" + line, ex);
    }
  }

  @Override
  public void addVolume(org.entente.store.VolumeRow r, String part, long line) {
    try {
      DuckDBAppender a = volumes = open(volumes, true, "staging_volumes");
      a.beginRow();
      a.append(r.source());
      a.append(r.freq().word());
      a.appendEpochDays((int) r.period().toEpochDay());
      a.append(r.actor());
      a.append(r.n().longValue());
      real(a, r.w1());
      real(a, r.w2());
      real(a, r.w3());
      real(a, r.w4());
      real(a, r.goldsteinSum());
      a.append(fileId);
      str(a, part);
      a.append(line);
      a.endRow();
      stagedVolumes++;
    } catch (SQLException ex) {
      throw new StoreException("cannot stage a volume row of " + part + ":" + line, ex);
    }
  }

  @Override
  public void addMention(org.entente.model.Mention m, String part, long line) {
    try {
      DuckDBAppender a = mentions = open(mentions, true, "staging_mentions");
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
      a.append(fileId);
      str(a, part);
      a.append(line);
      a.endRow();
      stagedMentions++;
    } catch (SQLException ex) {
      throw new StoreException("cannot stage a mention of " + part + ":" + line, ex);
    }
  }

  @Override
  public void reject(String part, long line, String reason, String detail, String raw) {
    try {
      DuckDBAppender rejects = this.rejects = open(this.rejects, false, "rejects");
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
    if (!open) {
      throw new IllegalStateException("load already finished");
    }
    try {
      for (DuckDBAppender a :
          new DuckDBAppender[] {events, rejects, entries, aggregates, mentions, volumes}) {
        if (a != null) {
          a.close();
        }
      }
      long stored;
      try (Statement st = conn.createStatement()) {
        SourceConflicts.check(
            st, file.path(), staged > 0, stagedAggregates > 0, stagedVolumes > 0, sql);
        stored = 0;
        if (staged > 0) {
          boolean twice;
          try (ResultSet rs = st.executeQuery(LoadStatements.STAGED_TWICE)) {
            rs.next();
            twice = rs.getBoolean(1);
          }
          stored =
              st.executeUpdate(
                  twice ? LoadStatements.INSERT_FRESH_EVENTS : LoadStatements.INSERT_NEW_EVENTS);
        }
        if (stored > 0) {
          // this load's events: appended last, so the file_id zone maps skip the rest
          st.execute(RollupSql.mergeFrom("(SELECT * FROM events WHERE file_id = " + fileId + ")"));
        }
      }
      if (stagedAggregates > 0) {
        try (Statement st = conn.createStatement()) {
          stored += st.executeUpdate(LoadStatements.INSERT_FRESH_AGGREGATES);
        }
      }
      if (stagedVolumes > 0) {
        try (Statement st = conn.createStatement()) {
          stored += st.executeUpdate(LoadStatements.INSERT_FRESH_VOLUMES);
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
      long duplicates =
          staged + stagedAggregates + stagedVolumes + stagedMentions - unlinked - stored;
      if (entryCount > 0) {
        try (Statement st = conn.createStatement()) {
          st.executeUpdate(
              "INSERT INTO chronology SELECT * FROM temp.main.staging_chronology s WHERE NOT"
                  + " EXISTS (SELECT 1 FROM chronology c WHERE c.id = s.id)");
        }
      }
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
      ps.setLong(11, rowsFiltered + unlinked);
      ps.setString(12, file.actorFilter());
      ps.executeUpdate();
      conn.commit();
      sql.committed(stagedAggregates > 0 || stagedVolumes > 0);
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
   * Empties the staging tables this load used (kept for the next load: their statements stay
   * prepared). If that fails, the next load empties all of them before it starts.
   */
  private void dropStaging() {
    try {
      if (events != null) {
        sql.clearStaging.execute();
      }
      if (entries != null) {
        sql.clearStagingChronology.execute();
      }
      if (aggregates != null) {
        sql.clearStagingAggregates.execute();
      }
      if (mentions != null) {
        sql.clearStagingMentions.execute();
      }
      if (volumes != null) {
        sql.clearStagingVolumes.execute();
      }
    } catch (SQLException e) {
      sql.stagingDirty = true;
    }
  }

  private static void clearAll(LoadStatements sql) throws SQLException {
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
    closeQuietly(events);
    closeQuietly(rejects);
    closeQuietly(entries);
    closeQuietly(aggregates);
    closeQuietly(mentions);
    closeQuietly(volumes);
    rollbackQuietly();
    dropStaging();
  }

  private static void closeQuietly(DuckDBAppender a) {
    if (a == null) {
      return;
    }
    try {
      a.close();
    } catch (SQLException e) {
      // aborting: the transaction is rolled back next
    }
  }

  private void rollbackQuietly() {
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
