package org.entente.store;

/**
 * An engine that {@link Engines} can open, found through {@link java.util.ServiceLoader}: an engine
 * module lists its provider in {@code META-INF/services/org.entente.store.EngineProvider}. The core
 * provides {@code duckdb}; the spark module provides {@code spark}.
 */
public interface EngineProvider {
  /** The engine's word, as {@code --engine} takes it (lower case). */
  String name();

  /**
   * Opens an existing store read-only.
   *
   * @throws NotAStoreException if there is no store at the spec's location or it is not one
   * @throws StoreException if the engine cannot open it
   */
  EventStore openReadOnly(Engines.Spec spec);

  /**
   * Opens (creating if needed) a store for writing.
   *
   * @throws NotAStoreException if the location holds something that is not a store
   * @throws StoreException if the engine cannot open it
   */
  EventStore openForWriting(Engines.Spec spec);

  /**
   * Whether the engine's stores list the input files of an ingest themselves ({@link
   * EventStore#inputs}, e.g. on Hadoop file systems); if not, the caller reads local files.
   */
  default boolean listsInputs() {
    return false;
  }
}
