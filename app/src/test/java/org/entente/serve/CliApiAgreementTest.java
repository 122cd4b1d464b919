package org.entente.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CLI and the API give the same numbers for the same query (issue 12): each case runs the
 * command with {@code --format json} on a store file and asks the server, which serves the same
 * file read-only at the same time, for the same thing; the JSON documents must be equal.
 */
class CliApiAgreementTest {
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

  private static JsonNode cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--db", db.toString(), "--format", "json"));
    TestServer.CliRun r = TestServer.cli(all);
    assertEquals(0, r.exit(), r.err());
    return new TestServer.Response(200, "application/json", r.out()).json();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "series --dyad RUS-PRK --freq year --from 2000-01 --to 2025-12"
            + "|/api/series?dyad=RUS-PRK&freq=year&from=2000-01&to=2025-12|rows",
        "series --dyad USA>PRK --freq quarter --weight none --dedup daily"
            + "|/api/series?dyad=USA>PRK&freq=quarter&weight=none&dedup=daily|rows",
        "triangle USA,CHN,RUS --freq year --from 1990-01"
            + "|/api/triangle?actors=USA,CHN,RUS&freq=year&from=1990-01|periods",
        "periods --dyad RUS-PRK --freq year --scale sd --impute zero"
            + "|/api/periods?dyad=RUS-PRK&freq=year&scale=sd&impute=zero|periods",
        "character --dyad RUS-PRK --reference self|/api/character?dyad=RUS-PRK&reference=self|"
      })
  void sameQuery_sameNumbers(String command, String path, String key) {
    JsonNode fromCli = cli(command.split(" "));
    TestServer.Response r = server.get(path.replace(">", "%3E"));
    assertEquals(200, r.status(), r.body());
    JsonNode fromApi = r.json();
    if (key == null || key.isEmpty()) {
      same("", fromCli, fromApi);
    } else {
      assertTrue(fromCli.get(key).size() > 0, "the case has data");
      same(key, fromCli.get(key), fromApi.get(key));
    }
  }

  /**
   * Equal JSON, numbers compared as numbers (3 and 3.0 are the same number) to 1e-12 relative: two
   * DuckDB instances over the same file (the command's and the server's) can combine a sum's
   * partial results in another order, which changes its last bit (seen with --dedup daily: 2.9
   * against 2.9000000000000004).
   */
  private static void same(String at, JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      assertEquals(
          a.doubleValue(), b.doubleValue(), 1e-12 * Math.max(1, Math.abs(a.doubleValue())), at);
      return;
    }
    assertEquals(a.getNodeType(), b.getNodeType(), at);
    if (a.isObject()) {
      java.util.List<String> ka = new java.util.ArrayList<>();
      java.util.List<String> kb = new java.util.ArrayList<>();
      a.fieldNames().forEachRemaining(ka::add);
      b.fieldNames().forEachRemaining(kb::add);
      assertEquals(ka, kb, at);
      for (String k : ka) {
        same(at + "." + k, a.get(k), b.get(k));
      }
    } else if (a.isArray()) {
      assertEquals(a.size(), b.size(), at);
      for (int i = 0; i < a.size(); i++) {
        same(at + "[" + i + "]", a.get(i), b.get(i));
      }
    } else {
      assertEquals(a, b, at);
    }
  }
}
