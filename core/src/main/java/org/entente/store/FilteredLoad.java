package org.entente.store;

import java.util.Set;

/**
 * One load of a file that was loaded with an actor filter at least once ({@link
 * EventStore#filteredLoads}): its file, its filter and the event sources its rows belong to.
 *
 * @param checksum the input file's checksum (the loads of one file share it)
 * @param path the file as ingested
 * @param actorFilter the {@code --actors} codes, comma-separated, or null for a load without a
 *     filter (it kept every dyad)
 * @param sources the event sources of the file's rows, kept or left out
 * @param rowsFiltered the rows the filter left out (none: the load kept every row it read, as one
 *     without a filter)
 */
public record FilteredLoad(
    String checksum, String path, String actorFilter, Set<String> sources, long rowsFiltered) {

  /** Copies the sources. */
  public FilteredLoad {
    sources = Set.copyOf(sources);
  }

  /**
   * The sources a file's format names, each part of a joined format ({@code gdelt2+icews}, the
   * entries of an archive) on its own; a GDELT CSV part (whose layout its header decides) names
   * {@code known} when given, else both GDELT sources.
   *
   * @param known the sources known from the file's rows (its events, its rows left out), or empty
   */
  public static Set<String> sourcesOf(String format, Set<String> known) {
    Set<String> out = new java.util.TreeSet<>(known);
    if (format == null) {
      return out;
    }
    // a format may carry a suffix after ';' (an event list's undirected pairs)
    for (String part : format.split(";", 2)[0].split("\\+")) {
      if (part.equals("gdelt-csv")) {
        if (known.isEmpty()) {
          out.addAll(Set.of("gdelt1", "gdelt2"));
        }
      } else {
        out.addAll(RollupExport.sourcesOfFormat(part, false));
      }
    }
    return out;
  }
}
