package org.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ingest --defer-rollups} and {@code fold}: same answers before and after the fold. */
class FoldCommandTest {
  @TempDir Path dir;

  /** A second GDELT 2.0 file: RUS–PRK and CHN–RUS events in April 2024. */
  private Path april() throws IOException {
    Path f = dir.resolve("april.export.CSV");
    Files.write(
        f,
        List.of(
            CliHarness.gdelt2(11, "20240402", "RUS", "PRK", "036", 4.0, 1),
            CliHarness.gdelt2(12, "20240403", "CHN", "RUS", "173", -5.0, 4),
            CliHarness.gdelt2(13, "20240415", "PRK", "RUS", "0311", 5.2, 1)),
        StandardCharsets.UTF_8);
    return f;
  }

  /** The outputs the rollups answer: a series, a triangle and the character's code counts. */
  private static List<String> answers(Path db) {
    List<String> out = new java.util.ArrayList<>();
    for (String[] args :
        List.of(
            new String[] {"series", "--dyad", "RUS-PRK", "--format", "csv"},
            new String[] {"series", "--dyad", "CHN-RUS", "--weight", "articles", "--format", "csv"},
            new String[] {"triangle", "RUS,PRK,USA", "--format", "csv"},
            new String[] {"character", "--dyad", "RUS-PRK", "--format", "json"})) {
      String[] full = new String[args.length + 2];
      full[0] = args[0];
      full[1] = "--db";
      full[2] = db.toString();
      System.arraycopy(args, 1, full, 3, args.length - 1);
      CliHarness.Result r = CliHarness.run(full);
      assertEquals(0, r.exit(), String.join(" ", full) + ": " + r.err());
      assertFalse(r.out().isBlank(), String.join(" ", full));
      out.add(r.out());
    }
    return out;
  }

  @Test
  void deferredIngest_answersAsAPlainOne_beforeAndAfterTheFold() throws IOException {
    Path sample = CliHarness.sampleExport(dir);
    Path april = april();
    Path plain = dir.resolve("plain.duckdb");
    Path deferred = dir.resolve("deferred.duckdb");
    assertEquals(
        0,
        CliHarness.run("ingest", "--db", plain.toString(), sample.toString(), april.toString())
            .exit());
    List<String> expected = answers(plain);
    assertFalse(CliHarness.run("info", "--db", plain.toString()).out().contains("rollups:"));

    CliHarness.Result in =
        CliHarness.run(
            "ingest",
            "--defer-rollups",
            "--db",
            deferred.toString(),
            sample.toString(),
            april.toString());
    assertEquals(0, in.exit(), in.err());
    assertTrue(
        in.err().contains("the events of 2 file(s) are not in the rollups yet")
            && in.err().contains("entente fold"),
        in.err());
    CliHarness.Result info = CliHarness.run("info", "--db", deferred.toString());
    assertTrue(info.out().contains("rollups: the events of 2 file(s)"), info.out());
    assertEquals(expected, answers(deferred));

    CliHarness.Result fold = CliHarness.run("fold", "--db", deferred.toString());
    assertEquals(0, fold.exit(), fold.err());
    assertTrue(fold.out().contains("(2 added)"), fold.out());
    assertTrue(fold.err().contains("rollups: the events of 2 file(s) added in"), fold.err());
    assertFalse(CliHarness.run("info", "--db", deferred.toString()).out().contains("rollups:"));
    assertEquals(expected, answers(deferred));
    CliHarness.Result again = CliHarness.run("fold", "--db", deferred.toString());
    assertEquals(0, again.exit(), again.err());
    assertTrue(again.out().startsWith("nothing to fold"), again.out());
  }

  @Test
  void plainIngest_afterADeferredOne_foldsItsFilesToo() throws IOException {
    Path db = dir.resolve("mixed.duckdb");
    CliHarness.Result first =
        CliHarness.run(
            "ingest",
            "--db",
            db.toString(),
            "--defer-rollups",
            CliHarness.sampleExport(dir).toString());
    assertEquals(0, first.exit(), first.err());
    CliHarness.Result second = CliHarness.run("ingest", "--db", db.toString(), april().toString());
    assertEquals(0, second.exit(), second.err());
    assertTrue(
        second.err().contains("rollups: adding the events of 1 file(s) ingested with"),
        second.err());
    assertTrue(
        CliHarness.run("fold", "--db", db.toString()).out().startsWith("nothing to fold"),
        "the plain ingest folded the deferred file");
  }

  @Test
  void plainIngest_whoseFoldFails_printsItsReportsAndSaysSo() throws Exception {
    Path db = dir.resolve("failing.duckdb");
    assertEquals(
        0,
        CliHarness.run(
                "ingest",
                "--db",
                db.toString(),
                "--defer-rollups",
                CliHarness.sampleExport(dir).toString())
            .exit());
    // a list of pending files the fold cannot read (a renamed column); loads do not read it
    rename(db, "file_id", "fid");
    CliHarness.Result r = CliHarness.run("ingest", "--db", db.toString(), april().toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().contains("april.export.CSV  gdelt2  loaded"), r.out() + r.err());
    assertTrue(
        r.err().contains("the files are stored, queries read their events until 'entente fold'"),
        r.err());
    rename(db, "fid", "file_id");
    CliHarness.Result info = CliHarness.run("info", "--db", db.toString());
    assertTrue(info.out().contains("rollups: the events of 1 file(s)"), info.out());
    CliHarness.Result fold = CliHarness.run("fold", "--db", db.toString());
    assertEquals(0, fold.exit(), fold.err());
    assertTrue(fold.out().contains("(1 added)"), fold.out());
  }

  private static void rename(Path db, String from, String to) throws java.sql.SQLException {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db);
        java.sql.Statement st = c.createStatement()) {
      st.execute("ALTER TABLE rollup_pending RENAME COLUMN " + from + " TO " + to);
    }
  }

  @Test
  void fold_withoutAStore_refusesAndCreatesNone() {
    Path missing = dir.resolve("missing.duckdb");
    CliHarness.Result r = CliHarness.run("fold", "--db", missing.toString());
    assertEquals(2, r.exit(), r.err());
    assertFalse(Files.exists(missing));
    assertTrue(r.err().contains("missing.duckdb"), r.err());
  }
}
