package org.entente.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dyads a store's event sources hold in full. A file read with {@code --actors} keeps only the
 * events whose two actor countries are both in its set, so a dyad with a country outside the set
 * was left out of that file: a series of it from the file's source counted zero events where the
 * file had some (a store read with {@code --actors RUS,PRK,USA} gave CHN-JPN n = 0 in every month,
 * exit 0). {@link #check} refuses such a query instead. A file loaded several times (a wider set
 * loads it again) holds a dyad when one of its loads kept both countries, and every dyad when one
 * load had no filter; a load with the set RUS,PRK and another with CHN,JPN hold neither RUS-CHN.
 */
public final class ActorFilters {
  private ActorFilters() {}

  /** One input file (one checksum): its sources and the sets of its loads. */
  private record Kept(String path, Set<String> sources, List<Set<String>> sets, boolean all) {

    boolean holds(String a, String b) {
      return all || sets.stream().anyMatch(s -> s.contains(a) && s.contains(b));
    }

    String filters() {
      List<String> out = new ArrayList<>();
      sets.forEach(s -> out.add(String.join(",", s)));
      return String.join(" and ", out);
    }
  }

  /** The files of {@code loads} ({@link EventStore#filteredLoads}) that kept only some dyads. */
  private static List<Kept> restricting(List<FilteredLoad> loads) {
    Map<String, Kept> byChecksum = new LinkedHashMap<>();
    for (FilteredLoad f : loads) {
      Kept k =
          byChecksum.computeIfAbsent(
              f.checksum(), c -> new Kept(f.path(), new TreeSet<>(), new ArrayList<>(), false));
      k.sources().addAll(f.sources());
      if (f.actorFilter() == null || f.rowsFiltered() == 0) {
        // without a filter, or with one that left no row out: the load kept every row it read
        byChecksum.put(f.checksum(), new Kept(k.path(), k.sources(), k.sets(), true));
      } else {
        k.sets().add(new TreeSet<>(List.of(f.actorFilter().split(","))));
      }
    }
    List<Kept> out = new ArrayList<>();
    for (Kept k : byChecksum.values()) {
      if (!k.all()) {
        out.add(k);
      }
    }
    return out;
  }

  /**
   * One line per source that holds a file read with {@code --actors} kept in no load without a
   * filter, naming the source, how many such files and the first one's sets, e.g. {@code source
   * 'gdelt2' holds 3 file(s) read with --actors (PRK,RUS on 20190101.export.CSV)}; empty when every
   * file holds every dyad.
   */
  public static List<String> describe(List<FilteredLoad> loads) {
    Map<String, List<Kept>> bySource = new java.util.TreeMap<>();
    for (Kept k : restricting(loads)) {
      for (String s : k.sources()) {
        bySource.computeIfAbsent(s, x -> new ArrayList<>()).add(k);
      }
    }
    List<String> out = new ArrayList<>();
    bySource.forEach(
        (s, ks) ->
            out.add(
                "source '"
                    + s
                    + "' holds "
                    + ks.size()
                    + " file(s) read with --actors ("
                    + ks.get(0).filters()
                    + " on "
                    + ks.get(0).path()
                    + ")"));
    return out;
  }

  /**
   * Refuses a query of a dyad that a file of its source left out.
   *
   * @param loads the store's {@link EventStore#filteredLoads}
   * @param source the query's source, or null for every source
   * @throws UnsupportedQueryException naming the source, the dyad, a file and its sets
   */
  public static void check(DyadQuery q, List<FilteredLoad> loads, String source) {
    java.util.Optional<String> why = leftOut(q, loads, source);
    if (why.isPresent()) {
      throw new UnsupportedQueryException(why.get());
    }
  }

  /**
   * Why files of {@code source} read with {@code --actors} left out {@code q}'s dyad (naming the
   * source, the dyad, a file and its sets, and the countries every file kept in one set), or empty
   * when the store holds it in full.
   *
   * @param loads the store's {@link EventStore#filteredLoads}
   * @param source the query's source, or null for every source
   */
  public static java.util.Optional<String> leftOut(
      DyadQuery q, List<FilteredLoad> loads, String source) {
    if (loads.isEmpty()) {
      return java.util.Optional.empty();
    }
    List<Kept> missing = new ArrayList<>();
    Set<String> kept = null;
    boolean oneSetEach = true;
    for (Kept k : restricting(loads)) {
      if (source != null && !k.sources().contains(source)) {
        continue;
      }
      oneSetEach &= k.sets().size() == 1;
      if (kept == null) {
        kept = new TreeSet<>(k.sets().get(0));
      } else {
        kept.retainAll(k.sets().get(0));
      }
      if (!k.holds(q.source(), q.target())) {
        missing.add(k);
      }
    }
    if (missing.isEmpty()) {
      return java.util.Optional.empty();
    }
    Kept first = missing.get(0);
    String dyad = q.source() + (q.directed() ? ">" : "-") + q.target();
    return java.util.Optional.of(
        (source == null ? "the store" : "source '" + source + "'")
            + " holds "
            + (missing.size() == 1 ? "a file" : missing.size() + " files")
            + " read with --actors that left out the events of "
            + dyad
            + " ("
            + (missing.size() == 1 ? "" : "e.g. ")
            + first.path()
            + " with --actors "
            + first.filters()
            + "): its series would count zero events where the files had some; ask for a dyad of "
            + (!oneSetEach
                ? "two countries that one load of every file kept"
                : kept.isEmpty() ? "countries every file kept (none)" : String.join(", ", kept))
            + ", or ingest the same files again without --actors (or with both countries)");
  }
}
