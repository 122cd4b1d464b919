package org.entente.measure;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.entente.store.DyadQuery;
import org.entente.store.DyadQuery.Dedup;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.DyadQuery.Weighting;
import org.entente.store.EventStore;
import org.entente.store.MonthRange;

/**
 * The system as a network: the series of every undirected dyad among a set of actors on one common
 * period axis, so that a period can be read across all dyads at once (the system map of the
 * dashboard and the report).
 */
public final class Network {

  /**
   * The network's series.
   *
   * @param actors the actors, in the order given
   * @param frequency the period length
   * @param periods the common periods, in order; empty when no dyad has events in range
   * @param dyads one series per unordered pair (i &lt; j in actor order), each undirected and
   *     covering exactly {@code periods}
   */
  public record Series(
      List<String> actors, Frequency frequency, List<Period> periods, List<DyadSeries> dyads) {
    /** Copies the lists. */
    public Series {
      actors = List.copyOf(actors);
      periods = List.copyOf(periods);
      dyads = List.copyOf(dyads);
    }
  }

  private Network() {}

  /**
   * The largest subset of {@code actors}, in their order, whose every pair the store holds ({@link
   * EventStore#leftOut}); among subsets of one size the one with the most pairs that have events,
   * then the one whose actors come first. All of them in a store read without {@code --actors} or
   * with a set covering them; e.g. RUS, PRK, USA of the six core states in a store read with {@code
   * --actors RUS,PRK,USA}; fewer than two when no pair is held.
   */
  public static List<String> heldActors(EventStore store, List<String> actors) {
    int n = actors.size();
    if (n > 16) {
      throw new IllegalArgumentException("too many actors for a network: " + n);
    }
    boolean[][] held = new boolean[n][n];
    boolean all = true;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        held[i][j] = store.leftOut(DyadQuery.monthly(actors.get(i), actors.get(j))).isEmpty();
        all &= held[i][j];
      }
    }
    if (all) {
      return List.copyOf(
          actors); // every pair held (no extent asked: an aggregate source may refuse
      // a monthly query)
    }
    boolean[][] events = new boolean[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        events[i][j] = held[i][j] && hasEvents(store, actors.get(i), actors.get(j));
      }
    }
    int best = 0;
    int bestSize = 0;
    int bestEvents = -1;
    // subsets in descending order of their bit patterns: earlier actors are the higher bits
    for (int mask = (1 << n) - 1; mask > 0; mask--) {
      int size = Integer.bitCount(mask);
      if (size < bestSize) {
        continue;
      }
      boolean clique = true;
      int withEvents = 0;
      for (int i = 0; i < n && clique; i++) {
        for (int j = i + 1; j < n && clique; j++) {
          boolean both = (mask & bit(i, n)) != 0 && (mask & bit(j, n)) != 0;
          clique = !both || held[i][j];
          withEvents += both && events[i][j] ? 1 : 0;
        }
      }
      // larger sets first; among sets of one size the one with the most pairs with events, then
      // (masks descending) the one whose actors come first
      if (clique && (size > bestSize || withEvents > bestEvents)) {
        best = mask;
        bestSize = size;
        bestEvents = withEvents;
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if ((best & bit(i, n)) != 0) {
        out.add(actors.get(i));
      }
    }
    return out;
  }

  /** Whether the dyad has events; false when the store cannot say (it refuses the query). */
  private static boolean hasEvents(EventStore store, String a, String b) {
    try {
      return store.extent(DyadQuery.monthly(a, b)).isPresent();
    } catch (org.entente.store.UnsupportedQueryException e) {
      return false;
    }
  }

  /** Actor {@code i} of {@code n} as a bit, the first actor the highest. */
  private static int bit(int i, int n) {
    return 1 << (n - 1 - i);
  }

  /**
   * The undirected series of every pair of {@code actors} over a common range: {@code from} to
   * {@code to}, each defaulting to the first (last) event month of any of the pairs.
   *
   * @param store the store; used from the calling thread only
   * @param actors two or more distinct country codes
   * @param frequency the period length
   * @param from first month, or {@code null}
   * @param to last month, or {@code null}
   * @param weighting the event weight
   * @param dedup the deduplication mode
   * @return the series; every dyad has the same periods
   * @throws IllegalArgumentException if fewer than two actors are given, an actor repeats, or
   *     {@code from} is after {@code to}
   * @throws org.entente.store.StoreException if the store cannot run a query
   */
  public static Series of(
      EventStore store,
      List<String> actors,
      Frequency frequency,
      YearMonth from,
      YearMonth to,
      Weighting weighting,
      Dedup dedup) {
    Objects.requireNonNull(store, "store");
    if (actors.size() < 2 || new LinkedHashSet<>(actors).size() != actors.size()) {
      throw new IllegalArgumentException("a network needs two or more distinct actors: " + actors);
    }
    List<DyadQuery> pairs = new ArrayList<>();
    for (int i = 0; i < actors.size(); i++) {
      for (int j = i + 1; j < actors.size(); j++) {
        pairs.add(
            new DyadQuery(
                actors.get(i),
                actors.get(j),
                false,
                from,
                to,
                frequency,
                weighting,
                dedup,
                false,
                false));
      }
    }
    YearMonth first = from;
    YearMonth last = to;
    if (first == null || last == null) {
      // every pair's extent in one read of the store
      Optional<MonthRange> any = store.extentAll(pairs);
      if (any.isEmpty()) {
        return new Series(actors, frequency, List.of(), List.of());
      }
      first = first == null ? any.get().first() : first;
      last = last == null ? any.get().last() : last;
      if (first.isAfter(last)) {
        return new Series(actors, frequency, List.of(), List.of());
      }
    }
    List<DyadQuery> ranged = new ArrayList<>();
    for (DyadQuery q : pairs) {
      ranged.add(q.withRange(first, last));
    }
    // every pair in one read of the store
    List<DyadSeries> out = new Measure(store).seriesAll(ranged);
    List<Period> periods = new ArrayList<>();
    for (DyadScore s : out.get(0).scores()) {
      periods.add(s.period());
    }
    return new Series(actors, frequency, periods, out);
  }
}
