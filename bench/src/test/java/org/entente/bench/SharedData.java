package org.entente.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates optional files of the project's shared data directory ({@code ../shared/data}). */
final class SharedData {

  private SharedData() {}

  /**
   * The file {@code shared/data/<relative>} in the working directory or one of its ancestors, or
   * {@code null} when there is none (tests then skip, saying so).
   */
  static Path find(String relative) {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("shared").resolve("data").resolve(relative);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
