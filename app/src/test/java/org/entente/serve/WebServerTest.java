package org.entente.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON API against a real server on port 0 over the bundled chronology. */
class WebServerTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode ok(String path) {
    TestServer.Response r = server.get(path);
    assertEquals(200, r.status(), path + " -> " + r.body());
    assertTrue(r.contentType().startsWith("application/json"), r.contentType());
    return r.json();
  }

  private static void assertKeys(JsonNode n, String... keys) {
    for (String k : keys) {
      assertTrue(n.has(k), "missing key " + k + " in " + n);
    }
  }

  @Test
  void info_chronologyStore_countsEventsSourcesAndDyads() {
    JsonNode n = ok("/api/info");
    assertKeys(n, "store", "events", "extent", "sources", "files", "dyads", "rejects");
    assertTrue(n.get("events").asLong() > 700);
    assertEquals("chronology", n.get("sources").get(0).get("source").asText());
    assertKeys(n.get("dyads").get(0), "dyad", "a", "b", "a_to_b", "b_to_a", "total");
  }

  @Test
  void labels_plainWordsForEveryCodeTheViewsShow() {
    JsonNode n = ok("/api/labels");
    assertEquals("romantic triangle", n.at("/configurations/ROMANTIC_TRIANGLE").asText());
    assertEquals("material conflict", n.at("/quads/4").asText());
    assertEquals("insufficient data", n.at("/outcomes/insufficient data").asText());
    assertEquals("curated chronology", n.at("/sources/chronology").asText());
    assertEquals("GDELT 1.0 events", n.at("/sources/gdelt1").asText());
    assertTrue(n.at("/seeds/004_a736d2815ef8c985.txt").asText().startsWith("Van Jackson"));
    // every proposition's seed has a label
    ok("/api/propositions")
        .get("propositions")
        .forEach(
            p ->
                p.get("seeds")
                    .forEach(s -> assertTrue(n.get("seeds").has(s.asText()), s.asText())));
  }

  @Test
  void series_yearlyRange_returnsEveryPeriodWithTheCliColumns() {
    JsonNode n = ok("/api/series?dyad=RUS-PRK&freq=year&from=2019-01&to=2024-12");
    assertEquals("RUS-PRK", n.get("query").get("dyad").asText());
    assertEquals("year", n.get("query").get("freq").asText());
    JsonNode rows = n.get("rows");
    assertEquals(6, rows.size());
    assertEquals("2019", rows.get(0).get("period").asText());
    // exactly the columns of the CSV header of entente series, in order
    List<String> keys = new java.util.ArrayList<>();
    rows.get(0).fieldNames().forEachRemaining(keys::add);
    assertEquals(org.entente.report.SeriesTable.COLUMNS, keys);
  }

  @Test
  void series_periodWithoutEvents_hasNullForUndefinedScores() {
    JsonNode rows = ok("/api/series?dyad=RUS-PRK&freq=month&from=2019-01&to=2019-12").get("rows");
    boolean sawEmpty = false;
    for (JsonNode r : rows) {
      if (r.get("n").asLong() == 0) {
        sawEmpty = true;
        assertTrue(r.get("s4").isNull(), r.toString());
        assertEquals(0.0, r.get("s6").asDouble());
      }
    }
    assertTrue(sawEmpty);
  }

  @Test
  void system_sixStates_hasFifteenDyadsOnOneAxis() {
    JsonNode n = ok("/api/system?freq=year&from=1990&to=2024");
    assertEquals(6, n.get("actors").size());
    assertEquals(35, n.get("periods").size());
    assertEquals(15, n.get("dyads").size());
    for (JsonNode d : n.get("dyads")) {
      assertEquals(35, d.get("n").size());
      assertEquals(35, d.get("s4").size());
    }
  }

  @Test
  void timeline_dyadAndFrom_listsOnlyThoseEntriesWithSources() {
    JsonNode n = ok("/api/timeline?dyad=RUS-PRK&from=2019-01");
    assertTrue(n.get("count").asInt() > 5);
    for (JsonNode e : n.get("entries")) {
      Set<String> pair = Set.of(e.get("actor1").asText(), e.get("actor2").asText());
      // a RUS entry about PRK (a veto of a draft on North Korea) belongs to the dyad too
      assertTrue(
          Set.of("RUS", "PRK").equals(pair)
              || (e.get("concerns").asText().equals("PRK") && pair.contains("RUS")),
          e.toString());
      assertTrue(e.get("date").asText().compareTo("2019") >= 0, e.toString());
      assertFalse(e.get("source").asText().isBlank());
      assertKeys(e, "id", "title", "description", "source_url", "tags", "quad", "code");
    }
  }

  @Test
  void triangle_usaChnRus_hasSidesAndConfigurationPerPeriod() {
    JsonNode n = ok("/api/triangle?actors=USA,CHN,RUS&freq=year&from=1990&to=2024");
    assertEquals(35, n.get("periods").size());
    JsonNode p = n.get("periods").get(0);
    assertEquals(3, p.get("sides").size());
    assertKeys(p, "configuration", "description", "pivot", "outcast", "strict_balance");
    assertKeys(n, "triad", "transitions", "configurations", "sign_rule", "tau");
  }

  @Test
  void periods_expert_listsRozmansFourStages() {
    JsonNode n = ok("/api/periods?expert=rozman");
    assertEquals(4, n.get("periods").size());
    assertEquals("rozman", n.get("periods").get(0).get("scheme").asText());
  }

  @Test
  void periods_dyad_findsPeriodsAndComparesWithTheExperts() {
    JsonNode n = ok("/api/periods?dyad=RUS-PRK&freq=quarter&from=2000&scale=sd&compare=rozman");
    assertTrue(n.get("periods").size() >= 1);
    assertKeys(n.get("periods").get(0), "first", "last", "mean", "events");
    assertEquals("rozman", n.get("compare").get("scheme").asText());
  }

  @Test
  void periods_sparseSeriesWithMadScale_is422WithTheReason() {
    TestServer.Response r = server.get("/api/periods?dyad=RUS-PRK&freq=month&scale=mad");
    assertEquals(422, r.status(), r.body());
    assertTrue(r.json().get("message").asText().contains("scale"));
  }

  @Test
  void periods_sparseSeriesWithTheDefaultLongRunScale_runs() {
    JsonNode n = ok("/api/periods?dyad=RUS-PRK&freq=month");
    assertEquals("lrv", n.get("sigma_rule").asText());
    assertTrue(n.get("sigma").asDouble() > 0);
  }

  @Test
  void leadlag_twoDyads_reportsGrangerBothWays() {
    JsonNode n = ok("/api/leadlag?x=USA-RUS&y=RUS-PRK&freq=year&from=1991&bootstrap=0&max-lag=2");
    assertKeys(n, "x", "y", "lags", "test", "adf", "ccf");
    assertTrue(n.toString().contains("\"x_to_y\""), n.toString());
  }

  @Test
  void character_dyad_reportsWindows() {
    JsonNode n = ok("/api/character?dyad=RUS-PRK&window=24&reference=self");
    assertTrue(n.get("windows").size() > 3);
    assertKeys(n.get("windows").get(0), "first", "last", "events", "components");
  }

  @Test
  void propositions_all_listsTenWithOperationalisations() {
    JsonNode n = ok("/api/propositions");
    assertEquals(13, n.get("propositions").size(), "P1..P10, P3 v2, P7 v2 and v3");
    assertKeys(n.get("propositions").get(0), "id", "claim", "seeds", "test", "operationalisation");
  }

  @Test
  void verdicts_oneProposition_givesVerdictReasonAndEvidence() {
    JsonNode v = ok("/api/verdicts?id=P7").get("verdicts");
    assertEquals(3, v.size(), "P7 v1, v2 and v3");
    assertKeys(v.get(0), "id", "version", "verdict", "reason", "evidence", "rules", "tests");
    assertEquals(1, v.get(0).get("version").asInt());
    assertEquals(2, v.get(1).get("version").asInt());
    for (JsonNode x : v) {
      assertTrue(
          Set.of("supported", "contradicted", "inconclusive", "insufficient data")
              .contains(x.get("verdict").asText()));
    }
  }

  @ParameterizedTest(name = "{0} -> 400 naming {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/series|dyad",
        "/api/series?dyad=RUSPRK|dyad",
        "/api/series?dyad=RUS-RUS|dyad",
        "/api/series?dyad=RUS-PRK&freq=weekly|freq",
        "/api/series?dyad=RUS-PRK&from=2019-13|from",
        "/api/series?dyad=RUS-PRK&from=2020&to=2019|from",
        "/api/series?dyad=RUS-PRK&weight=heavy|weight",
        "/api/series?dyad=RUS-PRK&state-only=perhaps|state-only",
        "/api/series?dyad=RUS-PRK&sql=select|sql",
        "/api/series?dyad=RUS-PRK&dyad=USA-RUS|dyad",
        "/api/triangle?actors=USA,CHN|actors",
        "/api/triangle?actors=USA,CHN,1|actors",
        "/api/triangle?actors=USA,CHN,RUS&tau=-1|tau",
        "/api/triangle?actors=USA,CHN,RUS&sign-rule=vibes|sign-rule",
        "/api/periods?expert=nobody|expert",
        "/api/periods?dyad=RUS-PRK&penalty=huge|penalty",
        "/api/periods?dyad=RUS-PRK&min-length=0|min-length",
        "/api/periods?dyad=RUS-PRK&expert=rozman|expert",
        "/api/leadlag?x=USA-RUS|y",
        "/api/leadlag?x=USA-RUS&y=RUS-PRK&bootstrap=-5|bootstrap",
        "/api/character?dyad=RUS-PRK&window=1|window",
        "/api/propositions?id=P99|id",
        "/api/verdicts?id=P0|id",
        "/api/timeline?from=yesterday|from",
        "/api/system?actors=RUS|actors",
        "/api/info?verbose=1|verbose"
      })
  void badParameter_is400WithAJsonMessageNamingIt(String path, String parameter) {
    TestServer.Response r = server.get(path);
    assertEquals(400, r.status(), r.body());
    assertTrue(r.contentType().startsWith("application/json"));
    JsonNode n = r.json();
    assertEquals(parameter, n.get("parameter").asText(), r.body());
    assertTrue(n.get("message").asText().startsWith(parameter + ":"), r.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/nope", "/api", "/api/series/RUS-PRK", "/nowhere.html"})
  void unknownRoute_is404Json(String path) {
    TestServer.Response r = server.get(path);
    assertEquals(404, r.status(), r.body());
    assertEquals(404, r.json().get("status").asInt());
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
  void writeMethods_areRejected(String method) {
    TestServer.Response r = server.send(method, "/api/series?dyad=RUS-PRK");
    assertEquals(405, r.status(), r.body());
    assertTrue(r.json().get("message").asText().contains("read-only"));
    assertEquals(404, server.send(method, "/api/ingest").status());
  }

  @Test
  void internalError_is500WithoutStackTrace() {
    try (TestServer broken = TestServer.start(TestServer.chronologyStore())) {
      broken.store.close();
      TestServer.Response r = broken.get("/api/series?dyad=RUS-PRK");
      assertEquals(500, r.status(), r.body());
      JsonNode n = r.json();
      assertEquals("internal error", n.get("error").asText());
      assertTrue(n.get("message").asText().contains("incident"));
      assertFalse(r.body().contains("Exception"), r.body());
      assertFalse(r.body().contains("at org."), r.body());
      assertFalse(r.body().contains("duckdb"), r.body());
    }
  }

  @Test
  void openapi_describesEveryRouteAndParameter() {
    JsonNode n = ok("/api/openapi.json");
    assertEquals("3.0.3", n.get("openapi").asText());
    List<String> paths = new ArrayList<>();
    n.get("paths").fieldNames().forEachRemaining(paths::add);
    for (String p :
        List.of(
            "/api/info",
            "/api/labels",
            "/api/series",
            "/api/system",
            "/api/timeline",
            "/api/triangle",
            "/api/periods",
            "/api/leadlag",
            "/api/character",
            "/api/propositions",
            "/api/verdicts",
            "/api/openapi.json")) {
      assertTrue(paths.contains(p), p + " not in " + paths);
    }
    Set<String> seriesParams = new HashSet<>();
    n.at("/paths/~1api~1series/get/parameters")
        .forEach(x -> seriesParams.add(x.get("name").asText()));
    assertTrue(seriesParams.containsAll(Set.of("dyad", "freq", "from", "to", "weight", "dedup")));
  }

  @Test
  void dashboard_indexAndChartingLibrary_areServedLocally() {
    TestServer.Response index = server.get("/");
    assertEquals(200, index.status());
    assertTrue(index.contentType().startsWith("text/html"));
    assertFalse(index.body().matches("(?s).*(src|href)=\"https?://.*"), "external asset in index");
    TestServer.Response lib = server.get(Assets.ECHARTS_PATH);
    assertEquals(200, lib.status());
    assertTrue(lib.body().length() > 500_000);
    assertEquals(200, server.get("/js/app.js").status());
  }
}
