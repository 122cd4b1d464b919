package org.entente.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.entente.model.ChronologyEntry;

/**
 * A view of a store that asks it each distinct question once: the dyad queries ({@link #aggregate},
 * {@link #quantities}, {@link #codeCounts}, {@link #extent}), the summary, the sources and the
 * chronology. The analyses of one run (a {@code test all}, a report) read the same series many
 * times: a report on the demo store read 165 series, 108 of them distinct. Answers are the store's
 * own, kept as they came (immutable copies), so every result is the same as without the view.
 *
 * <p>For one run over a store that does not change meanwhile (a read-only store cannot): the
 * answers are kept for the view's life, unbounded (a run asks at most a few hundred questions) and
 * not evicted, which is why this is a plain map and not a cache. Loading files through the view is
 * refused. A failed query is not remembered: asked again, it runs again. Not thread-safe (stores
 * are not); closing the view closes the store.
 */
public final class MemoizedStore extends ForwardingStore {
  private final Map<DyadQuery, List<PeriodAggregate>> aggregates = new HashMap<>();
  private final Map<DyadQuery, Quantities> quantities = new HashMap<>();
  private final Map<DyadQuery, List<CodeCount>> codeCounts = new HashMap<>();
  private final Map<DyadQuery, Optional<MonthRange>> extents = new HashMap<>();
  private StoreSummary summary;
  private List<SourceInfo> sources;
  private List<ChronologyEntry> chronology;

  private MemoizedStore(EventStore store) {
    super(store);
  }

  /**
   * A memoizing view of {@code store}; {@code store} itself when it is one already.
   *
   * @param store the store, which must not change while the view is used
   * @throws NullPointerException if {@code store} is null
   */
  public static EventStore of(EventStore store) {
    Objects.requireNonNull(store, "store");
    return store instanceof MemoizedStore ? store : new MemoizedStore(store);
  }

  private static <V> V remembered(
      Map<DyadQuery, V> known, DyadQuery q, Function<DyadQuery, V> ask) {
    V v = known.get(q);
    if (v == null) {
      v = ask.apply(q);
      known.put(q, v);
    }
    return v;
  }

  @Override
  public List<PeriodAggregate> aggregate(DyadQuery query) {
    return remembered(aggregates, query, q -> List.copyOf(store.aggregate(q)));
  }

  /** Asks the store, all together, the queries not answered yet. */
  @Override
  public List<List<PeriodAggregate>> aggregateAll(List<DyadQuery> queries) {
    return rememberedAll(aggregates, queries, store::aggregateAll);
  }

  /**
   * The answers to {@code queries} in order: those not known yet asked all together with {@code
   * askAll} (one answer list per query, kept as immutable copies).
   */
  private static <T> List<List<T>> rememberedAll(
      Map<DyadQuery, List<T>> known,
      List<DyadQuery> queries,
      Function<List<DyadQuery>, List<List<T>>> askAll) {
    List<DyadQuery> missing =
        queries.stream().distinct().filter(q -> !known.containsKey(q)).toList();
    if (!missing.isEmpty()) {
      List<List<T>> answers = askAll.apply(missing);
      for (int i = 0; i < missing.size(); i++) {
        known.put(missing.get(i), List.copyOf(answers.get(i)));
      }
    }
    return queries.stream().map(known::get).toList();
  }

  @Override
  public Quantities quantities(DyadQuery query) {
    return remembered(quantities, query, store::quantities);
  }

  @Override
  public List<CodeCount> codeCounts(DyadQuery query) {
    return remembered(codeCounts, query, q -> List.copyOf(store.codeCounts(q)));
  }

  /** Asks the store, all together, the code counts not known yet. */
  @Override
  public List<List<CodeCount>> codeCountsAll(List<DyadQuery> queries) {
    return rememberedAll(codeCounts, queries, store::codeCountsAll);
  }

  @Override
  public Optional<MonthRange> extent(DyadQuery query) {
    return remembered(extents, query, store::extent);
  }

  @Override
  public StoreSummary summary() {
    if (summary == null) {
      summary = store.summary();
    }
    return summary;
  }

  @Override
  public List<SourceInfo> sources() {
    if (sources == null) {
      sources = List.copyOf(store.sources());
    }
    return sources;
  }

  @Override
  public List<ChronologyEntry> chronology() {
    if (chronology == null) {
      chronology = List.copyOf(store.chronology());
    }
    return chronology;
  }

  /**
   * Refused: the view's answers would go stale.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  public FileLoad beginFile(FileMeta file) {
    throw new UnsupportedOperationException(
        "a memoized view of a store only reads; load " + file.path() + " into the store itself");
  }

  /** None: loads through the view are refused ({@link #beginFile}). */
  @Override
  public Optional<LoadBatch> beginBatch() {
    return Optional.empty();
  }
}
