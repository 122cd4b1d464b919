package org.entente.store;

import java.util.Set;
import java.util.TreeSet;

/**
 * Pairs an event source records without direction. An event list whose mapping writes a pair {@code
 * A-B} (the CSIS PRK-RUS cooperation timeline: "no direction recorded") stores each event as A on
 * B; a directed query then read all of them as A's acts on B (277 RUS&gt;PRK events, none
 * PRK&gt;RUS) and the character analysis gave a diffuse reciprocity of 0. The pairs are kept in the
 * file's format in the manifest ({@code ...;undirected=PRK-RUS}); {@link #check} refuses a directed
 * query of one, as directed queries of an aggregate held undirected are refused.
 */
public final class UndirectedPairs {
  /** What precedes the pairs in a file's format. */
  public static final String MARK = ";undirected=";

  private UndirectedPairs() {}

  /** {@code A-B} with the codes in alphabetical order. */
  public static String pair(String a, String b) {
    return a.compareTo(b) <= 0 ? a + "-" + b : b + "-" + a;
  }

  /**
   * The undirected pairs the formats record for {@code source} (every source when null).
   *
   * @param formats the formats of the store's files
   */
  static Set<String> of(Iterable<String> formats, String source) {
    Set<String> out = new TreeSet<>();
    for (String f : formats) {
      int at = f == null ? -1 : f.indexOf(MARK);
      if (at < 0 || !f.startsWith("event-list:")) {
        continue;
      }
      String name = f.substring("event-list:".length()).split(":", 2)[0];
      if (source != null && !source.equals(name)) {
        continue;
      }
      for (String p : f.substring(at + MARK.length()).split(",")) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * Refuses a directed query of a pair its source records without direction.
   *
   * @param pairs the source's undirected pairs ({@link #of})
   * @throws UnsupportedQueryException naming the source's pair and the undirected dyad to ask for
   */
  static void check(DyadQuery q, Set<String> pairs, String source) {
    if (!q.directed() || pairs.isEmpty()) {
      return;
    }
    String p = pair(q.source(), q.target());
    if (pairs.contains(p)) {
      throw new UnsupportedQueryException(
          (source == null ? "the store's event list" : "source '" + source + "'")
              + " records "
              + p
              + " without direction (its mapping writes the pair A-B): ask for the undirected"
              + " dyad "
              + p
              + "; a directed series would read every event as "
              + q.source()
              + "'s act on "
              + q.target());
    }
  }
}
