package org.entente.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.entente.cameo.Cameo;
import org.entente.ingest.FileReport;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.report.JsonOutput;
import org.entente.store.EventStore;
import org.entente.store.duckdb.DuckDbStore;
import org.entente.system.ActorRegistry;
import org.entente.system.Chronology;

/**
 * The test harness: a real server on a free port (port 0) over an in-memory store loaded from the
 * bundled chronology, and an HTTP client for it.
 */
final class TestServer implements AutoCloseable {
  final EventStore store;
  final WebServer server;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestServer(EventStore store, WebServer server) {
    this.store = store;
    this.server = server;
  }

  /** A server over the bundled chronology. */
  static TestServer start() {
    return start(chronologyStore());
  }

  /** A server over {@code store} (closed with the server). */
  static TestServer start(EventStore store) {
    return new TestServer(store, WebServer.start(store, "127.0.0.1", 0));
  }

  /**
   * A store file {@code db} holding the bundled chronology, served read-only (so that commands can
   * read the same file at the same time).
   */
  static TestServer startOnFile(java.nio.file.Path db) {
    try (DuckDbStore w = DuckDbStore.open(db)) {
      Chronology.loadBundled(w);
    }
    return start(DuckDbStore.openReadOnly(db));
  }

  /** What an in-process run of the {@code entente} command printed, and its exit code. */
  record CliRun(int exit, String out, String err) {}

  /** Runs the {@code entente} command in this process with {@code args}. */
  static CliRun cli(java.util.List<String> args) {
    picocli.CommandLine cl = org.entente.cli.Main.commandLine();
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    cl.setOut(new java.io.PrintWriter(out, true));
    cl.setErr(new java.io.PrintWriter(err, true));
    int code = cl.execute(args.toArray(String[]::new));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** An in-memory store holding the bundled chronology. */
  static DuckDbStore chronologyStore() {
    DuckDbStore s = DuckDbStore.inMemory();
    FileReport r =
        new Ingestor(s, Cameo.bundled(), ActorRegistry.bundled())
            .ingestBytes(
                "chronology.tsv",
                Chronology.bundledBytes(),
                IngestOptions.defaults(),
                IngestListener.NONE);
    assertEquals(FileReport.Status.LOADED, r.status(), r.message());
    return s;
  }

  /**
   * An in-memory store with two sources: the bundled chronology and two GDELT 2.0 events between
   * Russia and North Korea in June 2024 (one cooperative, one a quad-4 attack).
   */
  static DuckDbStore chronologyAndGdeltStore() {
    DuckDbStore s = chronologyStore();
    String rows =
        org.entente.cli.CliHarness.gdelt2(1, "20240619", "RUS", "PRK", "036", 4.0, 1)
            + "\n"
            + org.entente.cli.CliHarness.gdelt2(2, "20240620", "PRK", "RUS", "190", -10.0, 4)
            + "\n";
    FileReport r =
        new Ingestor(s, Cameo.bundled(), ActorRegistry.bundled())
            .ingestBytes(
                "20240619000000.export.CSV",
                rows.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                IngestOptions.defaults(),
                IngestListener.NONE);
    assertEquals(FileReport.Status.LOADED, r.status(), r.message());
    return s;
  }

  /** A response: status, content type and body. */
  record Response(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return JsonOutput.mapper().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  Response get(String pathAndQuery) {
    return send("GET", pathAndQuery);
  }

  Response send(String method, String pathAndQuery) {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery.replaceFirst("^/", "")))
            .timeout(Duration.ofSeconds(60))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
      return new Response(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
