package org.entente.spark;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of the test JVM (surefire runs the module's tests in one fork): local[2],
 * few shuffle partitions, no UI, everything it writes under target/spark-scratch.
 */
public final class SparkTests {
  private static SparkSession session;

  private SparkTests() {}

  /** The session, started on first use. */
  public static synchronized SparkSession session() {
    if (session == null) {
      Path scratch =
          Paths.get(System.getProperty("entente.spark.scratch", "target/spark-scratch"))
              .toAbsolutePath();
      System.setProperty("derby.system.home", scratch.resolve("derby").toString());
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("entente-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.ui.showConsoleProgress", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.default.parallelism", "2")
              .config("spark.sql.warehouse.dir", scratch.resolve("warehouse").toString())
              .config("spark.local.dir", scratch.resolve("tmp").toString())
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.datetime.java8API.enabled", "true")
              .getOrCreate();
    }
    return session;
  }
}
