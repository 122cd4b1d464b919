package org.entente.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Files the repository ships under {@code docs/}, found from the module directory upwards. */
public final class RepoDocs {
  private RepoDocs() {}

  /** {@code docs/<relative>}. */
  public static Path file(String relative) {
    for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path f = d.resolve("docs").resolve(relative);
      if (Files.exists(f)) {
        return f;
      }
    }
    throw new IllegalStateException("docs/" + relative + " not found above the working directory");
  }
}
