package org.entente.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.entente.serve.WebServer;
import org.entente.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code entente serve}: the dashboard and the read-only JSON API over a store. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the dashboard and the read-only JSON API (under /api, described at"
          + " /api/openapi.json) over the store until interrupted (Ctrl-C)."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Mixin SourceOption source;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = WebServer.DEFAULT_HOST,
      description = "Interface to bind (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "" + WebServer.DEFAULT_PORT,
      description = "Port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() throws InterruptedException {
    checkPort(port);
    try (EventStore s = source.scopeIfGiven(store.openForReading())) {
      return serve(s, host, port, spec.commandLine().getOut());
    }
  }

  static void checkPort(int port) {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port: " + port + " is not a port (0 to 65535)");
    }
  }

  /**
   * Serves {@code store} until the process is interrupted, printing the dashboard's address.
   *
   * @return 0
   */
  static int serve(EventStore store, String host, int port, PrintWriter out)
      throws InterruptedException {
    WebServer server;
    try {
      java.net.InetAddress.getByName(host);
    } catch (java.net.UnknownHostException e) {
      throw new UsageException(
          "--host: '" + host + "' is neither an IP address nor a host name this machine resolves");
    }
    try {
      server = WebServer.start(store, host, port);
    } catch (RuntimeException e) {
      if (e.getClass().getName().endsWith("JavalinBindException")) {
        StringBuilder causes = new StringBuilder();
        for (Throwable t = e; t != null && causes.length() < 10_000; t = t.getCause()) {
          causes.append(t.getMessage()).append('\n');
        }
        if (causes.toString().contains("Cannot assign requested address")) {
          throw new UsageException(
              "--host: " + host + " is not an address of this machine (cannot listen on it)");
        }
        throw new UsageException(
            "--port: cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
      }
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              server.close();
              stopped.countDown();
            },
            "entente-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("Dashboard: " + server.url());
    out.println("API:       " + server.url() + "api/openapi.json");
    if (!host.equals(WebServer.DEFAULT_HOST) && !host.equals("localhost")) {
      out.println("warning: listening on " + host + ", not only this machine");
    }
    out.println("Press Ctrl-C to stop.");
    out.flush();
    stopped.await();
    return 0;
  }
}
