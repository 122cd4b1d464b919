-- Entente: GDELT 1.0 or 2.0 events -> daily six-state rollup in the interchange format
-- (docs/rollup-format.md), with the filters and the quad mapping of `entente ingest`.
--
-- Runs unchanged on BigQuery (standard SQL) and on DuckDB. Two names are placeholders, replaced
-- as docs/bigquery/README.md shows (the `bq` commands): the input table gdelt_events
-- (`gdelt-bq.gdeltv2.events` for GDELT 2.0, `gdelt-bq.full.events` for 1.0) and the source name
-- gdelt_source (gdelt2 or gdelt1). It needs GDELT's columns GLOBALEVENTID,
-- SQLDATE (integer YYYYMMDD), Actor1CountryCode, Actor2CountryCode, EventCode, EventRootCode,
-- QuadClass and GoldsteinScale.
--
-- What `entente ingest` does, and this query too:
--   * one event per (GLOBALEVENTID, SQLDATE) (a repeated row counts once);
--   * SQLDATE in 1900..2100, an event code present, GoldsteinScale in -10..10 (rows outside are
--     rejected by ingest);
--   * country codes as given, the USSR's SUN read as RUS;
--   * QuadClass as given, else from the root code under GDELT's mapping
--     (01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4);
--   * only events between two different countries of the six (CHN JPN KOR PRK RUS USA), directed
--     actor 1 -> actor 2 (ingest --actors CHN,JPN,KOR,PRK,RUS,USA);
--   * n, w1..w4 unweighted event counts, goldstein_sum the sum of GoldsteinScale; score and
--     coverage empty (a day is covered when GDELT published it);
--   * then the 15 pairs of the six as rows of kind held (rollup format version 3), so that a
--     store importing the file refuses a pair outside the six instead of reading it as zero
--     events, as `entente export rollup` writes them for a store read with --actors.
-- Not checked here, checked by ingest: the event code against the CAMEO table, the country code's
-- letters; GDELT's own tables hold only valid codes.
SELECT
  'gdelt_source' AS source,
  'day' AS freq,
  SUBSTR(CAST(SQLDATE AS STRING), 1, 4) || '-' || SUBSTR(CAST(SQLDATE AS STRING), 5, 2) || '-'
    || SUBSTR(CAST(SQLDATE AS STRING), 7, 2) AS period,
  actor1,
  actor2,
  TRUE AS directed,
  COUNT(*) AS n,
  SUM(CASE WHEN quad = 1 THEN 1 ELSE 0 END) AS w1,
  SUM(CASE WHEN quad = 2 THEN 1 ELSE 0 END) AS w2,
  SUM(CASE WHEN quad = 3 THEN 1 ELSE 0 END) AS w3,
  SUM(CASE WHEN quad = 4 THEN 1 ELSE 0 END) AS w4,
  SUM(goldstein) AS goldstein_sum,
  NULL AS score,
  NULL AS coverage,
  'dyad' AS kind
FROM (
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
) AS e
WHERE actor1 IN ('CHN', 'JPN', 'KOR', 'PRK', 'RUS', 'USA')
  AND actor2 IN ('CHN', 'JPN', 'KOR', 'PRK', 'RUS', 'USA')
  AND actor1 <> actor2
GROUP BY period, actor1, actor2
UNION ALL
SELECT 'gdelt_source', 'day', NULL, a1, a2, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  'held'
FROM (
  SELECT 'CHN' AS a1, 'JPN' AS a2 UNION ALL SELECT 'CHN', 'KOR' UNION ALL SELECT 'CHN', 'PRK'
  UNION ALL SELECT 'CHN', 'RUS' UNION ALL SELECT 'CHN', 'USA' UNION ALL SELECT 'JPN', 'KOR'
  UNION ALL SELECT 'JPN', 'PRK' UNION ALL SELECT 'JPN', 'RUS' UNION ALL SELECT 'JPN', 'USA'
  UNION ALL SELECT 'KOR', 'PRK' UNION ALL SELECT 'KOR', 'RUS' UNION ALL SELECT 'KOR', 'USA'
  UNION ALL SELECT 'PRK', 'RUS' UNION ALL SELECT 'PRK', 'USA' UNION ALL SELECT 'RUS', 'USA'
) AS pairs
ORDER BY kind, period, actor1, actor2
