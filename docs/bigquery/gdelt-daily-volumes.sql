-- Entente: GDELT 1.0 or 2.0 events -> daily volumes of the six states in the interchange format,
-- version 2 (docs/rollup-format.md, "State volumes"): per day and state, GDELT's events with the
-- state as actor 1 or actor 2 country, each event once, whatever the other actor (another country,
-- the state itself, or none). The denominator V of the intensity N/V (METHODS 1.5); import it with
-- the six-state rollup of gdelt-daily-rollup.sql under the same source name.
--
-- Same placeholders (gdelt_events, gdelt_source), the same rows kept and the same mappings as
-- gdelt-daily-rollup.sql (see its header), but no actor filter: this is what
-- `entente ingest` without --actors and then `entente export rollup --freq day --volumes` give
-- for these six states. Runs unchanged on BigQuery (standard SQL) and on DuckDB; for other states
-- edit the two lists.
WITH e AS (
  SELECT
    GLOBALEVENTID,
    SQLDATE,
    ANY_VALUE(CASE WHEN Actor1CountryCode = 'SUN' THEN 'RUS' ELSE Actor1CountryCode END) AS actor1,
    ANY_VALUE(CASE WHEN Actor2CountryCode = 'SUN' THEN 'RUS' ELSE Actor2CountryCode END) AS actor2,
    ANY_VALUE(COALESCE(QuadClass,
      CASE
        WHEN CAST(EventRootCode AS INTEGER) <= 5 THEN 1
        WHEN CAST(EventRootCode AS INTEGER) <= 9 THEN 2
        WHEN CAST(EventRootCode AS INTEGER) <= 14 THEN 3
        ELSE 4
      END)) AS quad,
    ANY_VALUE(GoldsteinScale) AS goldstein
  FROM gdelt_events
  WHERE SQLDATE BETWEEN 19000101 AND 21001231
    AND EventCode IS NOT NULL
    AND GoldsteinScale BETWEEN -10 AND 10
  GROUP BY GLOBALEVENTID, SQLDATE
),
states AS (
  SELECT SQLDATE, actor1 AS state, quad, goldstein FROM e
  WHERE actor1 IN ('CHN', 'JPN', 'KOR', 'PRK', 'RUS', 'USA')
  UNION ALL
  SELECT SQLDATE, actor2 AS state, quad, goldstein FROM e
  WHERE actor2 IN ('CHN', 'JPN', 'KOR', 'PRK', 'RUS', 'USA')
    AND (actor1 IS NULL OR actor1 <> actor2)
)
SELECT
  'gdelt_source' AS source,
  'day' AS freq,
  SUBSTR(CAST(SQLDATE AS STRING), 1, 4) || '-' || SUBSTR(CAST(SQLDATE AS STRING), 5, 2) || '-'
    || SUBSTR(CAST(SQLDATE AS STRING), 7, 2) AS period,
  state AS actor1,
  NULL AS actor2,
  NULL AS directed,
  COUNT(*) AS n,
  SUM(CASE WHEN quad = 1 THEN 1 ELSE 0 END) AS w1,
  SUM(CASE WHEN quad = 2 THEN 1 ELSE 0 END) AS w2,
  SUM(CASE WHEN quad = 3 THEN 1 ELSE 0 END) AS w3,
  SUM(CASE WHEN quad = 4 THEN 1 ELSE 0 END) AS w4,
  SUM(goldstein) AS goldstein_sum,
  NULL AS score,
  NULL AS coverage,
  'volume' AS kind
FROM states
GROUP BY period, state
ORDER BY period, actor1
