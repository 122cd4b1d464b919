package org.entente.store.duckdb;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.entente.store.DyadQuery;
import org.entente.store.PeriodAggregate;
import org.entente.store.sql.AggregateSql;
import org.entente.store.sql.DyadPredicate;
import org.entente.store.sql.ExactSum;

/**
 * The dyad-month rollup: per (data source, actor-1 country, actor-2 country, month, quad class,
 * state-actor flag, root-event flag, statement flag) the event count, Σg, and Σw and Σw·g for every
 * weighting (the sums as exact counts of 2^-60 units, {@link ExactSum}, so that they do not depend
 * on the order of the events or of the loads). It is kept up to date in the same transaction as
 * each file load, so a dyad aggregate without daily or same-URL deduplication (those need the
 * events themselves) reads a few hundred rollup rows instead of scanning every event: on a store of
 * 10 million events this turns a several-hundred-millisecond scan into milliseconds. Its sums equal
 * the event-level sums of {@link AggregateSql} bit for bit (checked by {@code RollupSqlTest}).
 */
final class RollupSql {
  static final String TABLE = "dyad_months";

  /**
   * {@link org.entente.store.sql.SummarySql#EVENT_SOURCES} with the distinct dyads counted in the
   * rollup {@code rollup} ({@link #TABLE}, or {@link #withPending}), which holds every event with
   * two actor countries: on a store of 10⁷ events the count of distinct pairs over the events took
   * 1.3–1.5 s, over the rollup 20 ms (measured with the synthetic store of {@code entente bench api
   * --rows 10000000}).
   */
  static String eventSources(String rollup) {
    return "SELECT e.source, 'EVENTS', e.n, e.first_day, e.last_day, 'event', coalesce(d.dyads, 0)"
        + " FROM (SELECT source, count(*) n, min(event_date) first_day, max(event_date) last_day"
        + " FROM events GROUP BY source) e LEFT JOIN (SELECT source, count(*) dyads FROM (SELECT"
        + " DISTINCT source, least(actor1_country, actor2_country), greatest(actor1_country,"
        + " actor2_country) FROM "
        + rollup
        + " WHERE actor1_country <> actor2_country) GROUP BY source) d ON e.source = d.source";
  }

  /**
   * {@link org.entente.store.sql.SummarySql#EVENTS_BY_DYAD} from the rollup {@code rollup} (1.0–1.4
   * s over 10⁷ events, 13–40 ms over the rollup).
   */
  static String eventsByDyad(String rollup) {
    return "SELECT least(actor1_country, actor2_country) a, greatest(actor1_country,"
        + " actor2_country) b, coalesce(sum(n) FILTER (WHERE actor1_country <= actor2_country), 0)"
        + " ab, coalesce(sum(n) FILTER (WHERE actor1_country > actor2_country), 0) ba FROM "
        + rollup
        + " WHERE actor1_country <> actor2_country GROUP BY 1, 2 ORDER BY ab + ba DESC, a, b";
  }

  /**
   * The sums, each kept as two BIGINT columns {@code <name>_hi} and {@code <name>_lo}: the count of
   * 2^-60 units of {@link ExactSum} as high part (shifted right by 62 bits) and low 62 bits. A
   * HUGEINT column held the same count, but DuckDB read it about three times slower (one dyad's
   * rows of a rollup of 91,000 rows: 9.9 ms against 3.2 ms for the BIGINT pair).
   */
  static final String[] SUMS = {
    "g_sum",
    "w_articles",
    "wg_articles",
    "w_sources",
    "wg_sources",
    "w_mentions",
    "wg_mentions",
    "w_logmentions",
    "wg_logmentions"
  };

  static final String COLUMNS =
      "source VARCHAR NOT NULL, actor1_country VARCHAR NOT NULL, actor2_country VARCHAR NOT NULL, month DATE NOT NULL,"
          + " quad_class TINYINT NOT NULL, state_actors BOOLEAN NOT NULL, root_event BOOLEAN NOT"
          + " NULL, statement BOOLEAN NOT NULL, n BIGINT NOT NULL, "
          + pairColumns(SUMS);

  /**
   * The columns that name a row ({@link #merge} keeps one row per key). Not a PRIMARY KEY (schema
   * 12): keeping its index cost more than the rest of the rollup (1,000,000 events: the two
   * rollups' rows inserted in 0.3 s each without the index, 0.9 and 1.4 s with it), reads never
   * used it (they filter by zone maps), and DuckDB holds such indexes in memory.
   */
  static final String KEY =
      "source, actor1_country, actor2_country, month, quad_class, state_actors, root_event,"
          + " statement";

  /** The column definitions of {@code sums} as BIGINT pairs ({@link #SUMS}). */
  static String pairColumns(String[] sums) {
    StringBuilder out = new StringBuilder();
    for (String c : sums) {
      out.append(out.length() == 0 ? "" : ", ");
      out.append(c).append("_hi BIGINT NOT NULL, ").append(c).append("_lo BIGINT NOT NULL");
    }
    return out.toString();
  }

  /**
   * A sum's two BIGINT parts as SQL expressions ({@link #SUMS}): {@link #units} is their count as
   * one HUGEINT, {@link #columns} the two for {@link ExactSum.Accumulator#add(long, long)}.
   */
  record Pair(String hi, String lo) {
    /** The sum column {@code name}'s pair. */
    static Pair of(String name) {
      return new Pair(name + "_hi", name + "_lo");
    }

    String units() {
      return "(CAST(" + hi + " AS HUGEINT) * 4611686018427387904 + " + lo + ")";
    }

    String columns() {
      return hi + ", " + lo;
    }
  }

  private final String sql;
  private final String extentSql;
  private final String rowsSql;
  private final DyadQuery.Frequency frequency;
  private final List<Object> params;

  private RollupSql(
      String sql,
      String extentSql,
      String rowsSql,
      DyadQuery.Frequency frequency,
      List<Object> params) {
    this.sql = sql;
    this.extentSql = extentSql;
    this.rowsSql = rowsSql;
    this.frequency = frequency;
    this.params = params;
  }

  /**
   * The rollup rows of the events in {@code relation} (a table with the events' columns). The
   * weights are those of {@link AggregateSql}; the flags are the state-only, statement and root
   * filters of {@link DyadQuery}, so every combination of them can be answered by summing rows.
   */
  static String rollupOf(String relation) {
    return "SELECT source, actor1_country, actor2_country, CAST(date_trunc('month', event_date) AS DATE),"
        + " quad_class, coalesce(actor1_type IN ('GOV', 'MIL') AND actor2_type IN ('GOV',"
        + " 'MIL'), false), coalesce(is_root, true), root_code = '01', count(*), "
        + ExactSum.split("sum(" + ExactSum.units("goldstein") + ")")
        + ","
        + weighted("coalesce(num_articles, 1)")
        + ","
        + weighted("coalesce(num_sources, 1)")
        + ","
        + weighted("coalesce(num_mentions, 1)")
        + ","
        + weighted("coalesce(ln(1 + num_mentions), 1.0)")
        + " FROM "
        + relation
        + " WHERE actor1_country IS NOT NULL AND actor2_country IS NOT NULL GROUP BY 1, 2, 3, 4, 5,"
        + " 6, 7, 8";
  }

  private static String weighted(String w) {
    return " "
        + ExactSum.split("sum(" + ExactSum.units(w) + ")")
        + ", "
        + ExactSum.split("sum(" + ExactSum.units(w + " * goldstein") + ")");
  }

  /** Adds the rollup of {@code relation} to the table (an upsert that adds the sums). */
  static String mergeFrom(String relation) {
    return merge(TABLE, rollupOf(relation), KEY, new String[] {"n"}, SUMS);
  }

  /**
   * {@code MERGE INTO table USING (select) ON key}: a row of {@code select} whose key the table
   * holds adds its {@code counts} and its {@code pairs} (BIGINT pairs of {@link #SUMS}, the low
   * parts' carry into the high part) to the held row's; any other is inserted. {@code select} gives
   * the table's columns in order: the key's, the counts, then each pair's high and low part; it
   * must give each key once (a GROUP BY the key), and the table holds each key once.
   */
  static String merge(String table, String select, String key, String[] counts, String[] pairs) {
    List<String> columns = new ArrayList<>(List.of(key.split(", ")));
    StringBuilder on = new StringBuilder();
    for (String k : columns) {
      on.append(on.length() == 0 ? "" : " AND ").append("t.").append(k).append(" = s.").append(k);
    }
    StringBuilder set = new StringBuilder();
    for (String c : counts) {
      columns.add(c);
      set.append(set.length() == 0 ? "" : ", ").append(c).append(" = t.").append(c);
      set.append(" + s.").append(c);
    }
    for (String c : pairs) {
      columns.add(c + "_hi");
      columns.add(c + "_lo");
      // both low parts are below 2^62: their sum is a BIGINT
      String low = "(t." + c + "_lo + s." + c + "_lo)";
      set.append(", ").append(c).append("_lo = ").append(low).append(" & 4611686018427387903");
      set.append(", ").append(c).append("_hi = t.").append(c).append("_hi + s.").append(c);
      set.append("_hi + (").append(low).append(" >> 62)");
    }
    String names = String.join(", ", columns);
    return "MERGE INTO "
        + table
        + " AS t USING ("
        + select
        + ") AS s("
        + names
        + ") ON ("
        + on
        + ") WHEN MATCHED THEN UPDATE SET "
        + set
        + " WHEN NOT MATCHED THEN INSERT ("
        + names
        + ") VALUES (s."
        + String.join(", s.", columns)
        + ")";
  }

  /**
   * The end of a load that stored the events of {@code relation} (in its transaction): adds them to
   * the rollups ({@link #mergeAll}), or with {@code defer} lists their files as pending ({@link
   * Schema#ROLLUP_PENDING}) for a later {@link #foldPending}.
   */
  static void mergeOrDefer(java.sql.Statement st, String relation, boolean defer)
      throws SQLException {
    if (defer) {
      st.execute(
          "INSERT INTO " + Schema.ROLLUP_PENDING + " SELECT DISTINCT file_id FROM " + relation);
    } else {
      mergeAll(st, relation);
    }
  }

  /**
   * Adds the events of {@code relation} to both rollups, this one and {@link CodeRollupSql}'s (in
   * the transaction of the load that stored them).
   */
  static void mergeAll(java.sql.Statement st, String relation) throws SQLException {
    st.execute(mergeFrom(relation));
    st.execute(CodeRollupSql.mergeFrom(relation));
    st.execute(Schema.addEventMonths(relation));
  }

  /** The events of the files the rollups do not hold yet ({@link Schema#ROLLUP_PENDING}). */
  static final String PENDING_EVENTS =
      "(SELECT * FROM events WHERE file_id IN (SELECT file_id FROM " + Schema.ROLLUP_PENDING + "))";

  /**
   * Adds the events of the files the rollups do not hold yet to both rollups and the event months,
   * and empties the list of those files (in the caller's transaction).
   *
   * @return the files whose events were added
   */
  static long foldPending(java.sql.Statement st) throws SQLException {
    long files;
    try (java.sql.ResultSet rs =
        st.executeQuery("SELECT count(DISTINCT file_id) FROM " + Schema.ROLLUP_PENDING)) {
      rs.next();
      files = rs.getLong(1);
    }
    if (files > 0) {
      mergeAll(st, PENDING_EVENTS);
      st.execute("DELETE FROM " + Schema.ROLLUP_PENDING);
    }
    return files;
  }

  /**
   * The rollup to read: {@link #TABLE} when it holds every file's events, else ({@code pending})
   * the table with the rollup rows of the pending files' events computed on the fly, in the table's
   * columns. A key may then have two rows; every reader adds rows up with exact sums, so the
   * answers are those of the folded table, bit for bit, and a query of a few dyads reads only their
   * pending events (DuckDB pushes the query's conditions on the key below the GROUP BY).
   */
  static String withPending(boolean pending) {
    return pending ? WITH_PENDING : TABLE;
  }

  /** {@link #withPending} while files are pending, built once. */
  private static final String WITH_PENDING = withPendingRows(TABLE, rollupOf(PENDING_EVENTS));

  /**
   * The rollup table {@code table} with {@code pendingRows} (the pending files' events rolled up in
   * the table's columns) appended: {@link #withPending}, {@link CodeRollupSql#withPending}.
   */
  static String withPendingRows(String table, String pendingRows) {
    return "(SELECT * FROM " + table + " UNION ALL " + pendingRows + ")";
  }

  /** Recomputes both rollups from the events (every file's: none is left pending). */
  static void rebuildAll(java.sql.Statement st) throws SQLException {
    st.execute("DELETE FROM " + Schema.ROLLUP_PENDING);
    st.execute("DELETE FROM " + TABLE);
    st.execute("INSERT INTO " + TABLE + " " + rollupOf("events"));
    st.execute("DELETE FROM " + CodeRollupSql.TABLE);
    st.execute("INSERT INTO " + CodeRollupSql.TABLE + " " + CodeRollupSql.rollupOf("events"));
    st.execute("DELETE FROM " + Schema.EVENT_MONTHS);
    st.execute(Schema.addEventMonths("events"));
  }

  /** Whether the rollup can answer {@code q} (it cannot deduplicate by day or URL). */
  static boolean supports(DyadQuery q) {
    return (q.dedup() == DyadQuery.Dedup.NONE || q.dedup() == DyadQuery.Dedup.ROOT)
        && q.weighting() != DyadQuery.Weighting.ALLMENTIONS;
  }

  static RollupSql of(DyadQuery q) {
    return of(q, TABLE);
  }

  /** {@link #of(DyadQuery)} read from {@code rollup} ({@link #TABLE} or {@link #withPending}). */
  static RollupSql of(DyadQuery q, String rollup) {
    StringBuilder where = new StringBuilder();
    List<Object> params = new ArrayList<>();
    DyadPredicate.append(q, where, params);
    return of(q, where, params, rollup);
  }

  /**
   * The rows of several queries that differ only in their dyads ({@link #sameShape}), read in one
   * scan: {@link #rows()} then starts with the two countries of each row, and {@link
   * #aggregateEach} sums each query's rows.
   *
   * @throws IllegalArgumentException if the queries are not all of one shape
   */
  static RollupSql ofMany(List<DyadQuery> queries) {
    return ofMany(queries, TABLE);
  }

  /** {@link #ofMany(List)} read from {@code rollup} ({@link #TABLE} or {@link #withPending}). */
  static RollupSql ofMany(List<DyadQuery> queries, String rollup) {
    DyadQuery first = queries.get(0);
    for (DyadQuery q : queries) {
      if (!sameShape(first, q)) {
        throw new IllegalArgumentException(q + " is not of the shape of " + first);
      }
    }
    java.util.SortedSet<String> countries = countriesOf(queries);
    List<Object> params = new ArrayList<>();
    RollupSql one = of(first, amongCountries(first, countries, params), params, rollup);
    // the countries as their 1-based position in the sorted list: reading two strings per row
    // (UTF-8 decoding) cost more than the sums
    String list = countryList(countries);
    return new RollupSql(
        one.sql,
        one.extentSql,
        one.rowsSql.replace(
            "SELECT " + MONTH_DAY + ",",
            "SELECT list_position("
                + list
                + ", actor1_country), list_position("
                + list
                + ", actor2_country), "
                + MONTH_DAY
                + ","),
        one.frequency,
        one.params);
  }

  /**
   * The first and last month of every directed pair among the countries of {@code queries} (of one
   * shape), in one read: (actor 1 country, actor 2 country, first month, last month) per pair with
   * events. An OR of the queries' own pair conditions cost DuckDB about 25 ms on a store of 10⁷
   * events (evaluated row by row); the country lists about 6 ms.
   *
   * @throws IllegalArgumentException if the queries are not all of one shape
   */
  static String pairExtents(List<DyadQuery> queries, List<Object> params, String rollup) {
    RollupSql many = ofMany(queries, rollup);
    params.addAll(many.params);
    return many.extentSql.replace(
            "SELECT min(month), max(month) FROM",
            "SELECT actor1_country, actor2_country, min(month), max(month) FROM")
        + " GROUP BY 1, 2";
  }

  /**
   * The condition on the rows among {@code countries} (both actors in the set), and on the data
   * source of {@code shape} when it names one; its values are added to {@code params}.
   */
  static StringBuilder amongCountries(
      DyadQuery shape, java.util.Collection<String> countries, List<Object> params) {
    String in = String.join(", ", java.util.Collections.nCopies(countries.size(), "?"));
    StringBuilder where =
        new StringBuilder("actor1_country IN (" + in + ") AND actor2_country IN (" + in + ")");
    params.addAll(countries);
    params.addAll(countries);
    if (shape.dataSource() != null) {
      where.append(" AND source = ?");
      params.add(shape.dataSource());
    }
    return where;
  }

  /** {@code countries} as a DuckDB list literal, e.g. {@code ['CHN', 'RUS']}, in their order. */
  static String countryList(java.util.Collection<String> countries) {
    return countries.stream()
        .map(c -> "'" + c.replace("'", "''") + "'")
        .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
  }

  /**
   * Appends to {@code where} the conditions of {@code q} that every rollup row carries: the month
   * range and the state-only, statement and root-event flags (values added to {@code params}).
   */
  static void appendFilters(DyadQuery q, StringBuilder where, List<Object> params) {
    if (q.from() != null) {
      where.append(" AND month >= ?");
      params.add(Date.valueOf(q.from().atDay(1)));
    }
    if (q.to() != null) {
      where.append(" AND month <= ?");
      params.add(Date.valueOf(q.to().atDay(1)));
    }
    if (q.stateOnly()) {
      where.append(" AND state_actors");
    }
    if (q.dropStatements()) {
      where.append(" AND NOT statement");
    }
    if (q.dedup() == DyadQuery.Dedup.ROOT) {
      where.append(" AND root_event");
    }
  }

  /**
   * The rollup columns holding Σw under {@code w} in 2^-60 units of {@link ExactSum}, as a {@link
   * Pair} (unweighted, the count n itself as n · 2^60 units: n &gt;&gt; 2, (n &amp; 3) &lt;&lt;
   * 60).
   */
  static Pair weightPair(DyadQuery.Weighting w) {
    return switch (w) {
      case NONE -> new Pair("(n >> 2)", "((n & 3) << 60)");
      case ARTICLES, SOURCES, MENTIONS, LOGMENTIONS ->
          Pair.of("w_" + w.name().toLowerCase(Locale.ROOT));
      default -> throw new IllegalStateException(w.name());
    };
  }

  /** The countries of {@code queries}, sorted. */
  static java.util.SortedSet<String> countriesOf(List<DyadQuery> queries) {
    java.util.SortedSet<String> countries = new java.util.TreeSet<>();
    for (DyadQuery q : queries) {
      countries.add(q.source());
      countries.add(q.target());
    }
    return countries;
  }

  /** Whether two queries differ at most in their dyads (countries and direction). */
  static boolean sameShape(DyadQuery a, DyadQuery b) {
    return java.util.Objects.equals(a.from(), b.from())
        && java.util.Objects.equals(a.to(), b.to())
        && a.frequency() == b.frequency()
        && a.weighting() == b.weighting()
        && a.dedup() == b.dedup()
        && a.stateOnly() == b.stateOnly()
        && a.dropStatements() == b.dropStatements()
        && java.util.Objects.equals(a.dataSource(), b.dataSource());
  }

  private static RollupSql of(
      DyadQuery q, StringBuilder where, List<Object> params, String rollup) {
    if (!supports(q)) {
      throw new IllegalArgumentException("the rollup cannot deduplicate by " + q.dedup());
    }
    appendFilters(q, where, params);
    Pair wPair = weightPair(q.weighting());
    Pair wgPair =
        Pair.of(
            q.weighting() == DyadQuery.Weighting.NONE
                ? "g_sum"
                : "wg_" + q.weighting().name().toLowerCase(Locale.ROOT));
    String w = wPair.units();
    String wg = wgPair.units();
    String unit =
        switch (q.frequency()) {
          case MONTH -> "month";
          case QUARTER -> "quarter";
          case YEAR -> "year";
        };
    StringBuilder quads = new StringBuilder();
    for (int k = 1; k <= 4; k++) {
      quads.append(" coalesce(");
      quads.append(ExactSum.toDouble("sum(" + w + ") FILTER (WHERE quad_class = " + k + ")"));
      quads.append(", 0),");
    }
    String sql =
        "SELECT CAST(date_trunc('"
            + unit
            + "', month) AS DATE) p, sum(n),"
            + quads
            + " coalesce("
            + ExactSum.toDouble("sum(" + wg + ")")
            + ", 0), coalesce("
            + ExactSum.toDouble("sum(" + w + ")")
            + ", 0) FROM "
            + rollup
            + " WHERE "
            + where
            + " GROUP BY p HAVING sum(n) > 0 ORDER BY p";
    String extent =
        "SELECT min(month), max(month) FROM " + rollup + " WHERE " + where + " AND n > 0";
    String rows =
        "SELECT "
            + MONTH_DAY
            + ", quad_class, n, "
            + wPair.columns()
            + ", "
            + wgPair.columns()
            + " FROM "
            + rollup
            + " WHERE "
            + where;
    return new RollupSql(sql, extent, rows, q.frequency(), params);
  }

  /**
   * The query's aggregate in SQL: one row per period with events, in order. {@link #rows} with
   * {@link #aggregate(ResultSet)} give the same rows, bit for bit, at a quarter of the cost.
   */
  String aggregate() {
    return sql;
  }

  /**
   * A row's month as days since 1970-01-01 (a JDBC DATE becomes a {@code java.sql.Date} through the
   * default time zone, several times the cost of the row's sums).
   */
  private static final String MONTH_DAY = "CAST(month - DATE '1970-01-01' AS INTEGER)";

  /**
   * The query's rollup rows, unaggregated: (month as days since 1970-01-01, quad class, n, Σw,
   * Σw·g), in the order the engine scans them, each sum as the two columns of {@link
   * ExactSum#split}.
   */
  String rows() {
    return rowsSql;
  }

  /**
   * The aggregate of {@link #aggregate()} summed here from the rows of {@link #rows()}: DuckDB's
   * hash aggregate (its grouping, sorting and HAVING) cost about three times more than the query
   * that reads the few hundred rows of a dyad. Each period's sums add the rows' counts of {@link
   * ExactSum} units exactly and round once, as the SQL does, so the results are the same bit for
   * bit in any order of the rows (checked by {@code RollupSqlTest} against {@link #aggregate()}).
   * Periods whose n sums to 0 are left out, as HAVING sum(n) &gt; 0 leaves them out; periods come
   * in order.
   *
   * @param rs the result of {@link #rows()}, positioned before its first row
   */
  List<PeriodAggregate> aggregate(ResultSet rs) throws SQLException {
    PeriodSums sums = new PeriodSums(frequency);
    while (rs.next()) {
      sums.add(
          LocalDate.ofEpochDay(rs.getInt(1)),
          rs.getInt(2),
          rs.getLong(3),
          rs.getLong(4),
          rs.getLong(5),
          rs.getLong(6),
          rs.getLong(7));
    }
    return sums.aggregates();
  }

  /**
   * The aggregate of each of {@code queries}, the queries this was made of by {@link #ofMany}, from
   * the result of its {@link #rows()}: each query's rows come in the order its own query would read
   * them (a filter keeps the scan order), so each result is {@link #aggregate(ResultSet)} of that
   * query's own {@link #of} bit for bit.
   */
  List<List<PeriodAggregate>> aggregateEach(List<DyadQuery> queries, ResultSet rs)
      throws SQLException {
    List<PeriodSums> sums = new ArrayList<>();
    queries.forEach(q -> sums.add(new PeriodSums(frequency)));
    // each query's countries as positions in the sorted list of {@link #ofMany}
    List<String> countries = new ArrayList<>(countriesOf(queries));
    int[] from = new int[queries.size()];
    int[] to = new int[queries.size()];
    boolean[] directed = new boolean[queries.size()];
    for (int i = 0; i < queries.size(); i++) {
      from[i] = countries.indexOf(queries.get(i).source()) + 1;
      to[i] = countries.indexOf(queries.get(i).target()) + 1;
      directed[i] = queries.get(i).directed();
    }
    while (rs.next()) {
      int a1 = rs.getInt(1);
      int a2 = rs.getInt(2);
      LocalDate month = LocalDate.ofEpochDay(rs.getInt(3));
      int quad = rs.getInt(4);
      long n = rs.getLong(5);
      long wHigh = rs.getLong(6);
      long wLow = rs.getLong(7);
      long wgHigh = rs.getLong(8);
      long wgLow = rs.getLong(9);
      for (int i = 0; i < from.length; i++) {
        if ((from[i] == a1 && to[i] == a2) || (!directed[i] && from[i] == a2 && to[i] == a1)) {
          sums.get(i).add(month, quad, n, wHigh, wLow, wgHigh, wgLow);
        }
      }
    }
    List<List<PeriodAggregate>> out = new ArrayList<>();
    sums.forEach(x -> out.add(x.aggregates()));
    return out;
  }

  /** One query's sums per period, exact ({@link ExactSum.Accumulator}). */
  private static final class PeriodSums {
    private final DyadQuery.Frequency frequency;
    private final java.util.TreeMap<LocalDate, ExactSum.Accumulator[]> sums =
        new java.util.TreeMap<>();
    private final java.util.Map<LocalDate, long[]> counts = new java.util.HashMap<>();

    PeriodSums(DyadQuery.Frequency frequency) {
      this.frequency = frequency;
    }

    void add(LocalDate month, int quad, long n, long wHigh, long wLow, long wgHigh, long wgLow) {
      LocalDate period =
          switch (frequency) {
            case MONTH -> month;
            case QUARTER -> month.withMonth(1 + (month.getMonthValue() - 1) / 3 * 3);
            case YEAR -> month.withDayOfYear(1);
          };
      ExactSum.Accumulator[] s = sums.computeIfAbsent(period, k -> accumulators());
      counts.computeIfAbsent(period, k -> new long[1])[0] += n;
      if (quad >= 1 && quad <= 4) {
        s[quad - 1].add(wHigh, wLow);
      }
      s[4].add(wgHigh, wgLow);
      s[5].add(wHigh, wLow);
    }

    private static ExactSum.Accumulator[] accumulators() {
      ExactSum.Accumulator[] s = new ExactSum.Accumulator[6];
      for (int i = 0; i < s.length; i++) {
        s[i] = new ExactSum.Accumulator();
      }
      return s;
    }

    List<PeriodAggregate> aggregates() {
      List<PeriodAggregate> out = new ArrayList<>(sums.size());
      for (java.util.Map.Entry<LocalDate, ExactSum.Accumulator[]> e : sums.entrySet()) {
        long n = counts.get(e.getKey())[0];
        if (n > 0) {
          ExactSum.Accumulator[] s = e.getValue();
          out.add(
              new PeriodAggregate(
                  e.getKey(),
                  n,
                  s[0].value(),
                  s[1].value(),
                  s[2].value(),
                  s[3].value(),
                  s[4].value(),
                  s[5].value()));
        }
      }
      return out;
    }
  }

  String extent() {
    return extentSql;
  }

  void bind(PreparedStatement ps) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
  }
}
