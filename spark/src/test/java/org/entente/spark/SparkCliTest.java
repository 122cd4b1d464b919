package org.entente.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entente.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The CLI end to end on the Spark engine: {@code ingest --engine spark --master local[2] --lake DIR
 * FILE}, then {@code series} and {@code info} on the lake print what they print on a DuckDB store
 * of the same file; the engine options are checked once, with exit 2 for a user mistake.
 */
class SparkCliTest {
  @TempDir Path dir;

  record Result(int exit, String out, String err) {}

  @BeforeAll
  static void session() {
    SparkTests.session(); // the test JVM's session, which the CLI then reuses
  }

  static Result run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
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

  private static String row(long id, String day, String c1, String c2, String code, int i) {
    String[] f = new String[61];
    java.util.Arrays.fill(f, "");
    f[0] = Long.toString(id);
    f[1] = day;
    f[5] = c1 + "GOV";
    f[7] = c1;
    f[12] = "GOV";
    f[15] = c2 + "GOV";
    f[17] = c2;
    f[22] = "GOV";
    f[25] = Integer.toString(i % 2);
    f[26] = code;
    f[27] = code;
    f[28] = code.substring(0, 2);
    f[29] = code.compareTo("060") < 0 ? "1" : "4";
    f[30] = code.equals("190") ? "-10.0" : "3.4";
    f[31] = Integer.toString(1 + i % 7);
    f[32] = Integer.toString(1 + i % 3);
    f[33] = Integer.toString(1 + i % 5);
    f[34] = "-1.5";
    f[59] = day + "000000";
    f[60] = "https://example.org/" + (i % 20);
    return String.join("\t", f);
  }

  @Test
  void ingestThenSeriesAndInfo_onALake_printWhatTheDuckDbStorePrints() throws IOException {
    Path file = gdeltFile();
    String lake = dir.resolve("lake").toString();
    String db = dir.resolve("d.duckdb").toString();
    Result in =
        run("ingest", "--engine", "spark", "--master", "local[2]", "--lake", lake, file.toString());
    assertEquals(0, in.exit(), in.err());
    Result ind = run("ingest", "--db", db, file.toString());
    assertEquals(
        ind.out().replaceAll("\\d+\\.\\d\\s*$", ""), in.out().replaceAll("\\d+\\.\\d\\s*$", ""));
    assertTrue(in.out().contains("loaded"), in.out());

    for (String[] opts :
        new String[][] {
          {"--dyad", "RUS-PRK"},
          {"--dyad", "RUS>PRK", "--weight", "mentions", "--dedup", "url"},
          {"--dyad", "USA-CHN", "--freq", "quarter", "--format", "csv", "--dedup", "daily"},
        }) {
      List<String> spark = new ArrayList<>(List.of("series", "--engine", "spark", "--lake", lake));
      spark.addAll(List.of(opts));
      List<String> duck = new ArrayList<>(List.of("series", "--db", db));
      duck.addAll(List.of(opts));
      Result s = run(spark.toArray(String[]::new));
      Result d = run(duck.toArray(String[]::new));
      assertEquals(0, s.exit(), s.err());
      assertEquals(d.out(), s.out(), String.join(" ", opts));
    }
    String imported = dir.resolve("imported.duckdb").toString();
    Result imp = run("ingest", "--db", imported, lake);
    assertEquals(0, imp.exit(), imp.err());
    assertEquals(
        run("series", "--db", db, "--dyad", "RUS-PRK", "--dedup", "url").out(),
        run("series", "--db", imported, "--dyad", "RUS-PRK", "--dedup", "url").out(),
        "the lake imported into DuckDB");

    Result again = run("ingest", "--engine", "spark", "--lake", lake, file.toString());
    assertEquals(0, again.exit(), again.err());
    assertTrue(
        again.out().contains("skipped"), "a file already in the lake is skipped: " + again.out());

    Result info = run("info", "--engine", "spark", "--lake", lake);
    Result infod = run("info", "--db", db);
    assertEquals(0, info.exit(), info.err());
    assertEquals(stripVarying(infod.out()), stripVarying(info.out()));
  }

  /** Without the store line and the ingestion times, which differ between the two stores. */
  private static String stripVarying(String info) {
    return info.replaceAll("(?m)^store: .*$", "")
        .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?", "T");
  }

  @Test
  void engineOptions_userMistakes_exitTwoSayingWhatToDo() throws IOException {
    Result unknown = run("info", "--engine", "hive", "--lake", dir.toString());
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("unknown engine 'hive'"), unknown.err());

    Result noLake = run("info", "--engine", "spark");
    assertEquals(2, noLake.exit());
    assertTrue(noLake.err().contains("--lake"), noLake.err());

    Result lakeForDuck = run("info", "--lake", dir.toString());
    assertEquals(2, lakeForDuck.exit());
    assertTrue(lakeForDuck.err().contains("--engine spark"), lakeForDuck.err());

    Path notALake = Files.createDirectories(dir.resolve("mine"));
    Path precious = Files.writeString(notALake.resolve("notes.txt"), "keep me");
    Result refused =
        run("ingest", "--engine", "spark", "--lake", notALake.toString(), gdeltFile().toString());
    assertEquals(2, refused.exit(), refused.err());
    assertTrue(refused.err().contains("not an Entente lake"), refused.err());
    assertEquals(List.of(precious), Files.list(notALake).toList(), "left untouched");

    Result noSuchLake =
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
