package org.entente.spark;

import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.entente.store.EngineProvider;
import org.entente.store.Engines;
import org.entente.store.EventStore;

/**
 * The {@code spark} engine ({@link SparkStore}), opened from {@code --lake} and {@code --master}.
 * One SparkSession per process: the first store opened starts it; under {@code spark-submit} it
 * takes the master and settings spark-submit gave unless {@code --master} names another.
 */
public final class SparkEngine implements EngineProvider {
  @Override
  public String name() {
    return "spark";
  }

  @Override
  public boolean listsInputs() {
    return true;
  }

  @Override
  public EventStore openReadOnly(Engines.Spec spec) {
    return SparkStore.openReadOnly(session(spec.master(), spec.tempDirectory()), spec.lake());
  }

  @Override
  public EventStore openForWriting(Engines.Spec spec) {
    return SparkStore.open(session(spec.master(), spec.tempDirectory()), spec.lake());
  }

  /**
   * The process's session: an existing one as it is, else a new one on {@code master} (null: what
   * spark-submit set, else {@link Engines#DEFAULT_MASTER}), spilling under {@code tempDir} (null:
   * Spark's default).
   */
  public static synchronized SparkSession session(String master, Path tempDir) {
    SparkSession active = SparkSession.getActiveSession().getOrElse(() -> null);
    if (active == null) {
      active = SparkSession.getDefaultSession().getOrElse(() -> null);
    }
    if (active != null) {
      return active;
    }
    SparkConf conf = new SparkConf();
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster(Engines.DEFAULT_MASTER);
    }
    conf.setIfMissing("spark.app.name", "entente");
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    conf.setIfMissing("spark.sql.shuffle.partitions", "8");
    conf.setIfMissing("spark.sql.session.timeZone", "UTC");
    conf.setIfMissing("spark.sql.datetime.java8API.enabled", "true");
    if (tempDir != null) {
      conf.set("spark.local.dir", tempDir.toAbsolutePath().toString());
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
