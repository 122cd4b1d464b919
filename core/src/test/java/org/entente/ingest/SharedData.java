package org.entente.ingest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the public sample data in {@code ../shared/data} (relative to the module directory) by
 * walking up from the working directory. Tests that need it call {@link #dir} or {@link #file},
 * which skip the test with a message when the data is absent.
 */
public final class SharedData {
  private static final Path START = Paths.get("").toAbsolutePath();
  private static final Path ROOT = locate(START);

  private SharedData() {}

  private static Path locate(Path from) {
    for (Path d = from; d != null; d = d.getParent()) {
      Path candidate = d.resolve("shared").resolve("data");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Whether {@code shared/data/<name>} exists (for conditional checks without skipping). */
  public static boolean present(String name) {
    return ROOT != null && Files.exists(ROOT.resolve(name));
  }

  /** The folder {@code shared/data/<name>}; skips the calling test if it is absent. */
  public static Path dir(String name) {
    assumeTrue(
        ROOT != null, "skipped: no shared/data directory above " + START + " (public sample data)");
    Path p = ROOT.resolve(name);
    assumeTrue(Files.isDirectory(p), "skipped: " + p + " is absent");
    return p;
  }

  /** The seed essays, {@code shared/seeds}; skips the calling test if they are absent. */
  public static Path seeds() {
    Path p = ROOT == null ? null : ROOT.getParent().resolve("seeds");
    assumeTrue(p != null && Files.isDirectory(p), "skipped: no shared/seeds above " + START);
    return p;
  }

  /** The file {@code shared/data/<folder>/<name>}; skips the calling test if it is absent. */
  public static Path file(String folder, String name) {
    Path p = dir(folder).resolve(name);
    assumeTrue(Files.isRegularFile(p), "skipped: " + p + " is absent");
    return p;
  }
}
