package org.entente.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.entente.serve.WebServer;
import org.entente.store.EventStore;

/**
 * Latency of the JSON API per route: starts the server on a free loopback port over a store, sends
 * each route's request sequentially (a few warm-up requests, then a bounded number timed, each
 * route capped in wall time), and reports p50 and p95. The baseline is {@code /api/openapi.json}, a
 * route that does not touch the store, measured in the same run.
 */
public final class ApiLatency {
  /** A route to time: a name and the request's path and query. */
  public record Probe(String name, String path) {}

  /**
   * One route's figures.
   *
   * @param first the first request's time (before any warm-up), ns
   * @param p50 median, ns
   * @param p95 95th percentile, ns
   * @param requests timed requests
   * @param status the HTTP status of the last response
   */
  public record Result(Probe probe, long first, long p50, long p95, int requests, int status) {}

  /** The routes timed, with the dashboard's typical parameters. */
  public static final List<Probe> PROBES =
      List.of(
          new Probe("openapi (baseline)", "/api/openapi.json"),
          new Probe("info", "/api/info"),
          new Probe("series month", "/api/series?dyad=RUS-PRK&freq=month"),
          new Probe("series year", "/api/series?dyad=RUS-PRK&freq=year"),
          new Probe("series range", "/api/series?dyad=USA-RUS&freq=quarter&from=2012&to=2024"),
          new Probe("timeline", "/api/timeline?dyad=RUS-PRK&from=2019-01"),
          new Probe("timeline all", "/api/timeline"),
          new Probe("triangle year", "/api/triangle?actors=USA,CHN,RUS&freq=year"),
          new Probe("triangle month", "/api/triangle?actors=RUS,CHN,PRK&freq=month&from=2012"),
          new Probe("system map", "/api/system?freq=year"),
          new Probe(
              "periods",
              "/api/periods?dyad=RUS-PRK&freq=quarter&scale=sd&impute=zero&compare=rozman"),
          new Probe(
              "leadlag",
              "/api/leadlag?x=USA-RUS&y=RUS-PRK&freq=quarter&bootstrap=99&max-lag=4&impute=zero"),
          new Probe("character", "/api/character?dyad=RUS-PRK&reference=self"),
          new Probe("propositions", "/api/propositions"),
          new Probe("verdicts (cached after the first)", "/api/verdicts"));

  private ApiLatency() {}

  /**
   * Times every probe against a server over {@code store}.
   *
   * @param store the store, left open
   * @param requests timed requests per route, 1..1000
   * @param perRoute wall-time cap per route
   * @param cache whether the server keeps and reuses responses (then every request after the first
   *     is a cache hit)
   * @return one result per probe, in order
   */
  public static List<Result> run(EventStore store, int requests, Duration perRoute, boolean cache) {
    if (requests < 1 || requests > 1000) {
      throw new IllegalArgumentException("requests must be 1..1000, got " + requests);
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<Result> out = new ArrayList<>();
    try (WebServer server = WebServer.start(store, "127.0.0.1", 0, cache)) {
      String base = "http://127.0.0.1:" + server.port();
      for (Probe p : PROBES) {
        HttpRequest req =
            HttpRequest.newBuilder(URI.create(base + p.path()))
                .timeout(Duration.ofMinutes(5))
                .GET()
                .build();
        long[] first = new long[1];
        int status = time(client, req, first);
        time(client, req, new long[1]);
        time(client, req, new long[1]);
        long end = System.nanoTime() + perRoute.toNanos();
        long[] t = new long[requests];
        int n = 0;
        while (n < requests && (n < 3 || System.nanoTime() < end)) {
          long[] one = new long[1];
          status = time(client, req, one);
          t[n++] = one[0];
        }
        long[] done = Arrays.copyOf(t, n);
        Arrays.sort(done);
        out.add(new Result(p, first[0], pct(done, 0.50), pct(done, 0.95), n, status));
      }
    }
    return out;
  }

  /**
   * A load test's figures at one concurrency.
   *
   * @param clients concurrent clients
   * @param requests completed requests
   * @param refused 422 answers: requests the server could not analyse and said why, as it would a
   *     user's (the mix asks now and then for change points of a series that is constant over its
   *     range)
   * @param errors any other status but 200 (a 400 or 404 would mean the mix itself is wrong, a 5xx
   *     a fault of the server)
   * @param seconds wall time of the timed phase
   * @param p50 median latency, ns
   * @param p95 95th percentile, ns
   * @param p99 99th percentile, ns
   */
  public record Load(
      int clients,
      int requests,
      int refused,
      int errors,
      double seconds,
      long p50,
      long p95,
      long p99) {
    /** Completed requests per second. */
    public double throughput() {
      return requests / seconds;
    }
  }

  /**
   * The mixed, uncached requests of a load test: series, triangle, periods and character over
   * varying dyads, frequencies and ranges (seeded, so every run asks the same), each computed by
   * the server (its response cache is off).
   */
  public static List<String> mixedRequests(int n, long seed) {
    java.util.Random r = new java.util.Random(seed);
    String[] dyads = {"RUS-PRK", "USA-RUS", "CHN-PRK", "USA-PRK", "KOR-PRK", "CHN-RUS", "JPN-KOR"};
    String[] triads = {"USA,CHN,RUS", "RUS,CHN,PRK", "USA,KOR,JPN", "USA,PRK,KOR"};
    String[] freqs = {"month", "quarter", "year"};
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int from = 1990 + r.nextInt(25);
      int to = from + 3 + r.nextInt(2026 - from - 2);
      String range = "&from=" + from + "&to=" + to;
      String d = dyads[r.nextInt(dyads.length)];
      String f = freqs[r.nextInt(freqs.length)];
      out.add(
          switch (r.nextInt(4)) {
            case 0 -> "/api/series?dyad=" + d + "&freq=" + f + range;
            case 1 ->
                "/api/triangle?actors=" + triads[r.nextInt(triads.length)] + "&freq=" + f + range;
            case 2 -> "/api/periods?dyad=" + d + "&freq=quarter&scale=sd&impute=zero" + range;
            default -> "/api/character?dyad=" + d + "&reference=self" + range;
          });
    }
    return out;
  }

  /**
   * Load test: for each concurrency, that many clients send the mixed requests of {@link
   * #mixedRequests} to an uncached server over {@code store} until {@code requests} are done or
   * {@code cap} has passed, after a short warm-up.
   */
  public static List<Load> load(EventStore store, int[] concurrency, int requests, Duration cap) {
    List<Load> out = new ArrayList<>();
    try (WebServer server = WebServer.start(store, "127.0.0.1", 0, false)) {
      String base = "http://127.0.0.1:" + server.port();
      HttpClient client =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .executor(java.util.concurrent.Executors.newCachedThreadPool())
              .build();
      List<String> warm = mixedRequests(50, 7);
      for (String w : warm) {
        time(client, get(base + w), new long[1]);
      }
      for (int c : concurrency) {
        List<String> paths = mixedRequests(requests, 20240619L + c);
        java.util.concurrent.atomic.AtomicInteger next =
            new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger refused =
            new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger errors =
            new java.util.concurrent.atomic.AtomicInteger();
        long[] lat = new long[requests];
        long t0 = System.nanoTime();
        long end = t0 + cap.toNanos();
        Thread[] threads = new Thread[c];
        for (int k = 0; k < c; k++) {
          threads[k] =
              new Thread(
                  () -> {
                    int i;
                    while ((i = next.getAndIncrement()) < requests && System.nanoTime() < end) {
                      long[] one = new long[1];
                      int status = time(client, get(base + paths.get(i)), one);
                      if (status == 422) {
                        refused.incrementAndGet();
                      } else if (status != 200) {
                        errors.incrementAndGet();
                      }
                      lat[i] = one[0];
                    }
                  });
          threads[k].start();
        }
        for (Thread t : threads) {
          try {
            t.join();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long[] done = Arrays.stream(lat).filter(x -> x > 0).sorted().toArray();
        out.add(
            new Load(
                c,
                done.length,
                refused.get(),
                errors.get(),
                secs,
                pct(done, 0.50),
                pct(done, 0.95),
                pct(done, 0.99)));
      }
    }
    return out;
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).GET().build();
  }

  private static int time(HttpClient client, HttpRequest req, long[] nanos) {
    long t0 = System.nanoTime();
    try {
      HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
      nanos[0] = System.nanoTime() - t0;
      return r.statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The nearest-rank percentile of sorted values. */
  static long pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
