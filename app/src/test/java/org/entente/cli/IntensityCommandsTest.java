package org.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intensity N/V (METHODS §1.5) end to end on the gdeltPyR GDELT 2.0 sample (6,090 events of all
 * countries, shared/data/gdelt-v2-samples-gdeltPyR): from the events of an unfiltered store, and
 * from a rollup exported with state volumes and imported elsewhere; refused for a store ingested
 * with --actors. Reference: for USA-CHN, the sample's rows with USA or CHN as Actor1CountryCode or
 * Actor2CountryCode per month of SQLDATE, and those between the two, counted with Python's csv
 * module (2017-05: 902 and 4; 2017-06: 849 and 6; 2017-07: 354 and 2).
 */
class IntensityCommandsTest {
  @TempDir Path dir;

  private static final List<String> EXPECTED =
      List.of("2017-05,4,902", "2017-06,6,849", "2017-07,2,354");

  private static Path sample() {
    return AnalysisCommandsTest.sharedData("gdelt-v2-samples-gdeltPyR").resolve("events2samps.csv");
  }

  /** Period, n and volume of each row of a series CSV, after checking the intensity is n/V. */
  private static List<String> volumes(String csv) {
    List<String> lines = csv.lines().toList();
    String[] header = lines.get(0).split(",");
    assertEquals("volume", header[header.length - 2], lines.get(0));
    assertEquals("intensity", header[header.length - 1], lines.get(0));
    return lines.subList(1, lines.size()).stream()
        .map(
            l -> {
              String[] f = l.split(",", -1);
              long n = Long.parseLong(f[3]);
              long v = Long.parseLong(f[f.length - 2]);
              assertEquals((double) n / v, Double.parseDouble(f[f.length - 1]), 1e-15, l);
              return f[0] + "," + n + "," + v;
            })
        .toList();
  }

  @Test
  void intensity_fromEventsAndFromImportedVolumes_isNOverV() throws Exception {
    Path sample = sample();
    String db = dir.resolve("all.duckdb").toString();
    assertEquals(0, CliHarness.run("ingest", "--db", db, sample.toString()).exit());
    CliHarness.Result s =
        CliHarness.run("series", "--db", db, "--dyad", "USA-CHN", "--intensity", "--format", "csv");
    assertEquals(0, s.exit(), s.err());
    assertEquals(EXPECTED, volumes(s.out()));

    Path rollup = dir.resolve("rollup.csv");
    CliHarness.Result x =
        CliHarness.run(
            "export", "rollup", "--db", db, "--freq", "month", "--volumes", rollup.toString());
    assertEquals(0, x.exit(), x.err());
    assertTrue(x.out().contains("with the state volumes of gdelt2"), x.out());
    assertTrue(Files.readAllLines(rollup).get(0).endsWith(",coverage,kind"));
    String imported = dir.resolve("imported.duckdb").toString();
    CliHarness.Result im =
        CliHarness.run("import", "rollup", rollup.toString(), "--source", "gv", "--db", imported);
    assertEquals(0, im.exit(), im.out() + im.err());
    CliHarness.Result info = CliHarness.run("info", "--db", imported);
    assertTrue(info.out().contains("state volumes of gv: 286 rows"), info.out());
    CliHarness.Result t =
        CliHarness.run(
            "series",
            "--db",
            imported,
            "--source",
            "gv",
            "--dyad",
            "USA-CHN",
            "--intensity",
            "--format",
            "csv");
    assertEquals(0, t.exit(), t.err());
    assertEquals(EXPECTED, volumes(t.out()));

    try (org.entente.store.EventStore st =
            org.entente.store.duckdb.DuckDbStore.openReadOnly(Path.of(db));
        org.entente.serve.WebServer w = org.entente.serve.WebServer.start(st, "127.0.0.1", 0)) {
      java.net.http.HttpResponse<String> r =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(w.url() + "api/series?dyad=USA-CHN&intensity=true"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      JsonNode rows = new ObjectMapper().readTree(r.body()).get("rows");
      assertEquals(3, rows.size());
      assertEquals(902, rows.get(0).get("volume").asLong());
      assertEquals(4.0 / 902, rows.get(0).get("intensity").asDouble(), 1e-15);
    }
  }

  /**
   * RUS-USA's events in the sample lie in 2017-05 and 2017-06 only, but a row labelled 2017 must
   * have the volume of all of 2017. Reference (Python's csv module over the sample): rows with RUS
   * or USA as Actor1CountryCode or Actor2CountryCode, by SQLDATE month, 2017-04: 13, 2017-05: 886,
   * 2017-06: 835, 2017-07: 321, so V = 2,055 for 2017; RUS-USA rows: 13 + 10 = 23.
   */
  @Test
  void intensity_ofAYearRowByDefault_hasTheWholeYearsVolume() throws Exception {
    String db = dir.resolve("all.duckdb").toString();
    assertEquals(0, CliHarness.run("ingest", "--db", db, sample().toString()).exit());
    List<String> byDefault = yearlyRusUsa(db);
    assertEquals(List.of("2017,23,2055"), byDefault, "was 1,721: the months of the dyad's events");
    assertEquals(byDefault, yearlyRusUsa(db, "--from", "2017-01", "--to", "2017-12"));
  }

  /** Period, n and volume of RUS-USA's yearly series with intensity, with {@code range}. */
  private static List<String> yearlyRusUsa(String db, String... range) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "series",
                "--db",
                db,
                "--dyad",
                "RUS-USA",
                "--intensity",
                "--freq",
                "year",
                "--format",
                "csv"));
    args.addAll(List.of(range));
    return volumes(CliHarness.run(args.toArray(String[]::new)).out());
  }

  @Test
  void intensity_ofAStoreIngestedWithActorsOrWithDedup_isRefusedWithExit2() throws Exception {
    String db = dir.resolve("six.duckdb").toString();
    assertEquals(
        0,
        CliHarness.run(
                "ingest", "--db", db, "--actors", "RUS,PRK,CHN,USA,KOR,JPN", sample().toString())
            .exit());
    CliHarness.Result r = CliHarness.run("series", "--db", db, "--dyad", "USA-CHN", "--intensity");
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("--actors"), r.err());
    CliHarness.Result d =
        CliHarness.run(
            "series", "--db", db, "--dyad", "USA-CHN", "--intensity", "--dedup", "daily");
    assertEquals(2, d.exit(), d.out() + d.err());
    assertTrue(d.err().contains("leave out --dedup daily"), d.err());
    CliHarness.Result v =
        CliHarness.run(
            "export",
            "rollup",
            "--db",
            db,
            "--freq",
            "month",
            "--volumes",
            dir.resolve("r.csv").toString());
    assertEquals(2, v.exit(), v.out() + v.err());
    assertTrue(v.err().contains("no source of this store can give state volumes"), v.err());
    assertTrue(Files.notExists(dir.resolve("r.csv")));
  }
}
