package org.entente.store.duckdb;

import java.io.IOException;
import java.nio.file.Path;
import org.entente.store.EventStore;
import org.entente.store.EventStoreTestBase;
import org.entente.store.TempFilesTest;

/** The engine contract on the embedded DuckDB store, in a real file. */
class DuckDbStoreContractTest extends EventStoreTestBase {
  @Override
  protected EventStore create(Path dir) {
    return DuckDbStore.open(dir.resolve("contract.duckdb"));
  }

  /** The embedded store exports through a hidden file beside the export, named by its process. */
  @Override
  protected Path leftByAStoppedExport(Path dir, long pid, long minutesAgo) throws IOException {
    return TempFilesTest.file(
        dir, ".entente-export-" + pid + "." + minutesAgo + ".csv", minutesAgo);
  }
}
