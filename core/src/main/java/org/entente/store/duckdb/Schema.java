package org.entente.store.duckdb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The store's tables (documented in the README, section "Store schema"). */
final class Schema {
  static final int VERSION = 13;

  /**
   * The source name of curated chronology events. Stores of schema version 2 or older called it
   * {@code entente} (the chronology's file format); version 3 renames it on first open.
   */
  static final String CHRONOLOGY_SOURCE = "chronology";

  /** Column list of {@code events} in appender order. */
  static final String EVENT_COLUMNS =
      "source VARCHAR NOT NULL, source_event_id VARCHAR NOT NULL, event_date DATE NOT NULL,"
          + " actor1_code VARCHAR, actor1_country VARCHAR, actor1_type VARCHAR,"
          + " actor2_code VARCHAR, actor2_country VARCHAR, actor2_type VARCHAR,"
          + " event_code VARCHAR NOT NULL, base_code VARCHAR, root_code VARCHAR NOT NULL,"
          + " quad_class TINYINT NOT NULL, goldstein DOUBLE NOT NULL, num_mentions INTEGER,"
          + " num_sources INTEGER, num_articles INTEGER, avg_tone DOUBLE, source_url VARCHAR,"
          + " is_root BOOLEAN, intensity DOUBLE, file_id INTEGER NOT NULL, part VARCHAR,"
          + " line BIGINT NOT NULL";

  /** Column list of {@code chronology} in appender order. */
  static final String CHRONOLOGY_COLUMNS =
      "id VARCHAR NOT NULL, event_date DATE NOT NULL, precision VARCHAR NOT NULL,"
          + " actor1 VARCHAR NOT NULL, actor2 VARCHAR NOT NULL, event_code VARCHAR NOT NULL,"
          + " goldstein DOUBLE NOT NULL, quad_class TINYINT NOT NULL, title VARCHAR NOT NULL,"
          + " description VARCHAR, source VARCHAR NOT NULL, tags VARCHAR, file_id INTEGER NOT NULL";

  /**
   * Column list of {@code aggregates} (imported dyad-period rollups, version 4) in appender order:
   * the interchange format of {@code docs/rollup-format.md}, the period as its first day, plus
   * where each row was read.
   */
  static final String AGGREGATE_COLUMNS =
      "source VARCHAR NOT NULL, freq VARCHAR NOT NULL, period DATE NOT NULL, actor1 VARCHAR NOT"
          + " NULL, actor2 VARCHAR NOT NULL, directed BOOLEAN NOT NULL, n BIGINT, w1 DOUBLE, w2"
          + " DOUBLE, w3 DOUBLE, w4 DOUBLE, goldstein_sum DOUBLE, score DOUBLE, coverage DOUBLE,"
          + " file_id INTEGER NOT NULL, part VARCHAR, line BIGINT NOT NULL";

  /**
   * Column list of {@code mentions} (the GDELT 2.0 Mentions table, version 5) in appender order:
   * one row per article's mention of a {@code gdelt2} event, linked to it by {@code global_event_id
   * = source_event_id}, plus where each row was read.
   */
  static final String MENTION_COLUMNS =
      "global_event_id BIGINT NOT NULL, event_time TIMESTAMP NOT NULL, mention_time TIMESTAMP NOT"
          + " NULL, mention_type TINYINT NOT NULL, source_name VARCHAR, identifier VARCHAR,"
          + " sentence_id INTEGER, actor1_offset INTEGER, actor2_offset INTEGER, action_offset"
          + " INTEGER, in_raw_text BOOLEAN, confidence TINYINT, doc_length INTEGER, doc_tone"
          + " DOUBLE, translation VARCHAR, file_id INTEGER NOT NULL, part VARCHAR, line BIGINT NOT"
          + " NULL";

  /**
   * Column list of {@code volumes} (imported state volumes, version 6) in appender order: the
   * rollup format's volume rows ({@code kind = volume}), the period as its first day, plus where
   * each row was read.
   */
  static final String VOLUME_COLUMNS =
      "source VARCHAR NOT NULL, freq VARCHAR NOT NULL, period DATE NOT NULL, actor VARCHAR NOT"
          + " NULL, n BIGINT NOT NULL, w1 DOUBLE, w2 DOUBLE, w3 DOUBLE, w4 DOUBLE, goldstein_sum"
          + " DOUBLE, file_id INTEGER NOT NULL, part VARCHAR, line BIGINT NOT NULL";

  /** The table of imported state volumes. */
  static final String VOLUMES = "volumes";

  /** The table of GDELT 2.0 mentions. */
  static final String MENTIONS = "mentions";

  /**
   * Each {@code gdelt2} event's coverage from its mentions: how many, the first and last update
   * that mentioned it, from how many distinct sources (a view: always current).
   */
  static final String EVENT_MENTIONS_VIEW =
      "CREATE OR REPLACE VIEW event_mentions AS SELECT global_event_id, count(*) mentions,"
          + " min(mention_time) first_mention, max(mention_time) last_mention, count(DISTINCT"
          + " source_name) mention_sources FROM mentions GROUP BY global_event_id";

  /**
   * The table of the months in which a file read with an actor filter had rows of an event feed
   * that the filter left out (version 8): with the months of the feed's stored events, the months
   * the feed observed ({@code EventStore#monthsObserved}).
   */
  static final String FILTERED_MONTHS = "filtered_months";

  /**
   * Column list of {@link #FILTERED_MONTHS}: the month as its first day; a row without source and
   * month says the file's months are unknown (imported from a lake entry that did not record them).
   */
  static final String FILTERED_MONTH_COLUMNS =
      "file_id INTEGER NOT NULL, source VARCHAR, month DATE";

  /**
   * The months (first day) in which each source has at least one stored event, one row each (schema
   * 12): what {@link DuckDbStore#monthsObserved} reads with {@link #FILTERED_MONTHS}. The dyad
   * rollup, read before, holds only the events with both actor countries.
   */
  static final String EVENT_MONTHS = "event_months";

  /**
   * The table of the files whose events are not yet in the rollups (version 13): loads with {@code
   * ingest --defer-rollups} record their file here instead of adding to {@link RollupSql#TABLE},
   * {@link CodeRollupSql#TABLE} and {@link #EVENT_MONTHS}; while it holds a file, reads add its
   * events, rolled up on the fly ({@link RollupSql#withPending}), to the rollups' rows, until
   * {@code fold} adds the files' events to the tables and empties it. An older version refuses a
   * store of this version, so it never reads rollups that lack files.
   */
  static final String ROLLUP_PENDING = "rollup_pending";

  /** Adds the months of the events of {@code relation} that {@link #EVENT_MONTHS} lacks. */
  static String addEventMonths(String relation) {
    return "INSERT INTO "
        + EVENT_MONTHS
        + " SELECT DISTINCT source, month FROM (SELECT source, CAST(date_trunc('month', event_date)"
        + " AS DATE) AS month FROM "
        + relation
        + ") e WHERE NOT EXISTS (SELECT 1 FROM "
        + EVENT_MONTHS
        + " x WHERE x.source = e.source AND x.month = e.month)";
  }

  /**
   * The key in {@code meta} of the first file id whose filtered months are recorded: files read
   * with an actor filter before it (by a version that did not record them) leave the months of
   * their feeds unknown.
   */
  static final String FILTERED_MONTHS_FROM = "filtered_months_from_file";

  /** The table of imported aggregates. */
  static final String AGGREGATES = "aggregates";

  /**
   * The table of the pairs an imported rollup file holds (version 10; rows of kind {@code held} of
   * the rollup format's version 3): the file's source holds the events of these pairs only.
   */
  static final String HELD_PAIRS = "held_pairs";

  /** Column list of {@link #HELD_PAIRS} in appender order. */
  static final String HELD_PAIR_COLUMNS =
      "file_id INTEGER NOT NULL, source VARCHAR NOT NULL, actor1 VARCHAR NOT NULL, actor2 VARCHAR"
          + " NOT NULL";

  private Schema() {}

  /** The tables every current store has. */
  private static final java.util.List<String> TABLES =
      java.util.List.of(
          "meta",
          "files",
          "events",
          "chronology",
          RollupSql.TABLE,
          CodeRollupSql.TABLE,
          "rejects",
          AGGREGATES,
          MENTIONS,
          "event_mentions",
          VOLUMES,
          FILTERED_MONTHS,
          HELD_PAIRS,
          EVENT_MONTHS,
          ROLLUP_PENDING);

  /** Whether every table of the current schema exists (a read-only open cannot create any). */
  static boolean complete(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(DISTINCT table_name) FROM information_schema.tables WHERE"
                    + " table_schema = 'main' AND table_catalog = current_database() AND"
                    + " table_name IN ('"
                    + String.join("', '", TABLES)
                    + "')")) {
      rs.next();
      return rs.getLong(1) == TABLES.size();
    }
  }

  /**
   * Rebuilds {@code table} with {@code columns} (the same columns, no PRIMARY KEY) if it has a
   * PRIMARY KEY (DuckDB cannot drop one), keeping its rows.
   */
  private static void dropPrimaryKey(Statement st, String table, String columns)
      throws SQLException {
    try (ResultSet rs =
        st.executeQuery(
            "SELECT count(*) FROM duckdb_constraints() WHERE table_name = '"
                + table
                + "' AND constraint_type = 'PRIMARY KEY' AND schema_name = 'main' AND"
                + " database_name = current_database()")) {
      rs.next();
      if (rs.getLong(1) == 0) {
        return;
      }
    }
    st.execute("CREATE TABLE " + table + "_unkeyed (" + columns + ")");
    st.execute("INSERT INTO " + table + "_unkeyed SELECT * FROM " + table);
    st.execute("DROP TABLE " + table);
    st.execute("ALTER TABLE " + table + "_unkeyed RENAME TO " + table);
  }

  /** Whether the store has a table {@code name}. */
  private static boolean exists(Statement st, String name) throws SQLException {
    try (ResultSet rs =
        st.executeQuery(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = '"
                + name
                + "' AND table_schema = 'main' AND table_catalog = current_database()")) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }

  /**
   * Creates the tables of a new store, or brings an older store to this version, in one
   * transaction: a process killed half way leaves the store as it was (a table created and not yet
   * filled from the events, say the event-code rollup, would otherwise stay empty for good).
   */
  static void create(Connection c) throws SQLException {
    if (!c.getAutoCommit()) {
      createIn(c); // in the caller's transaction
      return;
    }
    c.setAutoCommit(false);
    try {
      createIn(c);
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static void createIn(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)");
      st.execute(
          "INSERT INTO meta VALUES ('schema_version', '"
              + VERSION
              + "') ON CONFLICT (key) DO NOTHING");
      st.execute(
          "CREATE TABLE IF NOT EXISTS files (file_id INTEGER PRIMARY KEY, path VARCHAR NOT NULL,"
              + " bytes BIGINT NOT NULL, checksum VARCHAR NOT NULL, format VARCHAR,"
              + " ingested_at TIMESTAMP NOT NULL, rows_read BIGINT, rows_stored BIGINT,"
              + " rows_rejected BIGINT, rows_duplicate BIGINT, rows_filtered BIGINT,"
              + " actor_filter VARCHAR)");
      st.execute("CREATE TABLE IF NOT EXISTS events (" + EVENT_COLUMNS + ")");
      st.execute("CREATE TABLE IF NOT EXISTS chronology (" + CHRONOLOGY_COLUMNS + ")");
      int stored;
      try (ResultSet rs =
          st.executeQuery("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'")) {
        rs.next();
        stored = rs.getInt(1);
      }
      if (stored < 3) {
        // version 3: the chronology's events are source 'chronology' (was 'entente', its format);
        // once, not on every open (it scans the events)
        st.execute(
            "UPDATE events SET source = '" + CHRONOLOGY_SOURCE + "' WHERE source = 'entente'");
      }
      boolean rollup;
      boolean rollupHasSource;
      boolean rollupExact;
      try (ResultSet rs =
          st.executeQuery(
              "SELECT count(*), count(*) FILTER (WHERE column_name = 'source'), count(*) FILTER"
                  + " (WHERE column_name = 'g_sum_hi') FROM"
                  + " information_schema.columns WHERE table_name = '"
                  + RollupSql.TABLE
                  + "' AND table_schema = 'main' AND table_catalog = current_database()")) {
        rs.next();
        rollup = rs.getLong(1) > 0;
        rollupHasSource = rs.getLong(2) > 0;
        rollupExact = rs.getLong(3) > 0;
      }
      if (rollup && (!rollupHasSource || !rollupExact)) {
        // version 2 rollups pooled every source, versions 3-8 held sums of doubles whose last
        // bits depended on the order of the rows, versions 9-10 exact sums as HUGEINT (slower to
        // read): rebuild from the events (version 11: exact sums as BIGINT pairs)
        st.execute("DROP TABLE " + RollupSql.TABLE);
        st.execute("DROP TABLE IF EXISTS " + CodeRollupSql.TABLE);
        rollup = false;
      }
      if (!rollup) {
        // version 1 stores had no rollup: build it from the events once
        st.execute("CREATE TABLE " + RollupSql.TABLE + " (" + RollupSql.COLUMNS + ")");
        st.execute("INSERT INTO " + RollupSql.TABLE + " " + RollupSql.rollupOf("events"));
      }
      // version 4: imported aggregates (older stores get the empty table)
      st.execute("CREATE TABLE IF NOT EXISTS " + AGGREGATES + " (" + AGGREGATE_COLUMNS + ")");
      // version 5: GDELT 2.0 mentions and the per-event view over them
      st.execute("CREATE TABLE IF NOT EXISTS " + MENTIONS + " (" + MENTION_COLUMNS + ")");
      st.execute(EVENT_MENTIONS_VIEW);
      // version 6: imported state volumes (rollup format version 2)
      st.execute("CREATE TABLE IF NOT EXISTS " + VOLUMES + " (" + VOLUME_COLUMNS + ")");
      // version 7: the event-code rollup, built from the events once
      if (!exists(st, CodeRollupSql.TABLE)) {
        st.execute("CREATE TABLE " + CodeRollupSql.TABLE + " (" + CodeRollupSql.COLUMNS + ")");
        st.execute("INSERT INTO " + CodeRollupSql.TABLE + " " + CodeRollupSql.rollupOf("events"));
      }
      // version 12: the rollups without a PRIMARY KEY (its index cost more than the rest of a load)
      for (String[] t :
          new String[][] {
            {RollupSql.TABLE, RollupSql.COLUMNS}, {CodeRollupSql.TABLE, CodeRollupSql.COLUMNS}
          }) {
        dropPrimaryKey(st, t[0], t[1]);
      }
      // version 8: the months of the rows an actor filter left out, recorded from the next file
      st.execute(
          "CREATE TABLE IF NOT EXISTS " + FILTERED_MONTHS + " (" + FILTERED_MONTH_COLUMNS + ")");
      st.execute(
          "INSERT INTO meta SELECT '"
              + FILTERED_MONTHS_FROM
              + "', CAST(coalesce(max(file_id), 0) + 1 AS VARCHAR) FROM files ON CONFLICT (key)"
              + " DO NOTHING");
      // version 10: the pairs imported rollup files hold
      st.execute("CREATE TABLE IF NOT EXISTS " + HELD_PAIRS + " (" + HELD_PAIR_COLUMNS + ")");
      // version 12: the months with events per source, built from the events once
      if (!exists(st, EVENT_MONTHS)) {
        st.execute(
            "CREATE TABLE " + EVENT_MONTHS + " (source VARCHAR NOT NULL, month DATE NOT NULL)");
        st.execute(addEventMonths("events"));
      }
      // version 13: the files whose events the rollups do not hold yet
      st.execute("CREATE TABLE IF NOT EXISTS " + ROLLUP_PENDING + " (file_id INTEGER NOT NULL)");
      st.execute("UPDATE meta SET value = '" + VERSION + "' WHERE key = 'schema_version'");
      st.execute(
          "CREATE TABLE IF NOT EXISTS rejects (file_id INTEGER NOT NULL, file VARCHAR NOT NULL,"
              + " line BIGINT NOT NULL, reason VARCHAR NOT NULL, detail VARCHAR, raw VARCHAR)");
    }
  }
}
