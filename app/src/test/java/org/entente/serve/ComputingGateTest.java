package org.entente.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.entente.store.EventStore;
import org.entente.store.duckdb.DuckDbStore;
import org.entente.system.Chronology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server computes at most {@link WebServer#COMPUTING} responses at once: more requests wait
 * their turn (in arrival order) instead of sharing the cores, and every one is answered.
 */
class ComputingGateTest {
  @TempDir Path tmp;

  @Test
  void manyUncachedRequestsAtOnce_atMostComputingReachTheStoreTogether_andAllAreAnswered()
      throws Exception {
    Path db = tmp.resolve("s.duckdb");
    try (DuckDbStore w = DuckDbStore.open(db)) {
      Chronology.loadBundled(w);
    }
    AtomicInteger inStore = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    try (DuckDbStore real = DuckDbStore.openReadOnly(db)) {
      // each series request reads its aggregate once, slowed down so that requests overlap
      EventStore slow =
          (EventStore)
              Proxy.newProxyInstance(
                  EventStore.class.getClassLoader(),
                  new Class<?>[] {EventStore.class},
                  (proxy, m, args) -> {
                    boolean counted = m.getName().equals("aggregate");
                    if (counted) {
                      most.accumulateAndGet(inStore.incrementAndGet(), Math::max);
                      Thread.sleep(150);
                    }
                    try {
                      return m.invoke(real, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    } finally {
                      if (counted) {
                        inStore.decrementAndGet();
                      }
                    }
                  });
      try (WebServer server = WebServer.start(slow, "127.0.0.1", 0, false)) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int requests = 3 * WebServer.COMPUTING;
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
          // every request differs (another start year): none is answered from a cache
          URI u =
              URI.create(
                  server.url() + "api/series?dyad=RUS-PRK&freq=year&from=" + (1990 + i) + "-01");
          answers.add(
              client.sendAsync(
                  HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(60)).build(),
                  HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> a : answers) {
          HttpResponse<String> r = a.get();
          assertEquals(200, r.statusCode(), r.body());
          assertTrue(r.body().contains("\"rows\""), r.body());
        }
        assertEquals(WebServer.COMPUTING, most.get(), "requests in the store at once");
      }
    }
  }
}
