package org.entente.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API never pools sources (issue 9 §3): over a store holding the chronology and GDELT 2.0
 * events, a route that reads a series needs {@code source=} (400 naming both otherwise), reads only
 * that source, and /api/info lists each source.
 */
class SourceRoutesTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.chronologyAndGdeltStore());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void series_withoutSource_is400NamingTheSources() {
    for (String path :
        new String[] {
          "/api/series?dyad=RUS-PRK",
          "/api/triangle?actors=RUS,PRK,CHN",
          "/api/system",
          "/api/verdicts?id=P1",
          "/api/periods?dyad=RUS-PRK"
        }) {
      TestServer.Response r = server.get(path);
      assertEquals(400, r.status(), path + " " + r.body());
      assertTrue(r.body().contains("chronology, gdelt2"), r.body());
      assertTrue(r.body().contains("source="), r.body());
    }
    TestServer.Response unknown = server.get("/api/series?dyad=RUS-PRK&source=icews");
    assertEquals(400, unknown.status());
    assertTrue(unknown.body().contains("unknown source 'icews'"), unknown.body());
  }

  @Test
  void series_oneSource_readsOnlyItsEvents() {
    JsonNode n = server.get("/api/series?dyad=RUS-PRK&source=gdelt2&freq=year").json();
    assertEquals("gdelt2", n.get("query").get("source").asText());
    assertEquals(1, n.get("rows").size(), n.toString());
    assertEquals(2, n.get("rows").get(0).get("n").asLong());
    JsonNode c = server.get("/api/series?dyad=RUS-PRK&source=chronology&freq=year").json();
    assertEquals("chronology", c.get("query").get("source").asText());
    assertTrue(c.get("rows").size() > 10, "decades of chronology entries");
  }

  @Test
  void verdicts_perSource_sayWhyASourceCannotInformAProposition() {
    JsonNode g = server.get("/api/verdicts?id=P7&source=gdelt2").json();
    JsonNode v = g.get("verdicts").get(0);
    assertEquals("insufficient data", v.get("verdict").asText(), v.toString());
    assertTrue(v.get("reason").asText().contains("not informed by source 'gdelt2'"), v.toString());
    JsonNode c = server.get("/api/verdicts?id=P7&source=chronology").json().get("verdicts").get(0);
    assertTrue(!c.get("reason").asText().contains("not informed"), c.toString());
  }

  @Test
  void info_listsEachSource() {
    JsonNode s = server.get("/api/info").json().get("sources");
    assertEquals(2, s.size());
    assertEquals("chronology", s.get(0).get("source").asText());
    assertEquals("gdelt2", s.get(1).get("source").asText());
    assertEquals("events", s.get(1).get("kind").asText());
    assertEquals(2, s.get(1).get("rows").asLong());
    assertEquals("2024-06-19", s.get(1).get("first").asText());
    assertEquals(1, s.get(1).get("dyads").asLong());
  }
}
