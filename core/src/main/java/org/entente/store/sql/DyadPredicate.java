package org.entente.store.sql;

import java.util.List;
import org.entente.store.DyadQuery;

/** The SQL predicate selecting a dyad's rows, shared by the event-level and the rollup SQL. */
public final class DyadPredicate {
  private DyadPredicate() {}

  /**
   * Appends the pair condition on {@code actor1_country}/{@code actor2_country} (one direction, or
   * both for an undirected dyad), and on {@code source} when the query names a data source, to
   * {@code where} and its values to {@code params}.
   */
  public static void append(DyadQuery q, StringBuilder where, List<Object> params) {
    if (q.directed()) {
      where.append("(actor1_country = ? AND actor2_country = ?)");
      params.add(q.source());
      params.add(q.target());
    } else {
      where.append(
          "((actor1_country = ? AND actor2_country = ?) OR (actor1_country = ? AND actor2_country"
              + " = ?))");
      params.add(q.source());
      params.add(q.target());
      params.add(q.target());
      params.add(q.source());
    }
    if (q.dataSource() != null) {
      where.append(" AND source = ?");
      params.add(q.dataSource());
    }
  }
}
