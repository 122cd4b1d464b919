package org.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Output that could not be written ends a command with an error, not exit 0. */
class StdoutTest {

  /** An output that accepts {@code room} bytes, then fails as {@code why}. */
  private static final class Failing extends OutputStream {
    private final String why;
    private int room;
    int attempts;

    Failing(int room, String why) {
      this.room = room;
      this.why = why;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      attempts++;
      if (len > room) {
        throw new IOException(why);
      }
      room -= len;
    }
  }

  private static String text(ByteArrayOutputStream b) {
    return b.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aFullDisk_isExit1WithTheReason_andNothingMoreIsWritten() {
    Failing disk = new Failing(10, "No space left on device");
    Stdout out = new Stdout(disk);
    out.write("0123456789".getBytes(StandardCharsets.UTF_8), 0, 10);
    out.write("more".getBytes(StandardCharsets.UTF_8), 0, 4);
    out.write("and more".getBytes(StandardCharsets.UTF_8), 0, 8);
    assertEquals(2, disk.attempts, "no write after the first failure");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(1, out.exitCode(0, new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertTrue(text(err).contains("could not write the output"), text(err));
    assertTrue(text(err).contains("No space left on device"), text(err));
    // a command that failed already keeps its own code
    assertEquals(2, out.exitCode(2, new PrintStream(new ByteArrayOutputStream())));
  }

  @Test
  void aReaderThatStoppedReading_isQuiet141() {
    Stdout out = new Stdout(new Failing(0, "Broken pipe"));
    out.write('x');
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(
        Stdout.BROKEN_PIPE, out.exitCode(0, new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertEquals("", text(err));
  }

  @Test
  void everyWriteSucceeding_keepsTheCommandsCode() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    Stdout out = new Stdout(sink);
    out.write("ok".getBytes(StandardCharsets.UTF_8), 0, 2);
    out.flush();
    assertEquals("ok", text(sink));
    assertEquals(0, out.exitCode(0, System.err));
    assertEquals(2, out.exitCode(2, System.err));
  }

  /** A real command whose standard output is /dev/full (every write fails with ENOSPC). */
  @Test
  void aCommandWritingToAFullDevice_exits1AndSaysSo() throws Exception {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.exists(full), "/dev/full is not on this system: test skipped");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "org.entente.cli.Main",
                "propositions",
                "--format",
                "json")
            .redirectOutput(full.toFile())
            .start();
    String err;
    try (InputStream in = p.getErrorStream()) {
      err = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(1, p.exitValue(), err);
    assertTrue(err.contains("could not write the output"), err);
    assertTrue(err.contains("No space left on device"), err);
  }
}
