package org.entente.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an {@code export rollup} wrote: its rows, and with state volumes, the sources whose volumes
 * it wrote and why others were left out.
 *
 * @param rows rows written (dyad and volume rows)
 * @param volumeSources the sources whose state volumes were written (empty without volumes)
 * @param notes one line per source left out of the volumes, with the reason
 */
public record RollupExport(long rows, List<String> volumeSources, List<String> notes) {
  public RollupExport {
    volumeSources = List.copyOf(volumeSources);
    notes = List.copyOf(notes);
  }

  /**
   * Per event source in {@code sources} whose files read with {@code --actors} left dyads out, the
   * pairs its events are held for ({@link ActorFilters#heldPairs}), which the export writes as rows
   * of kind {@code held} (format version 3); a note per such source goes to {@code notes}.
   */
  public static java.util.SortedMap<String, java.util.SortedSet<String>> heldPairs(
      ActorFilters filters, Collection<String> sources, List<String> notes) {
    java.util.SortedMap<String, java.util.SortedSet<String>> out = new java.util.TreeMap<>();
    for (String s : new TreeSet<>(sources)) {
      java.util.SortedSet<String> pairs = filters.heldPairs(s);
      if (pairs != null && pairs.isEmpty()) {
        out.put(s, pairs);
        notes.add(
            "source '"
                + s
                + "' is left out: its files read with --actors hold no pair of countries in full"
                + " (every pair was left out by one of them), and the rollup format cannot say so");
      } else if (pairs != null) {
        out.put(s, pairs);
        notes.add(
            "source '"
                + s
                + "' holds files read with --actors: its rows cover the "
                + pairs.size()
                + " pair(s) those files kept, listed as rows of kind 'held' (rollup format version"
                + " 3), so a store importing this file refuses the other pairs instead of reading"
                + " them as zero events");
      }
    }
    return out;
  }

  /** The curated chronology's source: a selection of events, so it has no volume. */
  private static final String CHRONOLOGY = "chronology";

  /**
   * Why {@code source} has no state volumes, or empty if it has: the curated chronology is a
   * selection of events, and a source with a file ingested with {@code --actors} lacks its events
   * with the other states.
   *
   * @param source a source name, or {@code null} for the store's only source
   * @param filtered the sources with events from a file ingested with {@code --actors}
   */
  public static java.util.Optional<String> withoutVolumes(
      String source, Collection<String> filtered) {
    if (CHRONOLOGY.equals(source)) {
      return java.util.Optional.of(
          "source 'chronology' has no state volumes: the curated chronology is a selection of"
              + " events, not all of a state's events");
    }
    String named = source != null ? source : filtered.stream().sorted().findFirst().orElse(null);
    if (named != null && filtered.contains(named)) {
      return java.util.Optional.of(
          "source '"
              + named
              + "' has no state volumes: some of its files were ingested with --actors, so its"
              + " events with other states are not in the store (ingest them without --actors,"
              + " or import state volumes written by export rollup --volumes)");
    }
    return java.util.Optional.empty();
  }

  /**
   * The event sources a file's rows belong to, as its recorded format tells them, for a file
   * ingested with {@code --actors}: a file whose rows the filter all dropped left no event to name
   * its source, yet its source lacks those rows' events with the other states. GDELT's
   * tab-separated formats name their layout (gdelt1, gdelt2, or both); the comma-separated {@code
   * gdelt-csv} names neither, so when such a file stored no event both GDELT sources are taken (the
   * cautious side: volumes refused rather than undercounted); ICEWS files are {@code icews}; other
   * formats (mentions, imports) give none.
   *
   * @param format the format recorded in the file's manifest row
   * @param storedEvents whether the file stored events (their sources are then read from them)
   */
  public static Set<String> sourcesOfFormat(String format, boolean storedEvents) {
    if (format == null) {
      return Set.of();
    }
    return switch (format) {
      case "gdelt1" -> Set.of("gdelt1");
      case "gdelt2" -> Set.of("gdelt2");
      case "gdelt1+gdelt2" -> Set.of("gdelt1", "gdelt2");
      case "gdelt-csv" -> storedEvents ? Set.of() : Set.of("gdelt1", "gdelt2");
      case "entente" -> Set.of(CHRONOLOGY);
      default -> format.startsWith("icews(") || format.equals("icews") ? Set.of("icews") : Set.of();
    };
  }

  /**
   * Which of the store's event sources can give state volumes: those {@link #withoutVolumes} finds
   * no reason against.
   *
   * @param sources the sources of the store's events
   * @param filtered the sources with events from a file ingested with {@code --actors}
   * @param notes receives one line per source left out, with the reason
   * @return the sources whose volumes to write, sorted
   * @throws IllegalArgumentException if none can (the message says why)
   */
  public static List<String> volumeSources(
      Collection<String> sources, Collection<String> filtered, List<String> notes) {
    Set<String> out = new TreeSet<>();
    for (String s : new TreeSet<>(sources)) {
      java.util.Optional<String> why = withoutVolumes(s, filtered);
      if (why.isPresent()) {
        notes.add(why.get());
      } else {
        out.add(s);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "no source of this store can give state volumes"
              + (notes.isEmpty() ? ": it holds no events" : ": " + String.join("; ", notes)));
    }
    return new ArrayList<>(out);
  }
}
