package org.entente.store.duckdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.store.NotAStoreException;
import org.entente.store.StoreException;

/**
 * Checks that keep users' files safe: a store path must be absent, empty, or a DuckDB database
 * holding an Entente store (or nothing at all) before anything is written to it, and lock conflicts
 * with other processes are explained instead of surfacing as raw engine errors.
 */
final class StoreFiles {
  /** DuckDB's main header: an 8-byte checksum, then these magic bytes. */
  private static final byte[] MAGIC = {'D', 'U', 'C', 'K'};

  private static final int MAGIC_OFFSET = 8;

  private static final Pattern PID = Pattern.compile("PID (\\d+)");

  private StoreFiles() {}

  /** Whether {@code file} starts like a DuckDB database file. */
  static boolean isDuckDbFile(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(MAGIC_OFFSET + MAGIC.length);
      if (head.length < MAGIC_OFFSET + MAGIC.length) {
        return false;
      }
      for (int i = 0; i < MAGIC.length; i++) {
        if (head[MAGIC_OFFSET + i] != MAGIC[i]) {
          return false;
        }
      }
      return true;
    }
  }

  /** What a store path holds, once it has passed {@link #inspect}. */
  private enum Kind {
    ABSENT,
    EMPTY,
    DUCKDB
  }

  /**
   * Looks at a store path once: nothing there, an empty file, or a DuckDB database.
   *
   * @throws NotAStoreException for a directory or a file that is not a DuckDB database
   * @throws StoreException if the file cannot be read (a broken link among others)
   */
  private static Kind inspect(Path abs) {
    if (!Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return Kind.ABSENT;
    }
    if (Files.isDirectory(abs)) {
      throw new NotAStoreException(abs + " is a directory, not a store file");
    }
    try {
      if (Files.size(abs) == 0) {
        return Kind.EMPTY;
      }
      if (!isDuckDbFile(abs)) {
        throw new NotAStoreException(
            abs
                + " exists and is not an Entente store (not a DuckDB database); it was left"
                + " untouched. Name a new file or an existing store with --db.");
      }
      return Kind.DUCKDB;
    } catch (IOException e) {
      throw new StoreException("cannot read " + abs + ": " + e.getMessage(), e);
    }
  }

  /**
   * Refuses an existing path that is not a DuckDB database, an empty file included: DuckDB cannot
   * make a store in one (it says the file "is not a valid DuckDB database file"), and an empty file
   * the user made (by mktemp, say) is theirs to remove.
   */
  static void requireStoreOrAbsent(Path abs) {
    if (inspect(abs) == Kind.EMPTY) {
      throw new NotAStoreException(
          abs
              + " is an empty file, not a store: a store cannot be made in it. Remove it, or name"
              + " a new file with --db (it was left untouched).");
    }
  }

  /** Refuses a missing path, an empty file, or one that is not a DuckDB database. */
  static void requireStore(Path abs) {
    switch (inspect(abs)) {
      case ABSENT -> throw new NotAStoreException("no store at " + abs);
      case EMPTY -> throw new NotAStoreException(abs + " is an empty file, not a store");
      case DUCKDB -> {
        // a store, or a DuckDB database whose tables are checked once it is open
      }
    }
  }

  /**
   * The schema version of an Entente store.
   *
   * @throws NotAStoreException if the database holds tables but no Entente metadata
   */
  static int requireEntenteSchema(Connection c, Path abs) throws SQLException {
    int v = schemaVersion(c, abs);
    if (v < 0) {
      throw new NotAStoreException(
          abs
              + " is a DuckDB database but not an Entente store (it has no Entente metadata); it"
              + " was left untouched");
    }
    return v;
  }

  /** Refuses a DuckDB database that holds tables of something other than an Entente store. */
  static void requireEntenteSchemaOrEmpty(Connection c, Path abs) throws SQLException {
    if (schemaVersion(c, abs) >= 0) {
      return;
    }
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_catalog ="
                    + " current_database()")) {
      rs.next();
      if (rs.getLong(1) > 0) {
        throw new NotAStoreException(
            abs
                + " is a DuckDB database of another program (it has tables but no Entente"
                + " metadata); it was left untouched. Name a new file with --db.");
      }
    }
  }

  /**
   * The stored schema version, or -1 when the database has no Entente metadata.
   *
   * @throws NotAStoreException for a version that is not a positive number, or one newer than this
   *     version's: an older version would set the number back and then fail on, or misread, what
   *     the newer one changed (as version 11 did on a version 12 store: its loads failed on the
   *     rollups without primary keys)
   */
  private static int schemaVersion(Connection c, Path abs) throws SQLException {
    try (Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta' AND"
                  + " table_schema = 'main' AND table_catalog = current_database()")) {
        rs.next();
        if (rs.getLong(1) == 0) {
          return -1;
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
        if (!rs.next()) {
          return -1;
        }
        String value = rs.getString(1);
        int v;
        try {
          v = Integer.parseInt(value);
        } catch (NumberFormatException e) {
          v = 0;
        }
        if (v <= 0) {
          throw new NotAStoreException(
              abs
                  + " is an Entente store whose schema version '"
                  + value
                  + "' is not a number this version reads (up to "
                  + Schema.VERSION
                  + "); it was left untouched");
        }
        if (v > Schema.VERSION) {
          throw new NotAStoreException(
              abs
                  + " is an Entente store of schema "
                  + v
                  + ", written by a newer version of Entente; this version reads schemas up to "
                  + Schema.VERSION
                  + ": use the newer version (the store was left untouched)");
        }
        return v;
      }
    }
  }

  /**
   * The exception for a failed open: lock conflicts with another process are explained in words
   * (who holds the store and what to do); other failures name the store and the engine's message.
   */
  static RuntimeException openFailure(Path abs, Exception e) {
    String msg = String.valueOf(e.getMessage());
    if (msg.contains("Could not set lock")) {
      Matcher m = PID.matcher(msg);
      String pid = m.find() ? " (process " + m.group(1) + ")" : "";
      return new StoreException(
          "the store "
              + abs
              + " is in use by another process"
              + pid
              + ", e.g. an 'entente ingest' that is still running, or an 'entente serve' while"
              + " you try to write. Readers (info, series, test, report, serve) can share a"
              + " store with each other but not with a writer: wait for the ingest to finish, or"
              + " stop 'entente serve' before ingesting (or ingest into another file with --db"
              + " and serve that).",
          e);
    }
    return new StoreException("cannot open store " + abs + ": " + msg, e);
  }
}
