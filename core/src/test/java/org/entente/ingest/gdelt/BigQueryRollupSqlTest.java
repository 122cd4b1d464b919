package org.entente.ingest.gdelt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.entente.cameo.Cameo;
import org.entente.cameo.QuadMapping;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.FileReport;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.ingest.RepoDocs;
import org.entente.ingest.SharedData;
import org.entente.ingest.SourceFormat;
import org.entente.store.RollupFrequency;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BigQuery SQL of {@code docs/bigquery/} run on DuckDB over GDELT samples of {@code
 * shared/data} loaded as a table with GDELT's column names equals the daily rollup that {@code
 * entente ingest --actors <six states>} + {@code entente export rollup --freq day} gives (skipped
 * when the samples are absent). The table is loaded by DuckDB's own CSV reader, independently of
 * Entente's parsers.
 */
class BigQueryRollupSqlTest {
  @TempDir Path tmp;

  private static final Set<String> SIX = Set.of("CHN", "JPN", "KOR", "PRK", "RUS", "USA");

  /**
   * Raw GDELT TSV, no header: GDELT's columns by position (identical in 1.0 and 2.0 up to 34).
   * Lines are split by hand: DuckDB's CSV sniffer refuses a file whose rows have 57 and 58 columns.
   */
  private static String tsvTable(Path f) {
    return "SELECT TRY_CAST(c(0) AS BIGINT) GLOBALEVENTID, TRY_CAST(c(1) AS INTEGER) SQLDATE,"
            .replace("c(0)", col(0))
            .replace("c(1)", col(1))
        + " "
        + col(7)
        + " Actor1CountryCode, "
        + col(17)
        + " Actor2CountryCode, "
        + col(26)
        + " EventCode, "
        + col(28)
        + " EventRootCode, TRY_CAST("
        + col(29)
        + " AS INTEGER) QuadClass, TRY_CAST("
        + col(30)
        + " AS DOUBLE) GoldsteinScale FROM (SELECT string_split(line, chr(9)) f FROM (SELECT"
        + " unnest(string_split(content, chr(10))) line FROM read_text('"
        + f
        + "')) WHERE line <> '')";
  }

  /** Field {@code i} (0-based) of the split line, NULL when empty. */
  private static String col(int i) {
    return "nullif(f[" + (i + 1) + "], '')";
  }

  /** GDELT as CSV with a header row (pandas). */
  private static String csvTable(Path f) {
    return "SELECT TRY_CAST(GLOBALEVENTID AS BIGINT) GLOBALEVENTID, TRY_CAST(SQLDATE AS INTEGER)"
        + " SQLDATE, Actor1CountryCode, Actor2CountryCode, EventCode, EventRootCode,"
        + " TRY_CAST(TRY_CAST(QuadClass AS DOUBLE) AS INTEGER) QuadClass, TRY_CAST(GoldsteinScale"
        + " AS DOUBLE) GoldsteinScale FROM read_csv('"
        + f
        + "', header = true, all_varchar = true)";
  }

  @Test
  void gdelt2Export_bigQuerySql_equalsIngestPlusExport() throws Exception {
    Path f = SharedData.file("gdelt-v2-export-arekziobrowski", "20191024143000.export.CSV");
    compare(f, tsvTable(f), "gdelt2");
  }

  @Test
  void gdelt2Export_bigQueryVolumesSql_equalsUnfilteredIngestPlusExportVolumes() throws Exception {
    Path f = SharedData.file("gdelt-v2-export-arekziobrowski", "20191024143000.export.CSV");
    compareVolumes(f, tsvTable(f), "gdelt2");
  }

  @Test
  void gdelt2CsvSample_bigQueryVolumesSql_equalsUnfilteredIngestPlusExportVolumes()
      throws Exception {
    Path f = SharedData.file("gdelt-v2-samples-gdeltPyR", "events2samps.csv");
    compareVolumes(f, csvTable(f), "gdelt2");
  }

  @Test
  void gdelt1Events_bigQuerySql_equalsIngestPlusExport() throws Exception {
    Path f = SharedData.file("gdelt-v1-events-reed9999", "events.csv");
    compare(f, tsvTable(f), "gdelt1");
  }

  @Test
  void gdelt2CsvSample_bigQuerySql_equalsIngestPlusExport() throws Exception {
    Path f = SharedData.file("gdelt-v2-samples-gdeltPyR", "events2samps.csv");
    compare(f, csvTable(f), "gdelt2");
  }

  @Test
  void gdelt1GeorgiaMonthly_bigQuerySql_equalsIngestPlusExport() throws Exception {
    Path folder = SharedData.dir("gdelt-v1-georgia-monthly-undp");
    List<Path> files;
    try (var l = Files.list(folder)) {
      files = l.filter(p -> p.toString().endsWith(".csv.gz")).sorted().toList();
    }
    assertTrue(files.size() > 20, "the 23 monthly files");
    Path table = tmp.resolve("georgia.tsv");
    writeGeorgiaTable(files, table);
    Path exported = tmp.resolve("georgia-rollup.csv");
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      Ingestor in = new Ingestor(s, Cameo.bundled());
      for (Path f : files) {
        FileReport r =
            in.ingestFile(
                f,
                new IngestOptions(SourceFormat.AUTO, ActorFilter.of(SIX), QuadMapping.GDELT),
                IngestListener.NONE);
        assertEquals(FileReport.Status.LOADED, r.status(), r.toString());
      }
      s.exportRollup(RollupFrequency.DAY, false, exported);
    }
    compareExport(
        exported,
        "SELECT TRY_CAST(GLOBALEVENTID AS BIGINT) GLOBALEVENTID, TRY_CAST(SQLDATE AS INTEGER)"
            + " SQLDATE, Actor1CountryCode, Actor2CountryCode, EventCode, EventRootCode,"
            + " TRY_CAST(TRY_CAST(QuadClass AS DOUBLE) AS INTEGER) QuadClass,"
            + " TRY_CAST(GoldsteinScale AS DOUBLE) GoldsteinScale FROM read_csv('"
            + table
            + "', delim = '\t', header = true, all_varchar = true, quote = '', escape = '')",
        "gdelt1",
        folder);
  }

  /**
   * The R exports of the Georgia folder as one plain table of the eight columns the SQL reads: R's
   * quirks undone by hand (quoted header, {@code NA} for missing, stray spaces, a row-name field
   * prepended to the data rows of one layout: one field more than the header).
   */
  private static void writeGeorgiaTable(List<Path> files, Path out) throws Exception {
    String[] names = {
      "GLOBALEVENTID",
      "SQLDATE",
      "Actor1CountryCode",
      "Actor2CountryCode",
      "EventCode",
      "EventRootCode",
      "QuadClass",
      "GoldsteinScale"
    };
    StringBuilder sb = new StringBuilder(String.join("\t", names)).append('\n');
    for (Path f : files) {
      try (var r =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(
                  new java.util.zip.GZIPInputStream(Files.newInputStream(f)),
                  java.nio.charset.StandardCharsets.UTF_8))) {
        List<String> header = org.entente.ingest.CsvFields.texts(r.readLine());
        int[] at = new int[names.length];
        for (int k = 0; k < names.length; k++) {
          at[k] = header.indexOf(names[k]);
        }
        String line;
        while ((line = r.readLine()) != null) {
          List<org.entente.ingest.CsvFields.Field> row = org.entente.ingest.CsvFields.split(line);
          int offset = row.size() == header.size() + 1 ? 1 : 0;
          for (int k = 0; k < names.length; k++) {
            org.entente.ingest.CsvFields.Field v = row.get(at[k] + offset);
            String t = v.text().strip();
            sb.append(k == 0 ? "" : "\t").append(!v.quoted() && t.equals("NA") ? "" : t);
          }
          sb.append('\n');
        }
      }
    }
    Files.writeString(out, sb);
  }

  private void compare(Path sample, String table, String source) throws Exception {
    compareExport(ingestAndExport(sample, ActorFilter.of(SIX), false), table, source, sample);
  }

  /**
   * docs/bigquery/gdelt-daily-volumes.sql equals the six states' volume rows of {@code export
   * rollup --volumes} after an ingest without {@code --actors}.
   */
  private void compareVolumes(Path sample, String table, String source) throws Exception {
    Path exported = ingestAndExport(sample, ActorFilter.all(), true);
    compareSql(
        "bigquery/gdelt-daily-volumes.sql",
        "SELECT * FROM read_csv('"
            + exported
            + "', header = true, all_varchar = true) WHERE kind = 'volume' AND actor1 IN"
            + " ('CHN', 'JPN', 'KOR', 'PRK', 'RUS', 'USA') ORDER BY period, actor1",
        table,
        source,
        sample);
  }

  /** {@code sample} ingested with {@code actors}, then its daily rollup exported. */
  private Path ingestAndExport(Path sample, ActorFilter actors, boolean volumes) {
    Path exported = tmp.resolve(volumes ? "volumes.csv" : "rollup.csv");
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      FileReport r =
          new Ingestor(s, Cameo.bundled())
              .ingestFile(
                  sample,
                  new IngestOptions(SourceFormat.AUTO, actors, QuadMapping.GDELT),
                  IngestListener.NONE);
      assertEquals(FileReport.Status.LOADED, r.status(), r.toString());
      s.exportRollup(RollupFrequency.DAY, false, exported, volumes);
    }
    return exported;
  }

  private static void compareExport(Path exported, String table, String source, Path sample)
      throws Exception {
    // a six-state store holds the 15 pairs of the six only, and says so (rows of kind held)
    assertEquals(
        15,
        Files.readAllLines(exported).stream().filter(l -> l.endsWith(",held")).count(),
        sample.toString());
    compareSql(
        "bigquery/gdelt-daily-rollup.sql",
        "SELECT * FROM read_csv('"
            + exported
            + "', header = true, all_varchar = true) ORDER BY kind, period, actor1, actor2",
        table,
        source,
        sample);
  }

  /**
   * The docs' SQL {@code sqlFile} run on DuckDB over {@code table} as {@code gdelt_events} gives
   * the rows of {@code expectedSql} (more than five of them).
   */
  private static void compareSql(
      String sqlFile, String expectedSql, String table, String source, Path sample)
      throws Exception {
    String sql = Files.readString(RepoDocs.file(sqlFile)).replace("gdelt_source", source);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE gdelt_events AS " + table);
      List<String> expected = rows(st, expectedSql);
      List<String> actual = rows(st, "SELECT * FROM (" + sql.strip() + ")");
      assertTrue(expected.size() > 5, sample + ": only " + expected.size() + " rows");
      assertEquals(expected, actual, sample.toString());
    }
  }

  /** Every row as text; numbers as numbers (the Goldstein sum to 9 decimals), nulls as empty. */
  private static List<String> rows(Statement st, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          String v = rs.getString(i);
          if (v != null && i >= 7 && i <= 12) {
            v = String.format(java.util.Locale.ROOT, "%.9f", Double.parseDouble(v));
          }
          sb.append(v == null || v.isEmpty() ? "" : v.toLowerCase(java.util.Locale.ROOT));
          sb.append('|');
        }
        out.add(sb.toString());
      }
    }
    return out;
  }
}
