package org.entente.store.duckdb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.entente.store.FileLoad;
import org.entente.store.FileMeta;
import org.entente.store.LoadBatch;
import org.entente.store.StoreException;

/**
 * Several files' loads in one DuckDB transaction. Every file's events are appended to the one
 * staging table in read order, each row with its file's id; on {@link #commit} one statement moves
 * the first read of every key the store does not hold into {@code events} (so duplicates across
 * files are decided as a file-by-file load decides them), one more gives each file's stored count,
 * the rollup is updated once for the whole batch, and each file gets its manifest row. A file that
 * staged mentions, aggregate rows or chronology entries is settled when it finishes: the events
 * staged so far are moved first, then its own rows, as a load of its own would see the store.
 *
 * <p>Per file this saves the transaction's commit (the write-ahead log), the dedup and rollup
 * statements and the appenders' set-up: most of the time of a one-row file.
 */
final class DuckDbLoadBatch implements LoadBatch {
  final DuckDBConnection conn;
  final LoadStatements sql;
  final StagingAppenders appenders;
  private final List<Finished> finished = new ArrayList<>();
  private final int firstFileId;
  private int nextFileId;
  private DuckDbFileLoad current;

  /** Finished files whose events are staged but not yet moved: from this index of finished. */
  private int unsettled;

  private boolean open = true;

  /** A finished file: its load and what it reported, with the counts known so far. */
  private static final class Finished {
    final DuckDbFileLoad load;
    final String checksum;
    final String format;
    final long rowsRead;
    final long rowsFiltered;
    long stored;
    long unlinked;

    Finished(
        DuckDbFileLoad load, String checksum, String format, long rowsRead, long rowsFiltered) {
      this.load = load;
      this.checksum = checksum;
      this.format = format;
      this.rowsRead = rowsRead;
      this.rowsFiltered = rowsFiltered;
    }
  }

  DuckDbLoadBatch(DuckDBConnection conn, LoadStatements sql) {
    this.conn = conn;
    this.sql = sql;
    this.appenders = new StagingAppenders(conn, false);
    try {
      conn.setAutoCommit(false);
      if (sql.stagingDirty) {
        DuckDbFileLoad.clearAll(sql);
      }
      firstFileId = sql.nextFileId(conn);
      nextFileId = firstFileId;
    } catch (SQLException e) {
      DuckDbFileLoad.rollbackQuietly(conn);
      throw new StoreException("cannot start a batch of loads: " + e.getMessage(), e);
    }
  }

  @Override
  public FileLoad beginFile(FileMeta file) {
    if (!open) {
      throw new IllegalStateException("the batch is finished");
    }
    if (current != null) {
      throw new IllegalStateException("the batch's previous file is not finished");
    }
    current = new DuckDbFileLoad(this, file, nextFileId++);
    return current;
  }

  /** Called by a load's {@link DuckDbFileLoad#finish}. */
  void finished(
      DuckDbFileLoad load, String checksum, String format, long rowsRead, long rowsFiltered) {
    current = null;
    Finished f = new Finished(load, checksum, format, rowsRead, rowsFiltered);
    finished.add(f);
    if (load.stagedOthers()) {
      try {
        settle();
        long[] others = load.insertOthers();
        f.stored += others[0];
        f.unlinked = others[1];
        load.dropOtherStaging();
        if (load.stagedAggregates()) {
          sql.committed(true);
        }
      } catch (SQLException e) {
        abort();
        throw new StoreException(
            "cannot load " + load.file().path() + " in a batch: " + e.getMessage(), e);
      }
    }
  }

  /** Moves the events staged by the finished files not yet settled, and counts each file's. */
  private void settle() throws SQLException {
    appenders.close();
    if (unsettled == finished.size()) {
      return;
    }
    long staged = 0;
    for (int i = unsettled; i < finished.size(); i++) {
      staged += finished.get(i).load.staged();
    }
    if (staged > 0) {
      int from = finished.get(unsettled).load.fileId();
      Map<Integer, Long> stored = new HashMap<>();
      try (Statement st = conn.createStatement()) {
        SourceConflicts.check(st, "the batch", LoadStatements.STAGED, false, false, sql);
        if (DuckDbFileLoad.insertStagedEvents(st) > 0) {
          try (ResultSet rs =
              st.executeQuery(
                  "SELECT file_id, count(*) FROM events WHERE file_id >= "
                      + from
                      + " GROUP BY file_id")) {
            while (rs.next()) {
              stored.put(rs.getInt(1), rs.getLong(2));
            }
          }
        }
      }
      sql.clearStaging.execute();
      for (int i = unsettled; i < finished.size(); i++) {
        Finished f = finished.get(i);
        f.stored += stored.getOrDefault(f.load.fileId(), 0L);
      }
    }
    unsettled = finished.size();
  }

  @Override
  public List<FileLoad.LoadResult> commit() {
    if (!open) {
      throw new IllegalStateException("the batch is finished");
    }
    if (current != null) {
      throw new IllegalStateException("the batch's last file is not finished");
    }
    try {
      settle();
      List<FileLoad.LoadResult> out = new ArrayList<>();
      boolean anyStored = false;
      // the manifest rows through an appender: one prepared insert per file cost more than the
      // rest of the batch's commit
      try (DuckDBAppender files = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "files")) {
        for (Finished f : finished) {
          DuckDbFileLoad l = f.load;
          long duplicates = l.staged() + l.stagedOtherRows() - f.unlinked - f.stored;
          l.appendFileRow(
              files,
              f.checksum,
              f.format,
              f.rowsRead,
              f.stored,
              duplicates,
              f.rowsFiltered + f.unlinked);
          out.add(new FileLoad.LoadResult(f.stored, duplicates, l.rejected(), f.unlinked));
          anyStored |= f.stored > 0;
        }
      }
      if (finished.stream().anyMatch(f -> f.load.hasFilteredMonths())) {
        try (DuckDBAppender months =
            conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, Schema.FILTERED_MONTHS)) {
          for (Finished f : finished) {
            f.load.appendFilteredMonths(months);
          }
        }
      }
      if (anyStored) {
        // the batch's events: appended last, so the file_id zone maps skip the rest
        try (Statement st = conn.createStatement()) {
          RollupSql.mergeOrDefer(
              st,
              "(SELECT * FROM events WHERE file_id >= " + firstFileId + ")",
              sql.deferRollups());
        }
      }
      conn.commit();
      open = false;
      conn.setAutoCommit(true);
      return out;
    } catch (SQLException e) {
      abort();
      throw new StoreException("cannot commit a batch of loads: " + e.getMessage(), e);
    }
  }

  @Override
  public void abort() {
    if (!open) {
      return;
    }
    open = false;
    current = null;
    DuckDbFileLoad.rollBack(conn, appenders, sql);
  }

  @Override
  public void close() {
    abort();
  }
}
