package org.entente.store.duckdb;

import java.sql.SQLException;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The appenders a load writes through, each created on first use (most loads use two of the six):
 * chronology entries, aggregate rows, state volumes and mentions go to the temporary staging
 * tables, rejects straight to the store's {@code rejects}, and events either to the staging table
 * (a batch's) or straight to the store's {@code events} (a load of its own). One load owns its own;
 * a batch's files share the batch's, so that a one-row file does not create and flush six
 * appenders.
 */
final class StagingAppenders {
  private final DuckDBConnection conn;

  /** Whether events go straight to the store's {@code events} table. */
  private final boolean eventsToStore;

  private DuckDBAppender events;
  private DuckDBAppender rejects;
  private DuckDBAppender entries;
  private DuckDBAppender aggregates;
  private DuckDBAppender mentions;
  private DuckDBAppender volumes;

  StagingAppenders(DuckDBConnection conn, boolean eventsToStore) {
    this.conn = conn;
    this.eventsToStore = eventsToStore;
  }

  DuckDBAppender events() throws SQLException {
    return events = open(events, !eventsToStore, eventsToStore ? "events" : "staging");
  }

  DuckDBAppender rejects() throws SQLException {
    return rejects = open(rejects, false, "rejects");
  }

  DuckDBAppender entries() throws SQLException {
    return entries = open(entries, true, "staging_chronology");
  }

  DuckDBAppender aggregates() throws SQLException {
    return aggregates = open(aggregates, true, "staging_aggregates");
  }

  DuckDBAppender mentions() throws SQLException {
    return mentions = open(mentions, true, "staging_mentions");
  }

  DuckDBAppender volumes() throws SQLException {
    return volumes = open(volumes, true, "staging_volumes");
  }

  /**
   * {@code current}, or an appender on {@code table} (a temporary staging table, or with {@code
   * temp} false the store's own) when it is null.
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

  /**
   * Flushes and closes every open appender (before a statement reads what they wrote); the next row
   * opens a new one.
   */
  void close() throws SQLException {
    try {
      for (DuckDBAppender a :
          new DuckDBAppender[] {events, rejects, entries, aggregates, mentions, volumes}) {
        if (a != null) {
          a.close();
        }
      }
    } finally {
      events = rejects = entries = aggregates = mentions = volumes = null;
    }
  }

  /** Closes every open appender, ignoring failures (the transaction is rolled back next). */
  void closeQuietly() {
    for (DuckDBAppender a :
        new DuckDBAppender[] {events, rejects, entries, aggregates, mentions, volumes}) {
      if (a != null) {
        try {
          a.close();
        } catch (SQLException e) {
          // aborting: the transaction is rolled back next
        }
      }
    }
    events = rejects = entries = aggregates = mentions = volumes = null;
  }
}
