package org.entente.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * The resident side of {@code entente daemon}: one JVM, its classes loaded and its code compiled
 * once, that runs the analysis commands sent by {@link DaemonClient} over a Unix domain socket, one
 * at a time, and sends back their output and exit code. A command then costs the client's start
 * (about 0.15 s) and the warm command, instead of a new JVM's start, class loading and compiling.
 *
 * <p>It serves one working directory, one build and one environment: a request from another
 * directory (relative paths would resolve elsewhere), with other values of {@code ENTENTE_DB} or
 * {@code ENTENTE_DEBUG}, or for a command outside {@link #SERVED} is refused, and the client runs
 * the command itself; a request from a newer build also stops the daemon. Only the commands that
 * read a store and print are served: no ingest, import, export, fetch, serve or demo (they write,
 * run long or show progress on a terminal). The socket lives in a directory only its owner can
 * enter, and is itself readable and writable by its owner only. It stops after {@code idleMillis}
 * without a request, on {@code entente daemon stop}, or when stopped by a signal, and removes its
 * socket.
 *
 * <p>A command whose client goes away while it runs (Ctrl-C, a closed terminal, a killed launcher)
 * ends as it would in a process of its own: the daemon stops at once ({@link Runtime#halt}, after
 * removing its socket and saying why in its log), so that the command writes nothing more — a
 * report that was not finished is not written. The next commands run without a daemon until one is
 * started again. (A client whose standard output is closed, as in {@code | head}, stays connected:
 * like a command's own process, it goes on and discards the output.)
 */
final class DaemonServer {
  /** The commands a daemon runs. */
  static final Set<String> SERVED =
      Set.of(
          "info",
          "series",
          "timeline",
          "actors",
          "periods",
          "triangle",
          "leadlag",
          "character",
          "test",
          "propositions",
          "report",
          "simulate");

  private final Path socket;
  private final String stamp;
  private final String dir;
  private final String db;
  private final String debug;
  private final long idleMillis;
  private final AtomicLong lastRequest = new AtomicLong(System.currentTimeMillis());
  private volatile boolean stopping;
  private int served;

  /** Runs one command, its output sent as frames over the stream; returns its exit code. */
  interface Runner {
    int run(String[] args, DataOutputStream out);
  }

  /** The daemon's own standard error (its log), taken before any command redirects it. */
  private final PrintStream log = System.err;

  private volatile Runner runner = DaemonServer::runCommand;
  private volatile Consumer<List<String>> clientGone = this::haltForGoneClient;

  /**
   * @param stamp the build's stamp the launcher gave (requests with another stop the daemon)
   * @param dir the working directory served (this JVM's)
   * @param db the value of {@code ENTENTE_DB} served, empty when unset
   * @param debug the value of {@code ENTENTE_DEBUG} served, empty when unset
   */
  DaemonServer(Path socket, String stamp, String dir, String db, String debug, long idleMillis) {
    this.socket = socket;
    this.stamp = stamp;
    this.dir = dir;
    this.db = db;
    this.debug = debug;
    this.idleMillis = idleMillis;
  }

  /** Tests: runs commands with {@code r} instead of the command line. */
  DaemonServer runner(Runner r) {
    this.runner = r;
    return this;
  }

  /**
   * Tests: what happens, instead of stopping the JVM, when the client of a running command goes
   * away (given the command's arguments).
   */
  DaemonServer onClientGone(Consumer<List<String>> action) {
    this.clientGone = action;
    return this;
  }

  /**
   * Makes the socket's directory (owner only) and checks the socket's place: refuses a regular file
   * or a live daemon there, removes a dead daemon's socket.
   *
   * @throws UsageException if the place is taken
   * @throws IOException if the directory cannot be made
   */
  void prepare() throws IOException {
    Path parent = socket.toAbsolutePath().getParent();
    if (!Files.isDirectory(parent)) {
      Files.createDirectories(
          parent,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    // another user's directory (say a /tmp/entente-UID made first by someone else) could hold
    // their socket: only a directory of this user's that nobody else may enter is used
    String owner = Files.getOwner(parent).getName();
    Set<java.nio.file.attribute.PosixFilePermission> perms = Files.getPosixFilePermissions(parent);
    if (!owner.equals(System.getProperty("user.name"))
        || perms.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
      throw new UsageException(
          parent
              + " must belong to "
              + System.getProperty("user.name")
              + " and be closed to others (it is "
              + owner
              + "'s, "
              + PosixFilePermissions.toString(perms)
              + ")");
    }
    if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    BasicFileAttributes a =
        Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!a.isOther()) {
      throw new UsageException(socket + " exists and is not a socket; not touched");
    }
    try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      probe.connect(UnixDomainSocketAddress.of(socket));
      throw new UsageException("a daemon already listens on " + socket);
    } catch (IOException dead) {
      Files.delete(socket); // the socket of a daemon that is gone (nobody listens)
    }
  }

  /**
   * Listens until stopped, idle or interrupted; {@code ready} runs once the socket accepts.
   *
   * @return requests served
   */
  int run(Runnable ready) throws IOException {
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Thread cleanup = new Thread(this::removeSocket, "entente-daemon-cleanup");
      Runtime.getRuntime().addShutdownHook(cleanup);
      try {
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        Thread watch = new Thread(() -> watchIdle(server), "entente-daemon-idle");
        watch.setDaemon(true);
        watch.start();
        ready.run();
        while (!stopping) {
          SocketChannel client;
          try {
            client = server.accept();
          } catch (IOException closed) {
            break; // closed by the idle watch or a stop
          }
          lastRequest.set(System.currentTimeMillis());
          try (client) {
            serve(client);
          } catch (IOException broken) {
            // the client went away mid-request: nothing to answer
          }
          lastRequest.set(System.currentTimeMillis());
        }
      } finally {
        removeSocket();
        try {
          Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
          // the hook runs anyway
        }
      }
    }
    return served;
  }

  private void removeSocket() {
    try {
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      // a stale socket is removed by the next daemon
    }
  }

  private void watchIdle(ServerSocketChannel server) {
    while (!stopping) {
      long idle = System.currentTimeMillis() - lastRequest.get();
      if (idle >= idleMillis) {
        stop(server);
        return;
      }
      try {
        Thread.sleep(Math.min(1000, Math.max(10, idleMillis - idle)));
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void stop(ServerSocketChannel server) {
    stopping = true;
    try {
      server.close();
    } catch (IOException e) {
      // closing is all that was left to do
    }
  }

  private void serve(SocketChannel client) throws IOException {
    DataInputStream in =
        new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
    DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client)));
    DaemonProtocol.Request r = DaemonProtocol.Request.read(in);
    String refusal = refusal(r);
    if (refusal != null) {
      out.writeByte(DaemonProtocol.REFUSED);
      DaemonProtocol.string(out, refusal);
      out.flush();
      if (!r.stamp().equals(stamp)) {
        stopping = true; // a newer build: this daemon's code is stale (the loop ends after this)
      }
      return;
    }
    out.writeByte(DaemonProtocol.ACCEPTED);
    switch (r.kind()) {
      case DaemonProtocol.STATUS -> {
        DaemonProtocol.string(
            out, "serving " + dir + " on " + socket + ", " + served + " commands run");
        out.flush();
      }
      case DaemonProtocol.STOP -> {
        out.flush();
        stopping = true; // the accept loop ends after this request
      }
      default -> {
        out.flush();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread watch = new Thread(() -> watchClient(client, running, r.args()), "entente-client");
        watch.setDaemon(true);
        watch.start();
        int code;
        try {
          code = runner.run(r.args().toArray(String[]::new), out);
        } finally {
          running.set(false);
        }
        served++;
        synchronized (out) {
          out.writeByte(DaemonProtocol.EXIT);
          out.writeInt(code);
          out.flush();
        }
      }
    }
  }

  /**
   * Waits for the client of a running command to go away: it sends nothing after its request, so a
   * read returns only at its end (the channel read directly: the streams over a channel would hold
   * its lock while blocked, and the command's output could not be written meanwhile).
   */
  private void watchClient(SocketChannel client, AtomicBoolean running, List<String> args) {
    java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
    try {
      while (client.read(one) >= 0) {
        one.clear(); // a client does not send more; were one to, it is ignored
      }
    } catch (IOException e) {
      // closed by this side once the command ended, or reset by the client's end
    }
    if (running.get()) {
      clientGone.accept(args);
    }
  }

  private void haltForGoneClient(List<String> args) {
    log.println(
        "entente daemon: the client of '"
            + String.join(" ", args)
            + "' went away while it ran (Ctrl-C, a closed terminal): stopping now, as the"
            + " command's own process would, so that it writes nothing more; start the daemon"
            + " again with ./entente daemon start");
    log.flush();
    removeSocket();
    Runtime.getRuntime().halt(130);
  }

  /** Why the request is not served, or null. */
  private String refusal(DaemonProtocol.Request r) {
    if (!r.stamp().equals(stamp)) {
      return "another build (the daemon stops)";
    }
    if (r.kind() != DaemonProtocol.RUN) {
      return r.kind() == DaemonProtocol.STATUS || r.kind() == DaemonProtocol.STOP
          ? null
          : "unknown request";
    }
    if (!r.dir().equals(dir)) {
      return "another working directory";
    }
    if (!r.db().equals(db) || !r.debug().equals(debug)) {
      return "another ENTENTE_DB or ENTENTE_DEBUG";
    }
    if (r.args().isEmpty() || !SERVED.contains(r.args().get(0))) {
      return "not a served command";
    }
    return null;
  }

  /**
   * Runs one command with its standard output and error sent over {@code out} as frames (both the
   * command line's writers and {@code System.out}/{@code System.err}, which some commands use).
   */
  private static int runCommand(String[] args, DataOutputStream out) {
    DaemonProtocol.FrameStream fo = new DaemonProtocol.FrameStream(out, DaemonProtocol.OUT);
    DaemonProtocol.FrameStream fe = new DaemonProtocol.FrameStream(out, DaemonProtocol.ERR);
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    PrintStream po = new PrintStream(fo, true, StandardCharsets.UTF_8);
    PrintStream pe = new PrintStream(fe, true, StandardCharsets.UTF_8);
    PrintWriter wo = new PrintWriter(new OutputStreamWriter(fo, StandardCharsets.UTF_8), true);
    PrintWriter we = new PrintWriter(new OutputStreamWriter(fe, StandardCharsets.UTF_8), true);
    System.setOut(po);
    System.setErr(pe);
    try {
      CommandLine cl = Main.commandLine(args);
      cl.setOut(wo);
      cl.setErr(we);
      return cl.execute(args);
    } catch (RuntimeException | Error e) {
      we.println("entente: internal error in the daemon: " + e);
      return 1;
    } finally {
      wo.flush();
      we.flush();
      po.flush();
      pe.flush();
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
