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
}
