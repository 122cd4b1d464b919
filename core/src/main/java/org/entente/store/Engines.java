package org.entente.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.entente.store.duckdb.DuckDbStore;
import org.entente.store.duckdb.StoreSettings;

/**
 * The one factory that opens stores: commands and the server name an engine by word ({@code
 * duckdb}) and never its class. Only the embedded DuckDB engine is in this build; the Spark engine
 * (issue 10) is to plug in here.
 */
public final class Engines {
  /** The engines this build can open. */
  public static final List<String> NAMES = List.of("duckdb");

  /** The default engine. */
  public static final String DEFAULT = "duckdb";

  private Engines() {}

  /**
   * Where and how to open a store.
   *
   * @param engine an engine word ({@link #NAMES})
   * @param location the store (DuckDB: the file)
   * @param memoryLimit the engine's memory limit, e.g. 256MB (null: the default)
   * @param tempDirectory where the engine spills (null: its default)
   */
  public record Spec(String engine, Path location, String memoryLimit, Path tempDirectory) {
    /**
     * @throws IllegalArgumentException naming the engines of this build, or a bad memory limit
     */
    public Spec {
      engine = engine == null ? DEFAULT : engine.trim().toLowerCase(Locale.ROOT);
      if (!NAMES.contains(engine)) {
        throw new IllegalArgumentException(
            "engine '"
                + engine
                + "' is not in this build (engines: "
                + String.join(", ", NAMES)
                + ")");
      }
      settings(memoryLimit, tempDirectory);
    }

    /** The default engine on {@code location} with default settings. */
    public static Spec of(Path location) {
      return new Spec(DEFAULT, location, null, null);
    }

    StoreSettings settings() {
      return settings(memoryLimit, tempDirectory);
    }

    private static StoreSettings settings(String memoryLimit, Path tempDirectory) {
      return new StoreSettings(
          memoryLimit == null ? StoreSettings.DEFAULT_MEMORY_LIMIT : memoryLimit, tempDirectory);
    }
  }

  /**
   * Opens an existing store read-only (shared with other readers).
   *
   * @throws NotAStoreException if there is no store there or it is not one
   * @throws StoreException if the engine cannot open it (e.g. a writer holds it)
   */
  public static EventStore openReadOnly(Spec spec) {
    return DuckDbStore.openReadOnly(spec.location(), spec.settings());
  }

  /**
   * Opens (creating if needed) a store for writing.
   *
   * @throws NotAStoreException if the location holds something that is not a store
   * @throws StoreException if the engine cannot open it (e.g. another process holds it)
   */
  public static EventStore openForWriting(Spec spec) {
    return DuckDbStore.open(spec.location(), spec.settings());
  }
}
