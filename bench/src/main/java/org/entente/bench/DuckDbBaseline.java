package org.entente.bench;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The ingest baseline: DuckDB loads a GDELT 2.0 events export by itself, with its own parallel CSV
 * reader, into a fresh store, keeping the rows and columns Entente's {@code events} table keeps.
 *
 * <p>One statement does the work:
 *
 * <pre>
 * CREATE TABLE events AS
 * SELECT GLOBALEVENTID, SQLDATE AS Day, Actor1Code, ..., SOURCEURL
 * FROM read_csv('file', delim = '\t', header = false, quote = '', escape = '',
 *               auto_detect = false, dateformat = '%Y%m%d', compression = 'none' | 'gzip',
 *               columns = {61 names and types})
 * WHERE Actor1CountryCode IN (?, ...) AND Actor2CountryCode IN (?, ...)
 *   AND Actor1CountryCode &lt;&gt; Actor2CountryCode
 * </pre>
 *
 * Every column is read as VARCHAR except those stored typed: GLOBALEVENTID BIGINT, SQLDATE DATE,
 * IsRootEvent, QuadClass and the three counts INTEGER, GoldsteinScale and AvgTone DOUBLE, so a
 * malformed number anywhere in those columns fails the load as it would fail a real ingest. Quoting
 * and escaping are off because GDELT fields contain stray double quotes. The country codes are
 * bound as parameters; only the file path is spliced into the SQL, single-quoted with embedded
 * quotes doubled. DuckDB runs with its default settings (threads = cores). Thread-safe: calls share
 * nothing.
 */
public final class DuckDbBaseline {

  /** The 61 GDELT 2.0 event columns in file order, with the DuckDB type each is read as. */
  static final List<Map.Entry<String, String>> COLUMNS = columns();

  /** The columns kept, as {@code source AS name} SQL fragments (all fixed, never user input). */
  private static final String KEPT =
      String.join(
          ", ",
          "GLOBALEVENTID",
          "SQLDATE AS Day",
          "Actor1Code",
          "Actor1CountryCode",
          "Actor1Type1Code",
          "Actor2Code",
          "Actor2CountryCode",
          "Actor2Type1Code",
          "IsRootEvent",
          "EventCode",
          "EventBaseCode",
          "EventRootCode",
          "QuadClass",
          "GoldsteinScale",
          "NumMentions",
          "NumSources",
          "NumArticles",
          "AvgTone",
          "SOURCEURL");

  private DuckDbBaseline() {}

  /**
   * Outcome of one run.
   *
   * @param nanos wall time from opening the store to closing it (load, count and checkpoint);
   *     loading DuckDB's native library, once per JVM, is not included
   * @param rowsKept rows in the resulting {@code events} table
   * @param fileBytes size of the input file on disk (compressed size for {@code .gz})
   */
  public record Result(long nanos, long rowsKept, long fileBytes) {

    /** Input megabytes (10^6 bytes, as stored on disk) per second of wall time. */
    public double megabytesPerSecond() {
      return fileBytes * 1e3 / Math.max(1, nanos);
    }

    /** Wall time in seconds. */
    public double seconds() {
      return nanos / 1e9;
    }
  }

  /**
   * Creates a DuckDB store at {@code dbFile} and loads into its table {@code events} the rows of
   * {@code file} whose Actor1CountryCode and Actor2CountryCode are both in {@code countries} and
   * differ.
   *
   * @param file a GDELT 2.0 events export (61 TAB-separated columns, no header), gzip-compressed if
   *     its name ends in {@code .gz}; the path must not contain the glob characters {@code *?[}
   *     because DuckDB expands them
   * @param countries CAMEO actor country codes, e.g. USA, CHN, no nulls; empty for no filter (every
   *     row kept, as an unfiltered ingest)
   * @param dbFile the store to create; it must not exist yet
   * @return wall time, rows kept, input size
   * @throws FileAlreadyExistsException if {@code dbFile} exists
   * @throws IllegalArgumentException if the path has glob characters
   * @throws IOException if {@code file} cannot be read
   * @throws SQLException if DuckDB fails, e.g. on a malformed row
   */
  public static Result run(Path file, Set<String> countries, Path dbFile)
      throws IOException, SQLException {
    Objects.requireNonNull(file, "file");
    return run(createTableSql(file, countries.size()), Files.size(file), countries, dbFile);
  }

  /**
   * {@link #run(Path, Set, Path)} on every {@code *.CSV} file directly in {@code dir}, read by one
   * {@code read_csv} glob (DuckDB's own way to load many files).
   */
  public static Result runGlob(Path dir, Set<String> countries, Path dbFile)
      throws IOException, SQLException {
    long bytes = 0;
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (p.getFileName().toString().endsWith(".CSV")) {
          bytes += Files.size(p);
        }
      }
    }
    String path = dir.toAbsolutePath().toString();
    if (path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('[') >= 0) {
      throw new IllegalArgumentException("path contains a glob character (*?[): " + path);
    }
    return run(createTableSql(path + "/*.CSV", false, countries.size()), bytes, countries, dbFile);
  }

  private static Result run(String sql, long fileBytes, Set<String> countries, Path dbFile)
      throws IOException, SQLException {
    Objects.requireNonNull(countries, "countries");
    Objects.requireNonNull(dbFile, "dbFile");
    List<String> codes = new ArrayList<>(countries);
    codes.forEach(c -> Objects.requireNonNull(c, "country code"));
    if (Files.exists(dbFile)) {
      throw new FileAlreadyExistsException(dbFile.toString(), null, "will not overwrite a store");
    }
    org.entente.store.duckdb.DuckDbNativeLibrary.prepare();
    DriverManager.getConnection("jdbc:duckdb:").close(); // loads the native library untimed

    long start = System.nanoTime();
    long kept;
    try (Connection connection =
        DriverManager.getConnection("jdbc:duckdb:" + dbFile.toAbsolutePath())) {
      try (PreparedStatement create = connection.prepareStatement(sql)) {
        int p = 1;
        for (int pass = 0; pass < 2; pass++) {
          for (String code : codes) {
            create.setString(p++, code);
          }
        }
        create.execute();
      }
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM events")) {
        rs.next();
        kept = rs.getLong(1);
      }
    }
    return new Result(System.nanoTime() - start, kept, fileBytes);
  }

  /** The CREATE TABLE ... AS SELECT statement with {@code countries} placeholders per actor. */
  static String createTableSql(Path file, int countries) {
    String path = file.toAbsolutePath().toString();
    if (path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('[') >= 0) {
      throw new IllegalArgumentException("path contains a glob character (*?[): " + path);
    }
    return createTableSql(path, path.toLowerCase(Locale.ROOT).endsWith(".gz"), countries);
  }

  private static String createTableSql(String path, boolean gzip, int countries) {
    StringBuilder cols = new StringBuilder("{");
    for (Map.Entry<String, String> c : COLUMNS) {
      if (cols.length() > 1) {
        cols.append(", ");
      }
      cols.append('\'').append(c.getKey()).append("': '").append(c.getValue()).append('\'');
    }
    cols.append('}');
    String in = "(" + String.join(", ", Collections.nCopies(Math.max(1, countries), "?")) + ")";
    return "CREATE TABLE events AS SELECT "
        + KEPT
        + " FROM read_csv("
        + quote(path)
        + ", delim = '\\t', header = false, quote = '', escape = '', auto_detect = false,"
        + " dateformat = '%Y%m%d', compression = '"
        + (gzip ? "gzip" : "none")
        + "', columns = "
        + cols
        + ")"
        + (countries == 0
            ? ""
            : " WHERE Actor1CountryCode IN "
                + in
                + " AND Actor2CountryCode IN "
                + in
                + " AND Actor1CountryCode <> Actor2CountryCode");
  }

  /**
   * Runs the baseline in its own process (for {@code bench ingest --rss}, which measures the peak
   * resident memory of each side with {@code /usr/bin/time -v}): {@code FILE DB [CODE,CODE...]}.
   */
  public static void main(String[] args) throws IOException, SQLException {
    Set<String> codes =
        args.length > 2 && !args[2].isEmpty()
            ? new java.util.LinkedHashSet<>(List.of(args[2].split(",")))
            : Set.of();
    Result r = run(Path.of(args[0]), codes, Path.of(args[1]));
    System.out.println("kept " + r.rowsKept() + " in " + r.nanos() / 1e9 + " s");
  }

  /** A SQL string literal: single quotes around, embedded single quotes doubled. */
  static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static List<Map.Entry<String, String>> columns() {
    String[] names =
        ("GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name "
                + "Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code "
                + "Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code Actor2Code "
                + "Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode "
                + "Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code "
                + "Actor2Type3Code IsRootEvent EventCode EventBaseCode EventRootCode QuadClass "
                + "GoldsteinScale NumMentions NumSources NumArticles AvgTone Actor1Geo_Type "
                + "Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code "
                + "Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID Actor2Geo_Type Actor2Geo_FullName "
                + "Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat "
                + "Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName "
                + "ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat "
                + "ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL")
            .split(" ");
    Map<String, String> typed =
        Map.of(
            "GLOBALEVENTID", "BIGINT",
            "SQLDATE", "DATE",
            "IsRootEvent", "INTEGER",
            "QuadClass", "INTEGER",
            "GoldsteinScale", "DOUBLE",
            "NumMentions", "INTEGER",
            "NumSources", "INTEGER",
            "NumArticles", "INTEGER",
            "AvgTone", "DOUBLE");
    List<Map.Entry<String, String>> list = new ArrayList<>();
    for (String n : names) {
      list.add(Map.entry(n, typed.getOrDefault(n, "VARCHAR")));
    }
    if (list.size() != 61) {
      throw new AssertionError("GDELT 2.0 has 61 columns, listed " + list.size());
    }
    return List.copyOf(list);
  }
}
