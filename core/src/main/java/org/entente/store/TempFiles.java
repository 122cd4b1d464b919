package org.entente.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;

/**
 * Hidden temporary files written beside an output and then moved over it (the HTML report, an
 * export), and hidden temporary directories an output is written into first (the Spark engine's
 * export). Each name carries the writing process's id: {@code .PREFIX<pid>.<random>SUFFIX}. A
 * process stopped while it writes (kill -9, a halted daemon, a power cut) cannot remove its own, so
 * the next {@link #create} or {@link #createDirectory} in the same directory removes those of the
 * same prefix whose process is gone, once they have not been written to for {@link
 * #ORPHANED_AFTER}: that age also spares the file of a live process on another machine sharing the
 * directory, whose id means nothing here. Only names of exactly this shape are touched, files by
 * {@link #create} and directories by {@link #createDirectory}; nothing else in the directory is.
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
    // created as any new file is (mode 0666 less the umask), not 0600 as createTempFile makes it:
    // the file is moved into place as the output, which must be as readable as any other
    String stem = prefix + ProcessHandle.current().pid() + ".";
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    for (int attempt = 0; ; attempt++) {
      Path f = dir.resolve(stem + Long.toUnsignedString(random.nextLong()) + suffix);
      try {
        return Files.createFile(f);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt >= 100) {
          throw e;
        }
      }
    }
  }

  /**
   * Creates a new empty temporary directory {@code dir/PREFIX<pid>.<random>}, after removing the
   * orphaned directories of {@code prefix} in {@code dir}: whole, with what they hold, when nothing
   * in them was written to for {@link #ORPHANED_AFTER}. Symbolic links inside are removed as links;
   * what they point to is never touched.
   *
   * @param prefix a hidden name's start, e.g. {@code ".entente-export-dir."}
   * @throws IOException if the directory cannot be created
   */
  public static Path createDirectory(Path dir, String prefix) throws IOException {
    removeOrphanedDirectories(dir, prefix, Instant.now().minus(ORPHANED_AFTER));
    return Files.createTempDirectory(dir, prefix + ProcessHandle.current().pid() + ".");
  }

  /**
   * Removes {@code dir}'s directories (not links to one) named {@code PREFIX<pid>.<anything>} whose
   * process is not running and in which nothing was modified since {@code before}, each with what
   * it holds; returns how many. One that cannot be removed whole is left as far as it was removed.
   */
  static int removeOrphanedDirectories(Path dir, String prefix, Instant before) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int removed = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path d : entries) {
        long pid = writer(d.getFileName().toString(), prefix, "");
        if (pid < 0
            || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
            || !Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        try {
          if (lastModified(d).isBefore(before)) {
            deleteTree(d);
            removed++;
          }
        } catch (IOException e) {
          // left as far as it was removed
        }
      }
    } catch (IOException | java.nio.file.DirectoryIteratorException e) {
      // an unreadable directory: the new directory's creation says what is wrong
    }
    return removed;
  }

  /** The latest modification time of {@code tree} and everything in it (links not followed). */
  private static Instant lastModified(Path tree) throws IOException {
    Instant[] latest = {Instant.MIN};
    Files.walkFileTree(
        tree,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
            return visit(a);
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
            return visit(a);
          }

          private FileVisitResult visit(BasicFileAttributes a) {
            Instant t = a.lastModifiedTime().toInstant();
            if (t.isAfter(latest[0])) {
              latest[0] = t;
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return latest[0];
  }

  /**
   * Deletes {@code tree} and everything in it, depth first, links as links (never what they point
   * to).
   */
  public static void deleteTree(Path tree) throws IOException {
    Files.walkFileTree(
        tree,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
            Files.delete(f);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
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
   * The process id in {@code name} if it has the shape {@code PREFIX<digits>.<more>SUFFIX} ({@code
   * SUFFIX} may be empty), else -1.
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
