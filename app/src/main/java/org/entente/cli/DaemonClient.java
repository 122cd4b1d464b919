package org.entente.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The launcher's side of {@code entente daemon}: sends one command to the daemon of the working
 * directory and relays its output and exit code. Its start is that of a JVM that loads a dozen
 * classes: no picocli, DuckDB or analysis code.
 *
 * <p>{@code java -cp entente.jar org.entente.cli.DaemonClient SOCKET STAMP ARGS...}: exits with the
 * command's code, or with {@link DaemonProtocol#NOT_SERVED} (200), having printed nothing, when no
 * daemon listens or the daemon refuses the command (another build, directory, environment, or a
 * command it does not serve): the launcher then runs the command itself.
 */
public final class DaemonClient {
  private DaemonClient() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: DaemonClient SOCKET STAMP ARGS...");
      System.exit(2);
    }
    List<String> command = Arrays.asList(args).subList(2, args.length);
    // the command's output, with its write failures kept (System.out would swallow them)
    Stdout out = new Stdout(new java.io.FileOutputStream(java.io.FileDescriptor.out));
    int rc = run(Path.of(args[0]), args[1], DaemonProtocol.RUN, command, out, System.err);
    System.exit(rc == DaemonProtocol.NOT_SERVED ? rc : out.exitCode(rc, System.err));
  }

  /**
   * Sends a request and relays the answer to {@code out} and {@code err}.
   *
   * @return the command's exit code, or {@link DaemonProtocol#NOT_SERVED}
   */
  static int run(
      Path socket,
      String stamp,
      byte kind,
      List<String> command,
      OutputStream out,
      OutputStream err) {
    DaemonProtocol.Request request = DaemonProtocol.Request.here(kind, stamp, command);
    SocketChannel ch;
    DataInputStream in;
    try {
      ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    } catch (IOException e) {
      return DaemonProtocol.NOT_SERVED;
    }
    try (ch) {
      try {
        ch.connect(UnixDomainSocketAddress.of(socket));
        request.write(new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch))));
        in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch)));
        byte answer = in.readByte();
        if (answer != DaemonProtocol.ACCEPTED) {
          if (kind != DaemonProtocol.RUN && answer == DaemonProtocol.REFUSED) {
            err.write(
                ("entente: the daemon refused: " + DaemonProtocol.string(in) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            err.flush();
          }
          return DaemonProtocol.NOT_SERVED;
        }
        if (kind == DaemonProtocol.STATUS) {
          out.write((DaemonProtocol.string(in) + "\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
          return 0;
        }
        if (kind == DaemonProtocol.STOP) {
          return 0;
        }
      } catch (IOException notServed) {
        return DaemonProtocol.NOT_SERVED; // nothing ran: the launcher runs the command itself
      }
      try {
        while (true) {
          byte frame = in.readByte();
          if (frame == DaemonProtocol.EXIT) {
            out.flush();
            err.flush();
            return in.readInt();
          }
          int n = in.readInt();
          byte[] b = in.readNBytes(n);
          if (b.length < n) {
            throw new EOFException();
          }
          OutputStream to = frame == DaemonProtocol.OUT ? out : err;
          to.write(b);
          if (frame == DaemonProtocol.ERR) {
            err.flush();
          }
        }
      } catch (IOException e) {
        try {
          out.flush();
          err.write(
              "entente: the daemon stopped while running the command\n"
                  .getBytes(StandardCharsets.UTF_8));
          err.flush();
        } catch (IOException ignored) {
          // nowhere left to say it
        }
        return 1;
      }
    } catch (IOException closing) {
      return 1;
    }
  }
}
