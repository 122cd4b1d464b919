package org.entente.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.entente.store.Engines;
import org.entente.store.EventStore;
import org.entente.store.NotAStoreException;
import org.entente.store.duckdb.StoreSettings;
import picocli.CommandLine.Option;

/**
 * The {@code --db} option shared by every command that reads or writes a store, and the one place
 * where commands open stores: readers open them read-only (so any number of readers, an {@code
 * entente serve} among them, share a file), writers read-write; a path that is not a store is
 * refused untouched.
 */
final class StoreOption {
  static final String DEFAULT = "entente.duckdb";

  @Option(
      names = "--db",
      paramLabel = "FILE",
      description = {"DuckDB store file.", "Default: $ENTENTE_DB, else " + DEFAULT + "."})
  Path db;

  @Option(
      names = "--engine",
      paramLabel = "NAME",
      description = {
        "Store engine: duckdb (a store file, --db) or spark (a Parquet lake, --lake). Default:"
            + " duckdb."
      })
  String engine;

  @Option(
      names = "--lake",
      paramLabel = "DIR",
      description = {
        "The Spark engine's lake: any Hadoop path (a local directory, hdfs://..., s3a://...)."
      })
  String lake;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = {
        "Spark master URL (default: " + Engines.DEFAULT_MASTER + ", or what spark-submit set)."
      })
  String master;

  @Option(
      names = "--memory-limit",
      paramLabel = "SIZE",
      description = {
        "Memory the store engine may use before spilling to disk (default: "
            + StoreSettings.DEFAULT_MEMORY_LIMIT
            + ")."
      })
  String memoryLimit;

  @Option(
      names = "--temp-dir",
      paramLabel = "DIR",
      description = {"Where the store engine spills (default: the store's path + .tmp)."})
  Path tempDir;

  /** The store path: --db, else $ENTENTE_DB, else ./entente.duckdb. */
  Path path() {
    if (db != null) {
      return db;
    }
    String env = System.getenv("ENTENTE_DB");
    return Paths.get(env == null || env.isBlank() ? DEFAULT : env);
  }

  /**
   * The engine, store and settings the options name.
   *
   * @throws UsageException for an unknown engine, one not on this classpath, or a location option
   *     of the other engine
   */
  Engines.Spec spec() {
    try {
      Engines.Spec s = new Engines.Spec(engine, path(), memoryLimit, tempDir, lake, master);
      if (duckdb(s)) {
        if (lake != null || master != null) {
          throw new UsageException(
              "--lake and --master are options of the spark engine; add --engine spark (or"
                  + " drop them to use the DuckDB store "
                  + path()
                  + ")");
        }
      } else {
        if (db != null) {
          throw new UsageException(
              "--db names a DuckDB store file; the " + s.engine() + " engine reads --lake DIR");
        }
        if (lake == null || lake.isBlank()) {
          throw new UsageException(
              "the " + s.engine() + " engine needs --lake DIR (a local, hdfs:// or s3a:// path)");
        }
      }
      Engines.provider(s.engine());
      return s;
    } catch (IllegalArgumentException e) {
      throw UsageException.of(e);
    }
  }

  private static boolean duckdb(Engines.Spec s) {
    return s.engine().equals("duckdb");
  }

  /**
   * Opens the existing store read-only.
   *
   * @throws UsageException if there is no store at the path (naming the stores in sight) or the
   *     path is not a store
   */
  EventStore openForReading() {
    return openForReading(existing());
  }

  /** {@link #spec}, refusing a DuckDB path with no store (naming the stores in sight). */
  private Engines.Spec existing() {
    Engines.Spec s = spec();
    if (duckdb(s) && !Files.exists(path())) {
      throw new UsageException(noStoreMessage(path()));
    }
    return s;
  }

  /**
   * Opens (creating if needed) the store for writing.
   *
   * @throws UsageException if the path exists and is not a store
   */
  EventStore openForWriting() {
    return openForWriting(spec());
  }

  /**
   * Opens the existing store for writing, refusing (as {@link #openForReading} does) a path with no
   * store instead of creating one.
   */
  EventStore openExistingForWriting() {
    return openForWriting(existing());
  }

  /** Opens the store of {@code spec} for writing; a path that is not a store is a usage error. */
  static EventStore openForWriting(Engines.Spec spec) {
    try {
      return Engines.openForWriting(spec);
    } catch (NotAStoreException e) {
      throw UsageException.of(e);
    }
  }

  /** Opens the store of {@code spec} read-only; a path that is not a store is a usage error. */
  static EventStore openForReading(Engines.Spec spec) {
    try {
      return Engines.openReadOnly(spec);
    } catch (NotAStoreException e) {
      throw UsageException.of(e);
    }
  }

  /** "No store at X", with the stores in the working directory and how to choose one. */
  static String noStoreMessage(Path p) {
    StringBuilder m = new StringBuilder("no store at " + p);
    List<Path> seen = storesInSight(p);
    if (seen.isEmpty()) {
      m.append(
          ". Create one with 'entente ingest FILE...' (or 'entente demo' for the bundled"
              + " chronology).");
    } else {
      m.append(". Stores in sight: ");
      for (int i = 0; i < seen.size(); i++) {
        m.append(i == 0 ? "" : ", ").append(seen.get(i));
      }
      m.append(". Choose one with --db, e.g. --db ").append(seen.get(0));
      m.append(" (or set ENTENTE_DB).");
    }
    return m.toString();
  }

  /** The *.duckdb files in the working directory and in the missing store's directory. */
  static List<Path> storesInSight(Path missing) {
    List<Path> dirs = new ArrayList<>();
    dirs.add(Paths.get(""));
    Path parent = missing.toAbsolutePath().getParent();
    if (parent != null && !parent.equals(Paths.get("").toAbsolutePath())) {
      dirs.add(parent);
    }
    List<Path> out = new ArrayList<>();
    for (Path d : dirs) {
      try (Stream<Path> s = Files.list(d.toString().isEmpty() ? Paths.get(".") : d)) {
        s.filter(f -> f.getFileName().toString().endsWith(".duckdb"))
            // by its header: an empty file or a link to a CSV named *.duckdb is no store
            .filter(org.entente.store.duckdb.DuckDbStore::isDatabaseFile)
            .map(f -> d.toString().isEmpty() ? f.getFileName() : f)
            .sorted(
                (a, b) -> {
                  // the demo store first: it is the one a new user has
                  boolean da = a.getFileName().toString().startsWith("entente-demo");
                  boolean db = b.getFileName().toString().startsWith("entente-demo");
                  return da == db ? a.compareTo(b) : da ? -1 : 1;
                })
            .forEach(out::add);
      } catch (IOException e) {
        // nothing in sight there
      }
    }
    return out;
  }
}
