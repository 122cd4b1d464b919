package org.entente.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.entente.store.duckdb.StoreSettings;

/**
 * The one factory that opens stores: commands and the server name an engine by word ({@code
 * duckdb}, {@code spark}) and never its class. Engines are found through {@link EngineProvider}
 * services: {@code duckdb} is in the core, {@code spark} in the module {@code entente-spark}, on
 * the classpath only when it is wanted.
 */
public final class Engines {
  /** The engines Entente knows, whether or not this classpath holds them. */
  public static final List<String> NAMES = List.of("duckdb", "spark");

  /** The default engine. */
  public static final String DEFAULT = "duckdb";

  /** The default Spark master: in this process, on every core. */
  public static final String DEFAULT_MASTER = "local[*]";

  private Engines() {}

  /**
   * Where and how to open a store.
   *
   * @param engine an engine word ({@link #NAMES})
   * @param location the DuckDB store file (null for other engines)
   * @param memoryLimit the engine's memory limit, e.g. 256MB (null: the default)
   * @param tempDirectory where the engine spills (null: its default)
   * @param lake the lake directory of the Spark engine, any Hadoop path ({@code /data/lake}, {@code
   *     hdfs://nn/lake}, {@code s3a://bucket/lake}); null for DuckDB
   * @param master the Spark master URL; null for the default ({@link #DEFAULT_MASTER}, or what
   *     {@code spark-submit} set)
   */
  public record Spec(
      String engine,
      Path location,
      String memoryLimit,
      Path tempDirectory,
      String lake,
      String master) {
    /**
     * @throws IllegalArgumentException naming the known engines, or a bad memory limit
     */
    public Spec {
      engine = engine == null ? DEFAULT : engine.trim().toLowerCase(Locale.ROOT);
      if (!NAMES.contains(engine)) {
        throw new IllegalArgumentException(
            "unknown engine '" + engine + "' (engines: " + String.join(", ", NAMES) + ")");
      }
      settings(memoryLimit, tempDirectory);
    }

    /** A DuckDB-style spec: {@code location} is the store file. */
    public Spec(String engine, Path location, String memoryLimit, Path tempDirectory) {
      this(engine, location, memoryLimit, tempDirectory, null, null);
    }

    /** The default engine on {@code location} with default settings. */
    public static Spec of(Path location) {
      return new Spec(DEFAULT, location, null, null);
    }

    /** The DuckDB settings of this spec. */
    public StoreSettings settings() {
      return settings(memoryLimit, tempDirectory);
    }

    private static StoreSettings settings(String memoryLimit, Path tempDirectory) {
      return new StoreSettings(
          memoryLimit == null ? StoreSettings.DEFAULT_MEMORY_LIMIT : memoryLimit, tempDirectory);
    }
  }

  /** The engines on this classpath, by word. */
  private static Map<String, EngineProvider> providers() {
    Map<String, EngineProvider> out = new TreeMap<>();
    for (EngineProvider p :
        ServiceLoader.load(EngineProvider.class, Engines.class.getClassLoader())) {
      out.put(p.name(), p);
    }
    return out;
  }

  /** Whether the engine {@code name} is on this classpath. */
  public static boolean available(String name) {
    return providers().containsKey(name);
  }

  /**
   * The provider of {@code engine}.
   *
   * @throws IllegalArgumentException if the engine is not on this classpath, saying how to get it
   */
  public static EngineProvider provider(String engine) {
    EngineProvider p = providers().get(engine);
    if (p == null) {
      throw new IllegalArgumentException(
          "engine '"
              + engine
              + "' is not on this classpath: it is the module entente-spark. Run it through the"
              + " launcher (./entente ... --engine "
              + engine
              + ", which builds spark/target/entente-spark.jar and puts it and Spark on the"
              + " classpath), or with spark-submit and spark/target/entente-spark-submit.jar (see"
              + " docs/spark.md)");
    }
    return p;
  }

  /**
   * Opens an existing store read-only (shared with other readers).
   *
   * @throws NotAStoreException if there is no store there or it is not one
   * @throws StoreException if the engine cannot open it (e.g. a writer holds it)
   * @throws IllegalArgumentException if the engine is not on this classpath
   */
  public static EventStore openReadOnly(Spec spec) {
    return provider(spec.engine()).openReadOnly(spec);
  }

  /**
   * Opens (creating if needed) a store for writing.
   *
   * @throws NotAStoreException if the location holds something that is not a store
   * @throws StoreException if the engine cannot open it (e.g. another process holds it)
   * @throws IllegalArgumentException if the engine is not on this classpath
   */
  public static EventStore openForWriting(Spec spec) {
    return provider(spec.engine()).openForWriting(spec);
  }
}
