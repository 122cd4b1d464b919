package org.entente.store.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duckdb.DuckDBConnection;
import org.entente.store.CodeCount;
import org.entente.store.DyadQuery;
import org.entente.store.EventStore;
import org.entente.store.FileLoad;
import org.entente.store.FileMeta;
import org.entente.store.LoadBatch;
import org.entente.store.MonthRange;
import org.entente.store.PeriodAggregate;
import org.entente.store.StoreException;
import org.entente.store.StoreSummary;
import org.entente.store.StoredFile;
import org.entente.store.sql.AggregateSql;
import org.entente.store.sql.ExportSql;
import org.entente.store.sql.SummarySql;

/**
 * The default engine: one embedded DuckDB file. The schema is in {@link Schema} and documented in
 * the README.
 *
 * <p>A file load runs in one transaction: its events go straight to {@code events} (a batch's to a
 * temporary staging table), are deduplicated against the file and the store on commit, and the
 * manifest row is written in the same transaction, so a failure or a crash mid-file leaves the
 * store as it was.
 */
public final class DuckDbStore implements EventStore, org.entente.store.BulkTsvLoad.Engine {
  /** Idle query connections kept for reuse (more are made on demand, then closed). */
  private static final int POOL = 16;

  /** Why DuckDB's native library could not be prepared, or null: reported when a store opens. */
  private static final IllegalStateException NATIVE_FAILURE;

  static {
    IllegalStateException failure = null;
    try {
      DuckDbNativeLibrary.prepare();
    } catch (IllegalStateException e) {
      failure = e; // a class initialiser must not fail: the first open says what to do
    }
    NATIVE_FAILURE = failure;
    skipDriverMemoryEvents();
  }

  /**
   * The system property that keeps DuckDB's JFR memory events ({@code -Dentente.duckdb.jfr=true},
   * for a JFR recording that wants them).
   */
  static final String KEEP_JFR = "entente.duckdb.jfr";

  /**
   * DuckDB's JDBC driver (1.5) registers a JFR periodic event for its native memory when its driver
   * class initialises, even when nothing records: the JVM then builds JFR's metadata and rewrites
   * the event's class, about 70 ms of the start of every command that opens a store. This marks the
   * driver's monitor as set up already (its private flag {@code initialized}) before the driver
   * loads, unless {@link #KEEP_JFR} is set; a JFR recording then lacks only DuckDB's memory event.
   * With a driver that has no such flag, nothing happens.
   *
   * @return whether the driver's monitor was skipped
   */
  static boolean skipDriverMemoryEvents() {
    if (Boolean.getBoolean(KEEP_JFR)) {
      return false;
    }
    try {
      Class<?> monitor =
          Class.forName("org.duckdb.DuckDBMemoryMonitor", true, DuckDbStore.class.getClassLoader());
      java.lang.reflect.Field initialized = monitor.getDeclaredField("initialized");
      if (initialized.getType() != boolean.class
          || !java.lang.reflect.Modifier.isStatic(initialized.getModifiers())) {
        return false;
      }
      initialized.setAccessible(true);
      initialized.setBoolean(null, true);
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return false; // another driver: it registers its event as it likes
    }
  }

  private static void requireNativeLibrary() {
    if (NATIVE_FAILURE != null) {
      throw new StoreException(NATIVE_FAILURE.getMessage(), NATIVE_FAILURE);
    }
  }

  private final DuckDBConnection conn;
  private final String location;
  private final boolean readOnly;
  private final java.util.concurrent.ConcurrentLinkedDeque<PooledConnection> idle =
      new java.util.concurrent.ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  /** A read-only store's imported aggregate sources, once read ({@link #importedSources}). */
  private volatile Map<String, Imported> importedSources;

  private LoadStatements loadStatements;

  /**
   * Whether the rollups may lack some file's events ({@link Schema#ROLLUP_PENDING}): read when the
   * store opens (no other process writes the file while this store has it open, read-only or not),
   * then set when this store's loads start deferring (before any of them commits) and cleared by
   * its folds after they commit, so a read adds the pending files' events, if any, to the rollups'
   * rows ({@link #rollup}) whenever some may be pending.
   */
  private volatile boolean rollupsPending;

  private DuckDbStore(DuckDBConnection conn, String location, boolean readOnly) {
    this.conn = conn;
    this.location = location;
    this.readOnly = readOnly;
  }

  /** A store of the open connection {@code conn}, closed if its state cannot be read. */
  private static DuckDbStore of(DuckDBConnection conn, String location, boolean readOnly)
      throws SQLException {
    DuckDbStore store = new DuckDbStore(conn, location, readOnly);
    try (Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT EXISTS (SELECT 1 FROM " + Schema.ROLLUP_PENDING + ")")) {
      rs.next();
      store.rollupsPending = rs.getBoolean(1);
    } catch (SQLException | RuntimeException e) {
      conn.close();
      throw e;
    }
    return store;
  }

  /**
   * Opens (creating if needed) the store at {@code file} for reading and writing, with the default
   * {@link StoreSettings}.
   *
   * @throws NotAStoreException if the file exists and is not an Entente store
   * @throws StoreException if the file cannot be opened (e.g. another process holds it)
   */
  public static DuckDbStore open(Path file) {
    return open(file, StoreSettings.DEFAULTS);
  }

  /**
   * Opens (creating if needed) the store at {@code file} for reading and writing.
   *
   * @throws NotAStoreException if the file exists and is not an Entente store
   * @throws StoreException if the file cannot be opened (e.g. another process holds it)
   */
  public static DuckDbStore open(Path file, StoreSettings settings) {
    Path abs = file.toAbsolutePath().normalize();
    StoreFiles.requireStoreOrAbsent(abs);
    try {
      if (abs.getParent() != null) {
        java.nio.file.Files.createDirectories(abs.getParent());
      }
      DuckDBConnection dc = connect(abs, settings, false);
      try {
        StoreFiles.requireEntenteSchemaOrEmpty(dc, abs);
        Schema.create(dc);
      } catch (RuntimeException | SQLException e) {
        dc.close();
        throw e;
      }
      return of(dc, abs.toString(), false);
    } catch (SQLException | java.io.IOException e) {
      throw StoreFiles.openFailure(abs, e);
    }
  }

  /**
   * Whether {@code file} is a regular file (or a link to one) that starts like a DuckDB database.
   */
  public static boolean isDatabaseFile(Path file) {
    try {
      return java.nio.file.Files.isRegularFile(file) && StoreFiles.isDuckDbFile(file);
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /**
   * Opens an existing store read-only, with the default {@link StoreSettings}: any number of
   * readers, in this and other processes, can then share the file (a writer cannot open it
   * meanwhile). A store of an older schema version is migrated first (briefly opening it for
   * writing).
   *
   * @throws NotAStoreException if the file is missing or not an Entente store
   * @throws StoreException if the file cannot be opened (e.g. a writer holds it)
   */
  public static DuckDbStore openReadOnly(Path file) {
    return openReadOnly(file, StoreSettings.DEFAULTS);
  }

  /** As {@link #openReadOnly(Path)}, with the given settings. */
  public static DuckDbStore openReadOnly(Path file, StoreSettings settings) {
    Path abs = file.toAbsolutePath().normalize();
    StoreFiles.requireStore(abs);
    try {
      DuckDBConnection dc = connect(abs, settings, true);
      boolean current;
      try {
        current = StoreFiles.requireEntenteSchema(dc, abs) >= Schema.VERSION && Schema.complete(dc);
      } catch (RuntimeException | SQLException e) {
        dc.close();
        throw e;
      }
      if (!current) {
        dc.close();
        open(abs, settings).close();
        dc = connect(abs, settings, true);
      }
      return of(dc, abs.toString(), true);
    } catch (SQLException e) {
      throw StoreFiles.openFailure(abs, e);
    }
  }

  private static DuckDBConnection connect(Path abs, StoreSettings settings, boolean readOnly)
      throws SQLException {
    java.util.Properties p = settings.jdbcProperties();
    if (readOnly) {
      p.setProperty("duckdb.read_only", "true");
    }
    requireNativeLibrary();
    Connection c = DriverManager.getConnection("jdbc:duckdb:" + abs, p);
    return c.unwrap(DuckDBConnection.class);
  }

  /** Opens a store held in memory only (tests, the demo's throwaway stores). */
  public static DuckDbStore inMemory() {
    try {
      requireNativeLibrary();
      Connection c = DriverManager.getConnection("jdbc:duckdb:");
      DuckDBConnection dc = c.unwrap(DuckDBConnection.class);
      Schema.create(dc);
      return of(dc, ":memory:", false);
    } catch (SQLException e) {
      throw new StoreException("cannot open an in-memory store: " + e.getMessage(), e);
    }
  }

  /**
   * One DuckDB thread per query ({@code SET threads = 1}, for the whole database instance): on a
   * server, DuckDB's per-query parallelism made concurrent requests contend (8 clients on 2 cores
   * ran at 0.9x the single-client rate); with one thread each, concurrent queries use the cores.
   */
  @Override
  public void preferConcurrentQueries() {
    try (Statement st = conn.createStatement()) {
      st.execute("SET threads = 1");
    } catch (SQLException e) {
      throw new StoreException("cannot set the threads of " + location + ": " + e.getMessage(), e);
    }
  }

  /** Whether this store was opened read-only. */
  public boolean readOnly() {
    return readOnly;
  }

  /**
   * A connection of this store's database for one query, returned to the pool when closed. Queries
   * from several threads each get their own connection, so they run concurrently.
   */
  private Lease lease() throws SQLException {
    if (closed) {
      throw new SQLException("Connection was closed");
    }
    PooledConnection c = idle.pollFirst();
    if (c == null) {
      DuckDBConnection d = conn.duplicate().unwrap(DuckDBConnection.class);
      // a duplicate takes the writing connection's auto-commit, off while a load or a batch is
      // open: its queries would then share one transaction and never see later commits
      d.setAutoCommit(true);
      c = new PooledConnection(d);
    }
    return new Lease(c);
  }

  /** A borrowed connection; closing gives it back. */
  private final class Lease implements AutoCloseable {
    private final PooledConnection c;

    Lease(PooledConnection c) {
      this.c = c;
    }

    DuckDBConnection c() {
      return c.connection();
    }

    /** The connection's statement for {@code sql} (see {@link PooledConnection#prepared}). */
    PreparedStatement prepared(String sql) throws SQLException {
      return c.prepared(sql);
    }

    @Override
    public void close() {
      if (closed || idle.size() >= POOL) {
        c.close();
      } else {
        idle.offerFirst(c);
      }
    }
  }

  /** The JDBC connection, for read-only queries by other stages of this engine. */
  Connection connection() {
    return conn;
  }

  /** {@link #actorFilters} and the manifest it was made of ("count/max file id"). */
  private record CachedFilters(String manifest, org.entente.store.ActorFilters filters) {}

  private volatile CachedFilters actorFilters;

  /**
   * From {@link #filteredLoads}, kept while the manifest has the same files (rows of {@code files}
   * are only ever added): a store of 35,000 filtered files took 90-190 ms to read them, once per
   * command or request instead of once per ingest. A read-only store does not look at the manifest
   * again once it has them: no writer can change its file while it is open.
   */
  @Override
  public org.entente.store.ActorFilters actorFilters() {
    CachedFilters held = actorFilters;
    if (readOnly && held != null) {
      // no writer can change the file while it is open read-only: the manifest is as it was
      return held.filters();
    }
    String manifest;
    try (Lease l = lease();
        Statement st = l.c().createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*), max(file_id) FROM files")) {
      rs.next();
      manifest = rs.getLong(1) + "/" + rs.getLong(2);
    } catch (SQLException e) {
      throw new StoreException("cannot read the file manifest: " + e.getMessage(), e);
    }
    CachedFilters c = actorFilters;
    if (c != null && c.manifest().equals(manifest)) {
      return c.filters();
    }
    org.entente.store.ActorFilters f =
        org.entente.store.ActorFilters.of(filteredLoads()).withImported(heldPairs());
    actorFilters = new CachedFilters(manifest, f);
    return f;
  }

  /**
   * The pairs of {@link Schema#HELD_PAIRS} per file and source, for sources of imported aggregates
   * only (a source of events is restricted by its own files' filters).
   */
  @Override
  public List<org.entente.store.HeldPairs> heldPairs() {
    String sql =
        "SELECT h.file_id, h.source, any_value(f.path), list(h.actor1 || '-' || h.actor2) FROM "
            + Schema.HELD_PAIRS
            + " h JOIN files f ON f.file_id = h.file_id WHERE h.source IN (SELECT DISTINCT source"
            + " FROM "
            + Schema.AGGREGATES
            + ") GROUP BY h.file_id, h.source ORDER BY h.file_id, h.source";
    try (Lease l = lease();
        Statement st = l.c().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      List<org.entente.store.HeldPairs> out = new ArrayList<>();
      while (rs.next()) {
        java.util.Set<String> pairs = new java.util.TreeSet<>();
        for (Object o : (Object[]) rs.getArray(4).getArray()) {
          if (!"-".equals(o)) { // a rejected held row's mark: restricted, no pair
            pairs.add((String) o);
          }
        }
        out.add(new org.entente.store.HeldPairs(rs.getString(2), rs.getString(3), pairs));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read the held pairs: " + e.getMessage(), e);
    }
  }

  /**
   * The sources of each load from its format, the sources of the rows its filter left out ({@link
   * Schema#FILTERED_MONTHS}) and, for a GDELT CSV file (whose layout is not in its format) that
   * stored events, the sources of its events (a read of that file's rows only).
   */
  @Override
  public List<org.entente.store.FilteredLoad> filteredLoads() {
    String sql =
        "SELECT f.file_id, f.checksum, f.path, f.actor_filter, f.format, f.rows_stored > 0,"
            + " coalesce(f.rows_filtered, 0),"
            + " (SELECT string_agg(DISTINCT m.source, ',') FROM "
            + Schema.FILTERED_MONTHS
            + " m WHERE m.file_id = f.file_id AND m.source IS NOT NULL) FROM files f WHERE"
            + " f.checksum IN (SELECT checksum FROM files WHERE actor_filter IS NOT NULL) ORDER BY"
            + " f.file_id";
    try (Lease l = lease();
        Statement st = l.c().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      List<org.entente.store.FilteredLoad> out = new ArrayList<>();
      while (rs.next()) {
        java.util.Set<String> known = new java.util.TreeSet<>();
        String left = rs.getString(8);
        if (left != null) {
          known.addAll(List.of(left.split(",")));
        }
        String format = rs.getString(5);
        if (format != null && format.contains("gdelt-csv") && rs.getBoolean(6)) {
          try (PreparedStatement ps =
              l.c().prepareStatement("SELECT DISTINCT source FROM events WHERE file_id = ?")) {
            ps.setInt(1, rs.getInt(1));
            try (ResultSet e = ps.executeQuery()) {
              while (e.next()) {
                known.add(e.getString(1));
              }
            }
          }
        }
        out.add(
            new org.entente.store.FilteredLoad(
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                org.entente.store.FilteredLoad.sourcesOf(format, known),
                rs.getLong(7)));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read the file manifest: " + e.getMessage(), e);
    }
  }

  @Override
  public List<StoredFile> filesWithSize(long bytes) {
    return files("WHERE bytes = ?", bytes);
  }

  @Override
  public java.util.Set<YearMonth> monthsObserved(String source) {
    if (source == null || !FEEDS.contains(source)) {
      return null;
    }
    try (Lease l = lease()) {
      // files read with --actors by a version that did not record the months of the rows left
      // out, or imported from a lake entry that did not
      try (Statement st = l.c().createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT (SELECT count(*) FROM files WHERE actor_filter IS NOT NULL AND file_id"
                      + " < (SELECT CAST(value AS INTEGER) FROM meta WHERE key = '"
                      + Schema.FILTERED_MONTHS_FROM
                      + "')) + (SELECT count(*) FROM "
                      + Schema.FILTERED_MONTHS
                      + " WHERE month IS NULL)")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return null;
        }
      }
      java.util.Set<YearMonth> out = new java.util.TreeSet<>();
      try (PreparedStatement ps =
          l.c()
              .prepareStatement(
                  "SELECT month FROM "
                      + Schema.EVENT_MONTHS
                      + " WHERE source = $1 UNION SELECT month FROM "
                      + Schema.FILTERED_MONTHS
                      + " WHERE source = $1"
                      + (!rollupsPending
                          ? ""
                          : " UNION SELECT DISTINCT CAST(date_trunc('month', event_date) AS DATE)"
                              + " FROM "
                              + RollupSql.PENDING_EVENTS
                              + " WHERE source = $1"))) {
        ps.setString(1, source);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(YearMonth.from(rs.getObject(1, LocalDate.class)));
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read the months " + source + " observed: " + e.getMessage(), e);
    }
  }

  /** {@link #formats} of a read-only store, read once (no writer can change the file meanwhile). */
  private volatile List<String> formats;

  /**
   * The distinct file formats: for a read-only store read once and kept, for a writable store read
   * anew each time. Every scoped dyad query of a request asks, and the query cost 0.5–0.7 ms of a 9
   * ms {@code /api/character} request on the demo store.
   */
  @Override
  public List<String> formats() {
    List<String> known = formats;
    if (known != null) {
      return known;
    }
    try (Lease l = lease();
        Statement st = l.c().createStatement();
        ResultSet rs = st.executeQuery("SELECT DISTINCT format FROM files ORDER BY 1")) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      if (readOnly) {
        formats = java.util.Collections.unmodifiableList(out);
        return formats;
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read the file manifest: " + e.getMessage(), e);
    }
  }

  @Override
  public java.util.Set<Long> sizesIngested(java.util.Collection<Long> sizes) {
    java.util.Set<Long> out = new java.util.HashSet<>();
    try (Lease l = lease();
        Statement st = l.c().createStatement();
        ResultSet rs = st.executeQuery("SELECT DISTINCT bytes FROM files")) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the file manifest: " + e.getMessage(), e);
    }
    out.retainAll(new java.util.HashSet<>(sizes));
    return out;
  }

  @Override
  public List<StoredFile> filesWithSizes(java.util.Collection<Long> sizes) {
    if (sizes.isEmpty()) {
      return List.of();
    }
    // the whole manifest in one read (a row per file), filtered here: one query, not one a size
    java.util.Set<Long> wanted = new java.util.HashSet<>(sizes);
    List<StoredFile> out = new ArrayList<>();
    for (StoredFile f : files("", null)) {
      if (wanted.contains(f.bytes())) {
        out.add(f);
      }
    }
    return out;
  }

  @Override
  public List<StoredFile> filesWithChecksum(String checksum) {
    return files("WHERE checksum = ?", checksum);
  }

  private List<StoredFile> files(String where, Object arg) {
    String sql =
        "SELECT file_id, path, bytes, checksum, format, ingested_at, rows_read, rows_stored,"
            + " rows_rejected, rows_duplicate, rows_filtered, actor_filter FROM files "
            + where
            + " ORDER BY file_id";
    try (Lease l = lease();
        PreparedStatement ps = l.c().prepareStatement(sql)) {
      if (arg != null) {
        ps.setObject(1, arg);
      }
      List<StoredFile> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp ts = rs.getTimestamp(6);
          out.add(
              new StoredFile(
                  rs.getInt(1),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getString(4),
                  rs.getString(5),
                  ts == null ? null : ts.toLocalDateTime(),
                  rs.getLong(7),
                  rs.getLong(8),
                  rs.getLong(9),
                  rs.getLong(10),
                  rs.getLong(11),
                  rs.getString(12)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read the file manifest: " + e.getMessage(), e);
    }
  }

  @Override
  public FileLoad beginFile(FileMeta file) {
    return new DuckDbFileLoad(conn, loadStatements(file.path()), file);
  }

  @Override
  public org.entente.store.BulkTsvLoad beginBulkTsv(FileMeta file) {
    return new DuckDbFileLoad(conn, loadStatements(file.path()), file);
  }

  @Override
  public Optional<LoadBatch> beginBatch() {
    return Optional.of(new DuckDbLoadBatch(conn, loadStatements("a batch of files")));
  }

  /** The writing connection's load statements, prepared on first use. */
  private LoadStatements loadStatements(String what) {
    if (readOnly) {
      throw new StoreException("store " + location + " is open read-only; cannot load " + what);
    }
    try {
      if (loadStatements == null) {
        loadStatements = new LoadStatements(conn);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot prepare loading " + what + ": " + e.getMessage(), e);
    }
    return loadStatements;
  }

  @Override
  public org.entente.store.MentionSummary mentions() {
    try (Lease l = lease();
        Statement st = l.c().createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT (SELECT count(*) FROM "
                    + Schema.MENTIONS
                    + "), count(*), count(*) FILTER (WHERE "
                    + LoadStatements.LINKED
                    + "), min(first_mention), max(last_mention) FROM event_mentions s")) {
      rs.next();
      return new org.entente.store.MentionSummary(
          rs.getLong(1),
          rs.getLong(2),
          rs.getLong(3),
          rs.getObject(4, java.time.LocalDateTime.class),
          rs.getObject(5, java.time.LocalDateTime.class));
    } catch (SQLException e) {
      throw new StoreException("cannot summarise the mentions: " + e.getMessage(), e);
    }
  }

  @Override
  public StoreSummary summary() {
    try (Lease l = lease();
        Statement st = l.c().createStatement()) {
      List<StoreSummary.Count> bySource = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(SummarySql.EVENTS_BY_SOURCE)) {
        while (rs.next()) {
          bySource.add(new StoreSummary.Count(rs.getString(1), rs.getLong(2)));
        }
      }
      List<StoreSummary.DyadCount> byDyad = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(RollupSql.eventsByDyad(rollup()))) {
        while (rs.next()) {
          byDyad.add(
              new StoreSummary.DyadCount(
                  rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
        }
      }
      List<StoreSummary.Count> rejects = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(SummarySql.REJECTS_BY_REASON)) {
        while (rs.next()) {
          rejects.add(new StoreSummary.Count(rs.getString(1), rs.getLong(2)));
        }
      }
      MonthRange extent = null;
      try (ResultSet rs = st.executeQuery(SummarySql.EXTENT)) {
        if (rs.next() && rs.getObject(1) != null) {
          extent =
              new MonthRange(
                  YearMonth.from(rs.getObject(1, LocalDate.class)),
                  YearMonth.from(rs.getObject(2, LocalDate.class)));
        }
      }
      return new StoreSummary(location, bySource, files("", null), byDyad, rejects, extent);
    } catch (SQLException e) {
      throw new StoreException("cannot summarise the store: " + e.getMessage(), e);
    }
  }

  @Override
  public List<org.entente.store.SourceInfo> sources() {
    String sql =
        RollupSql.eventSources(rollup()) + " UNION ALL " + ImportedSql.SOURCES + " ORDER BY 1";
    try (Lease l = lease();
        Statement st = l.c().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      List<org.entente.store.SourceInfo> out = new ArrayList<>();
      while (rs.next()) {
        out.add(
            new org.entente.store.SourceInfo(
                rs.getString(1),
                org.entente.store.SourceInfo.Kind.valueOf(rs.getString(2)),
                rs.getLong(3),
                rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class),
                rs.getString(6),
                rs.getLong(7)));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot list the store's sources: " + e.getMessage(), e);
    }
  }

  @Override
  public List<org.entente.store.PartialQuantity> partialQuantities() {
    String[] names = {"n", "w1..w4", "goldstein_sum", "score"};
    try (Lease l = lease();
        Statement st = l.c().createStatement();
        ResultSet rs = st.executeQuery(ImportedSql.QUANTITY_COUNTS)) {
      List<org.entente.store.PartialQuantity> out = new ArrayList<>();
      while (rs.next()) {
        long rows = rs.getLong(2);
        for (int i = 0; i < names.length; i++) {
          long with = rs.getLong(3 + i);
          if (with > 0 && with < rows) {
            out.add(new org.entente.store.PartialQuantity(rs.getString(1), names[i], with, rows));
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read the aggregate sources: " + e.getMessage(), e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads the dyad-month rollup where it can ({@link RollupSql}), the events otherwise.
   */
  @Override
  public List<PeriodAggregate> aggregate(DyadQuery q) {
    Optional<Imported> imported = imported(q);
    if (imported.isPresent() && q.weighting() == DyadQuery.Weighting.ALLMENTIONS) {
      throw new org.entente.store.UnsupportedQueryException(
          "--weight allmentions: source '"
              + q.dataSource()
              + "' is an imported aggregate; mentions weigh individual GDELT 2.0 events");
    }
    if (imported.isPresent()) {
      return aggregateImported(q, imported.get());
    }
    if (RollupSql.supports(q)) {
      RollupSql sql = RollupSql.of(q, rollup());
      try (Lease l = lease()) {
        PreparedStatement ps = l.prepared(sql.rows());
        sql.bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          return sql.aggregate(rs);
        }
      } catch (SQLException e) {
        throw new StoreException("cannot aggregate " + q.label() + ": " + e.getMessage(), e);
      }
    }
    return aggregateFromEvents(q);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Queries the rollup can answer that differ only in their dyads are read in one scan of the
   * rollup rows of all their countries ({@link RollupSql#ofMany}), each query's sums the same as
   * its own {@link #aggregate}'s; the others one by one.
   */
  @Override
  public List<List<PeriodAggregate>> aggregateAll(List<DyadQuery> queries) {
    List<List<PeriodAggregate>> out =
        new ArrayList<>(java.util.Collections.nCopies(queries.size(), null));
    java.util.Map<DyadQuery, List<Integer>> shapes = new java.util.LinkedHashMap<>();
    for (int i = 0; i < queries.size(); i++) {
      DyadQuery q = queries.get(i);
      if (RollupSql.supports(q) && imported(q).isEmpty()) {
        // the shape: the query with its dyad left out
        DyadQuery shape =
            new DyadQuery(
                "A",
                "B",
                false,
                q.from(),
                q.to(),
                q.frequency(),
                q.weighting(),
                q.dedup(),
                q.stateOnly(),
                q.dropStatements(),
                q.dataSource());
        shapes.computeIfAbsent(shape, k -> new ArrayList<>()).add(i);
      } else {
        out.set(i, aggregate(q));
      }
    }
    for (List<Integer> members : shapes.values()) {
      List<DyadQuery> group = members.stream().map(queries::get).toList();
      if (group.size() == 1) {
        out.set(members.get(0), aggregate(group.get(0)));
        continue;
      }
      RollupSql sql = RollupSql.ofMany(group, rollup());
      try (Lease l = lease()) {
        PreparedStatement ps = l.prepared(sql.rows());
        sql.bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          List<List<PeriodAggregate>> each = sql.aggregateEach(group, rs);
          for (int k = 0; k < members.size(); k++) {
            out.set(members.get(k), each.get(k));
          }
        }
      } catch (SQLException e) {
        throw new StoreException(
            "cannot aggregate " + group.size() + " dyads: " + e.getMessage(), e);
      }
    }
    return out;
  }

  @Override
  public org.entente.store.Quantities quantities(DyadQuery q) {
    return imported(q).map(Imported::quantities).orElse(org.entente.store.Quantities.EVENTS);
  }

  /** An aggregate source: its native frequency and what it holds. */
  private record Imported(
      org.entente.store.RollupFrequency freq, org.entente.store.Quantities quantities) {}

  /**
   * The aggregate source {@code q} reads, if it names one.
   *
   * @throws IllegalArgumentException if {@code q} is directed and the source holds the pair
   *     undirected only
   */
  private Optional<Imported> imported(DyadQuery q) {
    if (q.dataSource() == null) {
      return Optional.empty();
    }
    try (Lease l = lease()) {
      Imported found = importedSources(l, q.dataSource()).get(q.dataSource());
      if (found == null) {
        return Optional.empty();
      }
      if (q.directed()) {
        try (PreparedStatement d = l.c().prepareStatement(ImportedSql.UNDIRECTED_ONLY)) {
          d.setString(1, q.dataSource());
          d.setString(2, q.source());
          d.setString(3, q.target());
          d.setString(4, q.target());
          d.setString(5, q.source());
          try (ResultSet rs = d.executeQuery()) {
            rs.next();
            if (rs.getLong(1) == 0 && rs.getLong(2) > 0) {
              throw new org.entente.store.UnsupportedQueryException(
                  "source '"
                      + q.dataSource()
                      + "' holds "
                      + q.source()
                      + "-"
                      + q.target()
                      + " undirected only: ask for "
                      + q.source()
                      + "-"
                      + q.target()
                      + " instead of "
                      + q.label());
            }
          }
        }
      }
      return Optional.of(found);
    } catch (SQLException e) {
      throw new StoreException("cannot read the sources of " + location + ": " + e.getMessage(), e);
    }
  }

  /**
   * The imported aggregate sources by name: for a read-only store read once and kept (no writer can
   * change the file while it is open, and every dyad query asks), for a writable store read anew
   * each time, and then only {@code name}'s.
   */
  private Map<String, Imported> importedSources(Lease l, String name) throws SQLException {
    Map<String, Imported> known = importedSources;
    if (known != null) {
      return known;
    }
    String sql =
        readOnly
            ? ImportedSql.SOURCE_TRAITS
            : ImportedSql.SOURCE_TRAITS.replace(" GROUP BY", " WHERE source = ? GROUP BY");
    Map<String, Imported> found = new java.util.HashMap<>();
    try (PreparedStatement ps = l.c().prepareStatement(sql)) {
      if (!readOnly) {
        ps.setString(1, name);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          java.util.EnumSet<org.entente.store.Quantity> has =
              java.util.EnumSet.noneOf(org.entente.store.Quantity.class);
          org.entente.store.Quantity[] cols = {
            org.entente.store.Quantity.N,
            org.entente.store.Quantity.QUADS,
            org.entente.store.Quantity.GOLDSTEIN,
            org.entente.store.Quantity.SCORE
          };
          for (int i = 0; i < cols.length; i++) {
            if (rs.getBoolean(4 + i)) {
              has.add(cols[i]);
            }
          }
          found.put(
              rs.getString(1),
              new Imported(
                  org.entente.store.RollupFrequency.parse(rs.getString(2)),
                  new org.entente.store.Quantities(true, has)));
        }
      }
    }
    if (readOnly) {
      importedSources = Map.copyOf(found);
    }
    return found;
  }

  private List<PeriodAggregate> aggregateImported(DyadQuery q, Imported src) {
    ImportedSql sql = ImportedSql.of(q, src.freq());
    org.entente.store.Quantities has = src.quantities();
    boolean n = has.has(org.entente.store.Quantity.N);
    boolean quads = has.has(org.entente.store.Quantity.QUADS);
    boolean g = has.has(org.entente.store.Quantity.GOLDSTEIN);
    boolean score = has.has(org.entente.store.Quantity.SCORE);
    try (Lease l = lease()) {
      PreparedStatement ps = l.prepared(sql.aggregate());
      sql.bind(ps);
      List<PeriodAggregate> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long count = n ? rs.getLong(2) : 0;
          out.add(
              new PeriodAggregate(
                  rs.getObject(1, LocalDate.class),
                  count,
                  quads ? rs.getDouble(3) : Double.NaN,
                  quads ? rs.getDouble(4) : Double.NaN,
                  quads ? rs.getDouble(5) : Double.NaN,
                  quads ? rs.getDouble(6) : Double.NaN,
                  g ? rs.getDouble(7) : Double.NaN,
                  n ? count : Double.NaN,
                  score ? rs.getDouble(8) : Double.NaN,
                  rs.getDouble(9)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot aggregate " + q.label() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Recomputes the dyad-month rollups (aggregates and event codes) from the events. Ingest keeps it
   * up to date; call this only after filling the events table by other means (e.g. a benchmark's
   * synthetic store).
   *
   * @throws StoreException if the engine fails
   */
  public void rebuildRollup() {
    try (Statement st = conn.createStatement()) {
      RollupSql.rebuildAll(st);
      rollupsPending = false;
    } catch (SQLException e) {
      throw new StoreException(
          "cannot rebuild the rollup of " + location + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void deferRollups(boolean defer) {
    loadStatements("with deferred rollups").deferRollups(defer);
    if (defer) {
      rollupsPending = true;
    }
  }

  @Override
  public long rollupsPending() {
    try (Lease l = lease();
        Statement st = l.c().createStatement();
        ResultSet rs =
            st.executeQuery("SELECT count(DISTINCT file_id) FROM " + Schema.ROLLUP_PENDING)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read the files the rollups lack in " + location + ": " + e.getMessage(), e);
    }
  }

  @Override
  public long foldRollups() {
    if (readOnly) {
      throw new StoreException("store " + location + " is open read-only; cannot fold its rollups");
    }
    try {
      conn.setAutoCommit(false);
      try (Statement st = conn.createStatement()) {
        long files = RollupSql.foldPending(st);
        conn.commit();
        rollupsPending = false;
        return files;
      } catch (SQLException | RuntimeException e) {
        conn.rollback();
        throw e;
      } finally {
        conn.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot fold the rollups of " + location + " (nothing changed): " + e.getMessage(), e);
    }
  }

  /**
   * The dyad rollup to read: the table, or while files are pending ({@link #deferRollups}) the
   * table with their events rolled up on the fly ({@link RollupSql#withPending}): the same answers
   * as after the fold, and a query of a few dyads reads only their pending events.
   */
  private String rollup() {
    return RollupSql.withPending(rollupsPending);
  }

  /**
   * The rollup aggregate as DuckDB's own GROUP BY computes it ({@link RollupSql#aggregate()}), for
   * checking the sums {@link #aggregate} adds up itself.
   */
  List<PeriodAggregate> aggregateInSql(DyadQuery q) {
    RollupSql sql = RollupSql.of(q);
    return aggregate(q, sql.aggregate(), sql::bind);
  }

  /** The aggregate computed from the events themselves (every deduplication mode). */
  List<PeriodAggregate> aggregateFromEvents(DyadQuery q) {
    AggregateSql sql = AggregateSql.of(q);
    requireMentions(q, sql);
    return aggregate(q, sql.aggregate(), sql::bind);
  }

  /**
   * Refuses a {@code --weight allmentions} query that reads an event without mentions in the store:
   * weighing it 0 would drop it from the scores without a word.
   *
   * @throws org.entente.store.UnsupportedQueryException naming how many events lack mentions
   */
  private void requireMentions(DyadQuery q, AggregateSql sql) {
    if (q.weighting() != DyadQuery.Weighting.ALLMENTIONS) {
      return;
    }
    long all;
    long without;
    try (Lease l = lease();
        PreparedStatement ps = l.c().prepareStatement(sql.unmentioned())) {
      sql.bindUnmentioned(ps);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        all = rs.getLong(1);
        without = rs.getLong(2);
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot count the mentions of " + q.label() + ": " + e.getMessage(), e);
    }
    if (without > 0) {
      throw new org.entente.store.UnsupportedQueryException(
          "--weight allmentions: "
              + without
              + " of the "
              + all
              + " events of "
              + q.label()
              + " have no GDELT 2.0 mentions in the store (mentions exist for source gdelt2 only);"
              + " ingest the Mentions files of the period (ingest --format gdelt2-mentions, or"
              + " fetch gdelt --tables export,mentions --ingest), or use --weight mentions");
    }
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  @Override
  public List<PeriodAggregate> dailyAggregates(
      String source, String a, String b, LocalDate from, LocalDate to) {
    String query =
        "SELECT event_date, count(*), count(*) FILTER (WHERE quad_class = 1), count(*) FILTER"
            + " (WHERE quad_class = 2), count(*) FILTER (WHERE quad_class = 3), count(*) FILTER"
            + " (WHERE quad_class = 4), coalesce("
            + org.entente.store.sql.ExactSum.sum("goldstein", null)
            + ", 0), count(*) FROM events WHERE"
            + " ((actor1_country = ? AND actor2_country = ?) OR (actor1_country = ? AND"
            + " actor2_country = ?)) AND event_date BETWEEN ? AND ? AND source = ? GROUP BY"
            + " event_date ORDER BY event_date";
    return aggregate(
        a + "-" + b + " per day",
        query,
        ps -> {
          ps.setString(1, a);
          ps.setString(2, b);
          ps.setString(3, b);
          ps.setString(4, a);
          ps.setObject(5, from);
          ps.setObject(6, to);
          ps.setString(7, source);
        });
  }

  private List<PeriodAggregate> aggregate(DyadQuery q, String query, Binder binder) {
    return aggregate(q.label(), query, binder);
  }

  private List<PeriodAggregate> aggregate(String label, String query, Binder binder) {
    try (Lease l = lease()) {
      PreparedStatement ps = l.prepared(query);
      binder.bind(ps);
      List<PeriodAggregate> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new PeriodAggregate(
                  rs.getObject(1, LocalDate.class),
                  rs.getLong(2),
                  rs.getDouble(3),
                  rs.getDouble(4),
                  rs.getDouble(5),
                  rs.getDouble(6),
                  rs.getDouble(7),
                  rs.getDouble(8)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot aggregate " + label + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<CodeCount> codeCounts(DyadQuery q) {
    if (imported(q).isPresent()) {
      throw new org.entente.store.UnsupportedQueryException(
          "source '"
              + q.dataSource()
              + "' is an imported aggregate: event codes, directions and actor types need"
              + " individual events");
    }
    return codeCounts(q, RollupSql.supports(q));
  }

  @Override
  public List<List<CodeCount>> codeCountsAll(List<DyadQuery> queries) {
    if (queries.isEmpty()) {
      return List.of();
    }
    if (!rollupAnswersTogether(queries)) {
      return EventStore.super.codeCountsAll(queries);
    }
    // one read of the code rollup for every dyad (character's reference of the 15 six-state
    // pairs asked 15 times)
    CodeRollupSql codes = CodeRollupSql.ofMany(queries, CodeRollupSql.withPending(rollupsPending));
    return codeRollup(
        codes, queries.get(0).label() + " and others", rs -> codes.readAll(queries, rs));
  }

  /**
   * Whether the rollups can answer {@code queries} (not empty) in one read: each is a rollup query
   * of event data, and all differ only in their dyads.
   */
  private boolean rollupAnswersTogether(List<DyadQuery> queries) {
    DyadQuery first = queries.get(0);
    for (DyadQuery q : queries) {
      if (!RollupSql.supports(q) || !RollupSql.sameShape(first, q) || imported(q).isPresent()) {
        return false;
      }
    }
    return true;
  }

  /** Reads the code counts of {@code codes} with {@code read} ({@code what} names the query). */
  private <T> T codeRollup(CodeRollupSql codes, String what, Rows<T> read) {
    try (Lease l = lease()) {
      PreparedStatement ps = l.prepared(codes.codeCounts());
      codes.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        return read.read(rs);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count event codes of " + what + ": " + e.getMessage(), e);
    }
  }

  /** Reads what a result set holds. */
  private interface Rows<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** {@link #codeCounts} counted from the events themselves, never from the code rollup. */
  List<CodeCount> codeCountsFromEvents(DyadQuery q) {
    return codeCounts(q, false);
  }

  private List<CodeCount> codeCounts(DyadQuery q, boolean rollup) {
    if (rollup) {
      // the code rollup: a few thousand rows instead of every event of the dyad
      CodeRollupSql codes = CodeRollupSql.of(q, CodeRollupSql.withPending(rollupsPending));
      return codeRollup(codes, q.label(), codes::read);
    }
    AggregateSql sql = AggregateSql.of(q);
    requireMentions(q, sql);
    try (Lease l = lease()) {
      PreparedStatement ps = l.prepared(sql.codeCounts());
      sql.bind(ps);
      List<CodeCount> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new CodeCount(
                  YearMonth.from(rs.getObject(1, LocalDate.class)),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getInt(5),
                  rs.getLong(6),
                  rs.getDouble(7),
                  rs.getLong(8)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(
          "cannot count event codes of " + q.label() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<MonthRange> extent(DyadQuery q) {
    Optional<Imported> imported = imported(q);
    if (imported.isPresent()) {
      ImportedSql sql = ImportedSql.of(q, imported.get().freq());
      return extent(q, sql.extent(), sql::bindExtent);
    }
    if (RollupSql.supports(q)) {
      RollupSql sql = RollupSql.of(q, rollup());
      return extent(q, sql.extent(), sql::bind);
    }
    return extentFromEvents(q);
  }

  @Override
  public Optional<MonthRange> extentAll(List<DyadQuery> queries) {
    if (queries.isEmpty()) {
      return Optional.empty();
    }
    if (!rollupAnswersTogether(queries)) {
      return EventStore.super.extentAll(queries);
    }
    DyadQuery first = queries.get(0);
    // one read of the rollup instead of one per query (the 15 pairs of the system map: 40 ms on
    // a store of 10^7 events, in one read 6 ms)
    List<Object> params = new ArrayList<>();
    String sql = RollupSql.pairExtents(queries, params, rollup());
    java.util.Map<String, MonthRange> pairs = new java.util.HashMap<>();
    try (Lease l = lease()) {
      PreparedStatement ps = l.prepared(sql);
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          pairs.put(
              rs.getString(1) + "-" + rs.getString(2),
              new MonthRange(
                  YearMonth.from(rs.getObject(3, LocalDate.class)),
                  YearMonth.from(rs.getObject(4, LocalDate.class))));
        }
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read the extent of " + first.label() + " and others: " + e.getMessage(), e);
    }
    List<MonthRange> asked = new ArrayList<>();
    for (DyadQuery q : queries) {
      for (String pair :
          q.directed()
              ? List.of(q.source() + "-" + q.target())
              : List.of(q.source() + "-" + q.target(), q.target() + "-" + q.source())) {
        MonthRange r = pairs.get(pair);
        if (r != null) {
          asked.add(r);
        }
      }
    }
    return MonthRange.span(asked);
  }

  /** The extent computed from the events themselves. */
  Optional<MonthRange> extentFromEvents(DyadQuery q) {
    AggregateSql sql = AggregateSql.of(q);
    requireMentions(q, sql);
    return extent(q, sql.extent(), sql::bind);
  }

  private Optional<MonthRange> extent(DyadQuery q, String query, Binder binder) {
    try (Lease l = lease()) {
      PreparedStatement ps = l.prepared(query);
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && rs.getObject(1) != null) {
          return Optional.of(
              new MonthRange(
                  YearMonth.from(rs.getObject(1, LocalDate.class)),
                  YearMonth.from(rs.getObject(2, LocalDate.class))));
        }
        return Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the extent of " + q.label() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public org.entente.store.RollupExport exportRollup(
      org.entente.store.RollupFrequency freq,
      boolean parquet,
      java.nio.file.Path file,
      boolean volumes) {
    java.nio.file.Path target = file.toAbsolutePath().normalize();
    if (java.nio.file.Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException(
          file + " already exists; the export never overwrites a file (choose a new name)");
    }
    java.nio.file.Path dir = target.getParent();
    java.nio.file.Path tmp = null;
    try {
      tmp =
          org.entente.store.TempFiles.create(
              dir, ".entente-export-", parquet ? ".parquet" : ".csv");
      java.nio.file.Files.delete(tmp);
      long rows;
      List<String> volumeSources = List.of();
      List<String> notes = new ArrayList<>();
      org.entente.store.ActorFilters filters = actorFilters();
      try (Lease l = lease();
          Statement st = l.c().createStatement()) {
        List<String> sources = strings(st, "SELECT DISTINCT source FROM events");
        if (volumes) {
          // first: its refusal names the volumes' reasons only
          volumeSources =
              org.entente.store.RollupExport.volumeSources(sources, filteredSources(st), notes);
        }
        java.util.SortedMap<String, java.util.SortedSet<String>> held =
            org.entente.store.RollupExport.heldPairs(filters, sources, notes);
        String rollup =
            ExportSql.forExport(freq, org.entente.store.sql.Dialect.DUCKDB, volumeSources, held);
        rows =
            st.executeLargeUpdate(
                "COPY ("
                    + rollup
                    + ") TO '"
                    + tmp.toString().replace("'", "''")
                    + "' "
                    + (parquet ? "(FORMAT parquet)" : "(FORMAT csv, HEADER true)"));
      }
      // a plain move without REPLACE_EXISTING refuses a file created meanwhile
      java.nio.file.Files.move(tmp, target);
      tmp = null;
      return new org.entente.store.RollupExport(rows, volumeSources, notes);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new IllegalArgumentException(
          file + " already exists; the export never overwrites a file (choose a new name)");
    } catch (SQLException | java.io.IOException e) {
      throw new StoreException("cannot export the rollup to " + file + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          java.nio.file.Files.deleteIfExists(tmp);
        } catch (java.io.IOException e) {
          // a leftover temporary file of ours; nothing else was touched
        }
      }
    }
  }

  @Override
  public java.util.SortedMap<String, Long> volumeRows() {
    java.util.SortedMap<String, Long> out = new java.util.TreeMap<>();
    try (Lease l = lease();
        Statement st = l.c().createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT source, count(*) FROM " + Schema.VOLUMES + " GROUP BY source")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the volumes of " + location + ": " + e.getMessage(), e);
    }
    return out;
  }

  @Override
  public java.util.SortedMap<LocalDate, Long> volumes(DyadQuery q) {
    org.entente.store.sql.VolumeSql.requirePlain(q);
    Optional<Imported> aggregate = imported(q);
    try (Lease l = lease()) {
      String nativeFreq = null;
      if (q.dataSource() != null) {
        try (PreparedStatement ps =
            l.c().prepareStatement("SELECT any_value(freq) FROM volumes WHERE source = ?")) {
          ps.setString(1, q.dataSource());
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            nativeFreq = rs.getString(1);
          }
        }
      }
      if (nativeFreq != null) {
        return importedVolumes(l, q, org.entente.store.RollupFrequency.parse(nativeFreq));
      }
      if (aggregate.isPresent()) {
        throw new org.entente.store.UnsupportedQueryException(
            "source '"
                + q.dataSource()
                + "' is an imported aggregate without state volumes: import a rollup written"
                + " with export rollup --volumes");
      }
      try (Statement st = l.c().createStatement()) {
        Optional<String> why =
            org.entente.store.RollupExport.withoutVolumes(q.dataSource(), filteredSources(st));
        if (why.isPresent()) {
          throw new org.entente.store.UnsupportedQueryException(why.get());
        }
      }
      Map<LocalDate, Long> found = new java.util.HashMap<>();
      PreparedStatement ps = l.prepared(org.entente.store.sql.VolumeSql.events(q));
      bindAll(ps, org.entente.store.sql.VolumeSql.eventParams(q));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
        }
      }
      return org.entente.store.sql.VolumeSql.zeroFilled(q, found);
    } catch (SQLException e) {
      throw new StoreException(
          "cannot count the volume of " + q.label() + ": " + e.getMessage(), e);
    }
  }

  private java.util.SortedMap<LocalDate, Long> importedVolumes(
      Lease l, DyadQuery q, org.entente.store.RollupFrequency nativeFreq) throws SQLException {
    ImportedSql.requireCoarser(q, nativeFreq);
    LocalDate first = ImportedSql.start(nativeFreq, q.from().atDay(1));
    java.util.SortedMap<LocalDate, Long> out = new java.util.TreeMap<>();
    try (PreparedStatement ps =
        l.c().prepareStatement(org.entente.store.sql.VolumeSql.imported(q))) {
      bindAll(ps, org.entente.store.sql.VolumeSql.importedParams(q, first));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
        }
      }
    }
    return out;
  }

  private static void bindAll(PreparedStatement ps, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setObject(i + 1, values.get(i));
    }
  }

  /**
   * The sources with a file ingested with {@code --actors}: those of its events, and those its
   * format names ({@link org.entente.store.RollupExport#sourcesOfFormat}), which covers a file
   * whose rows the filter all dropped.
   */
  private static List<String> filteredSources(Statement st) throws SQLException {
    java.util.Set<String> out =
        new java.util.TreeSet<>(
            strings(
                st,
                ExportSql.filteredSources(
                    "SELECT file_id FROM files WHERE actor_filter IS NOT NULL")));
    try (ResultSet rs =
        st.executeQuery(
            "SELECT DISTINCT format, rows_stored > 0 FROM files WHERE actor_filter IS NOT NULL")) {
      while (rs.next()) {
        out.addAll(
            org.entente.store.RollupExport.sourcesOfFormat(rs.getString(1), rs.getBoolean(2)));
      }
    }
    return new ArrayList<>(out);
  }

  /** The first column of every row of {@code sql}. */
  private static List<String> strings(Statement st, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Override
  public List<org.entente.model.ChronologyEntry> chronology() {
    String sql =
        "SELECT id, event_date, precision, actor1, actor2, event_code, goldstein, quad_class,"
            + " title, description, source, tags FROM chronology ORDER BY event_date, id";
    try (Lease l = lease();
        Statement st = l.c().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      List<org.entente.model.ChronologyEntry> out = new ArrayList<>();
      while (rs.next()) {
        out.add(ParquetRows.chronologyEntry(rs));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read the chronology: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    closed = true;
    if (loadStatements != null) {
      loadStatements.close();
    }
    PooledConnection c;
    while ((c = idle.pollFirst()) != null) {
      c.close();
    }
    try {
      conn.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close store " + location + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "DuckDbStore[" + location + "]";
  }
}
