package org.entente.analyse.verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.entente.analyse.AnalysisException;
import org.entente.analyse.series.SeriesOptions;
import org.entente.ingest.chronology.ChronologyEntry;
import org.entente.store.EventStore;
import org.entente.system.Proposition;

/**
 * Evaluates the propositions (SYSTEM.md P1–P10) on whatever a store holds, by the
 * operationalisations fixed in the propositions file: reads the series and windows it names,
 * computes the evidence with the analysis stage, and applies the stated thresholds. No verdict is
 * chosen by hand: each follows from the data and the rules; data that cannot support a test (too
 * few periods with events, a noise scale of 0, an empty window) give an inconclusive verdict whose
 * reason says so.
 *
 * <p>One evaluation per test kind, registered explicitly in {@link #REGISTRY}: {@code leadlag},
 * {@code conditional_means}, {@code changepoints}, {@code difference_of_means}, {@code character},
 * {@code event_occurrence}, {@code triangle}. Not thread-safe (the store is not).
 */
public final class PropositionEvaluator {
  private static final Map<String, Evaluation> REGISTRY =
      Map.of(
          "leadlag", new LeadLagEvaluation(),
          "conditional_means", new ConditionalMeansEvaluation(),
          "changepoints", new ChangePointEvaluation(),
          "difference_of_means", new DifferenceOfMeansEvaluation(),
          "character", new CharacterEvaluation(),
          "event_occurrence", new EventOccurrenceEvaluation(),
          "triangle", new TriangleEvaluation());

  private final Context context;

  /**
   * An evaluator over one store.
   *
   * @param store the events; not closed here
   * @param chronology the curated chronology entries the {@code event_occurrence} tests read (for
   *     example the bundled chronology merged with the store's, as {@code
   *     Chronology.timeline(store.chronology(), TimelineQuery.all())} gives)
   * @param filters event filters for every series (weighting, deduplication, state-only, root 01);
   *     their frequency and range are ignored, each proposition sets its own
   */
  public PropositionEvaluator(
      EventStore store, List<ChronologyEntry> chronology, SeriesOptions filters) {
    this.context =
        new Context(
            Objects.requireNonNull(store, "store"),
            Objects.requireNonNull(chronology, "chronology"),
            Objects.requireNonNull(filters, "filters"));
  }

  /**
   * Evaluates one proposition.
   *
   * @param p the proposition
   * @return the verdict with its reason and evidence
   * @throws IllegalStateException if the proposition's operationalisation is malformed or its test
   *     kind unknown (a defect of the propositions file, not of the data)
   */
  public Verdict evaluate(Proposition p) {
    Evaluation e = REGISTRY.get(p.test());
    if (e == null) {
      throw new IllegalStateException(
          "proposition " + p.id() + ": no evaluation for test kind '" + p.test() + "'");
    }
    Map<String, Object> evidence = new LinkedHashMap<>();
    Evaluation.Judgement j;
    try {
      j = e.evaluate(p, new Spec(p), context, evidence);
    } catch (AnalysisException ex) {
      j = Evaluation.Judgement.inconclusive("the data cannot support the test: " + ex.getMessage());
    }
    return new Verdict(
        p.id(),
        p.claim(),
        p.test(),
        j.outcome(),
        j.reason(),
        p.operationalisation(),
        p.verdictRules(),
        evidence);
  }

  /** Evaluates several propositions in order. */
  public List<Verdict> evaluateAll(List<Proposition> ps) {
    List<Verdict> out = new ArrayList<>();
    for (Proposition p : ps) {
      out.add(evaluate(p));
    }
    return List.copyOf(out);
  }
}
