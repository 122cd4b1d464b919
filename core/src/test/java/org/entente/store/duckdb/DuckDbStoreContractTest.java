package org.entente.store.duckdb;

import java.nio.file.Path;
import org.entente.store.EventStore;
import org.entente.store.EventStoreTestBase;

/** The engine contract on the embedded DuckDB store, in a real file. */
class DuckDbStoreContractTest extends EventStoreTestBase {
  @Override
  protected EventStore create(Path dir) {
    return DuckDbStore.open(dir.resolve("contract.duckdb"));
  }
}
