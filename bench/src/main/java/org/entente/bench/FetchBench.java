package org.entente.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.entente.ingest.fetch.FetchListener;
import org.entente.ingest.fetch.FetchOutcome;
import org.entente.ingest.fetch.FetchRequest;
import org.entente.ingest.fetch.GdeltFetcher;

/**
 * {@code entente bench fetch}: {@link GdeltFetcher} against a loopback server in GDELT 2.0's layout
 * serving seeded random bytes, and, as the baseline measured in the same run, a plain single-stream
 * copy of the same files from the same server (one GET after the other, straight to disk, no
 * checksum, no temporary name).
 */
public final class FetchBench {
  private FetchBench() {}

  /**
   * Medians over the runs.
   *
   * @param bytes bytes of one pass (all files)
   * @param plainMbps the single-stream copy, MB/s (10^6 bytes)
   * @param fetchMbps {@code fetch gdelt}, MB/s
   */
  public record Result(
      int files, long bytes, int jobs, long seed, double plainMbps, double fetchMbps) {
    /** fetch / plain copy. */
    public double ratio() {
      return fetchMbps / plainMbps;
    }
  }

  /**
   * Runs the benchmark in {@code work}, a directory the caller created and removes.
   *
   * @throws IllegalStateException if a fetch run does not verify every file
   */
  public static Result run(int files, int megabytes, int jobs, int runs, long seed, Path work)
      throws IOException, InterruptedException {
    SplittableRandom rnd = new SplittableRandom(seed);
    Map<String, byte[]> content = new ConcurrentHashMap<>();
    List<String> list = new ArrayList<>();
    LocalDateTime t0 = LocalDateTime.of(2024, 6, 19, 0, 0);
    long total = 0;
    for (int i = 0; i < files; i++) {
      byte[] b = new byte[megabytes * 1_000_000];
      rnd.nextBytes(b);
      String name = GdeltSlot.of(t0.plusMinutes(15L * i)) + ".export.CSV.zip";
      content.put("/gdeltv2/" + name, b);
      list.add(b.length + " " + md5(b) + " http://data.gdeltproject.org/gdeltv2/" + name);
      total += b.length;
    }
    content.put(
        "/gdeltv2/masterfilelist.txt",
        (String.join("\n", list) + "\n").getBytes(StandardCharsets.UTF_8));
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(Math.max(2, jobs)));
    server.createContext(
        "/",
        x -> {
          byte[] b = content.get(x.getRequestURI().getPath());
          if (b == null) {
            x.sendResponseHeaders(404, -1);
          } else {
            x.sendResponseHeaders(200, b.length);
            try (OutputStream o = x.getResponseBody()) {
              for (int off = 0; off < b.length; off += 1 << 16) {
                o.write(b, off, Math.min(1 << 16, b.length - off));
              }
            }
          }
          x.close();
        });
    server.start();
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    try {
      double[] plain = new double[runs];
      double[] fetch = new double[runs];
      HttpClient client = HttpClient.newHttpClient();
      for (int r = 0; r < runs; r++) {
        Path p = Files.createDirectories(work.resolve("plain-" + r));
        long s = System.nanoTime();
        for (String path :
            content.keySet().stream().filter(k -> k.endsWith(".zip")).sorted().toList()) {
          HttpResponse<InputStream> resp =
              client.send(
                  HttpRequest.newBuilder(base.resolve(path)).build(),
                  HttpResponse.BodyHandlers.ofInputStream());
          try (InputStream in = resp.body();
              OutputStream out =
                  Files.newOutputStream(p.resolve(path.substring(path.lastIndexOf('/') + 1)))) {
            in.transferTo(out);
          }
        }
        plain[r] = total / 1e6 / ((System.nanoTime() - s) / 1e9);
        delete(p);
        Path d = work.resolve("fetch-" + r);
        FetchRequest req =
            FetchRequest.of(
                2, List.of("export"), t0, t0.plusMinutes(15L * (files - 1)), d, base, jobs, 0);
        s = System.nanoTime();
        FetchOutcome o =
            new GdeltFetcher(Clock.systemUTC(), GdeltFetcher.Sleeper.SYSTEM, FetchListener.NONE)
                .fetch(req, null);
        fetch[r] = total / 1e6 / ((System.nanoTime() - s) / 1e9);
        if (!o.complete()) {
          throw new IllegalStateException("bench fetch: not every file verified: " + o.counts());
        }
        delete(d);
      }
      return new Result(files, total, jobs, seed, median(plain), median(fetch));
    } finally {
      server.stop(0);
    }
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static String md5(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Removes a directory this benchmark created, with everything in it. */
  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** GDELT 2.0's 15-minute slot name, {@code YYYYMMDDhhmmss}. */
  private static final class GdeltSlot {
    private static final java.time.format.DateTimeFormatter F =
        java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    static String of(LocalDateTime t) {
      return t.format(F);
    }
  }
}
