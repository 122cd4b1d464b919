package org.entente.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.entente.store.duckdb.DuckDbStore;
import org.entente.system.Chronology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store whose loads deferred their rollups, served read-only: /api/info says how many files the
 * rollups lack, and the routes answer as over the same store with its rollups.
 */
class DeferredRollupServeTest {
  @TempDir Path dir;

  @Test
  void deferredStore_infoCountsThePendingFiles_andRoutesAnswerAsWithRollups() {
    Path kept = dir.resolve("kept.duckdb");
    Path deferred = dir.resolve("deferred.duckdb");
    try (DuckDbStore w = DuckDbStore.open(kept)) {
      Chronology.loadBundled(w);
    }
    try (DuckDbStore w = DuckDbStore.open(deferred)) {
      w.deferRollups(true);
      Chronology.loadBundled(w);
    }
    String[] routes = {
      "/api/series?dyad=RUS-PRK&freq=year",
      "/api/triangle?actors=RUS,PRK,CHN&freq=year",
      "/api/character?dyad=RUS-PRK",
      "/api/system"
    };
    java.util.List<String> expected = new java.util.ArrayList<>();
    try (TestServer s = TestServer.start(DuckDbStore.openReadOnly(kept))) {
      assertEquals(0, s.get("/api/info").json().get("rollups_pending").asLong());
      for (String r : routes) {
        TestServer.Response x = s.get(r);
        assertEquals(200, x.status(), r + " " + x.body());
        expected.add(x.body());
      }
    }
    try (TestServer s = TestServer.start(DuckDbStore.openReadOnly(deferred))) {
      assertEquals(1, s.get("/api/info").json().get("rollups_pending").asLong());
      for (int i = 0; i < routes.length; i++) {
        assertEquals(expected.get(i), s.get(routes[i]).body(), routes[i]);
      }
    }
    assertTrue(expected.get(0).contains("\"rows\""), expected.get(0));
  }
}
