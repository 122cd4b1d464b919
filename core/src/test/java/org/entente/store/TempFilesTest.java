package org.entente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

  /**
   * Sets the modification time of {@code paths}, in the order given, to {@code minutesAgo}; of a
   * link, the link's own.
   */
  private static void age(long minutesAgo, Path... paths) throws IOException {
    FileTime t = FileTime.from(Instant.now().minusSeconds(60 * minutesAgo));
    for (Path p : paths) {
      Files.getFileAttributeView(
              p,
              java.nio.file.attribute.BasicFileAttributeView.class,
              java.nio.file.LinkOption.NOFOLLOW_LINKS)
          .setTimes(t, null, null);
    }
  }

  @Test
  void createDirectory_removesOnlyOldFoldersOfEndedProcesses_wholeButNeverThroughALink()
      throws Exception {
    String prefix = ".entente-export-dir.";
    long ended = endedProcess();
    long self = ProcessHandle.current().pid();
    Path outside = Files.createDirectory(dir.resolve("users"));
    Path usersFile = file(outside, "data.csv", 60);
    // an orphan: nested folders, files, and links to the user's file and folder
    Path orphan = Files.createDirectory(dir.resolve(prefix + ended + ".1"));
    Path nested = Files.createDirectories(orphan.resolve("out/_temporary/0"));
    Path part = file(nested, "part-00000.csv", 60);
    Path linkToFile = Files.createSymbolicLink(orphan.resolve("link"), usersFile);
    Path linkToDir = Files.createSymbolicLink(nested.resolve("dirlink"), outside);
    age(
        60,
        part,
        linkToDir,
        nested,
        nested.getParent(),
        nested.getParent().getParent(),
        linkToFile,
        orphan);
    // kept: one file inside written a minute ago; a live process's; a file and a link of the
    // shape; other names
    Path busy = Files.createDirectory(dir.resolve(prefix + ended + ".2"));
    Path fresh = file(busy, "part-00000.csv", 1);
    age(60, busy);
    Path live = Files.createDirectory(dir.resolve(prefix + self + ".3"));
    age(60, live);
    Path plainFile = file(dir, prefix + ended + ".4", 60);
    Path linkShaped = Files.createSymbolicLink(dir.resolve(prefix + ended + ".5"), outside);
    Path otherName = Files.createDirectory(dir.resolve(".entente-export-" + ended + ".6"));
    age(60, otherName);

    Path created = TempFiles.createDirectory(dir, prefix);

    assertFalse(Files.exists(orphan, java.nio.file.LinkOption.NOFOLLOW_LINKS), "removed whole");
    assertFalse(Files.exists(linkToFile, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertFalse(Files.exists(linkToDir, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertEquals("partial", Files.readString(usersFile), "a link's target is never touched");
    for (Path kept : List.of(busy, fresh, live, plainFile, linkShaped, otherName, outside)) {
      assertTrue(Files.exists(kept, java.nio.file.LinkOption.NOFOLLOW_LINKS), "kept: " + kept);
    }
    assertTrue(Files.isDirectory(created));
    assertEquals(self, TempFiles.writer(created.getFileName().toString(), prefix, ""));
    try (Stream<Path> s = Files.list(created)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void deleteTree_removesLinksAsLinks() throws Exception {
    Path target = Files.createDirectory(dir.resolve("target"));
    Path kept = file(target, "kept.txt", 0);
    Path tree = Files.createDirectories(dir.resolve("tree/a/b"));
    Files.createSymbolicLink(tree.resolve("to-dir"), target);
    Files.createSymbolicLink(tree.resolve("to-file"), kept);
    Files.createSymbolicLink(tree.resolve("dangling"), dir.resolve("nowhere"));

    TempFiles.deleteTree(dir.resolve("tree"));

    assertFalse(Files.exists(dir.resolve("tree")));
    assertEquals("partial", Files.readString(kept));
  }

  @Test
  void create_makesTheFileAsAnyNewFileIsMade_notOwnerOnly() throws IOException {
    // the temporary file becomes the output (the report, an export): it must get the permissions
    // any new file gets here (0666 less the umask), not createTempFile's 0600
    assumeTrue(
        dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX modes");
    Path plain = Files.createFile(dir.resolve("plain.html"));
    Path created = TempFiles.create(dir, PREFIX, SUFFIX);
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(created));
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
