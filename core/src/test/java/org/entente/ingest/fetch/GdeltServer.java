package org.entente.ingest.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A GDELT-like server on loopback (port 0) for tests: serves files by path, each answer scripted
 * per request (a status, a stalled body), and counts the requests of every path.
 */
final class GdeltServer implements AutoCloseable {
  /** One answer to one request. */
  interface Reply {
    void send(HttpExchange x) throws IOException;
  }

  private final HttpServer server;
  private final Map<String, List<Reply>> script = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

  GdeltServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        x -> {
          String path = x.getRequestURI().getPath();
          int n = requests.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement();
          List<Reply> replies = script.get(path);
          try {
            if (replies == null) {
              status(404).send(x);
            } else {
              replies.get(Math.min(n, replies.size() - 1)).send(x);
            }
          } catch (IOException e) {
            // the client went away (a timeout): nothing to answer
          } finally {
            x.close();
          }
        });
    server.start();
  }

  /** {@code http://127.0.0.1:PORT}. */
  URI base() {
    return URI.create(
        "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
  }

  /** Answers {@code path} with these replies in turn, the last one from then on. */
  void serve(String path, Reply... replies) {
    script.put(path, List.of(replies));
  }

  /** How many requests {@code path} received. */
  int requests(String path) {
    AtomicInteger n = requests.get(path);
    return n == null ? 0 : n.get();
  }

  /** Forgets the request counts. */
  void resetCounts() {
    requests.clear();
  }

  static Reply ok(byte[] body) {
    return x -> {
      x.sendResponseHeaders(200, body.length);
      try (OutputStream o = x.getResponseBody()) {
        o.write(body);
      }
    };
  }

  static Reply status(int code) {
    return x -> x.sendResponseHeaders(code, -1);
  }

  /** Waits {@code millis}, then sends the whole body (a slow but complete response). */
  static Reply delayed(byte[] body, long millis) {
    return x -> {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ok(body).send(x);
    };
  }

  /** Sends the headers and the first half of the body, then falls silent for {@code millis}. */
  static Reply stall(byte[] body, long millis) {
    return x -> {
      x.sendResponseHeaders(200, body.length);
      OutputStream o = x.getResponseBody();
      o.write(body, 0, body.length / 2);
      o.flush();
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  /** A zip holding one entry. */
  static byte[] zip(String entry, byte[] content) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(b)) {
      z.putNextEntry(new ZipEntry(entry));
      z.write(content);
      z.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  static String md5(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A master-list line {@code size md5 url} as GDELT writes it (an absolute URL of its server). */
  static String line(String name, byte[] body) {
    return body.length + " " + md5(body) + " http://data.gdeltproject.org/gdeltv2/" + name;
  }

  /** Serves a master list (or lastupdate.txt) of these lines. */
  void list(String path, List<String> lines) {
    serve(
        path,
        ok((String.join("\n", lines) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  static List<String> lines(String... l) {
    return new ArrayList<>(List.of(l));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
