package org.entente.ingest.fetch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The raw files a {@code fetch --delete-after-ingest} downloaded and has not deleted yet, in {@code
 * DIR/.fetch-delete-pending}: per file a line of its absolute path, its file key (device and
 * inode), size, modification time and change time, TAB-separated. A download is recorded (and
 * forced to disk) as soon as it has its final name, so a run killed between an ingest and the audit
 * checkpoint that deletes the file leaves a record; the rerun deletes the file once ingested, as
 * the killed run would have, but only if the file under that name is still the very file downloaded
 * (same key, size and times): a copy the user put there, even of the same bytes with the same
 * modification time ({@code cp -p}, which may even reuse the inode), has another change time, which
 * no user can set, and is never deleted. A file system without file keys or change times records
 * nothing (its downloads are kept if a run stops before deleting them). A run without {@code
 * --delete-after-ingest} drops the record ({@link #discard}): the files it finds are then kept, as
 * files that were already there. Lines that cannot be read, and files that are gone, are dropped
 * when the record is read.
 *
 * <p>Thread-safe: the download threads add, the ingesting thread asks and removes.
 */
final class PendingDeletes {
  /** The record's name in the fetch directory (hidden: an ingest of the directory skips it). */
  static final String NAME = ".fetch-delete-pending";

  private final Path file;

  /** Identity ({@link #identity}) by absolute path. */
  private final Map<String, String> entries = new LinkedHashMap<>();

  /** Lines of the record read that could not be used. */
  private int unreadable;

  private PendingDeletes(Path file) {
    this.file = file;
  }

  /** Reads the record of {@code dir} (none yet: empty); a record that cannot be read is empty. */
  static PendingDeletes load(Path dir) {
    PendingDeletes p = new PendingDeletes(dir.resolve(NAME));
    if (!Files.exists(p.file)) {
      return p;
    }
    String text;
    try {
      // malformed bytes become U+FFFD: such a line names no file, and is dropped
      text = new String(Files.readAllBytes(p.file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      p.unreadable++;
      return p;
    }
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        p.unreadable++;
        continue;
      }
      String path = line.substring(0, tab);
      String identity = line.substring(tab + 1);
      try {
        if (identity.equals(identity(Path.of(path)))) {
          p.entries.put(path, identity);
        }
      } catch (InvalidPathException e) {
        p.unreadable++;
      }
    }
    return p;
  }

  /** Removes the record of {@code dir}, if any (a run that keeps its raw files). */
  static void discard(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve(NAME));
  }

  /** Lines of the record that could not be used when it was read (dropped). */
  int unreadable() {
    return unreadable;
  }

  /**
   * The identity of the file at {@code p} (file key, size, modification and change times in
   * nanoseconds), or null if it does not exist, is no regular file, or has no file key or change
   * time.
   */
  private static String identity(Path p) {
    try {
      BasicFileAttributes a =
          Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!a.isRegularFile() || a.fileKey() == null) {
        return null;
      }
      Object ctime = Files.getAttribute(p, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
      if (!(ctime instanceof FileTime c)) {
        return null;
      }
      return a.fileKey()
          + "\t"
          + a.size()
          + "\t"
          + a.lastModifiedTime().to(TimeUnit.NANOSECONDS)
          + "\t"
          + c.to(TimeUnit.NANOSECONDS);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String key(Path p) {
    return p.toAbsolutePath().normalize().toString();
  }

  /**
   * Records {@code target}, just downloaded under its final name, as downloaded by this tool to be
   * deleted; on disk before returning.
   *
   * @return false when it cannot be recorded for what it is (a path with a TAB or a line break, a
   *     file system without file keys or change times): it is then kept if the run stops before
   *     deleting it
   */
  synchronized boolean add(Path target) throws IOException {
    String k = key(target);
    String id = identity(target);
    if (id == null || k.indexOf('\t') >= 0 || k.indexOf('\n') >= 0 || k.indexOf('\r') >= 0) {
      return false;
    }
    try (FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer b = ByteBuffer.wrap((k + "\t" + id + "\n").getBytes(StandardCharsets.UTF_8));
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
    entries.put(k, id);
    return true;
  }

  /**
   * Whether {@code target} is a file a run with {@code --delete-after-ingest} downloaded, still as
   * it was downloaded (same file key, size, modification and change times).
   */
  synchronized boolean contains(Path target) {
    String id = entries.get(key(target));
    return id != null && id.equals(identity(target));
  }

  /**
   * Drops {@code deleted} from the record, rewritten whole (a temporary file renamed over it), or
   * removed when nothing is left.
   */
  synchronized void removeAll(Collection<Path> deleted) throws IOException {
    boolean changed = unreadable > 0;
    for (Path p : deleted) {
      changed |= entries.remove(key(p)) != null;
    }
    if (!changed) {
      return;
    }
    unreadable = 0;
    if (entries.isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    Path temp = file.resolveSibling(NAME + ".tmp");
    StringBuilder text = new StringBuilder();
    entries.forEach((k, id) -> text.append(k).append('\t').append(id).append('\n'));
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
