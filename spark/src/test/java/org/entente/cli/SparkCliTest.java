package org.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI end to end on the Spark engine: {@code ingest --engine spark --master local[2] --lake DIR
 * FILE}, then {@code series} and {@code info} on the lake print what they print on a DuckDB store
 * of the same file; the engine options are checked once, with exit 2 for a user mistake.
 */
class SparkCliTest {
  @TempDir Path dir;

  @BeforeAll
  static void session() {
    org.entente.spark.SparkTests.session(); // the test JVM's session, which the CLI reuses
  }

  private static CliHarness.Result run(String... args) {
    return CliHarness.run(args);
  }

  /**
   * The same words and numbers, line by line; a number may differ from the DuckDB store's by 1e-12
   * relative: DuckDB sums doubles with compensation (fsum), Spark plainly, each in the order it
   * reads the rows, so the last digit of a printed double can differ (docs/spark.md).
   */
  static void assertSameNumbers(String expected, String actual, String what) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    assertEquals(e.length, a.length, what + ": lines\n" + expected + "\n" + actual);
    for (int i = 0; i < e.length; i++) {
      String[] te = e[i].trim().split("[,\\s]+", -1);
      String[] ta = a[i].trim().split("[,\\s]+", -1);
      String line = what + ": line " + (i + 1) + "\n" + e[i] + "\n" + a[i];
      assertEquals(te.length, ta.length, line);
      for (int k = 0; k < te.length; k++) {
        if (!te[k].equals(ta[k])) {
          double x = Double.parseDouble(te[k]);
          double y = Double.parseDouble(ta[k]);
          assertTrue(Math.abs(x - y) <= 1e-12 * Math.abs(x), line);
        }
      }
    }
  }

  /** A GDELT 2.0 export: RUS-PRK and USA-CHN events over three months, one bad row. */
  private Path gdeltFile() throws IOException {
    List<String> rows = new ArrayList<>();
    String[][] pairs = {{"RUS", "PRK"}, {"PRK", "RUS"}, {"USA", "CHN"}};
    String[] codes = {"036", "042", "190", "010", "057"};
    for (int i = 0; i < 60; i++) {
      String[] p = pairs[i % pairs.length];
      String day = String.format("2024%02d%02d", 3 + i % 3, 1 + i % 27);
      rows.add(row(1000 + i, day, p[0], p[1], codes[i % codes.length], i));
    }
    rows.add("not\ta\tgdelt\trow");
    Path f = dir.resolve("20240601000000.export.CSV");
    Files.write(f, rows, StandardCharsets.UTF_8);
    return f;
  }

  /** A GDELT 2.0 row with counts, root flag and URL (shared by every 20th row) varying with i. */
  private static String row(long id, String day, String c1, String c2, String code, int i) {
    boolean cooperative = code.compareTo("060") < 0;
    String[] f =
        CliHarness.gdelt2(id, day, c1, c2, code, cooperative ? 3.4 : -10.0, cooperative ? 1 : 4)
            .split("\t", -1);
    f[25] = Integer.toString(i % 2);
    f[31] = Integer.toString(1 + i % 7);
    f[32] = Integer.toString(1 + i % 3);
    f[33] = Integer.toString(1 + i % 5);
    f[60] = "https://example.org/" + (i % 20);
    return String.join("\t", f);
  }

  @Test
  void ingestThenSeriesAndInfo_onALake_printWhatTheDuckDbStorePrints() throws IOException {
    Path file = gdeltFile();
    String lake = dir.resolve("lake").toString();
    String db = dir.resolve("d.duckdb").toString();
    CliHarness.Result in =
        run("ingest", "--engine", "spark", "--master", "local[2]", "--lake", lake, file.toString());
    assertEquals(0, in.exit(), in.err());
    CliHarness.Result ind = run("ingest", "--db", db, file.toString());
    assertEquals(countsOf(ind.out()), countsOf(in.out()));
    assertTrue(in.out().contains("loaded"), in.out());

    for (String[] opts :
        new String[][] {
          {"--dyad", "RUS>PRK", "--weight", "mentions", "--dedup", "url"},
          {"--dyad", "USA-CHN", "--freq", "quarter", "--format", "csv", "--dedup", "daily"},
        }) {
      List<String> spark = new ArrayList<>(List.of("series", "--engine", "spark", "--lake", lake));
      spark.addAll(List.of(opts));
      List<String> duck = new ArrayList<>(List.of("series", "--db", db));
      duck.addAll(List.of(opts));
      CliHarness.Result s = run(spark.toArray(String[]::new));
      CliHarness.Result d = run(duck.toArray(String[]::new));
      assertEquals(0, s.exit(), s.err());
      assertSameNumbers(d.out(), s.out(), String.join(" ", opts));
    }
    String imported = dir.resolve("imported.duckdb").toString();
    CliHarness.Result imp = run("ingest", "--db", imported, lake);
    assertEquals(0, imp.exit(), imp.err());
    assertEquals(
        run("series", "--db", db, "--dyad", "RUS-PRK", "--dedup", "url").out(),
        run("series", "--db", imported, "--dyad", "RUS-PRK", "--dedup", "url").out(),
        "the lake imported into DuckDB");

    CliHarness.Result again = run("ingest", "--engine", "spark", "--lake", lake, file.toString());
    assertEquals(0, again.exit(), again.err());
    assertTrue(
        again.out().contains("skipped"), "a file already in the lake is skipped: " + again.out());

    CliHarness.Result info = run("info", "--engine", "spark", "--lake", lake);
    CliHarness.Result infod = run("info", "--db", db);
    assertEquals(0, info.exit(), info.err());
    assertEquals(stripVarying(infod.out()), stripVarying(info.out()));
  }

  /** The ingest table's row of the file, without its last column (MB/s, which varies). */
  private static List<String> countsOf(String ingestOutput) {
    String row =
        ingestOutput.lines().filter(l -> l.contains(".export.CSV")).findFirst().orElseThrow();
    List<String> cells = List.of(row.trim().split("\\s+"));
    return cells.subList(0, cells.size() - 1);
  }

  /** Without the store line and the ingestion times, which differ between the two stores. */
  private static String stripVarying(String info) {
    return info.replaceAll("(?m)^store: .*$", "")
        .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?", "T");
  }

  @Test
  void engineOptions_userMistakes_exitTwoSayingWhatToDo() throws IOException {
    CliHarness.Result unknown = run("info", "--engine", "hive", "--lake", dir.toString());
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("unknown engine 'hive'"), unknown.err());

    CliHarness.Result noLake = run("info", "--engine", "spark");
    assertEquals(2, noLake.exit());
    assertTrue(noLake.err().contains("--lake"), noLake.err());

    CliHarness.Result lakeForDuck = run("info", "--lake", dir.toString());
    assertEquals(2, lakeForDuck.exit());
    assertTrue(lakeForDuck.err().contains("--engine spark"), lakeForDuck.err());

    Path notALake = Files.createDirectories(dir.resolve("mine"));
    Path precious = Files.writeString(notALake.resolve("notes.txt"), "keep me");
    CliHarness.Result refused =
        run("ingest", "--engine", "spark", "--lake", notALake.toString(), gdeltFile().toString());
    assertEquals(2, refused.exit(), refused.err());
    assertTrue(refused.err().contains("not an Entente lake"), refused.err());
    assertEquals(List.of(precious), Files.list(notALake).toList(), "left untouched");

    CliHarness.Result noSuchLake =
        run(
            "series",
            "--engine",
            "spark",
            "--lake",
            dir.resolve("none").toString(),
            "--dyad",
            "RUS-PRK");
    assertEquals(2, noSuchLake.exit(), noSuchLake.err());
    assertTrue(noSuchLake.err().contains("no lake at"), noSuchLake.err());
  }
}
