package org.entente.serve;

import io.javalin.Javalin;
import java.util.List;
import java.util.Objects;
import org.entente.store.EventStore;

/**
 * The dashboard and its read-only JSON API over one store: a thin entry over {@link Routes} (every
 * route, declared once), {@link Query} (parameter validation), {@link Errors} (error responses) and
 * {@link Assets} (the dashboard's static files and the charting library).
 *
 * <p>Requests are served concurrently on Jetty's threads: the store answers each query on a
 * connection of its own (open it read-only, so that other processes can read it meanwhile). The
 * server never writes to the store and accepts only GET (and HEAD, validated as GET) requests.
 * Every response, errors included, is JSON or a dashboard file and carries {@link SecurityHeaders}.
 */
public final class WebServer implements AutoCloseable {
  /** The default interface: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** What the response cache may hold: 32 M characters of response bodies (64 MB of heap). */
  static final long CACHE_CHARS = 32L << 20;

  /**
   * Responses computed at once, at most: three per processor. More requests wait in arrival order
   * (a fair semaphore) instead of all sharing the cores. Mixed uncached requests from 32 clients on
   * 2 cores (`entente bench api --concurrency 1,8,32`, two runs each): p95 186–191 ms with this
   * gate, 286–311 ms without, at the same throughput; one computation per processor lowered the
   * throughput (a request also waits on its queries, not only on the cores).
   */
  static final int COMPUTING = Math.max(1, 3 * Runtime.getRuntime().availableProcessors());

  /** The default port. */
  public static final int DEFAULT_PORT = 8080;

  private final Javalin app;
  private final String host;

  private WebServer(Javalin app, String host) {
    this.app = app;
    this.host = host;
  }

  /**
   * Starts a server.
   *
   * @param store the store to serve; stays open and owned by the caller, who closes it after the
   *     server
   * @param host the interface to bind, e.g. {@link #DEFAULT_HOST}
   * @param port the port, 0 for any free one
   * @return the running server
   * @throws IllegalStateException naming the missing artifact if the charting library is not on the
   *     class path
   * @throws io.javalin.util.JavalinBindException if the port is taken
   */
  public static WebServer start(EventStore store, String host, int port) {
    return start(store, host, port, true);
  }

  /**
   * Starts a server, with or without the response cache (which keeps successful responses, up to
   * {@link #CACHE_CHARS} characters in all, and answers a repeated request from it: the store does
   * not change while it is served).
   *
   * @param cache whether to keep and reuse successful responses
   * @see #start(EventStore, String, int)
   */
  public static WebServer start(EventStore store, String host, int port, boolean cache) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(host, "host");
    store.preferConcurrentQueries();
    Assets assets = Assets.load();
    Api api = new Api(store);
    List<Route> routes = Routes.all(api);
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.http.prefer405over404 = true;
              config.http.defaultContentType = "application/json";
              config.router.ignoreTrailingSlashes = true;
              config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
              config.jetty.modifyServletContextHandler(
                  handler -> handler.setErrorHandler(new JsonErrorHandler()));
              config.routes.before(ctx -> SecurityHeaders.HEADERS.forEach(ctx::header));
              assets.configure(config);
              Routes.register(
                  config,
                  routes,
                  cache ? new ResponseCache(CACHE_CHARS) : null,
                  new java.util.concurrent.Semaphore(COMPUTING, true));
              Errors.register(config);
            });
    app.start(host, port);
    return new WebServer(app, host);
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  /** The dashboard's address, e.g. {@code http://127.0.0.1:8080/}. */
  public String url() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    if (h.equals("0.0.0.0")) {
      h = "127.0.0.1";
    }
    return "http://" + h + ":" + port() + "/";
  }

  /** Stops the server (the store stays open). */
  @Override
  public void close() {
    app.stop();
  }
}
