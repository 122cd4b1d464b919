package org.entente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.entente.analyse.series.SeriesOptions;
import org.entente.analyse.verdict.PropositionEvaluator;
import org.entente.analyse.verdict.TestResult;
import org.entente.analyse.verdict.Verdict;
import org.entente.cameo.Cameo;
import org.entente.ingest.FileReport;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.model.ChronologyEntry;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.duckdb.DuckDbStore;
import org.entente.system.Chronology;
import org.entente.system.Proposition;
import org.entente.system.Propositions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The memoizing view on the store the demo builds (the bundled chronology): each distinct question
 * reaches the store once, and what the propositions conclude from shared answers equals what each
 * concludes on its own.
 */
class MemoizedStoreTest {
  private static DuckDbStore store;
  private static List<ChronologyEntry> chronology;

  @BeforeAll
  static void build() {
    store = DuckDbStore.inMemory();
    FileReport r =
        new Ingestor(store, Cameo.bundled())
            .ingestBytes(
                "chronology.tsv",
                Chronology.bundledBytes(),
                IngestOptions.defaults(),
                IngestListener.NONE);
    assertTrue(r.stored() > 500, r.toString());
    chronology = Chronology.timeline(store.chronology(), Chronology.TimelineQuery.all());
  }

  @AfterAll
  static void close() {
    store.close();
  }

  /** A store that records every question asked of it: "method argument". */
  private static EventStore counting(EventStore inner, Map<String, Integer> asked) {
    return (EventStore)
        Proxy.newProxyInstance(
            EventStore.class.getClassLoader(),
            new Class<?>[] {EventStore.class},
            (proxy, m, args) -> {
              if (args != null && args.length == 1 && args[0] instanceof DyadQuery q) {
                asked.merge(m.getName() + " " + q, 1, Integer::sum);
              }
              if (m.getName().equals("aggregateAll")) {
                for (Object q : (List<?>) args[0]) {
                  asked.merge("aggregate " + q, 1, Integer::sum);
                }
              }
              try {
                return m.invoke(inner, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static List<Verdict> evaluate(EventStore s, List<Proposition> ps) {
    return new PropositionEvaluator(s, chronology, SeriesOptions.defaults(Frequency.MONTH))
        .evaluateAll(ps);
  }

  @Test
  void evaluateAll_everyProposition_asksTheStoreEachDistinctQueryOnce() {
    Map<String, Integer> asked = new HashMap<>();
    evaluate(counting(store, asked), Propositions.bundled());
    long aggregates = asked.keySet().stream().filter(k -> k.startsWith("aggregate ")).count();
    assertTrue(aggregates > 30, "the propositions read many series: " + aggregates);
    asked.forEach((question, times) -> assertEquals(1, times, question));
  }

  @Test
  void evaluateAll_sharedAnswers_equalEachPropositionEvaluatedOnItsOwn() {
    List<Verdict> together = evaluate(store, Propositions.bundled());
    List<Verdict> alone = new ArrayList<>();
    for (Proposition p : Propositions.bundled()) {
      alone.addAll(evaluate(store, List.of(p)));
    }
    assertEquals(alone.size(), together.size());
    for (int i = 0; i < alone.size(); i++) {
      Verdict a = alone.get(i);
      Verdict t = together.get(i);
      String id = a.id() + " v" + a.version();
      assertEquals(a.evidence(), t.evidence(), id);
      // q is adjusted over the run, so it differs between one proposition and all: p must not
      assertEquals(
          a.tests().stream().map(TestResult::p).toList(),
          t.tests().stream().map(TestResult::p).toList(),
          id);
    }
  }

  @Test
  void aggregate_askedTwice_readsOnceAndAnswersTheSame() {
    Map<String, Integer> asked = new HashMap<>();
    EventStore memo = MemoizedStore.of(counting(store, asked));
    DyadQuery q = DyadQuery.monthly("RUS", "PRK");
    List<PeriodAggregate> first = memo.aggregate(q);
    assertEquals(first, memo.aggregate(q));
    assertEquals(store.aggregate(q), first);
    assertEquals(1, asked.get("aggregate " + q));
    assertEquals(store.extent(q), memo.extent(q));
    memo.extent(q);
    assertEquals(1, asked.get("extent " + q));
  }

  @Test
  void aggregateAll_someAnsweredAlready_asksTheRestAndAnswersInOrder() {
    Map<String, Integer> asked = new HashMap<>();
    EventStore memo = MemoizedStore.of(counting(store, asked));
    DyadQuery a = DyadQuery.monthly("RUS", "PRK");
    DyadQuery b = DyadQuery.monthly("USA", "RUS");
    memo.aggregate(a);
    assertEquals(
        List.of(store.aggregate(b), store.aggregate(a), store.aggregate(b)),
        memo.aggregateAll(List.of(b, a, b)));
    assertEquals(1, asked.get("aggregate " + a));
    assertEquals(1, asked.get("aggregate " + b));
  }

  @Test
  void of_aMemoizedStore_isThatStore() {
    EventStore memo = MemoizedStore.of(store);
    assertSame(memo, MemoizedStore.of(memo));
  }

  @Test
  void beginFile_onTheView_isRefused() {
    EventStore memo = MemoizedStore.of(store);
    FileMeta file = new FileMeta("x.tsv", 1, null, null);
    assertThrows(UnsupportedOperationException.class, () -> memo.beginFile(file));
  }
}
