package org.entente.store.duckdb;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Resource settings of an embedded store: DuckDB's memory limit (beyond it DuckDB spills to the
 * temporary directory instead of growing) and where it spills.
 *
 * @param memoryLimit DuckDB's {@code memory_limit}, e.g. {@code 512MB} or {@code 2GB}
 * @param tempDirectory DuckDB's {@code temp_directory}, or null for DuckDB's default (the store's
 *     path with {@code .tmp} appended)
 */
public record StoreSettings(String memoryLimit, Path tempDirectory) {
  /** The default memory limit: enough for every query of a 10⁷-event store, small beside a JVM. */
  public static final String DEFAULT_MEMORY_LIMIT = "256MB";

  /** The defaults: {@value #DEFAULT_MEMORY_LIMIT}, DuckDB's own temporary directory. */
  public static final StoreSettings DEFAULTS = new StoreSettings(DEFAULT_MEMORY_LIMIT, null);

  /**
   * @throws IllegalArgumentException if the memory limit is not a size such as 512MB or 2GB
   */
  public StoreSettings {
    if (memoryLimit == null
        || !memoryLimit
            .strip()
            .matches("(?i)[0-9]+(\\.[0-9]+)?\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)")) {
      throw new IllegalArgumentException(
          "memory limit '" + memoryLimit + "' is not a size such as 512MB or 2GB");
    }
    memoryLimit = memoryLimit.strip();
    if (bytes(memoryLimit) < MIN_MEMORY_BYTES) {
      throw new IllegalArgumentException(
          "memory limit '"
              + memoryLimit
              + "' is below 16MB, the least a store opens and loads with (the default is "
              + DEFAULT_MEMORY_LIMIT
              + ")");
    }
  }

  /** The least memory limit accepted: below it DuckDB cannot even open a store. */
  static final long MIN_MEMORY_BYTES = 16L << 20;

  /** A size such as {@code 512MB}, {@code 2 GiB} in bytes (KB and KiB alike: 1024). */
  static long bytes(String size) {
    String t = size.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
    int unit = 0;
    while (unit < t.length()
        && ((t.charAt(unit) >= '0' && t.charAt(unit) <= '9') || t.charAt(unit) == '.')) {
      unit++;
    }
    double v = Double.parseDouble(t.substring(0, unit));
    int shift =
        switch (t.charAt(unit)) {
          case 'K' -> 10;
          case 'M' -> 20;
          case 'G' -> 30;
          default -> 40;
        };
    return (long) Math.min(Long.MAX_VALUE, v * (1L << shift));
  }

  /** The JDBC connection properties that apply these settings. */
  Properties jdbcProperties() {
    Properties p = new Properties();
    p.setProperty("memory_limit", memoryLimit);
    if (tempDirectory != null) {
      p.setProperty("temp_directory", tempDirectory.toAbsolutePath().toString());
    }
    return p;
  }
}
