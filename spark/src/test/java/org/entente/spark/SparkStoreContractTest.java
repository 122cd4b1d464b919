package org.entente.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.entente.store.EventStore;
import org.entente.store.EventStoreTestBase;
import org.entente.store.TempFilesTest;

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

  /**
   * Spark exports into a hidden folder beside the export, named by its process, and moves its one
   * part file out: a stopped export leaves the folder with Spark's part, checksum and marker files.
   */
  @Override
  protected Path leftByAStoppedExport(Path dir, long pid, long minutesAgo) throws IOException {
    Path tmp = Files.createDirectory(dir.resolve(".entente-export-dir." + pid + "." + minutesAgo));
    Path out = Files.createDirectories(tmp.resolve("out").resolve("_temporary").resolve("0"));
    List<Path> tree =
        List.of(
            TempFilesTest.file(out, "part-00000-1.csv", minutesAgo),
            TempFilesTest.file(out, ".part-00000-1.csv.crc", minutesAgo),
            out,
            out.getParent(),
            out.getParent().getParent(),
            tmp);
    for (Path p : tree) { // children first: setting a child's time does not touch its parent's
      Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(60 * minutesAgo)));
    }
    return tmp;
  }

  /** A lake keeps no GDELT 2.0 mentions yet: a mentions file fails its load, nothing kept. */
  @Override
  protected boolean keepsMentions() {
    return false;
  }
}
