package org.entente.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Expands the PATH arguments of {@code entente ingest}: files, directories and globs. */
public final class InputFiles {
  private InputFiles() {}

  /**
   * Regular files named by the arguments, in order, without repeats. A directory contributes its
   * regular files (recursively, sorted, hidden files skipped); an argument with {@code *}, {@code
   * ?} or {@code [} is a glob relative to the working directory (or absolute).
   *
   * @throws IllegalArgumentException naming an argument that matches nothing
   */
  public static List<Path> expand(List<String> args) {
    Set<Path> out = new LinkedHashSet<>();
    for (String a : args) {
      Path p = Paths.get(a);
      if (Files.isRegularFile(p)) {
        out.add(p.toAbsolutePath().normalize());
      } else if (Files.isDirectory(p)) {
        out.addAll(walk(p, null));
      } else if (a.contains("*") || a.contains("?") || a.contains("[")) {
        List<Path> m = glob(a);
        if (m.isEmpty()) {
          throw new IllegalArgumentException("no file matches " + a);
        }
        out.addAll(m);
      } else {
        throw new IllegalArgumentException("no such file or directory: " + a);
      }
    }
    return new ArrayList<>(out);
  }

  private static List<Path> glob(String pattern) {
    String norm = pattern.replace('\\', '/');
    int firstMeta = indexOfMeta(norm);
    int slash = norm.lastIndexOf('/', firstMeta);
    Path root = slash < 0 ? Paths.get("") : Paths.get(slash == 0 ? "/" : norm.substring(0, slash));
    String rest = slash < 0 ? norm : norm.substring(slash + 1);
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + rest);
    return walk(root.toAbsolutePath(), (Path rel) -> m.matches(rel));
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

  private static List<Path> walk(Path dir, java.util.function.Predicate<Path> relMatch) {
    Path base = dir.toAbsolutePath().normalize();
    try (Stream<Path> s = Files.walk(base)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> relMatch == null || relMatch.test(base.relativize(p)))
          .map(Path::normalize)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}
