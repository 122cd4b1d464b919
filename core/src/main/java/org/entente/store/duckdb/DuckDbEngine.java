package org.entente.store.duckdb;

import org.entente.store.EngineProvider;
import org.entente.store.Engines;
import org.entente.store.EventStore;

/** The {@code duckdb} engine: one embedded DuckDB file ({@link DuckDbStore}). */
public final class DuckDbEngine implements EngineProvider {
  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public EventStore openReadOnly(Engines.Spec spec) {
    return DuckDbStore.openReadOnly(spec.location(), spec.settings());
  }

  @Override
  public EventStore openForWriting(Engines.Spec spec) {
    return DuckDbStore.open(spec.location(), spec.settings());
  }
}
