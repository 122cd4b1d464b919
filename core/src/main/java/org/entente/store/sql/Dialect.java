package org.entente.store.sql;

/**
 * The SQL dialect of an engine: the few functions whose names differ between the engines that run
 * the shared statements of this package. Everything else in them is common SQL that DuckDB and
 * Spark SQL read alike.
 */
public enum Dialect {
  /** DuckDB: compensated summation ({@code fsum}), {@code strftime}. */
  DUCKDB,
  /** Spark SQL: {@code sum}, {@code date_format} with Java date patterns. */
  SPARK;

  /**
   * A sum of doubles. DuckDB's {@code fsum} is compensated, so its result does not depend on the
   * order in which threads combine partial sums (2.9 vs 2.9000000000000004 between runs); Spark has
   * no such function and its sums may differ from DuckDB's in the last bits.
   */
  String sum(String expr) {
    return (this == DUCKDB ? "fsum(" : "sum(") + expr + ")";
  }

  /** {@code date} formatted as {@code %Y-%m-%d}, {@code %Y-%m} or {@code %Y}. */
  String format(String date, String strftime) {
    if (this == DUCKDB) {
      return "strftime(" + date + ", '" + strftime + "')";
    }
    String java = strftime.replace("%Y", "yyyy").replace("%m", "MM").replace("%d", "dd");
    return "date_format(" + date + ", '" + java + "')";
  }
}
