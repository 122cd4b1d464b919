package org.entente.analyse.verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.entente.analyse.AnalysisException;
import org.entente.analyse.leadlag.MultipleTesting;
import org.entente.analyse.series.SeriesOptions;
import org.entente.model.ChronologyEntry;
import org.entente.store.EventStore;
import org.entente.store.MemoizedStore;
import org.entente.system.Proposition;

/**
 * Evaluates the propositions (SYSTEM.md P1–P10, every version) on whatever a store holds, by the
 * operationalisations fixed in the propositions file: reads the series and windows it names,
 * computes the evidence and the tests with the analysis stage, adjusts the p-values of every test
 * of the run together (Benjamini–Hochberg), and applies the verdict rules of docs/analysis.md:
 * supported only with q &lt; 0.05 in the predicted direction and an effect at its stated minimum;
 * contradicted only with q &lt; 0.05 against (or an equivalence test, or a documented
 * counter-example); otherwise inconclusive with the numbers; insufficient data when the minimum
 * data are absent. No verdict is chosen by hand.
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
   * @param store the events, which must not change while the evaluator is used; not closed here
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
            // the propositions read the same series many times: the store answers each query once
            MemoizedStore.of(store),
            Objects.requireNonNull(chronology, "chronology"),
            Objects.requireNonNull(filters, "filters"));
  }

  /**
   * Evaluates one proposition (its tests adjusted among themselves only).
   *
   * @param p the proposition
   * @return the verdict with its reason, tests and evidence
   * @throws IllegalStateException if the proposition's operationalisation is malformed or its test
   *     kind unknown (a defect of the propositions file, not of the data)
   */
  public Verdict evaluate(Proposition p) {
    return evaluateAll(List.of(p)).get(0);
  }

  /**
   * The verdicts of {@code selected}, in their order, with the Benjamini–Hochberg family of {@code
   * family} (and of any selected proposition it lacks): each q is the one {@code
   * evaluateAll(family)} gives, whichever propositions are asked for. So a subset of the
   * propositions cannot make a test easier to pass ({@code entente test P7} alone once adjusted
   * within P7's three versions and called v2 supported, q = 0.026, where the family of all
   * propositions gives q = 0.154 on the demo store).
   */
  public List<Verdict> evaluate(List<Proposition> selected, List<Proposition> family) {
    java.util.LinkedHashMap<String, Proposition> all = new java.util.LinkedHashMap<>();
    for (Proposition p : family) {
      all.putIfAbsent(p.label(), p);
    }
    for (Proposition p : selected) {
      all.putIfAbsent(p.label(), p);
    }
    List<Proposition> run = new ArrayList<>(all.values());
    List<Verdict> vs = evaluateAll(run);
    Map<String, Verdict> byLabel = new java.util.HashMap<>();
    for (int i = 0; i < run.size(); i++) {
      byLabel.put(run.get(i).label(), vs.get(i));
    }
    List<Verdict> out = new ArrayList<>();
    for (Proposition p : selected) {
      out.add(byLabel.get(p.label()));
    }
    return out;
  }

  /**
   * Evaluates several propositions in order, as one run: the p-values of every test of every
   * proposition form one family for the Benjamini–Hochberg adjustment, and each verdict follows
   * from its tests' adjusted q (docs/analysis.md, "Verdict rules").
   */
  public List<Verdict> evaluateAll(List<Proposition> ps) {
    List<Evaluation.Finding> findings = new ArrayList<>();
    List<Map<String, Object>> evidences = new ArrayList<>();
    List<Double> raw = new ArrayList<>();
    for (Proposition p : ps) {
      Evaluation e = REGISTRY.get(p.test());
      if (e == null) {
        throw new IllegalStateException(
            "proposition " + p.id() + ": no evaluation for test kind '" + p.test() + "'");
      }
      Map<String, Object> evidence = new LinkedHashMap<>();
      context.store.scope().ifPresent(name -> evidence.put("source", name));
      Evaluation.Finding f;
      try {
        f = e.evaluate(p, new Spec(p), context, evidence);
      } catch (AnalysisException ex) {
        f = Evaluation.Finding.insufficient("the data cannot support the test: " + ex.getMessage());
      } catch (org.entente.store.UnsupportedQueryException ex) {
        f =
            Evaluation.Finding.insufficient(
                "the source cannot inform this test: " + ex.getMessage());
      }
      findings.add(f);
      evidences.add(evidence);
      for (TestResult t : f.tests()) {
        raw.add(t.p());
      }
    }
    double[] q =
        MultipleTesting.benjaminiHochberg(raw.stream().mapToDouble(Double::doubleValue).toArray());
    List<Verdict> out = new ArrayList<>();
    int k = 0;
    for (int i = 0; i < ps.size(); i++) {
      Proposition p = ps.get(i);
      Evaluation.Finding f = findings.get(i);
      List<TestResult> adjusted = new ArrayList<>();
      for (TestResult t : f.tests()) {
        adjusted.add(t.withQ(q[k++]));
      }
      Evaluation.Judgement j = f.early() != null ? f.early() : f.decide().apply(adjusted);
      out.add(
          new Verdict(
              p.id(),
              p.version(),
              p.claim(),
              p.test(),
              j.outcome(),
              j.reason(),
              p.operationalisation(),
              p.verdictRules(),
              evidences.get(i),
              adjusted));
    }
    return List.copyOf(out);
  }
}
