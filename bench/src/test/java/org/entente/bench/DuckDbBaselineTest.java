package org.entente.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbBaselineTest {

  private static final int ROWS = 20_000;

  @TempDir static Path dir;
  private static Path file;
  private static List<String[]> kept;

  @BeforeAll
  static void generate() throws IOException {
    file = dir.resolve("events.tsv");
    GdeltGenerator.write(file, ROWS, 5);
    kept = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] r = line.split("\t", -1);
      if (GdeltGeneratorTest.passesSixStateFilter(r)) {
        kept.add(r);
      }
    }
  }

  @Test
  void run_generatedFile_keepsExactlyTheRowsOfTheFilter() throws Exception {
    Path db = dir.resolve("plain.duckdb");
    DuckDbBaseline.Result result = DuckDbBaseline.run(file, GdeltGeneratorTest.SIX, db);
    assertTrue(kept.size() > 100, "the fixture has rows to keep");
    assertEquals(kept.size(), result.rowsKept());
    assertEquals(Files.size(file), result.fileBytes());
    assertTrue(result.nanos() > 0);

    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
        Statement s = c.createStatement()) {
      List<String> columns = new ArrayList<>();
      List<String> types = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("DESCRIBE events")) {
        while (rs.next()) {
          columns.add(rs.getString(1));
          types.add(rs.getString(2));
        }
      }
      assertEquals(
          List.of(
              "GLOBALEVENTID",
              "Day",
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
              "SOURCEURL"),
          columns);
      assertEquals("BIGINT", types.get(0));
      assertEquals("DATE", types.get(1));
      assertEquals("VARCHAR", types.get(9));
      assertEquals("DOUBLE", types.get(13));

      long leadingZero = kept.stream().filter(r -> r[28].startsWith("0")).count();
      long articles = kept.stream().mapToLong(r -> Long.parseLong(r[33])).sum();
      long firstId = Long.parseLong(kept.get(0)[0]);
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*) FILTER (WHERE EventRootCode LIKE '0%'), sum(NumArticles),"
                  + " min(GLOBALEVENTID), strftime(min(Day) FILTER (WHERE GLOBALEVENTID = "
                  + firstId
                  + "), '%Y%m%d') FROM events")) {
        rs.next();
        assertEquals(leadingZero, rs.getLong(1), "EventRootCode keeps its leading zero");
        assertEquals(articles, rs.getLong(2));
        assertEquals(firstId, rs.getLong(3));
        assertEquals(kept.get(0)[1], rs.getString(4), "Day parsed from SQLDATE");
      }
    }
  }

  @Test
  void run_gzippedFile_keepsTheSameRows() throws Exception {
    Path gz = dir.resolve("events.tsv.gz");
    GdeltGenerator.write(gz, ROWS, 5);
    DuckDbBaseline.Result result =
        DuckDbBaseline.run(gz, GdeltGeneratorTest.SIX, dir.resolve("gz.duckdb"));
    assertEquals(kept.size(), result.rowsKept());
    assertEquals(Files.size(gz), result.fileBytes());
  }

  @Test
  void run_pathWithSingleQuote_isQuotedSafely() throws Exception {
    Path odd = dir.resolve("it's events.tsv");
    Files.copy(file, odd);
    DuckDbBaseline.Result result =
        DuckDbBaseline.run(odd, GdeltGeneratorTest.SIX, dir.resolve("quote.duckdb"));
    assertEquals(kept.size(), result.rowsKept());
  }

  @Test
  void run_countryCodes_areBoundAsParametersNotSpliced() throws Exception {
    Set<String> hostile = Set.of("USA", "CHN') OR TRUE OR ('x");
    DuckDbBaseline.Result result = DuckDbBaseline.run(file, hostile, dir.resolve("bind.duckdb"));
    assertEquals(0, result.rowsKept(), "no row has the second code, so no pair qualifies");
  }

  @Test
  void run_subsetOfCountries_keepsOnlyThosePairs() throws Exception {
    Set<String> two = Set.of("USA", "CHN");
    long expected = kept.stream().filter(r -> two.contains(r[7]) && two.contains(r[17])).count();
    assertTrue(expected > 0);
    assertEquals(expected, DuckDbBaseline.run(file, two, dir.resolve("two.duckdb")).rowsKept());
  }

  @Test
  void runGlob_fileDealtIntoParts_keepsTheSameRowsAsTheWholeFile() throws Exception {
    // bench ingest --split: DuckDB reads the parts by one glob; a README beside them is not read
    Path parts = Files.createDirectories(dir.resolve("parts"));
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int k = 0; k < 7; k++) {
      List<String> part = new ArrayList<>();
      for (int i = k; i < lines.size(); i += 7) {
        part.add(lines.get(i));
      }
      Files.write(parts.resolve("p" + k + ".export.CSV"), part, StandardCharsets.UTF_8);
    }
    Files.writeString(parts.resolve("README.md"), "not data");
    DuckDbBaseline.Result r =
        DuckDbBaseline.runGlob(parts, GdeltGeneratorTest.SIX, dir.resolve("glob.duckdb"));
    assertEquals(kept.size(), r.rowsKept());
    assertEquals(Files.size(file), r.fileBytes());
  }

  @Test
  void run_noCountries_keepsEveryRow() throws Exception {
    // the unfiltered baseline of bench ingest --unfiltered: every generated row is kept
    DuckDbBaseline.Result result = DuckDbBaseline.run(file, Set.of(), dir.resolve("all.duckdb"));
    assertEquals(ROWS, result.rowsKept());
  }

  @Test
  void run_existingStore_refusesToOverwrite() throws IOException {
    Path db = dir.resolve("exists.duckdb");
    Files.writeString(db, "not a store");
    assertThrows(
        FileAlreadyExistsException.class,
        () -> DuckDbBaseline.run(file, GdeltGeneratorTest.SIX, db));
  }

  @Test
  void run_malformedNumber_failsTheLoad() throws IOException {
    Path bad = dir.resolve("bad.tsv");
    String line = Files.readAllLines(file).get(0);
    String[] f = line.split("\t", -1);
    f[33] = "many";
    Files.writeString(bad, String.join("\t", f) + "\n");
    assertThrows(
        SQLException.class,
        () -> DuckDbBaseline.run(bad, GdeltGeneratorTest.SIX, dir.resolve("bad.duckdb")));
  }

  @Test
  void createTableSql_globCharacterInPath_rejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> DuckDbBaseline.createTableSql(Path.of("/data/events-*.tsv"), 6));
  }

  @Test
  void quote_embeddedSingleQuote_doubled() {
    assertEquals("'/tmp/it''s.tsv'", DuckDbBaseline.quote("/tmp/it's.tsv"));
  }

  @Test
  void columns_are61InGdelt2Order() {
    assertEquals(61, DuckDbBaseline.COLUMNS.size());
    assertEquals("GLOBALEVENTID", DuckDbBaseline.COLUMNS.get(0).getKey());
    assertEquals("Actor1CountryCode", DuckDbBaseline.COLUMNS.get(7).getKey());
    assertEquals("EventCode", DuckDbBaseline.COLUMNS.get(26).getKey());
    assertEquals("VARCHAR", DuckDbBaseline.COLUMNS.get(26).getValue());
    assertEquals("SOURCEURL", DuckDbBaseline.COLUMNS.get(60).getKey());
  }
}
