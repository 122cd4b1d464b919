package org.entente.store.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.List;
import org.entente.analyse.StoreFixture;
import org.entente.store.CodeCount;
import org.entente.store.DyadQuery;
import org.entente.store.DyadQuery.Dedup;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.DyadQuery.Weighting;
import org.junit.jupiter.api.Test;

/** {@link DuckDbStore#codeCounts}: per month, direction and code, after filters and dedup. */
class CodeCountsTest {

  private static DuckDbStore store() {
    return new StoreFixture()
        .event("20230105", "RUS", "PRK", "042")
        .event("20230105", "RUS", "PRK", "042") // same day, same code: one under daily dedup
        .event("20230120", "RUS", "PRK", "042", "GOV", "BUS")
        .event("20230121", "PRK", "RUS", "057")
        .event("20230301", "RUS", "PRK", "111")
        .event("20230301", "USA", "PRK", "111") // another dyad
        .build();
  }

  private static DyadQuery query(boolean directed, Dedup dedup) {
    return new DyadQuery(
        "RUS", "PRK", directed, null, null, Frequency.YEAR, Weighting.NONE, dedup, false, false);
  }

  @Test
  void codeCounts_undirected_countsByMonthDirectionAndCode() {
    try (DuckDbStore s = store()) {
      List<CodeCount> c = s.codeCounts(query(false, Dedup.NONE));
      assertEquals(
          List.of(
              new CodeCount(YearMonth.of(2023, 1), "PRK", "RUS", "057", 1, 1, 1.0, 1),
              new CodeCount(YearMonth.of(2023, 1), "RUS", "PRK", "042", 1, 3, 3.0, 2),
              new CodeCount(YearMonth.of(2023, 3), "RUS", "PRK", "111", 3, 1, 1.0, 1)),
          c);
    }
  }

  @Test
  void codeCounts_directedWithDailyDedup_collapsesSameDayEvents() {
    try (DuckDbStore s = store()) {
      List<CodeCount> c = s.codeCounts(query(true, Dedup.DAILY));
      assertEquals(2, c.size());
      assertEquals(
          new CodeCount(YearMonth.of(2023, 1), "RUS", "PRK", "042", 1, 2, 2.0, 1), c.get(0));
    }
  }
}
