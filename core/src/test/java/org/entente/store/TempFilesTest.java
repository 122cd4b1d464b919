package org.entente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary files beside an output: named by their process, orphans removed by the next one. */
public class TempFilesTest {
  private static final String PREFIX = ".entente-report.html.";
  private static final String SUFFIX = ".tmp";

  @TempDir Path dir;

  /** The id of a process that has run and ended (not reused in the moment a test takes). */
  public static long endedProcess() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    long pid = p.pid();
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    return pid;
  }

  /** A file named {@code name} in {@code dir}, last modified {@code minutesAgo} ago. */
  public static Path file(Path dir, String name, long minutesAgo) throws IOException {
    Path f = Files.writeString(dir.resolve(name), "partial");
    Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(60 * minutesAgo)));
    return f;
  }

  @Test
  void writer_readsTheProcessIdOnlyFromNamesOfTheExactShape() {
    assertEquals(4242, TempFiles.writer(".entente-report.html.4242.81723.tmp", PREFIX, SUFFIX));
    assertEquals(-1, TempFiles.writer(".entente-report.html.81723.tmp", PREFIX, SUFFIX), "no pid");
    assertEquals(-1, TempFiles.writer(".entente-report.html.42x.1.tmp", PREFIX, SUFFIX));
    assertEquals(-1, TempFiles.writer(".entente-report.html.42..tmp", PREFIX, SUFFIX));
    assertEquals(-1, TempFiles.writer("entente-report.html.42.1.tmp", PREFIX, SUFFIX));
    assertEquals(-1, TempFiles.writer(".entente-report.html.42.1.tmp.bak", PREFIX, SUFFIX));
    assertEquals(-1, TempFiles.writer(".entente-report.html.4242", PREFIX, SUFFIX));
    assertEquals(
        -1, TempFiles.writer(".entente-report.html.1234567890123456789.1.tmp", PREFIX, SUFFIX));
  }

  @Test
  void create_removesOnlyOldFilesOfEndedProcesses_andNamesItsOwnByThisProcess() throws Exception {
    long ended = endedProcess();
    long self = ProcessHandle.current().pid();
    Path orphan = file(dir, PREFIX + ended + ".123" + SUFFIX, 60);
    Path recent = file(dir, PREFIX + ended + ".456" + SUFFIX, 1);
    Path live = file(dir, PREFIX + self + ".789" + SUFFIX, 60);
    Path oldStyle = file(dir, PREFIX + "987654" + SUFFIX, 60);
    Path otherSuffix = file(dir, PREFIX + ended + ".123.csv", 60);
    Path users = file(dir, "report.html." + ended + ".1.tmp", 60);
    Path folder = Files.createDirectory(dir.resolve(PREFIX + ended + ".5" + SUFFIX));
    Files.setLastModifiedTime(folder, FileTime.from(Instant.now().minusSeconds(3600)));

    Path created = TempFiles.create(dir, PREFIX, SUFFIX);

    assertFalse(Files.exists(orphan), "an ended process's file, 60 minutes old");
    for (Path kept : List.of(recent, live, oldStyle, otherSuffix, users, folder)) {
      assertTrue(Files.exists(kept), "kept: " + kept.getFileName());
    }
    assertEquals(self, TempFiles.writer(created.getFileName().toString(), PREFIX, SUFFIX));
    assertEquals(0, Files.size(created));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(7, s.count(), "six kept, one created, one removed");
    }
  }

  @Test
  void create_inADirectoryThatDoesNotExist_failsAsCreateTempFileDoes() {
    Path missing = dir.resolve("nope");
    assertTrue(
        org.junit.jupiter.api.Assertions.assertThrows(
                java.nio.file.NoSuchFileException.class,
                () -> TempFiles.create(missing, PREFIX, SUFFIX))
            .getMessage()
            .contains("nope"));
    assertFalse(Files.exists(missing));
  }
}
