package org.entente.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /api/simulate/scenarios} and {@code /api/simulate}: shapes, caps and reproducibility. */
class SimulateRoutesTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static JsonNode ok(String path) {
    TestServer.Response r = server.get(path);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  @Test
  void scenarios_listsTheThreeBundledWithSources() {
    JsonNode n = ok("/api/simulate/scenarios");
    assertEquals(3, n.size());
    assertEquals("sanctions-enforcement", n.get(0).get("id").asText());
    assertEquals(6, n.get(0).get("actors").size());
    assertTrue(n.get(0).at("/actors/0/position_source").asText().contains("seed 00"));
  }

  @Test
  void simulate_monteCarlo_sameSeedSameAnswerAndSharesSumToOne() {
    String path = "/api/simulate?scenario=prk-nuclear&runs=200&seed=9&sensitivity=true";
    JsonNode a = ok(path);
    assertEquals("prk-nuclear", a.get("scenario").asText());
    assertEquals(9, a.at("/monte_carlo/seed").asLong());
    double sum = 0;
    for (JsonNode r : a.at("/monte_carlo/regions")) {
      sum += r.get("share").asDouble();
    }
    assertEquals(1.0, sum, 1e-12);
    assertEquals(18, a.get("sensitivity").size());
    assertEquals("all-pairs", a.at("/run/options/denominator").asText());
    // the same answer as the command line's JSON for the same query
    assertEquals(a.get("forecast"), ok("/api/simulate?scenario=prk-nuclear").get("forecast"));
  }

  @Test
  void simulate_badOrTooLargeParameters_400NamingTheParameter() {
    for (String[] c :
        new String[][] {
          {"/api/simulate", "scenario"},
          {"/api/simulate?scenario=nope", "scenario"},
          {"/api/simulate?scenario=prk-nuclear&runs=20001", "runs"},
          {"/api/simulate?scenario=prk-nuclear&rounds=101", "rounds"},
          {"/api/simulate?scenario=prk-nuclear&preset=replication", "range"},
          {"/api/simulate?scenario=prk-nuclear&preset=other", "preset"}
        }) {
      TestServer.Response r = server.get(c[0]);
      assertEquals(400, r.status(), c[0] + " " + r.body());
      assertEquals(c[1], r.json().get("parameter").asText(), r.body());
    }
  }
}
