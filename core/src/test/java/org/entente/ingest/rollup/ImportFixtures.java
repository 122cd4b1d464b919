package org.entente.ingest.rollup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entente.cameo.Cameo;
import org.entente.ingest.FileReport;
import org.entente.ingest.IngestListener;
import org.entente.ingest.Ingestor;
import org.entente.store.EventStore;

/** Test helpers: copies a fixture of {@code src/test/resources/ingest/rollup} and imports files. */
public final class ImportFixtures {
  private ImportFixtures() {}

  /** Copies fixture {@code name} into {@code dir}. */
  static Path copy(String name, Path dir) {
    try (InputStream in = ImportFixtures.class.getResourceAsStream("/ingest/rollup/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      Path p = dir.resolve(name);
      Files.copy(in, p);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Imports {@code file} into {@code store}. */
  public static FileReport importFile(EventStore store, Path file, Imports.Options o) {
    try {
      return new Ingestor(store, Cameo.bundled())
          .importFile(
              file, Imports.factory(o, Cameo.bundled(), store.sources()), IngestListener.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
