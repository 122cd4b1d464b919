package org.entente.ingest.rollup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.ingest.RowRejected;
import org.entente.store.RollupFrequency;
import org.entente.store.SourceInfo;

/**
 * The store-wide rules an imported row must keep, checked per row so that an offending row is
 * rejected with its reason instead of failing the file: a source name is well-formed and not one of
 * the event feeds; an aggregate source is not also an event source and has one native frequency (as
 * stored, else as its first row in this file).
 */
final class SourceRules {
  /** The names of Entente's own event feeds: never an import's source. */
  static final Set<String> RESERVED = Set.of("gdelt1", "gdelt2", "icews", "chronology", "entente");

  private final Set<String> eventSources = new java.util.HashSet<>();
  private final Set<String> aggregateSources = new java.util.HashSet<>();
  private final Map<String, String> frequency = new HashMap<>();

  SourceRules(List<SourceInfo> existing) {
    for (SourceInfo s : existing) {
      if (s.kind() == SourceInfo.Kind.EVENTS) {
        eventSources.add(s.name());
      } else {
        aggregateSources.add(s.name());
        frequency.put(s.name(), s.frequency());
      }
    }
  }

  /**
   * Checks a source name given as an option.
   *
   * @throws IllegalArgumentException if it is malformed or reserved
   */
  static String checkName(String name) {
    if (!name.matches(NAME)) {
      throw new IllegalArgumentException("source name '" + name + "': " + NAME_RULE);
    }
    if (RESERVED.contains(name)) {
      throw new IllegalArgumentException(
          "source name '" + name + "' is one of Entente's own event feeds; choose another");
    }
    return name;
  }

  /** Checks the source of an aggregate row. */
  void aggregate(String source, RollupFrequency freq) throws RowRejected {
    name(source);
    if (eventSources.contains(source)) {
      throw new RowRejected(
          "source holds events", "source '" + source + "' holds events in this store");
    }
    String known = frequency.putIfAbsent(source, freq.word());
    if (known != null && !known.equals(freq.word())) {
      throw new RowRejected(
          "mixed frequency",
          "source '" + source + "' holds " + known + " rows; this row is a " + freq.word());
    }
  }

  /** Whether each (source, pair) read so far is directed, by the first row of the pair. */
  private final Map<String, Boolean> direction = new HashMap<>();

  /**
   * Checks that a pair's rows of one source are all directed or all undirected, as the first row of
   * the pair in this file says: with both, a directed query of a period held undirected read 0
   * events at full coverage, and an undirected query added the directed rows to the pooled one.
   */
  void direction(String source, String actor1, String actor2, boolean directed) throws RowRejected {
    String pair = actor1.compareTo(actor2) <= 0 ? actor1 + "-" + actor2 : actor2 + "-" + actor1;
    Boolean first = direction.putIfAbsent(source + "\u0000" + pair, directed);
    if (first != null && first != directed) {
      throw new RowRejected(
          "mixed direction",
          "source '"
              + source
              + "' holds "
              + pair
              + (first ? " directed" : " undirected")
              + " rows; this row is "
              + (directed ? "directed" : "undirected")
              + " (a pair's rows of one source are all directed or all undirected)");
    }
  }

  /** Checks the source of an event-list event. */
  void events(String source) throws RowRejected {
    name(source);
    if (aggregateSources.contains(source)) {
      throw new RowRejected(
          "source holds aggregates", "source '" + source + "' holds aggregate rows in this store");
    }
  }

  /**
   * A source name read from a file: well-formed (an export of {@code gdelt2} events may be imported
   * as {@code gdelt2} into a store without such events; the guard above keeps the kinds apart).
   */
  private static void name(String source) throws RowRejected {
    if (!source.matches(NAME)) {
      throw new RowRejected("bad source name", "source '" + source + "': " + NAME_RULE);
    }
  }

  private static final String NAME = "[a-z0-9][a-z0-9._-]{0,63}";
  private static final String NAME_RULE =
      "a source name is 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or"
          + " digit";
}
