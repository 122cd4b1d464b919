package org.entente.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The messages between {@link DaemonClient} and {@link DaemonServer} over a Unix domain socket.
 *
 * <p>A request: the protocol version, its kind ({@link #RUN}, {@link #STATUS} or {@link #STOP}),
 * the client's jar stamp (size and modification time of the jar it would run), working directory,
 * the values of {@code ENTENTE_DB} and {@code ENTENTE_DEBUG} (empty when unset), then the command's
 * arguments. The answer: {@link #ACCEPTED} or {@link #REFUSED} with the reason; after an accepted
 * run, frames of standard output ({@link #OUT}) and standard error ({@link #ERR}) and last the exit
 * code ({@link #EXIT}). Strings are UTF-8 with an int length, so no argument is limited to {@link
 * DataOutputStream#writeUTF}'s 64 KB.
 */
final class DaemonProtocol {
  static final int VERSION = 1;

  static final byte RUN = 'C';
  static final byte STATUS = 'Q';
  static final byte STOP = 'S';

  static final byte ACCEPTED = 'A';
  static final byte REFUSED = 'R';

  static final byte OUT = 1;
  static final byte ERR = 2;
  static final byte EXIT = 0;

  /** The client's exit code when the daemon did not take the command (the launcher runs it). */
  static final int NOT_SERVED = 200;

  private DaemonProtocol() {}

  /**
   * The value of an environment variable a request carries ({@code ENTENTE_DB}, {@code
   * ENTENTE_DEBUG}), empty when unset: the client sends it, the daemon compares it with its own.
   */
  static String env(String name) {
    String v = System.getenv(name);
    return v == null ? "" : v;
  }

  /** One request. */
  record Request(byte kind, String stamp, String dir, String db, String debug, List<String> args) {
    Request {
      Objects.requireNonNull(stamp);
      Objects.requireNonNull(dir);
      Objects.requireNonNull(db);
      Objects.requireNonNull(debug);
      args = List.copyOf(args);
    }

    /**
     * A request from this process: its working directory and its values of {@code ENTENTE_DB} and
     * {@code ENTENTE_DEBUG}, what the daemon compares with its own.
     */
    static Request here(byte kind, String stamp, List<String> args) {
      return new Request(
          kind,
          stamp,
          System.getProperty("user.dir"),
          env("ENTENTE_DB"),
          env("ENTENTE_DEBUG"),
          args);
    }

    void write(DataOutputStream out) throws IOException {
      out.writeInt(VERSION);
      out.writeByte(kind);
      string(out, stamp);
      string(out, dir);
      string(out, db);
      string(out, debug);
      out.writeInt(args.size());
      for (String a : args) {
        string(out, a);
      }
      out.flush();
    }

    /**
     * Reads a request.
     *
     * @throws IOException if the stream breaks or holds no request of this version
     */
    static Request read(DataInputStream in) throws IOException {
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException("protocol version " + version + ", expected " + VERSION);
      }
      byte kind = in.readByte();
      String stamp = string(in);
      String dir = string(in);
      String db = string(in);
      String debug = string(in);
      int n = in.readInt();
      if (n < 0 || n > 10_000) {
        throw new IOException("bad argument count " + n);
      }
      List<String> args = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        args.add(string(in));
      }
      return new Request(kind, stamp, dir, db, debug, args);
    }
  }

  static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  static String string(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 16 << 20) {
      throw new IOException("bad string length " + n);
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  /**
   * An output stream that sends what is written to it as frames of one kind ({@link #OUT} or {@link
   * #ERR}) over a shared connection. Once the connection breaks, what is written is dropped, so the
   * command never fails on its output (a client that goes away stops the daemon meanwhile: {@link
   * DaemonServer}).
   */
  static final class FrameStream extends OutputStream {
    private final DataOutputStream conn;
    private final byte kind;
    private boolean broken;

    FrameStream(DataOutputStream conn, byte kind) {
      this.conn = conn;
      this.kind = kind;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (len == 0) {
        return;
      }
      synchronized (conn) {
        if (broken) {
          return;
        }
        try {
          conn.writeByte(kind);
          conn.writeInt(len);
          conn.write(b, off, len);
        } catch (IOException e) {
          broken = true;
        }
      }
    }

    @Override
    public void flush() {
      synchronized (conn) {
        if (!broken) {
          try {
            conn.flush();
          } catch (IOException e) {
            broken = true;
          }
        }
      }
    }
  }
}
