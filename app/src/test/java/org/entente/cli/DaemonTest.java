package org.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code entente daemon} over a real Unix domain socket: a served command prints and exits as it
 * does when run in-process; every refusal leaves the command to the launcher (exit 200, nothing
 * printed); a request from another build stops the daemon; status, stop and the idle limit work;
 * the socket's place is checked before anything is bound.
 */
class DaemonTest {
  @TempDir Path dir;

  private record Running(DaemonServer server, Path socket, CompletableFuture<Integer> served) {}

  private Running start(String stamp, long idleMillis) throws Exception {
    return start(stamp, idleMillis, s -> s);
  }

  private Running start(
      String stamp, long idleMillis, java.util.function.UnaryOperator<DaemonServer> configure)
      throws Exception {
    Path socket = dir.resolve("run").resolve("d.sock");
    DaemonServer server =
        configure.apply(
            new DaemonServer(
                socket,
                stamp,
                System.getProperty("user.dir"),
                DaemonProtocol.env("ENTENTE_DB"),
                DaemonProtocol.env("ENTENTE_DEBUG"),
                idleMillis));
    server.prepare();
    CountDownLatch ready = new CountDownLatch(1);
    CompletableFuture<Integer> served = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                served.complete(server.run(ready::countDown));
              } catch (Throwable e) {
                served.completeExceptionally(e);
              }
            });
    t.setDaemon(true);
    t.start();
    assertTrue(ready.await(10, TimeUnit.SECONDS), "the daemon listens");
    return new Running(server, socket, served);
  }

  private record Answer(int exit, String out, String err) {}

  private static Answer ask(Path socket, String stamp, byte kind, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = DaemonClient.run(socket, stamp, kind, List.of(args), out, err);
    return new Answer(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path store() throws IOException {
    Path f = CliHarness.sampleExport(dir);
    Path db = dir.resolve("s.duckdb");
    assertEquals(0, CliHarness.run("ingest", "--db", db.toString(), f.toString()).exit());
    return db;
  }

  @Test
  void servedCommands_printAndExitAsInProcess_refusalsAreLeftToTheLauncher() throws Exception {
    String db = store().toString();
    Running d = start("1:1", 60_000);
    for (String[] args :
        new String[][] {
          {"info", "--db", db},
          {"series", "--db", db, "--dyad", "RUS-PRK", "--format", "csv"},
          {"series", "--db", db, "--dyad", "RUS-XXX"}, // a user mistake: exit 2 and its message
          {"timeline", "--db", db, "--from", "2024-05", "--to", "2024-01"},
          {"propositions"},
        }) {
      CliHarness.Result local = CliHarness.run(args);
      Answer served = ask(d.socket(), "1:1", DaemonProtocol.RUN, args);
      String what = String.join(" ", args);
      assertEquals(local.exit(), served.exit(), what + "\n" + served.err());
      assertEquals(local.out(), served.out(), what);
      assertEquals(local.err(), served.err(), what);
    }
    assertEquals(2, ask(d.socket(), "1:1", DaemonProtocol.RUN, "series", "--db", db).exit());

    // not served: nothing printed, exit 200, the daemon goes on
    for (String[] args :
        new String[][] {{"ingest", "--db", db, "x.csv"}, {"serve"}, {"demo"}, {}, {"nonsense"}}) {
      Answer a = ask(d.socket(), "1:1", DaemonProtocol.RUN, args);
      assertEquals(new Answer(DaemonProtocol.NOT_SERVED, "", ""), a, String.join(" ", args));
    }
    // another working directory: refused (relative paths would resolve elsewhere)
    assertEquals(DaemonProtocol.REFUSED, rawAnswer(d.socket(), "1:1", "/somewhere/else"));
    Answer status = ask(d.socket(), "1:1", DaemonProtocol.STATUS);
    assertEquals(0, status.exit());
    assertTrue(status.out().contains("6 commands run"), status.out());

    // another build: refused, and the daemon stops (its code is stale)
    assertEquals(
        DaemonProtocol.NOT_SERVED,
        ask(d.socket(), "2:2", DaemonProtocol.RUN, "info", "--db", db).exit());
    assertEquals(6, d.served().get(10, TimeUnit.SECONDS));
    assertFalse(Files.exists(d.socket()), "the socket is removed");
    assertEquals(
        DaemonProtocol.NOT_SERVED,
        ask(d.socket(), "1:1", DaemonProtocol.RUN, "info", "--db", db).exit(),
        "no daemon: the launcher runs the command");
  }

  /** The first byte of the daemon's answer to a run of {@code info} from {@code cwd}. */
  private static byte rawAnswer(Path socket, String stamp, String cwd) throws IOException {
    try (SocketChannel ch =
        send(
            socket,
            new DaemonProtocol.Request(
                DaemonProtocol.RUN,
                stamp,
                cwd,
                DaemonProtocol.env("ENTENTE_DB"),
                DaemonProtocol.env("ENTENTE_DEBUG"),
                List.of("info")))) {
      return firstByte(ch);
    }
  }

  /** A connection to the daemon on {@code socket} that has sent {@code r}, as a client would. */
  private static SocketChannel send(Path socket, DaemonProtocol.Request r) throws IOException {
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      ch.connect(UnixDomainSocketAddress.of(socket));
      r.write(new DataOutputStream(Channels.newOutputStream(ch)));
      return ch;
    } catch (IOException e) {
      ch.close();
      throw e;
    }
  }

  private static byte firstByte(SocketChannel ch) throws IOException {
    return new DataInputStream(Channels.newInputStream(ch)).readByte();
  }

  /**
   * A client that goes away while its command runs (Ctrl-C) is noticed at once, while the command
   * still runs (the daemon then stops the JVM: here a test hook records it instead); a client that
   * stays to the end is not.
   */
  @Test
  void aClientGoneMidCommand_isNoticedWhileItRuns_oneThatStaysIsNot() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<List<String>> gone = new CompletableFuture<>();
    Running d =
        start(
            "1:1",
            60_000,
            s ->
                s.runner(
                        (args, out) -> {
                          started.countDown();
                          try {
                            if (args[0].equals("report")) {
                              release.await(30, TimeUnit.SECONDS);
                            }
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          return 3;
                        })
                    .onClientGone(gone::complete));
    try (SocketChannel ch =
        send(
            d.socket(),
            DaemonProtocol.Request.here(
                DaemonProtocol.RUN, "1:1", List.of("report", "--out", "r")))) {
      assertEquals(DaemonProtocol.ACCEPTED, firstByte(ch));
      assertTrue(started.await(10, TimeUnit.SECONDS), "the command runs");
    } // the client goes away here, its command still running
    try {
      assertEquals(List.of("report", "--out", "r"), gone.get(10, TimeUnit.SECONDS));
    } finally {
      release.countDown();
    }
    // a client that reads its command's end: the daemon goes on serving, nothing noticed
    CompletableFuture<List<String>> stayed = new CompletableFuture<>();
    d.server().onClientGone(stayed::complete);
    assertEquals(3, ask(d.socket(), "1:1", DaemonProtocol.RUN, "info").exit());
    assertEquals(0, ask(d.socket(), "1:1", DaemonProtocol.STOP).exit());
    assertEquals(2, d.served().get(10, TimeUnit.SECONDS));
    assertFalse(stayed.isDone(), "a client that stayed to the end was taken for gone");
  }

  /** With no daemon, status says how the last one ended: the last line of its log. */
  @Test
  void status_withoutADaemon_givesTheLastLogLine() throws Exception {
    Path run = dir.resolve("gone");
    Files.createDirectories(run);
    Path socket = run.resolve("d-1.sock");
    CliHarness.Result none =
        CliHarness.run("daemon", "status", "--socket", socket.toString(), "--stamp", "1:1");
    assertEquals(1, none.exit());
    assertEquals("entente daemon: none running for this directory\n", none.out());
    Files.writeString(
        run.resolve("d-1.log"),
        "entente daemon: serving /x on "
            + socket
            + "\n"
            + "entente daemon: the client of 'report' went away while it ran\n\n");
    CliHarness.Result gone =
        CliHarness.run("daemon", "status", "--socket", socket.toString(), "--stamp", "1:1");
    assertEquals(1, gone.exit());
    assertTrue(
        gone.out()
            .endsWith("ends: entente daemon: the client of 'report' went away while it ran\n"),
        gone.out());
  }

  @Test
  void stopAndIdle_endTheDaemon() throws Exception {
    Running d = start("1:1", 60_000);
    Answer stop = ask(d.socket(), "1:1", DaemonProtocol.STOP);
    assertEquals(0, stop.exit());
    assertEquals(0, d.served().get(10, TimeUnit.SECONDS));
    assertFalse(Files.exists(d.socket()));

    Running idle = start("1:1", 300);
    assertEquals(0, idle.served().get(10, TimeUnit.SECONDS), "stops by itself when idle");
    assertFalse(Files.exists(idle.socket()));
  }

  @Test
  void prepare_refusesARegularFileOrALiveDaemon_removesADeadSocket() throws Exception {
    Path run = dir.resolve("run");
    Files.createDirectories(run);
    Files.setPosixFilePermissions(
        run, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    Path file = run.resolve("d.sock");
    Files.writeString(file, "precious");
    DaemonServer onFile = new DaemonServer(file, "1:1", "/", "", "", 1000);
    assertThrows(UsageException.class, onFile::prepare);
    assertEquals("precious", Files.readString(file), "left untouched");
    Files.delete(file);

    Running live = start("1:1", 60_000);
    DaemonServer second = new DaemonServer(live.socket(), "1:1", "/", "", "", 1000);
    UsageException e = assertThrows(UsageException.class, second::prepare);
    assertTrue(e.getMessage().contains("already listens"), e.getMessage());
    ask(live.socket(), "1:1", DaemonProtocol.STOP);
    live.served().get(10, TimeUnit.SECONDS);

    // a socket nobody listens on (a daemon killed with -9): removed, then bound again
    Path dead = run.resolve("dead.sock");
    ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    s.bind(UnixDomainSocketAddress.of(dead));
    s.close();
    assertTrue(Files.exists(dead));
    new DaemonServer(dead, "1:1", "/", "", "", 1000).prepare();
    assertFalse(Files.exists(dead));

    // a directory others may enter is not used
    Path open = dir.resolve("open");
    Files.createDirectories(open);
    Files.setPosixFilePermissions(
        open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThrows(
        UsageException.class,
        new DaemonServer(open.resolve("d.sock"), "1:1", "/", "", "", 1000)::prepare);
  }
}
