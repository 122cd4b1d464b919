package org.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code entente import} and {@code entente export rollup} end to end: counts printed, exit codes
 * (a bad FORMAT or path, an existing export file: 2, nothing touched), and the imported source read
 * by {@code series --source}.
 */
class ImportExportCommandsTest {
  @TempDir Path dir;

  private static final String ICEWS =
      "\"i\",\"j\",\"year\",\"verbCoop\",\"matlCoop\",\"verbConf\",\"matlConf\",\"i_iso3c\",\"j_iso3c\"\n"
          + "\"China\",\"Japan\",2002,2435,15,303,161,\"CHN\",\"JPN\"\n"
          + "\"China\",\"Japan\",2003,2614,31,306,54,\"CHN\",\"JPN\"\n"
          + "\"Japan\",\"China\",2002,10,0,1,0,\"JPN\",\"CHN\"\n";

  private Path icews() throws Exception {
    Path f = dir.resolve("dyad-year.csv");
    Files.writeString(f, ICEWS);
    return f;
  }

  @Test
  void importIcewsDyadYear_thenSeriesBySource_printsTheFileCounts() throws Exception {
    String db = dir.resolve("s.duckdb").toString();
    CliHarness.Result in =
        CliHarness.run(
            "import", "icews-dyad-year", icews().toString(), "--source", "icews-x", "--db", db);
    assertEquals(0, in.exit(), in.out() + in.err());
    assertTrue(in.out().contains("icews-dyad-year:icews-x  loaded     3       3"), in.out());
    CliHarness.Result s =
        CliHarness.run(
            "series",
            "--db",
            db,
            "--source",
            "icews-x",
            "--dyad",
            "CHN>JPN",
            "--freq",
            "year",
            "--format",
            "csv");
    assertEquals(0, s.exit(), s.err());
    List<String> lines = s.out().lines().toList();
    assertEquals(
        "period,source,target,n,w1,w2,w3,w4,goldstein_sum,goldstein_mean,s3,s4,s5,s6,"
            + "low_confidence,score,coverage",
        lines.get(0));
    assertTrue(lines.get(1).startsWith("2002,CHN,JPN,2914,2435,15,303,161,,,"), lines.get(1));
    assertTrue(lines.get(2).startsWith("2003,CHN,JPN,3005,2614,31,306,54,,,"), lines.get(2));
    assertTrue(s.err().contains("lacks goldstein_sum, goldstein_mean"), s.err());
    CliHarness.Result monthly =
        CliHarness.run(
            "series", "--db", db, "--source", "icews-x", "--dyad", "CHN>JPN", "--freq", "month");
    assertEquals(2, monthly.exit());
    assertTrue(monthly.err().contains("no monthly from yearly counts"), monthly.err());
    CliHarness.Result again =
        CliHarness.run(
            "import", "icews-dyad-year", icews().toString(), "--source", "icews-x", "--db", db);
    assertTrue(again.out().contains("skipped"), again.out());
  }

  @Test
  void api_finerThanTheSourceOrAMissingMeasure_is422NotA500() throws Exception {
    String db = dir.resolve("a.duckdb").toString();
    assertEquals(
        0,
        CliHarness.run(
                "import", "icews-dyad-year", icews().toString(), "--source", "icews-x", "--db", db)
            .exit());
    try (org.entente.store.EventStore s =
            org.entente.store.duckdb.DuckDbStore.openReadOnly(Path.of(db));
        org.entente.serve.WebServer w = org.entente.serve.WebServer.start(s, "127.0.0.1", 0)) {
      java.net.http.HttpClient c = java.net.http.HttpClient.newHttpClient();
      for (String q :
          new String[] {
            "series?dyad=CHN-JPN&source=icews-x&freq=month",
            "triangle?actors=CHN,JPN,USA&source=icews-x",
            "series?dyad=CHN-JPN&source=icews-x&freq=year&dedup=daily"
          }) {
        java.net.http.HttpResponse<String> r =
            c.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(w.url() + "api/" + q))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(422, r.statusCode(), q + " " + r.body());
        assertTrue(r.body().contains("\"error\":\"source cannot answer\""), r.body());
      }
    }
  }

  @Test
  void import_unknownFormatOrMissingFile_isAUsageError() throws Exception {
    String db = dir.resolve("s.duckdb").toString();
    CliHarness.Result f = CliHarness.run("import", "icews-monthly", icews().toString(), "--db", db);
    assertEquals(2, f.exit());
    assertTrue(f.err().contains("unknown import format 'icews-monthly'"), f.err());
    CliHarness.Result p =
        CliHarness.run("import", "rollup", dir.resolve("nope.csv").toString(), "--db", db);
    assertEquals(2, p.exit());
    assertTrue(p.err().contains("does not exist"), p.err());
    assertTrue(Files.notExists(dir.resolve("s.duckdb")), "no store created for a usage error");
  }

  @Test
  void import_fileOfAnotherFormat_isRefusedWithExit2AndTheFileUntouched() throws Exception {
    // the ICEWS dyad-year file named as a rollup: the user's mistake, not the file's fault
    String db = dir.resolve("w.duckdb").toString();
    byte[] before = Files.readAllBytes(icews());
    CliHarness.Result r = CliHarness.run("import", "rollup", icews().toString(), "--db", db);
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("refused"), r.out());
    assertTrue(r.out().contains("not rollup"), r.out());
    assertTrue(r.out().contains("nothing of this file was kept"), r.out());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(icews())));
    CliHarness.Result ok =
        CliHarness.run("import", "icews-dyad-year", icews().toString(), "--db", db);
    assertEquals(0, ok.exit(), ok.out() + ok.err());
  }

  @Test
  void exportRollup_existingFileRefused_newFileHasTheInterchangeHeader() throws Exception {
    String db = dir.resolve("s.duckdb").toString();
    assertEquals(
        0, CliHarness.run("import", "icews-dyad-year", icews().toString(), "--db", db).exit());
    Path mine = dir.resolve("mine.csv");
    Files.writeString(mine, "keep me\n");
    CliHarness.Result r =
        CliHarness.run("export", "rollup", "--freq", "day", mine.toString(), "--db", db);
    assertEquals(2, r.exit());
    assertEquals("keep me\n", Files.readString(mine));
    Path out = dir.resolve("rollup.csv");
    CliHarness.Result ok =
        CliHarness.run(
            "export", "rollup", "--freq", "month", "--format", "csv", out.toString(), "--db", db);
    assertEquals(0, ok.exit(), ok.err());
    assertEquals(
        "source,freq,period,actor1,actor2,directed,n,w1,w2,w3,w4,goldstein_sum,score,coverage",
        Files.readAllLines(out).get(0));
    assertEquals(
        2,
        CliHarness.run(
                "export", "rollup", "--freq", "week", dir.resolve("x.csv").toString(), "--db", db)
            .exit());
  }

  @Test
  void doneWhen_icewsNetify_chnJpnYearlyEqualsTheFile() throws Exception {
    Path file =
        AnalysisCommandsTest.sharedData("icews-dyad-year-netify")
            .resolve("icews_dyad_year_6states.csv");
    String db = dir.resolve("s.duckdb").toString();
    assertEquals(
        0,
        CliHarness.run(
                "import",
                "icews-dyad-year",
                file.toString(),
                "--source",
                "icews-netify",
                "--db",
                db)
            .exit());
    CliHarness.Result s =
        CliHarness.run(
            "series",
            "--db",
            db,
            "--source",
            "icews-netify",
            "--dyad",
            "CHN>JPN",
            "--freq",
            "year",
            "--format",
            "csv");
    List<String> out = s.out().lines().skip(1).toList();
    List<String> expected =
        Files.readAllLines(file).stream()
            .filter(l -> l.contains("\"CHN\",\"JPN\""))
            .map(
                l -> {
                  String[] f = l.split(",");
                  return f[2]
                      + ",CHN,JPN,"
                      + (Long.parseLong(f[4])
                          + Long.parseLong(f[5])
                          + Long.parseLong(f[6])
                          + Long.parseLong(f[7]))
                      + ","
                      + f[4]
                      + ","
                      + f[5]
                      + ","
                      + f[6]
                      + ","
                      + f[7]
                      + ",";
                })
            .toList();
    assertEquals(13, expected.size());
    for (int i = 0; i < 13; i++) {
      assertTrue(out.get(i).startsWith(expected.get(i)), out.get(i) + " vs " + expected.get(i));
    }
  }

  @Test
  void rollup_aPairBothDirectedAndUndirected_isRejectedRowByRow_andAcrossFilesRefused()
      throws Exception {
    // with both, RUS>PRK read 0 events at full coverage for a month held undirected, and RUS-PRK
    // added the directed rows to the pooled one (found by an adversarial run)
    String header =
        "source,freq,period,actor1,actor2,directed,n,w1,w2,w3,w4,goldstein_sum,score,coverage";
    Path mixed =
        Files.writeString(
            dir.resolve("mixdir.csv"),
            String.join(
                "\n",
                header,
                "md,month,2021-01,RUS,PRK,true,3,1,1,1,0,1.5,,",
                "md,month,2021-01,PRK,RUS,true,2,1,1,0,0,2.0,,",
                "md,month,2021-02,RUS,PRK,false,100,50,20,20,10,10.0,,",
                "md,month,2021-03,RUS,PRK,true,5,5,0,0,0,5.0,,",
                "md,month,2021-03,PRK,RUS,false,40,10,10,10,10,4.0,,",
                ""));
    String db = dir.resolve("md.duckdb").toString();
    CliHarness.Result in = CliHarness.run("import", "rollup", mixed.toString(), "--db", db);
    assertEquals(0, in.exit(), in.out() + in.err());
    assertTrue(in.out().matches("(?s).*loaded\\s+5\\s+3\\s+2.*"), in.out());
    CliHarness.Result directed =
        CliHarness.run(
            "series", "--db", db, "--dyad", "RUS>PRK", "--freq", "month", "--format", "csv");
    assertEquals(0, directed.exit(), directed.err());
    List<String> rows = directed.out().lines().skip(1).toList();
    assertTrue(rows.get(0).startsWith("2021-01,RUS,PRK,3,"), rows.toString());
    assertTrue(rows.get(2).startsWith("2021-03,RUS,PRK,5,"), rows.toString());
    // another file with the pair undirected: the store would hold both, so it is refused whole
    Path later =
        Files.writeString(
            dir.resolve("later.csv"),
            header + "\nmd,month,2021-04,RUS,PRK,false,7,7,0,0,0,1.0,,\n");
    CliHarness.Result again = CliHarness.run("import", "rollup", later.toString(), "--db", db);
    assertEquals(1, again.exit(), again.out() + again.err());
    assertTrue(
        (again.out() + again.err()).contains("would hold both directed and undirected rows"),
        again.out() + again.err());
  }

  /**
   * A source has a quantity only when every row has it: one row without n made the whole source's
   * counts blank without a word at import. Now a note names the source, the quantity and the rows.
   */
  @Test
  void rollup_someRowsLackAQuantity_importNotesThatTheSourceIsReadWithoutIt() throws Exception {
    String header =
        "source,freq,period,actor1,actor2,directed,n,w1,w2,w3,w4,goldstein_sum,score,coverage";
    Path partial =
        Files.writeString(
            dir.resolve("partial.csv"),
            String.join(
                "\n",
                header,
                "pq,month,2021-01,RUS,PRK,false,3,1,1,1,0,1.5,,",
                "pq,month,2021-02,RUS,PRK,false,,1,1,0,0,2.0,,",
                "pq,month,2021-03,RUS,PRK,false,5,5,0,0,0,,,",
                "full,month,2021-01,RUS,PRK,false,2,1,1,0,0,,,",
                ""));
    String db = dir.resolve("pq.duckdb").toString();
    CliHarness.Result in = CliHarness.run("import", "rollup", partial.toString(), "--db", db);
    assertEquals(0, in.exit(), in.out() + in.err());
    assertTrue(
        in.err()
            .contains(
                "source 'pq': 1 of its 3 rows lack n, so the source is read as having"
                    + " no n at all"),
        in.err());
    assertTrue(in.err().contains("source 'pq': 1 of its 3 rows lack goldstein_sum"), in.err());
    // a quantity no row has (full's goldstein_sum, everyone's score) is not partial: no note
    assertFalse(in.err().contains("'full'"), in.err());
    assertFalse(in.err().contains("lack score"), in.err());
    CliHarness.Result series =
        CliHarness.run(
            "series", "--db", db, "--source", "pq", "--dyad", "RUS-PRK", "--format", "csv");
    assertEquals(0, series.exit(), series.err());
    // what the note says: n is blank for the whole source
    assertTrue(
        series.out().lines().skip(1).allMatch(l -> l.split(",", -1)[3].isEmpty()), series.out());
  }

  @Test
  void rollup_underASourceNameHeldByEvents_everyRowRejected_isExit1SayingSo() throws Exception {
    // every row was rejected ("source holds events") with exit 0 (an adversarial run)
    String db = dir.resolve("ev.duckdb").toString();
    assertEquals(
        0, CliHarness.run("ingest", "--db", db, CliHarness.sampleExport(dir).toString()).exit());
    Path roll =
        Files.writeString(
            dir.resolve("roll.csv"),
            "source,freq,period,actor1,actor2,directed,n,w1,w2,w3,w4,goldstein_sum,score,coverage\n"
                + "gdelt2,month,2021-01,RUS,PRK,true,3,1,1,1,0,1.5,,\n");
    CliHarness.Result r = CliHarness.run("import", "rollup", roll.toString(), "--db", db);
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("nothing of " + roll.toAbsolutePath() + " was stored"), r.err());
  }

  @Test
  void rollup_aKeyRepeatedWithOtherValues_isRejectedWithItsReason_notCountedAsADuplicate()
      throws Exception {
    // the first was kept and the second counted as a duplicate, its values dropped unnamed
    String header =
        "source,freq,period,actor1,actor2,directed,n,w1,w2,w3,w4,goldstein_sum,score,coverage";
    Path f =
        Files.writeString(
            dir.resolve("dup.csv"),
            String.join(
                "\n",
                header,
                "dp,month,2021-01,RUS,PRK,true,5,5,0,0,0,5.0,,",
                "dp,month,2021-01,RUS,PRK,true,7,7,0,0,0,7.0,,",
                "dp,month,2021-01,RUS,PRK,true,5,5,0,0,0,5.0,,",
                ""));
    String db = dir.resolve("dp.duckdb").toString();
    CliHarness.Result in = CliHarness.run("import", "rollup", f.toString(), "--db", db);
    assertEquals(0, in.exit(), in.out() + in.err());
    // read 3: stored 1, rejected 1 (other values), duplicate 1 (the same values)
    assertTrue(in.out().matches("(?s).*loaded\\s+3\\s+1\\s+1\\s+1\\s.*"), in.out());
    Path later =
        Files.writeString(
            dir.resolve("later.csv"), header + "\ndp,month,2021-01,RUS,PRK,true,9,9,0,0,0,9.0,,\n");
    CliHarness.Result again = CliHarness.run("import", "rollup", later.toString(), "--db", db);
    assertEquals(1, again.exit(), "its only row rejected: " + again.out() + again.err());
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db);
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs =
            st.executeQuery(
                "SELECT line, detail FROM rejects WHERE reason = 'conflicting duplicate' ORDER BY"
                    + " file_id, line")) {
      assertTrue(rs.next());
      assertEquals(3, rs.getLong(1));
      assertTrue(rs.getString(2).startsWith("line 2 gives this source"), rs.getString(2));
      assertTrue(rs.next());
      assertEquals(2, rs.getLong(1));
      assertTrue(rs.getString(2).startsWith("the store holds"), rs.getString(2));
      assertFalse(rs.next());
    }
    CliHarness.Result series =
        CliHarness.run("series", "--db", db, "--dyad", "RUS>PRK", "--format", "csv");
    assertTrue(series.out().contains("2021-01,RUS,PRK,5,"), series.out());
  }
}
