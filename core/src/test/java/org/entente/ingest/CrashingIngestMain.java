package org.entente.ingest;

import java.nio.file.Paths;
import org.entente.cameo.Cameo;
import org.entente.store.EventStore;
import org.entente.store.duckdb.DuckDbStore;

/**
 * Run in a child JVM by {@link IngestorAtomicityTest}: ingests a file into a store and halts the
 * JVM abruptly (no shutdown hooks, no finally blocks, no rollback) once a number of events have
 * been added, like a crash or a kill -9 in the middle of a file.
 *
 * <p>Arguments: store file, input file, events to add before halting.
 */
final class CrashingIngestMain {
  static final int EXIT_CODE = 77;

  private CrashingIngestMain() {}

  public static void main(String[] args) {
    EventStore store =
        FailingStores.failing(
            DuckDbStore.open(Paths.get(args[0])),
            "add",
            Integer.parseInt(args[2]),
            () -> Runtime.getRuntime().halt(EXIT_CODE));
    new Ingestor(store, Cameo.bundled())
        .ingestFile(Paths.get(args[1]), IngestOptions.defaults(), IngestListener.NONE);
    Runtime.getRuntime().halt(1); // not reached if the crash happened
  }
}
