package org.entente.store;

import java.util.Set;

/**
 * The pairs of countries whose events an imported rollup file holds for a source (rollup format
 * version 3, rows of kind {@code held}): the file was exported from a store read with {@code
 * --actors}, so it holds the events of these pairs only, and a query of another pair of the source
 * is refused ({@link ActorFilters}) instead of read as zero events.
 *
 * @param source the imported source
 * @param path the rollup file as imported
 * @param pairs the pairs, each as its two country codes in order joined by '-' ({@link #key});
 *     empty when the file's held rows were all rejected (it holds none the store can tell)
 */
public record HeldPairs(String source, String path, Set<String> pairs) {

  /** Copies the pairs. */
  public HeldPairs {
    pairs = Set.copyOf(pairs);
  }

  /** A pair's key: the two codes in order, joined by '-'. */
  public static String key(String a, String b) {
    return a.compareTo(b) <= 0 ? a + "-" + b : b + "-" + a;
  }
}
