package org.entente.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One vocabulary (issue 12): the CLI and the API accept the same option values, aliases included,
 * and refuse the same mistakes naming the accepted values (exit 2 / HTTP 400).
 */
class VocabularyAgreementTest {
  @TempDir static Path dir;
  private static Path db;
  private static TestServer server;

  @BeforeAll
  static void start() {
    db = dir.resolve("demo.duckdb");
    server = TestServer.startOnFile(db);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static TestServer.CliRun cli(String command, String option, String value) {
    List<String> all = new ArrayList<>(List.of(command.split(" ")));
    all.addAll(List.of("--" + option, value, "--db", db.toString()));
    return TestServer.cli(all);
  }

  @ParameterizedTest(name = "{1}={2}")
  @CsvSource({
    "periods --dyad RUS-PRK --freq year --format json,/api/periods?dyad=RUS-PRK&freq=year,method,binary,true",
    "periods --dyad RUS-PRK --freq year --format json,/api/periods?dyad=RUS-PRK&freq=year,method,BINSEG,true",
    "periods --dyad RUS-PRK --freq year --format json,/api/periods?dyad=RUS-PRK&freq=year,penalty,hannan-quinn,true",
    "periods --dyad RUS-PRK --freq year --format json,/api/periods?dyad=RUS-PRK&freq=year,penalty,12.5,true",
    "periods --dyad RUS-PRK --freq year --format json,/api/periods?dyad=RUS-PRK&freq=year,method,kmeans,false",
    "periods --dyad RUS-PRK --freq year --format json,/api/periods?dyad=RUS-PRK&freq=year,penalty,huge,false",
    "leadlag --x USA-RUS --y RUS-PRK --freq quarter --impute zero --bootstrap 9 --format json,/api/leadlag?x=USA-RUS&y=RUS-PRK&freq=quarter&impute=zero&bootstrap=9,criterion,BIC,true",
    "leadlag --x USA-RUS --y RUS-PRK --freq quarter --impute zero --bootstrap 9 --format json,/api/leadlag?x=USA-RUS&y=RUS-PRK&freq=quarter&impute=zero&bootstrap=9,criterion,hq,false",
    "leadlag --x USA-RUS --y RUS-PRK --freq quarter --impute zero --bootstrap 9 --format json,/api/leadlag?x=USA-RUS&y=RUS-PRK&freq=quarter&impute=zero&bootstrap=9,resampling,block,true",
    "leadlag --x USA-RUS --y RUS-PRK --freq quarter --impute zero --bootstrap 9 --format json,/api/leadlag?x=USA-RUS&y=RUS-PRK&freq=quarter&impute=zero&bootstrap=9,resampling,jackknife,false",
    "character --dyad RUS-PRK --format json,/api/character?dyad=RUS-PRK,reference,SELF,true",
    "character --dyad RUS-PRK --format json,/api/character?dyad=RUS-PRK,reference,world,false",
    "series --dyad RUS-PRK --format json,/api/series?dyad=RUS-PRK,freq,quarter,true",
    "series --dyad RUS-PRK --format json,/api/series?dyad=RUS-PRK,freq,weekly,false"
  })
  void cliAndApi_acceptAndRefuseTheSameValues(
      String command, String path, String option, String value, boolean accepted) {
    TestServer.CliRun run = cli(command, option, value);
    int exit = run.exit();
    String err = run.err();
    TestServer.Response r = server.get(path + "&" + option + "=" + value);
    if (accepted) {
      assertEquals(0, exit, err);
      assertEquals(200, r.status(), r.body());
    } else {
      assertEquals(2, exit, err);
      assertEquals(400, r.status(), r.body());
      assertTrue(err.contains(value), err);
      assertTrue(r.body().contains(value), r.body());
    }
  }

  /**
   * Every option that takes a word, with the command and the route that take it (without the
   * option) and its words: canonical values and aliases. Each word is tried as given, in upper case
   * and with '-' and '_' swapped, and two unknown words besides.
   */
  private static final List<List<String>> OPTIONS =
      List.of(
          List.of(
              "series --dyad RUS-PRK", "/api/series?dyad=RUS-PRK", "freq", "month quarter year"),
          List.of(
              "series --dyad RUS-PRK --freq year",
              "/api/series?dyad=RUS-PRK&freq=year",
              "weight",
              "none articles sources mentions logmentions allmentions"),
          List.of(
              "series --dyad RUS-PRK --freq year",
              "/api/series?dyad=RUS-PRK&freq=year",
              "dedup",
              "none root daily url"),
          List.of(
              "triangle RUS,PRK,CHN --freq year",
              "/api/triangle?actors=RUS,PRK,CHN&freq=year",
              "score",
              "s3 s4 s5 s6 goldstein_mean goldstein_sum n events"),
          List.of(
              "triangle RUS,PRK,CHN --freq year",
              "/api/triangle?actors=RUS,PRK,CHN&freq=year",
              "sign-rule",
              "band baseline posterior"),
          List.of(
              "periods --dyad RUS-PRK --freq year",
              "/api/periods?dyad=RUS-PRK&freq=year",
              "method",
              "pelt binseg binary binary-segmentation"),
          List.of(
              "periods --dyad RUS-PRK --freq year",
              "/api/periods?dyad=RUS-PRK&freq=year",
              "penalty",
              "bic mbic aic hq hannan-quinn sic0 12.5"),
          List.of(
              "periods --dyad RUS-PRK --freq year",
              "/api/periods?dyad=RUS-PRK&freq=year",
              "scale",
              "lrv mad sd 0.5"),
          List.of(
              "periods --dyad RUS-PRK --freq year",
              "/api/periods?dyad=RUS-PRK&freq=year",
              "impute",
              "none zero carry linear"),
          List.of(
              "periods --dyad RUS-PRK --freq year",
              "/api/periods?dyad=RUS-PRK&freq=year",
              "compare",
              "rozman jackson"),
          List.of("periods", "/api/periods", "expert", "rozman jackson"),
          List.of(
              "leadlag --x USA-RUS --y RUS-PRK --freq year --impute zero --bootstrap 0",
              "/api/leadlag?x=USA-RUS&y=RUS-PRK&freq=year&impute=zero&bootstrap=0",
              "criterion",
              "aic bic"),
          List.of(
              "leadlag --x USA-RUS --y RUS-PRK --freq year --impute zero --bootstrap 0",
              "/api/leadlag?x=USA-RUS&y=RUS-PRK&freq=year&impute=zero&bootstrap=0",
              "resampling",
              "circular block circular-shift block-bootstrap"),
          List.of(
              "leadlag --x USA-RUS --y RUS-PRK --freq year --impute zero --bootstrap 0",
              "/api/leadlag?x=USA-RUS&y=RUS-PRK&freq=year&impute=zero&bootstrap=0",
              "difference",
              "auto none 1"),
          List.of(
              "character --dyad RUS-PRK", "/api/character?dyad=RUS-PRK", "reference", "core self"),
          List.of("actors", "/api/actors", "kind", "state igo person"),
          List.of(
              "simulate scenario prk-nuclear",
              "/api/simulate?scenario=prk-nuclear",
              "preset",
              "scholz replication paper"),
          List.of(
              "simulate scenario prk-nuclear",
              "/api/simulate?scenario=prk-nuclear",
              "q-term",
              "scholz replication"),
          List.of(
              "simulate scenario prk-nuclear",
              "/api/simulate?scenario=prk-nuclear",
              "denominator",
              "pairwise scholz"),
          List.of(
              "simulate scenario prk-nuclear",
              "/api/simulate?scenario=prk-nuclear",
              "numerator",
              "positive net"),
          List.of(
              "simulate scenario prk-nuclear",
              "/api/simulate?scenario=prk-nuclear",
              "vote-exponent",
              "risk 1"),
          List.of(
              "simulate scenario prk-nuclear",
              "/api/simulate?scenario=prk-nuclear",
              "selection",
              "least-move max-eu scholz"),
          List.of(
              "simulate scenario prk-nuclear",
              "/api/simulate?scenario=prk-nuclear",
              "b-from",
              "receiver challenger"),
          List.of(
              "simulate scenario prk-nuclear",
              "/api/simulate?scenario=prk-nuclear",
              "capitulation",
              "on off"),
          List.of(
              "simulate scenario prk-nuclear",
              "/api/simulate?scenario=prk-nuclear",
              "stop",
              "none converged cycle"),
          List.of(
              "simulate scenario prk-nuclear",
              "/api/simulate?scenario=prk-nuclear",
              "forecast",
              "mean median"),
          List.of(
              "simulate scenario prk-nuclear",
              "/api/simulate?scenario=prk-nuclear",
              "compromise-rank",
              "smallest closest"),
          List.of(
              "simulate scenario prk-nuclear",
              "/api/simulate?scenario=prk-nuclear",
              "median-line",
              "median port-mean"));

  @Test
  void everyWordOption_cliAndApi_acceptExactlyTheSameValues() {
    List<String> disagreements = new ArrayList<>();
    int tried = 0;
    for (List<String> o : OPTIONS) {
      String option = o.get(2);
      Set<String> words = new LinkedHashSet<>();
      String[] given = o.get(3).split(" ");
      words.add(given[0].toUpperCase(Locale.ROOT));
      for (String w : given) {
        words.add(w);
        words.add(w.replace('-', '~').replace('_', '-').replace('~', '_'));
      }
      words.add("nonsense");
      words.add(o.get(3).split(" ")[0] + "x");
      for (String w : words) {
        // actors reads no store: it has no --db
        TestServer.CliRun run =
            o.get(0).equals("actors")
                ? TestServer.cli(List.of("actors", "--" + option, w))
                : cli(o.get(0), option, w);
        String path = o.get(1) + (o.get(1).contains("?") ? "&" : "?") + option + "=" + w;
        TestServer.Response r = server.get(path);
        boolean cliRefuses = run.exit() == 2;
        // exit 2 is the CLI's answer both to a word it does not know (API 400) and to a query
        // the store cannot answer (API 422, e.g. --weight allmentions without mentions)
        boolean apiRefuses =
            r.status() == 400
                || (r.status() == 422 && r.body().contains("\"source cannot answer\""));
        tried++;
        if (cliRefuses != apiRefuses) {
          disagreements.add(
              "--"
                  + option
                  + " "
                  + w
                  + ": CLI exit "
                  + run.exit()
                  + " "
                  + run.err().strip()
                  + " / API "
                  + r.status()
                  + " "
                  + r.body());
        }
      }
    }
    assertTrue(tried > 120, "values tried: " + tried);
    assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
  }
}
