package org.entente.store.duckdb;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * A query connection of the store's pool with the statements it has prepared, by SQL text. A dyad
 * query is one of a few dozen SQL texts with different parameters; preparing (parsing, binding,
 * planning) took about a sixth of each small query, and a statement prepared once is executed again
 * with new parameters. At most {@value #STATEMENTS} statements are kept, the least recently used
 * closed first. Used by one thread at a time (the pool lends it to one query).
 */
final class PooledConnection {
  /** Prepared statements kept per connection. */
  static final int STATEMENTS = 32;

  private final DuckDBConnection connection;
  private final Map<String, PreparedStatement> statements =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
          if (size() <= STATEMENTS) {
            return false;
          }
          closeQuietly(eldest.getValue());
          return true;
        }
      };

  PooledConnection(DuckDBConnection connection) {
    this.connection = connection;
  }

  DuckDBConnection connection() {
    return connection;
  }

  /**
   * The statement for {@code sql}, prepared on first use, its parameters cleared. The caller binds,
   * executes and closes the result set, but not the statement.
   */
  PreparedStatement prepared(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      statements.put(sql, ps);
    } else {
      ps.clearParameters();
    }
    return ps;
  }

  /** Closes the statements, then the connection; errors are ignored (it is gone either way). */
  void close() {
    statements.values().forEach(PooledConnection::closeQuietly);
    statements.clear();
    try {
      connection.close();
    } catch (SQLException e) {
      // the connection is gone either way
    }
  }

  private static void closeQuietly(PreparedStatement ps) {
    try {
      ps.close();
    } catch (SQLException e) {
      // the statement is gone either way
    }
  }
}
