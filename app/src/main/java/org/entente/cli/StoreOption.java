package org.entente.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine.Option;

/** The {@code --db} option shared by every command that reads or writes a store. */
final class StoreOption {
  static final String DEFAULT = "entente.duckdb";

  @Option(
      names = "--db",
      paramLabel = "FILE",
      description = {"DuckDB store file.", "Default: $ENTENTE_DB, else " + DEFAULT + "."})
  Path db;

  /** The store path: --db, else $ENTENTE_DB, else ./entente.duckdb. */
  Path path() {
    if (db != null) {
      return db;
    }
    String env = System.getenv("ENTENTE_DB");
    return Paths.get(env == null || env.isBlank() ? DEFAULT : env);
  }
}
