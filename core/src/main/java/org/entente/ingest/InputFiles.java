package org.entente.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Expands the PATH arguments of {@code entente ingest}: files, directories and globs. Whatever a
 * directory or glob holds that is not loaded (hidden files, broken links, notes such as README or
 * PROVENANCE, checksum lists) is listed with the reason, never passed over in silence.
 */
public final class InputFiles {
  /**
   * Names of files that accompany data but hold none: notes, licences, checksum and size lists,
   * documents. Matched case-insensitively against a file's (or archive entry's) own name.
   */
  private static final Pattern NOT_DATA =
      Pattern.compile(
          "(readme|provenance|licen[cs]e|copying|notice|changelog|authors|citation)([._-].*)?"
              + "|.*\\.(md|markdown|rst|pdf|html?|docx?|xlsx?|odt|ods|ya?ml|json|xml|r|py|sh"
              + "|md5|sha1|sha256|sha512|sig|asc|png|jpe?g|gif|svg)"
              + "|md5sums?|sha\\d*sums?|checksums?(\\..*)?|filesizes(\\..*)?|manifest(\\..*)?",
          Pattern.CASE_INSENSITIVE);

  private InputFiles() {}

  /** A file or link found in a directory or glob and not loaded, with the reason. */
  public record Skipped(Path path, String reason) {}

  /** The files to load, in order, and what was passed over. */
  public record Expansion(List<Path> files, List<Skipped> skipped) {}

  /**
   * Why a file or archive entry of this name holds no event data ("not a data file (notes)"), or
   * null when it may. Only the name's last path element counts.
   */
  public static String notDataReason(String name) {
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    if (base.isEmpty()) {
      return null;
    }
    if (base.startsWith(".")) {
      return "hidden file";
    }
    if (NOT_DATA.matcher(base).matches()) {
      return "not a data file (notes, checksums or a document, judged by its name)";
    }
    return null;
  }

  /**
   * Regular files named by the arguments, in order, without repeats (see {@link #scan}).
   *
   * @throws IllegalArgumentException naming an argument that matches nothing
   */
  public static List<Path> expand(List<String> args) {
    return scan(args).files();
  }

  /**
   * The files named by the arguments, in order, without repeats, and what was passed over. A file
   * named as an argument is always taken. A directory contributes its regular files (recursively,
   * sorted); an argument with {@code *}, {@code ?} or {@code [} is a glob relative to the working
   * directory (or absolute). Inside directories and globs, hidden files and directories, broken
   * links and files that hold no data by their name (README, PROVENANCE.md, md5sums, ...) are
   * skipped and listed.
   *
   * @throws IllegalArgumentException naming an argument that matches nothing
   */
  public static Expansion scan(List<String> args) {
    Set<Path> out = new LinkedHashSet<>();
    Map<Path, Skipped> skipped = new LinkedHashMap<>();
    for (String a : args) {
      Path p = Paths.get(a);
      if (Files.isRegularFile(p)) {
        out.add(p.toAbsolutePath().normalize());
      } else if (Files.isDirectory(p)) {
        walk(p, null, out, skipped);
      } else if (a.contains("*") || a.contains("?") || a.contains("[")) {
        int before = out.size() + skipped.size();
        glob(a, out, skipped);
        if (out.size() + skipped.size() == before) {
          throw new IllegalArgumentException("no file matches " + a);
        }
      } else if (Files.exists(p)) {
        // a pipe, a process substitution <(...) (a link to a pipe), /dev/stdin, a device
        throw new IllegalArgumentException(
            a
                + " is not a regular file (a pipe, a process substitution or a device): save it"
                + " to a file and ingest that (a file is read twice, for its checksum and to load"
                + " it, and is recorded by its path)");
      } else if (Files.isSymbolicLink(p)) {
        throw new IllegalArgumentException("broken link: " + a + " points to nothing");
      } else {
        throw new IllegalArgumentException("no such file or directory: " + a);
      }
    }
    List<Skipped> sk = new ArrayList<>();
    for (Skipped s : skipped.values()) {
      if (!out.contains(s.path())) {
        sk.add(s);
      }
    }
    return new Expansion(new ArrayList<>(out), sk);
  }

  /**
   * Why a file found in a directory or glob is part of a store rather than event data (the store
   * itself, when it lies among the files ingested, or another), or null: a DuckDB database (by its
   * header) or a store's write-ahead log ({@code STORE.wal} beside a DuckDB database).
   */
  static String storeFileReason(Path f) {
    String name = f.getFileName().toString();
    if (name.endsWith(".wal")
        && org.entente.store.duckdb.DuckDbStore.isDatabaseFile(
            f.resolveSibling(name.substring(0, name.length() - 4)))) {
      return "a store's write-ahead log, not event data";
    }
    return org.entente.store.duckdb.DuckDbStore.isDatabaseFile(f)
        ? "a DuckDB database (a store), not event data"
        : null;
  }

  /** Whether {@code d} is DuckDB's spill folder of a store beside it ({@code STORE.tmp}). */
  static boolean storesSpillFolder(Path d) {
    String name = d.getFileName().toString();
    return name.endsWith(".tmp")
        && org.entente.store.duckdb.DuckDbStore.isDatabaseFile(
            d.resolveSibling(name.substring(0, name.length() - 4)));
  }

  private static void glob(String pattern, Set<Path> out, Map<Path, Skipped> skipped) {
    String norm = pattern.replace('\\', '/');
    int firstMeta = indexOfMeta(norm);
    int slash = norm.lastIndexOf('/', firstMeta);
    Path root = slash < 0 ? Paths.get("") : Paths.get(slash == 0 ? "/" : norm.substring(0, slash));
    String rest = slash < 0 ? norm : norm.substring(slash + 1);
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + rest);
    walk(root.toAbsolutePath(), m::matches, out, skipped);
  }

  private static int indexOfMeta(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return i;
      }
    }
    return s.length();
  }

  private static void walk(
      Path dir,
      java.util.function.Predicate<Path> relMatch,
      Set<Path> out,
      Map<Path, Skipped> skipped) {
    Path base = dir.toAbsolutePath().normalize();
    List<Path> found = new ArrayList<>();
    List<Skipped> passed = new ArrayList<>();
    try {
      Files.walkFileTree(
          base,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              if (!d.equals(base) && d.getFileName().toString().startsWith(".")) {
                if (relMatch == null) {
                  passed.add(new Skipped(d.normalize(), "hidden directory"));
                }
                return FileVisitResult.SKIP_SUBTREE;
              }
              if (!d.equals(base) && storesSpillFolder(d)) {
                if (relMatch == null) {
                  passed.add(new Skipped(d.normalize(), "a store's temporary folder"));
                }
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
              Path n = f.normalize();
              if (relMatch != null && !relMatch.test(base.relativize(n))) {
                return FileVisitResult.CONTINUE;
              }
              if (attrs.isSymbolicLink()) {
                // walkFileTree does not follow links: decide by the target
                if (!Files.exists(n)) {
                  passed.add(new Skipped(n, "broken link"));
                  return FileVisitResult.CONTINUE;
                }
                if (!Files.isRegularFile(n)) {
                  passed.add(new Skipped(n, "link to something other than a file"));
                  return FileVisitResult.CONTINUE;
                }
              } else if (!attrs.isRegularFile()) {
                passed.add(new Skipped(n, "not a regular file"));
                return FileVisitResult.CONTINUE;
              }
              String why = notDataReason(n.getFileName().toString());
              if (why == null) {
                why = storeFileReason(n);
              }
              if (why != null) {
                passed.add(new Skipped(n, why));
              } else {
                found.add(n);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              passed.add(new Skipped(f.normalize(), "cannot be read: " + e.getMessage()));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    found.sort(null);
    passed.sort((a, b) -> a.path().compareTo(b.path()));
    out.addAll(found);
    for (Skipped s : passed) {
      skipped.putIfAbsent(s.path(), s);
    }
  }
}
