package org.entente.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code entente daemon}: a resident JVM that runs the analysis commands of this working directory
 * without a JVM start each ({@link DaemonServer}). The launcher starts it in the background ({@code
 * ./entente daemon start}), routes the served commands to it while it runs, and passes {@code
 * --socket} and {@code --stamp} itself.
 */
@Command(
    name = "daemon",
    mixinStandardHelpOptions = true,
    description = {
      "Keep a JVM running that runs the analysis commands (info, series, timeline, actors,"
          + " periods, triangle, leadlag, character, test, propositions, report, simulate) of"
          + " this working directory, so that they start in about 0.2 s instead of 0.5-1.5 s.",
      "Use './entente daemon start', 'status' and 'stop': the launcher sends those commands to"
          + " the daemon while it runs, and runs them itself when it does not (or refuses: another"
          + " build, directory, ENTENTE_DB or ENTENTE_DEBUG). The daemon stops by itself after"
          + " --idle minutes without a command."
    })
final class DaemonCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "ACTION",
      description = "run (in the foreground; 'start' runs it in the background), status or stop.")
  String action;

  @Option(
      names = "--socket",
      required = true,
      paramLabel = "PATH",
      description = "The daemon's Unix domain socket (the launcher passes it).")
  Path socket;

  @Option(
      names = "--stamp",
      required = true,
      paramLabel = "STAMP",
      description = "The build's stamp, size:mtime of the jar (the launcher passes it).")
  String stamp;

  @Option(
      names = "--idle",
      defaultValue = "30",
      paramLabel = "MINUTES",
      description = "Stop after this many minutes without a command (default: ${DEFAULT-VALUE}).")
  double idleMinutes;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    switch (action) {
      case "run" -> {
        if (!(idleMinutes > 0) || idleMinutes > 7 * 24 * 60) {
          throw new UsageException("--idle must be more than 0 and at most 10080 minutes");
        }
        String dir = System.getProperty("user.dir");
        DaemonServer server =
            new DaemonServer(
                socket,
                stamp,
                dir,
                DaemonProtocol.env("ENTENTE_DB"),
                DaemonProtocol.env("ENTENTE_DEBUG"),
                (long) (idleMinutes * 60_000));
        server.prepare();
        int served =
            server.run(
                () ->
                    out.printf(
                        "entente daemon: serving %s on %s (stops after %s minutes idle)%n",
                        dir, socket, idleMinutes));
        out.printf("entente daemon: stopped after %d commands%n", served);
        out.flush();
        return 0;
      }
      case "status", "stop" -> {
        byte kind = action.equals("status") ? DaemonProtocol.STATUS : DaemonProtocol.STOP;
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream e = new java.io.ByteArrayOutputStream();
        int code = DaemonClient.run(socket, stamp, kind, List.of(), o, e);
        out.print(o.toString(java.nio.charset.StandardCharsets.UTF_8));
        spec.commandLine().getErr().print(e.toString(java.nio.charset.StandardCharsets.UTF_8));
        if (code == DaemonProtocol.NOT_SERVED) {
          out.println("entente daemon: none running for this directory" + lastWords(socket));
          out.flush();
          return 1;
        }
        if (kind == DaemonProtocol.STOP) {
          out.println("entente daemon: stopped");
        }
        out.flush();
        return code;
      }
      default ->
          throw new UsageException(
              "unknown action '"
                  + action
                  + "' (accepted: run, status, stop; 'start' via ./entente)");
    }
  }

  /**
   * How the last daemon of this socket ended, from the last line of its log beside the socket
   * ({@code d-N.log}, written by the launcher's {@code daemon start}): for example that a client
   * went away while its command ran, which stops the daemon. Empty when there is no such log.
   */
  static String lastWords(Path socket) {
    String name = socket.getFileName().toString();
    if (!name.endsWith(".sock")) {
      return "";
    }
    Path log = socket.resolveSibling(name.substring(0, name.length() - ".sock".length()) + ".log");
    if (!Files.isRegularFile(log, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return "";
    }
    try {
      List<String> lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8);
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          return "; the last one's log (" + log + ") ends: " + lines.get(i).strip();
        }
      }
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      // no last words to give
    }
    return "";
  }
}
