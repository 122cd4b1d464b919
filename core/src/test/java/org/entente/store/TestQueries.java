package org.entente.store;

/** Dyad queries for tests. */
public final class TestQueries {
  private TestQueries() {}

  /** An unweighted, undeduplicated, unfiltered query of one source over its whole range. */
  public static DyadQuery plain(
      String a, String b, boolean directed, DyadQuery.Frequency f, String source) {
    return new DyadQuery(
        a,
        b,
        directed,
        null,
        null,
        f,
        DyadQuery.Weighting.NONE,
        DyadQuery.Dedup.NONE,
        false,
        false,
        source);
  }

  /**
   * An undirected monthly query of one source with the given range, weighting and deduplication.
   */
  public static DyadQuery monthly(
      String a,
      String b,
      java.time.YearMonth from,
      java.time.YearMonth to,
      DyadQuery.Weighting w,
      DyadQuery.Dedup d,
      String source) {
    return new DyadQuery(
        a, b, false, from, to, DyadQuery.Frequency.MONTH, w, d, false, false, source);
  }
}
