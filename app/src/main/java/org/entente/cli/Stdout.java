package org.entente.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Standard output that remembers why a write failed. Java's {@code System.out} swallows write
 * errors, so a command whose output went to a full disk or a closed file ended with exit 0 and a
 * truncated file. Installed as {@code System.out} (and so under picocli's writer), it keeps the
 * first failure; {@link #exitCode} then turns it into the command's exit code: a reader that
 * stopped reading (a broken pipe, as in {@code entente series ... | head}) ends the command quietly
 * with 141, as a Unix tool killed by SIGPIPE does; any other failure is reported on standard error
 * and ends it with 1. After a failure nothing more is written.
 */
final class Stdout extends OutputStream {
  /** The exit code of a command whose reader closed the pipe: 128 + SIGPIPE (13). */
  static final int BROKEN_PIPE = 141;

  private final OutputStream out;
  private IOException failure;

  Stdout(OutputStream out) {
    this.out = out;
  }

  /**
   * Replaces {@code System.out} by a stream over file descriptor 1 that records its failures, in
   * the encoding {@code System.out} had; returns the recorder.
   */
  static Stdout install() {
    Stdout s = new Stdout(new FileOutputStream(FileDescriptor.out));
    String enc = System.getProperty("sun.stdout.encoding");
    Charset cs =
        enc != null && Charset.isSupported(enc) ? Charset.forName(enc) : Charset.defaultCharset();
    System.setOut(new PrintStream(new java.io.BufferedOutputStream(s, 8192), true, cs));
    return s;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if (failure != null) {
      return;
    }
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      failure = e;
    }
  }

  @Override
  public void flush() {
    if (failure != null) {
      return;
    }
    try {
      out.flush();
    } catch (IOException e) {
      failure = e;
    }
  }

  /** The first write failure, or null. */
  IOException failure() {
    return failure;
  }

  /**
   * The exit code of a command that returned {@code rc}, its output flushed first: {@code rc} if
   * every write succeeded; else {@link #BROKEN_PIPE} for a reader that stopped reading, or 1 (or
   * {@code rc}, if already an error) with a message on {@code err} naming the failure.
   */
  int exitCode(int rc, PrintStream err) {
    System.out.flush();
    if (failure == null) {
      return rc;
    }
    String why = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    if (why.contains("Broken pipe")) {
      return rc == 0 ? BROKEN_PIPE : rc;
    }
    err.println("entente: could not write the output to standard output: " + why);
    err.flush();
    return rc == 0 ? 1 : rc;
  }
}
