package org.entente.spark;

import java.nio.file.Path;
import org.entente.store.EventStore;
import org.entente.store.EventStoreTestBase;

/** The engine contract on the Spark engine: a lake in a local directory, Spark in local mode. */
class SparkStoreContractTest extends EventStoreTestBase {
  @Override
  protected EventStore create(Path dir) {
    return SparkStore.open(SparkTests.session(), dir.resolve("lake").toString());
  }

  /**
   * Each query is a few Spark jobs (0.6 s in local mode on this 2-core machine, where all 960 cases
   * took 20 minutes): every 37th case, 26 in all, which covers every value of every dimension.
   */
  @Override
  protected int queryMatrixStride() {
    return 37;
  }

  /** A lake keeps no GDELT 2.0 mentions yet: a mentions file fails its load, nothing kept. */
  @Override
  protected boolean keepsMentions() {
    return false;
  }
}
