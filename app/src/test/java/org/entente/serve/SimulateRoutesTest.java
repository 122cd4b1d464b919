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
    String path = "/api/simulate?scenario=prk-nuclear&monte-carlo=200&seed=9&sensitivity=true";
    JsonNode a = ok(path);
    assertEquals("prk-nuclear", a.get("scenario").asText());
    assertEquals(9, a.at("/monte_carlo/seed").asLong());
    double sum = 0;
    for (JsonNode r : a.at("/monte_carlo/regions")) {
      sum += r.get("share").asDouble();
    }
    assertEquals(1.0, sum, 1e-12);
    int counted = 0;
    for (JsonNode b : a.at("/monte_carlo/histogram")) {
      counted += b.get("count").asInt();
    }
    assertEquals(200, counted, "the histogram counts every run");
    assertEquals(100.0, a.at("/monte_carlo/histogram/19/to").asDouble(), 0);
    assertEquals(18, a.get("sensitivity").size());
    assertEquals("scholz", a.at("/run/options/denominator").asText());
    assertEquals("converged", a.at("/run/options/stop").asText());
    assertTrue(a.get("preset").isNull());
    assertEquals(a.get("forecast"), ok("/api/simulate?scenario=prk-nuclear").get("forecast"));
  }

  @Test
  void simulate_modelOptionsUnderTheCommandLineNames_changeTheRun() {
    JsonNode s = ok("/api/simulate?scenario=sanctions-enforcement&preset=scholz");
    assertEquals("scholz", s.get("preset").asText());
    assertEquals("none", s.at("/run/options/stop").asText());
    assertEquals(0, s.at("/run/rounds/0/round").asInt());
    assertTrue(s.at("/run/rounds/1/positions").size() == 6, s.toString());
    JsonNode r =
        ok(
            "/api/simulate?scenario=sanctions-enforcement&preset=replication&rg=auto"
                + "&vote-exponent=risk&b-from=receiver&selection=least-move&q-term=scholz"
                + "&denominator=scholz&numerator=positive&capitulation=off&stop=cycle&rounds=3"
                + "&epsilon=0.001&forecast=mean");
    // every replication-specific choice undone: Scholz's choices but selection least-move
    assertEquals("least-move", r.at("/run/options/selection").asText());
    assertEquals("risk", r.at("/run/options/vote_exponent").asText());
    assertEquals("cycle", r.at("/run/options/stop").asText());
    assertEquals(3, r.at("/run/options/rounds").asInt());
    JsonNode l =
        ok(
            "/api/simulate?scenario=sanctions-enforcement&preset=scholz&selection=least-move&rounds=3");
    assertEquals(l.at("/run/rounds/1"), r.at("/run/rounds/1"));
  }

  @Test
  void simulate_badOrTooLargeParameters_400NamingTheParameter() {
    for (String[] c :
        new String[][] {
          {"/api/simulate", "scenario"},
          {"/api/simulate?scenario=nope", "scenario"},
          {"/api/simulate?scenario=prk-nuclear&monte-carlo=20001", "monte-carlo"},
          {"/api/simulate?scenario=prk-nuclear&vote-exponent=2", "vote-exponent"},
          {"/api/simulate?scenario=prk-nuclear&rg=-1", "rg"},
          {"/api/simulate?scenario=prk-nuclear&runs=10", "runs"},
          {"/api/simulate?scenario=prk-nuclear&rounds=101", "rounds"},
          {"/api/simulate?scenario=prk-nuclear&preset=replication", "rg"},
          {"/api/simulate?scenario=prk-nuclear&preset=other", "preset"}
        }) {
      TestServer.Response r = server.get(c[0]);
      assertEquals(400, r.status(), c[0] + " " + r.body());
      assertEquals(c[1], r.json().get("parameter").asText(), r.body());
    }
  }
}
