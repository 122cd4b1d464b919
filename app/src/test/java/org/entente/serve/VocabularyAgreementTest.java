package org.entente.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
}
