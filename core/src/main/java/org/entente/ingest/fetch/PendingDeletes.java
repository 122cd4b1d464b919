package org.entente.ingest.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The raw files a {@code fetch --delete-after-ingest} downloaded and has not deleted yet, one
 * absolute path a line in {@code DIR/.fetch-delete-pending}. A file is recorded (and forced to
 * disk) before it gets its final name, so a run killed between a download and the audit checkpoint
 * that deletes it leaves a record: the rerun, finding the file verified under its final name,
 * deletes it once ingested, as the killed run would have. A file the user put there is never in the
 * record, and is never deleted. Paths whose files are gone are dropped when the record is read.
 *
 * <p>Thread-safe: the download threads add, the ingesting thread asks and removes.
 */
final class PendingDeletes {
  /** The record's name in the fetch directory (hidden: an ingest of the directory skips it). */
  static final String NAME = ".fetch-delete-pending";

  private final Path file;
  private final Set<String> paths = new LinkedHashSet<>();

  private PendingDeletes(Path file) {
    this.file = file;
  }

  /**
   * Reads the record of {@code dir} (none yet: empty).
   *
   * @throws UncheckedIOException if it exists and cannot be read
   */
  static PendingDeletes load(Path dir) {
    PendingDeletes p = new PendingDeletes(dir.resolve(NAME));
    if (Files.exists(p.file)) {
      try {
        for (String line : Files.readAllLines(p.file, StandardCharsets.UTF_8)) {
          if (!line.isEmpty() && Files.exists(Path.of(line))) {
            p.paths.add(line);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + p.file + ": " + e.getMessage(), e);
      }
    }
    return p;
  }

  private static String key(Path p) {
    return p.toAbsolutePath().normalize().toString();
  }

  /** Records {@code target} as downloaded by this tool to be deleted, on disk before returning. */
  synchronized void add(Path target) throws IOException {
    String k = key(target);
    if (k.indexOf('\n') >= 0 || k.indexOf('\r') >= 0) {
      throw new IOException("a path with a line break cannot be recorded: " + k);
    }
    try (FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer b = ByteBuffer.wrap((k + "\n").getBytes(StandardCharsets.UTF_8));
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
    paths.add(k);
  }

  /** Whether {@code target} was downloaded by a run with {@code --delete-after-ingest}. */
  synchronized boolean contains(Path target) {
    return paths.contains(key(target));
  }

  /**
   * Drops {@code deleted} from the record, rewritten whole (a temporary file renamed over it), or
   * removed when nothing is left.
   */
  synchronized void removeAll(Collection<Path> deleted) throws IOException {
    boolean changed = false;
    for (Path p : deleted) {
      changed |= paths.remove(key(p));
    }
    if (!changed && !paths.isEmpty()) {
      return;
    }
    if (paths.isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    Path temp = file.resolveSibling(NAME + ".tmp");
    StringBuilder text = new StringBuilder();
    for (String k : paths) {
      text.append(k).append('\n');
    }
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
