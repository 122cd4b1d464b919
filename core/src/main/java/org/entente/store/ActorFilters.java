package org.entente.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dyads a store's event sources hold in full. A file read with {@code --actors} keeps only the
 * events whose two actor countries are both in its set, so a dyad with a country outside the set
 * was left out of that file: a series of it from the file's source counted zero events where the
 * file had some (a store read with {@code --actors RUS,PRK,USA} gave CHN-JPN n = 0 in every month,
 * exit 0). {@link #check} refuses such a query instead. A file loaded several times (a wider set
 * loads it again) holds a dyad when one of its loads kept both countries, and every dyad when one
 * load had no filter or left no row out; a load with the set RUS,PRK and another with CHN,JPN hold
 * neither RUS-CHN.
 *
 * <p>Made once from the store's loads ({@link #of}): the files that kept only some dyads are
 * grouped by what they kept (their sources and sets), so that a query costs a look at each group,
 * not at each file (a year of 15-minute GDELT 2.0 exports read with the six-state filter is 35,000
 * files in one group). Immutable, thread-safe.
 */
public final class ActorFilters {
  /** Files that kept the same dyads of the same sources: how many, and the first one's path. */
  private record Group(Set<String> sources, List<Set<String>> sets, String path, int files) {

    boolean holds(String a, String b) {
      return sets.stream().anyMatch(s -> s.contains(a) && s.contains(b));
    }

    String filters() {
      List<String> out = new ArrayList<>();
      sets.forEach(s -> out.add(String.join(",", s)));
      return String.join(" and ", out);
    }
  }

  /** A store whose every file holds every dyad. */
  public static final ActorFilters NONE = new ActorFilters(List.of(), List.of());

  private final List<Group> groups;

  /** Imported rollup files that hold some pairs only (format version 3). */
  private final List<HeldPairs> imported;

  private ActorFilters(List<Group> groups, List<HeldPairs> imported) {
    this.groups = List.copyOf(groups);
    this.imported = List.copyOf(imported);
  }

  /**
   * These filters and the imported rollup files that hold some pairs of their source only ({@link
   * EventStore#heldPairs}): a query of another pair of such a source is refused too.
   */
  public ActorFilters withImported(List<HeldPairs> held) {
    if (held.isEmpty()) {
      return this;
    }
    List<HeldPairs> all = new ArrayList<>(imported);
    all.addAll(held);
    return new ActorFilters(groups, all);
  }

  /** The imported rollup files that hold some pairs of their source only, oldest first. */
  public List<HeldPairs> imported() {
    return imported;
  }

  /**
   * The pairs of countries a source's events are held for, each as {@link HeldPairs#key}, when
   * files of the source read with {@code --actors} left some dyads out; null when the source holds
   * every dyad. These are the pairs of countries of the files' sets that every such file holds
   * (what {@code export rollup} writes as rows of kind {@code held}).
   */
  public java.util.SortedSet<String> heldPairs(String source) {
    Set<String> countries = new TreeSet<>();
    boolean restricted = false;
    for (Group g : groups) {
      if (g.sources().contains(source)) {
        restricted = true;
        g.sets().forEach(countries::addAll);
      }
    }
    if (!restricted) {
      return null;
    }
    java.util.SortedSet<String> out = new TreeSet<>();
    List<String> list = new ArrayList<>(countries);
    for (int i = 0; i < list.size(); i++) {
      for (int j = i + 1; j < list.size(); j++) {
        String a = list.get(i);
        String b = list.get(j);
        boolean held = true;
        for (Group g : groups) {
          held &= !g.sources().contains(source) || g.holds(a, b);
        }
        if (held) {
          out.add(HeldPairs.key(a, b));
        }
      }
    }
    return out;
  }

  /** One input file (one checksum) over its loads. */
  private static final class File {
    final String path;
    final Set<String> sources = new TreeSet<>();
    final List<Set<String>> sets = new ArrayList<>();
    boolean all;

    File(String path) {
      this.path = path;
    }
  }

  /**
   * The dyads held by a store with these loads ({@link EventStore#filteredLoads}), oldest first.
   */
  public static ActorFilters of(List<FilteredLoad> loads) {
    Map<String, File> byChecksum = new LinkedHashMap<>();
    for (FilteredLoad f : loads) {
      File k = byChecksum.computeIfAbsent(f.checksum(), c -> new File(f.path()));
      k.sources.addAll(f.sources());
      if (f.actorFilter() == null || f.rowsFiltered() == 0) {
        // without a filter, or with one that left no row out: the load kept every row it read
        k.all = true;
      } else {
        Set<String> set = new TreeSet<>(List.of(f.actorFilter().split(",")));
        if (!k.sets.contains(set)) {
          k.sets.add(set);
        }
      }
    }
    Map<List<Object>, Group> groups = new LinkedHashMap<>();
    for (File k : byChecksum.values()) {
      if (!k.all) {
        groups.merge(
            List.of(k.sources, k.sets),
            new Group(Set.copyOf(k.sources), List.copyOf(k.sets), k.path, 1),
            (a, b) -> new Group(a.sources(), a.sets(), a.path(), a.files() + 1));
      }
    }
    return new ActorFilters(new ArrayList<>(groups.values()), List.of());
  }

  /**
   * One line per source that holds a file read with {@code --actors} kept in no load without a
   * filter, naming the source, how many such files and the first one's sets, e.g. {@code source
   * 'gdelt2' holds 3 file(s) read with --actors (PRK,RUS on 20190101.export.CSV)}; empty when every
   * file holds every dyad.
   */
  public List<String> describe() {
    Map<String, List<Group>> bySource = new java.util.TreeMap<>();
    for (Group g : groups) {
      for (String s : g.sources()) {
        bySource.computeIfAbsent(s, x -> new ArrayList<>()).add(g);
      }
    }
    List<String> out = new ArrayList<>();
    bySource.forEach(
        (s, gs) ->
            out.add(
                "source '"
                    + s
                    + "' holds "
                    + gs.stream().mapToInt(Group::files).sum()
                    + " file(s) read with --actors ("
                    + gs.get(0).filters()
                    + " on "
                    + gs.get(0).path()
                    + ")"));
    return out;
  }

  /**
   * Refuses a query of a dyad that a file of its source left out.
   *
   * @param source the query's source, or null for every source
   * @throws UnsupportedQueryException naming the source, the dyad, a file and its sets
   */
  public void check(DyadQuery q, String source) {
    Optional<String> why = leftOut(q, source);
    if (why.isPresent()) {
      throw new UnsupportedQueryException(why.get());
    }
  }

  /**
   * Why files of {@code source} read with {@code --actors} left out {@code q}'s dyad (naming the
   * source, the dyad, a file and its sets, and the countries every file kept in one set), or empty
   * when the store holds it in full.
   *
   * @param source the query's source, or null for every source
   */
  public Optional<String> leftOut(DyadQuery q, String source) {
    for (HeldPairs h : imported) {
      if ((source == null || source.equals(h.source()))
          && !h.pairs().contains(HeldPairs.key(q.source(), q.target()))) {
        List<String> some = new ArrayList<>(new TreeSet<>(h.pairs()));
        if (some.isEmpty()) {
          return Optional.of(
              "source '"
                  + h.source()
                  + "' was imported from "
                  + h.path()
                  + ", whose rows of kind held (the pairs it holds) were all rejected: the store"
                  + " cannot tell which pairs it holds, so it answers none, not "
                  + q.source()
                  + "-"
                  + q.target()
                  + " (its series would count zero events where the source had some); import the"
                  + " file again with its held rows corrected (entente info lists the rejects)");
        }
        return Optional.of(
            "source '"
                + h.source()
                + "' was imported from "
                + h.path()
                + ", a rollup exported from a store read with --actors, which holds the events of "
                + h.pairs().size()
                + " pair(s) only, not of "
                + q.source()
                + "-"
                + q.target()
                + ": its series would count zero events where the source had some; ask for one of"
                + " its pairs ("
                + String.join(", ", some.subList(0, Math.min(some.size(), 15)))
                + (some.size() > 15 ? ", ..." : "")
                + "), or import a rollup exported from a store that holds the pair");
      }
    }
    if (groups.isEmpty()) {
      return Optional.empty();
    }
    List<Group> missing = new ArrayList<>();
    int missingFiles = 0;
    Set<String> kept = null;
    boolean oneSetEach = true;
    for (Group g : groups) {
      if (source != null && !g.sources().contains(source)) {
        continue;
      }
      oneSetEach &= g.sets().size() == 1;
      if (kept == null) {
        kept = new TreeSet<>(g.sets().get(0));
      } else {
        kept.retainAll(g.sets().get(0));
      }
      if (!g.holds(q.source(), q.target())) {
        missing.add(g);
        missingFiles += g.files();
      }
    }
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    Group first = missing.get(0);
    String dyad = q.source() + (q.directed() ? ">" : "-") + q.target();
    return Optional.of(
        (source == null ? "the store" : "source '" + source + "'")
            + " holds "
            + (missingFiles == 1 ? "a file" : missingFiles + " files")
            + " read with --actors that left out the events of "
            + dyad
            + " ("
            + (missingFiles == 1 ? "" : "e.g. ")
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
