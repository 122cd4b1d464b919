package org.entente.store.duckdb;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.entente.store.DyadQuery;
import org.entente.store.sql.DyadPredicate;
import org.entente.store.sql.ExactSum;

/**
 * The dyad-month-code rollup (schema version 7): per (data source, actor-1 country, actor-2
 * country, month, event code, quad class, state-actor flag, GOV–GOV flag, root-event flag,
 * statement flag) the event count and Σw for every weighting. It answers the event-code counts of
 * {@code character} ({@link org.entente.store.CodeCount}) without scanning the events, as {@link
 * RollupSql}'s table answers the dyad aggregates, and is kept up to date in the same transaction as
 * each load. On the synthetic store of 10⁷ events ({@code entente bench api --rows 10000000}) the
 * code counts of one dyad took 215–239 ms over the events and 28–46 ms over this table (its rows
 * read as numbers).
 *
 * <p>Counts are exact; the sums Σw are exact counts of 2^-60 units ({@link ExactSum}), as {@link
 * RollupSql}'s, so they equal the event-level sums bit for bit.
 */
final class CodeRollupSql {
  static final String TABLE = "dyad_month_codes";

  /** The columns that name a row (not a PRIMARY KEY: see {@link RollupSql#KEY}). */
  static final String KEY =
      "source, actor1_country, actor2_country, month, event_code, quad_class, state_actors,"
          + " gov, root_event, statement";

  /** The sums, as BIGINT pairs like {@link RollupSql}'s. */
  private static final String[] SUMS = {"w_articles", "w_sources", "w_mentions", "w_logmentions"};

  static final String COLUMNS =
      "source VARCHAR NOT NULL, actor1_country VARCHAR NOT NULL, actor2_country VARCHAR NOT NULL,"
          + " month DATE NOT NULL, event_code VARCHAR NOT NULL, quad_class TINYINT NOT NULL,"
          + " state_actors BOOLEAN NOT NULL, gov BOOLEAN NOT NULL, root_event BOOLEAN NOT NULL,"
          + " statement BOOLEAN NOT NULL, n BIGINT NOT NULL, "
          + RollupSql.pairColumns(SUMS);

  private final String sql;
  private final List<Object> params;
  private final List<String> countries;

  private CodeRollupSql(String sql, List<Object> params, List<String> countries) {
    this.sql = sql;
    this.params = params;
    this.countries = countries;
  }

  /**
   * The rollup rows of the events in {@code relation} (a table with the events' columns): the flags
   * are the filters of {@link DyadQuery} (state-only, statements, root events) and the GOV–GOV test
   * of {@link org.entente.store.sql.AggregateSql#codeCounts()}; the weights are its weightings.
   */
  static String rollupOf(String relation) {
    return "SELECT source, actor1_country, actor2_country, CAST(date_trunc('month', event_date) AS"
        + " DATE), event_code, quad_class, coalesce(actor1_type IN ('GOV', 'MIL') AND actor2_type"
        + " IN ('GOV', 'MIL'), false), coalesce(actor1_type = 'GOV' AND actor2_type = 'GOV',"
        + " false), coalesce(is_root, true), root_code = '01', count(*),"
        + " "
        + ExactSum.split("sum(" + ExactSum.units("coalesce(num_articles, 1)") + ")")
        + ", "
        + ExactSum.split("sum(" + ExactSum.units("coalesce(num_sources, 1)") + ")")
        + ", "
        + ExactSum.split("sum(" + ExactSum.units("coalesce(num_mentions, 1)") + ")")
        + ", "
        + ExactSum.split("sum(" + ExactSum.units("coalesce(ln(1 + num_mentions), 1.0)") + ")")
        + " FROM "
        + relation
        + " WHERE actor1_country IS NOT NULL AND actor2_country IS NOT NULL GROUP BY 1, 2, 3, 4, 5,"
        + " 6, 7, 8, 9, 10";
  }

  /** Adds the rollup of {@code relation} to the table (an upsert that adds the sums). */
  static String mergeFrom(String relation) {
    return RollupSql.merge(TABLE, rollupOf(relation), KEY, new String[] {"n"}, SUMS);
  }

  /**
   * The code counts of {@code q} in the columns and order of {@link
   * org.entente.store.sql.AggregateSql#codeCounts()}.
   *
   * @throws IllegalArgumentException if the rollup cannot answer {@code q} ({@link
   *     RollupSql#supports})
   */
  static CodeRollupSql of(DyadQuery q) {
    return of(q, TABLE);
  }

  /** {@link #of(DyadQuery)} read from {@code rollup}: {@link #TABLE} or {@link #withPending}. */
  static CodeRollupSql of(DyadQuery q, String rollup) {
    StringBuilder where = new StringBuilder();
    List<Object> params = new ArrayList<>();
    DyadPredicate.append(q, where, params);
    return of(q, where, params, new java.util.TreeSet<>(List.of(q.source(), q.target())), rollup);
  }

  /**
   * The code rollup to read: {@link #TABLE}, or with the pending files' events rolled up on the fly
   * ({@code pending}), as {@link RollupSql#withPending}.
   */
  static String withPending(boolean pending) {
    return pending ? WITH_PENDING : TABLE;
  }

  /** {@link #withPending} while files are pending, built once. */
  private static final String WITH_PENDING =
      RollupSql.withPendingRows(TABLE, rollupOf(RollupSql.PENDING_EVENTS));

  /**
   * The code counts of several queries that differ only in their dyads ({@link
   * RollupSql#sameShape}), read in one scan of the rows among their countries: {@link #readAll}
   * gives each query's counts.
   *
   * @throws IllegalArgumentException if the queries are not all of one shape, or the rollup cannot
   *     answer them
   */
  static CodeRollupSql ofMany(List<DyadQuery> queries) {
    return ofMany(queries, TABLE);
  }

  /** {@link #ofMany(List)} read from {@code rollup} ({@link #TABLE} or {@link #withPending}). */
  static CodeRollupSql ofMany(List<DyadQuery> queries, String rollup) {
    DyadQuery first = queries.get(0);
    for (DyadQuery q : queries) {
      if (!RollupSql.sameShape(first, q)) {
        throw new IllegalArgumentException(q + " is not of the shape of " + first);
      }
    }
    java.util.SortedSet<String> countries = RollupSql.countriesOf(queries);
    List<Object> params = new ArrayList<>();
    StringBuilder where = RollupSql.amongCountries(first, countries, params);
    return of(first, where, params, countries, rollup);
  }

  private static CodeRollupSql of(
      DyadQuery q,
      StringBuilder where,
      List<Object> params,
      java.util.SortedSet<String> countries,
      String rollup) {
    if (!RollupSql.supports(q)) {
      throw new IllegalArgumentException(
          "the code rollup cannot answer --dedup " + q.dedup() + " or --weight " + q.weighting());
    }
    RollupSql.appendFilters(q, where, params);
    RollupSql.Pair w = RollupSql.weightPair(q.weighting());
    String list = RollupSql.countryList(countries);
    // Encoded as numbers (JDBC decoded every string and date of the 13,248 rows of one dyad on
    // the store of 10^7 events, 15-20 ms): the month as days since 1970-01-01, each country as
    // its 1-based position in the sorted list of the query's countries, a code of digits as
    // 100000 * length + value (leading zeros kept) and any other code as itself. The rows are
    // grouped and ordered by read(), in Java: on the demo store DuckDB's GROUP BY and ORDER BY
    // took 2.1-2.3 ms of the query's time, the plain rows 1.0 ms.
    String sql =
        "SELECT CAST(month - DATE '1970-01-01' AS INTEGER), list_position("
            + list
            + ", actor1_country), list_position("
            + list
            + ", actor2_country), CASE WHEN regexp_full_match(event_code, '[0-9]{1,5}') THEN"
            + " 100000 * length(event_code) + CAST(event_code AS INTEGER) END, CASE WHEN NOT"
            + " regexp_full_match(event_code, '[0-9]{1,5}') THEN event_code END, quad_class, n, "
            + w.columns()
            + ", gov FROM "
            + rollup
            + " WHERE "
            + where;
    return new CodeRollupSql(sql, params, List.copyOf(countries));
  }

  /**
   * The code counts in the order of {@link org.entente.store.sql.AggregateSql#codeCounts()}, each
   * row (month as days since 1970-01-01, actor 1 and actor 2 as positions in the sorted list of the
   * queries' countries, a code of digits as 100000 * length + value or NULL, any other code or
   * NULL, quad class, events, Σw, events between two GOV actors): read them with {@link #read} or
   * {@link #readAll}.
   */
  String codeCounts() {
    return sql;
  }

  /**
   * The code counts of the one query of {@link #of(DyadQuery)} from the rows: per month, actor 1,
   * actor 2, event code and quad class (in that order; codes compared by code point, as DuckDB
   * compares their UTF-8 bytes) the events, the exact Σw rounded once ({@link
   * ExactSum.Accumulator}, the same double as the SQL sum) and the events between two GOV actors; a
   * group without events is left out.
   */
  List<org.entente.store.CodeCount> read(java.sql.ResultSet rs) throws SQLException {
    java.util.TreeMap<Key, Group> groups = new java.util.TreeMap<>();
    java.util.Map<Integer, String> codes = new java.util.HashMap<>();
    while (rs.next()) {
      int packed = rs.getInt(4);
      String code =
          rs.wasNull()
              ? rs.getString(5)
              : codes.computeIfAbsent(
                  packed,
                  p -> {
                    String digits = Integer.toString(p % 100000);
                    return "0".repeat(p / 100000 - digits.length()) + digits;
                  });
      Key k = new Key(rs.getInt(1), rs.getInt(2), rs.getInt(3), code, rs.getInt(6));
      Group g = groups.computeIfAbsent(k, x -> new Group());
      long n = rs.getLong(7);
      g.events += n;
      g.weight.add(rs.getLong(8), rs.getLong(9));
      if (rs.getBoolean(10)) {
        g.betweenGovernments += n;
      }
    }
    List<org.entente.store.CodeCount> out = new ArrayList<>(groups.size());
    int lastDay = Integer.MIN_VALUE;
    java.time.YearMonth month = null;
    for (java.util.Map.Entry<Key, Group> e : groups.entrySet()) {
      Key k = e.getKey();
      Group g = e.getValue();
      if (g.events <= 0) {
        continue;
      }
      if (k.day() != lastDay) {
        month = java.time.YearMonth.from(java.time.LocalDate.ofEpochDay(k.day()));
        lastDay = k.day();
      }
      out.add(
          new org.entente.store.CodeCount(
              month,
              countries.get(k.actor1() - 1),
              countries.get(k.actor2() - 1),
              k.code(),
              k.quad(),
              g.events,
              g.weight.value(),
              g.betweenGovernments));
    }
    return out;
  }

  /** A group of {@link #read}: the month (epoch day), the countries' positions, code and quad. */
  private record Key(int day, int actor1, int actor2, String code, int quad)
      implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = Integer.compare(day, o.day);
      if (c == 0) {
        c = Integer.compare(actor1, o.actor1);
      }
      if (c == 0) {
        c = Integer.compare(actor2, o.actor2);
      }
      if (c == 0) {
        c = compareCodePoints(code, o.code);
      }
      return c == 0 ? Integer.compare(quad, o.quad) : c;
    }
  }

  /** {@code a} against {@code b} by code point (the order of their UTF-8 bytes). */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** The sums of one group of {@link #read}. */
  private static final class Group {
    long events;
    long betweenGovernments;
    final ExactSum.Accumulator weight = new ExactSum.Accumulator();
  }

  /**
   * Each query's code counts from the rows of {@link #ofMany}: the rows of its pair (one direction,
   * or both for an undirected dyad), in the order of {@link #read}.
   */
  List<List<org.entente.store.CodeCount>> readAll(List<DyadQuery> queries, java.sql.ResultSet rs)
      throws SQLException {
    // each directed pair's queries (one row can belong to several), so that every row is looked
    // at once
    java.util.Map<String, List<List<org.entente.store.CodeCount>>> byPair =
        new java.util.HashMap<>();
    List<List<org.entente.store.CodeCount>> out = new ArrayList<>();
    for (DyadQuery q : queries) {
      List<org.entente.store.CodeCount> mine = new ArrayList<>();
      out.add(mine);
      byPair.computeIfAbsent(q.source() + "-" + q.target(), k -> new ArrayList<>()).add(mine);
      if (!q.directed() && !q.source().equals(q.target())) {
        byPair.computeIfAbsent(q.target() + "-" + q.source(), k -> new ArrayList<>()).add(mine);
      }
    }
    for (org.entente.store.CodeCount c : read(rs)) {
      for (List<org.entente.store.CodeCount> mine :
          byPair.getOrDefault(c.source() + "-" + c.target(), List.of())) {
        mine.add(c);
      }
    }
    return out;
  }

  void bind(PreparedStatement ps) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
  }
}
