package org.entente.store.sql;

/**
 * The SQL dialect of an engine: the few functions whose names differ between the engines that run
 * the shared statements of this package. Everything else in them is common SQL that DuckDB and
 * Spark SQL read alike.
 */
public enum Dialect {
  /** DuckDB: exact sums ({@link ExactSum}), {@code strftime}. */
  DUCKDB,
  /** Spark SQL: exact sums in DECIMAL(38,0), {@code date_format} with Java date patterns. */
  SPARK;

  /**
   * A sum of doubles, exact in both engines ({@link ExactSum}: each term in 2^-60 units, the units
   * added as integers, the total rounded once), so its result does not depend on the order of the
   * rows (a plain sum gave 2.9 or 2.9000000000000004 between runs, as threads combined partial sums
   * in another order) and the engines agree. Spark adds the units as DECIMAL(38,0) (an overflow is
   * an error under its ANSI mode, the default) and rounds a term's units half up where DuckDB
   * rounds half to even, which differs only for terms below 2^-8 whose units end in exactly one
   * half.
   */
  String sum(String expr) {
    return sum(expr, null);
  }

  /** A sum of doubles over the rows that pass {@code filter} (a condition, or null for all). */
  String sum(String expr, String filter) {
    if (this == DUCKDB) {
      return ExactSum.sum(expr, filter);
    }
    return ExactSum.sparkSum(expr, filter);
  }

  /**
   * An inline table of {@code rows} (each a parenthesised list of literals) named {@code alias}
   * with {@code columns}, for a FROM clause.
   */
  String values(java.util.List<String> rows, String alias, String columns) {
    String list = String.join(", ", rows);
    return this == DUCKDB
        ? "(VALUES " + list + ") AS " + alias + "(" + columns + ")"
        : "VALUES " + list + " AS " + alias + "(" + columns + ")";
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
