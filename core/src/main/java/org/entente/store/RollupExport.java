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

  /** The curated chronology's source: a selection of events, so it has no volume. */
  private static final String CHRONOLOGY = "chronology";

  /**
   * Which of the store's event sources can give state volumes: every source whose events were all
   * ingested without an actor filter, except the curated chronology.
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
      if (s.equals(CHRONOLOGY)) {
        notes.add(
            "source 'chronology' has no state volumes: the curated chronology is a selection of"
                + " events, not all of a state's events");
      } else if (filtered.contains(s)) {
        notes.add(
            "source '"
                + s
                + "' has no state volumes: some of its files were ingested with --actors, so"
                + " its events with other states are not in the store (ingest them without"
                + " --actors for volumes)");
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
