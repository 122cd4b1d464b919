package org.entente.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Hidden temporary files written beside an output and then moved over it (the HTML report, an
 * export). Each name carries the writing process's id: {@code .PREFIX<pid>.<random>SUFFIX}. A
 * process stopped while it writes (kill -9, a halted daemon, a power cut) cannot remove its own, so
 * the next {@link #create} in the same directory removes those of the same prefix whose process is
 * gone, once they have not been written to for {@link #ORPHANED_AFTER}: that age also spares the
 * file of a live process on another machine sharing the directory, whose id means nothing here.
 * Only names of exactly this shape are touched; nothing else in the directory is.
 */
public final class TempFiles {

  /** How long an orphan's last write must lie in the past before it is removed. */
  public static final Duration ORPHANED_AFTER = Duration.ofMinutes(10);

  private TempFiles() {}

  /**
   * Creates a new empty temporary file {@code dir/PREFIX<pid>.<random>SUFFIX}, after removing the
   * orphans of {@code prefix} and {@code suffix} in {@code dir}.
   *
   * @param prefix a hidden name's start, e.g. {@code ".entente-report.html."}
   * @throws IOException if the file cannot be created
   */
  public static Path create(Path dir, String prefix, String suffix) throws IOException {
    removeOrphans(dir, prefix, suffix, Instant.now().minus(ORPHANED_AFTER));
    return Files.createTempFile(dir, prefix + ProcessHandle.current().pid() + ".", suffix);
  }

  /**
   * Removes {@code dir}'s regular files named {@code PREFIX<pid>.<anything>SUFFIX} whose process is
   * not running and which were last modified before {@code before}; returns how many. A file that
   * cannot be removed is left (it costs only space).
   */
  static int removeOrphans(Path dir, String prefix, String suffix, Instant before) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        long pid = writer(f.getFileName().toString(), prefix, suffix);
        if (pid < 0 || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          continue;
        }
        try {
          if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
              && Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS)
                  .toInstant()
                  .isBefore(before)
              && Files.deleteIfExists(f)) {
            removed++;
          }
        } catch (IOException e) {
          // left as it is
        }
      }
    } catch (IOException | java.nio.file.DirectoryIteratorException e) {
      // an unreadable directory: the new file's creation says what is wrong
    }
    return removed;
  }

  /**
   * The process id in {@code name} if it has the shape {@code PREFIX<digits>.<more>SUFFIX}, else
   * -1.
   */
  static long writer(String name, String prefix, String suffix) {
    if (!name.startsWith(prefix)
        || !name.endsWith(suffix)
        || name.length() <= prefix.length() + suffix.length()) {
      return -1;
    }
    String middle = name.substring(prefix.length(), name.length() - suffix.length());
    int dot = middle.indexOf('.');
    if (dot <= 0 || dot > 18 || dot == middle.length() - 1) {
      return -1;
    }
    for (int i = 0; i < dot; i++) {
      char c = middle.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
    }
    return Long.parseLong(middle.substring(0, dot));
  }
}
