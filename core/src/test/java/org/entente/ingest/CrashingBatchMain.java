package org.entente.ingest;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.entente.cameo.Cameo;
import org.entente.store.EventStore;
import org.entente.store.duckdb.DuckDbStore;

/**
 * Run in a child JVM by {@link IngestorBatchTest}: ingests several small files into a store in one
 * call (so in a batch) and halts the JVM abruptly (no shutdown hooks, no rollback) when the first
 * event of the file named {@code NAME} is added, like a kill -9 with a batch half loaded.
 *
 * <p>Arguments: store file, NAME, input files.
 */
final class CrashingBatchMain {
  static final int EXIT_CODE = 78;

  private CrashingBatchMain() {}

  public static void main(String[] args) {
    EventStore store =
        FailingStores.failingFile(
            DuckDbStore.open(Paths.get(args[0])),
            args[1],
            "add",
            false,
            new AtomicInteger(),
            () -> Runtime.getRuntime().halt(EXIT_CODE));
    List<Path> files = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      files.add(Paths.get(args[i]));
    }
    Ingestor in = new Ingestor(store, Cameo.bundled());
    in.batchNanos = Long.MAX_VALUE; // the batch holds every file, however slow the machine
    in.ingest(files, IngestOptions.defaults(), IngestListener.NONE);
    Runtime.getRuntime().halt(1); // not reached if the crash happened
  }
}
