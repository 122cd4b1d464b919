package org.entente.analyse.verdict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.analyse.SignRule;
import org.entente.analyse.TriangleAnalysis;
import org.entente.analyse.TriangleReport;
import org.entente.analyse.TriangleRequest;
import org.entente.analyse.series.Dyad;
import org.entente.analyse.series.Score;
import org.entente.analyse.triangle.Configuration;
import org.entente.analyse.triangle.Triad;
import org.entente.analyse.verdict.Evaluation.Finding;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.MonthRange;
import org.entente.system.Proposition;

/**
 * Test kind {@code triangle} (P10): which Dittmer configuration dominates a triad before and after?
 *
 * <p>Operationalisation read: {@code actors} (three), {@code score}, {@code sign_rule}, {@code
 * tau}, {@code frequency}, {@code before}, {@code after} (windows), {@code expected.before} and
 * {@code expected.after} (configuration, with pivot or outcast), {@code min_share}, {@code
 * minimum.classified_periods_each_window}. Runs {@link TriangleAnalysis} on each window without
 * hysteresis. "Classified" periods are those whose configuration is not indeterminate; a
 * configuration matches when its type and its pivot (romantic triangle) or outcast (stable
 * marriage) are as expected. "Most frequent" means strictly more periods than any other structure
 * (a tie is not most frequent).
 *
 * <p>Test: an exact binomial test of the after window's count of the expected configuration among
 * its classified periods against min_share, two-sided. Effect: the share, minimum min_share;
 * "supported" also needs the before window's most frequent structure to be the expected one. A
 * window with too few classified periods → insufficient data.
 */
final class TriangleEvaluation implements Evaluation {

  @Override
  public Finding evaluate(Proposition p, Spec s, Context c, Map<String, Object> evidence) {
    List<Object> actors = s.list("actors");
    if (actors.size() != 3) {
      throw s.fail("actors", "three actor codes");
    }
    Triad triad =
        new Triad(actors.get(0).toString(), actors.get(1).toString(), actors.get(2).toString());
    Frequency f = Context.frequency(s);
    Score score = Score.parse(s.string("score"));
    SignRule rule = SignRule.parse(s.string("sign_rule"));
    double tau = s.number("tau");
    double minShare = s.number("min_share");
    int minimum = s.integer("minimum.classified_periods_each_window");
    String expectedBefore = structure(s, "expected.before");
    String expectedAfter = structure(s, "expected.after");
    List<Dyad> sides =
        List.of(
            new Dyad(triad.a(), triad.b(), false),
            new Dyad(triad.b(), triad.c(), false),
            new Dyad(triad.c(), triad.a(), false));
    TriangleAnalysis analysis = new TriangleAnalysis(c.store);
    Map<String, Object> windows = new LinkedHashMap<>();
    int[] classified = new int[2];
    int[] matching = new int[2];
    String[] mostFrequent = new String[2];
    List<String> names = List.of("before", "after");
    List<String> expected = List.of(expectedBefore, expectedAfter);
    for (int k = 0; k < 2; k++) {
      String w = names.get(k);
      Optional<MonthRange> range = c.window(s, w, sides, f, new LinkedHashMap<>());
      Map<String, Object> m = new LinkedHashMap<>();
      windows.put(w, m);
      if (range.isEmpty()) {
        m.put("window", "no data");
        continue;
      }
      m.put("window", range.get().first() + ".." + range.get().last());
      TriangleReport r =
          analysis.run(
              new TriangleRequest(
                  triad,
                  c.options(f).withRange(range.get().first(), range.get().last()),
                  score,
                  rule,
                  tau,
                  false,
                  Double.NaN));
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (TriangleReport.Row row : r.periods()) {
        if (row.configuration().type() != Configuration.Type.INDETERMINATE) {
          classified[k]++;
          String st = TriangleReport.structure(row.configuration());
          counts.merge(st, 1, Integer::sum);
          if (st.equals(expected.get(k))) {
            matching[k]++;
          }
        }
      }
      int best = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      List<String> top =
          counts.entrySet().stream()
              .filter(e -> e.getValue() == best)
              .map(Map.Entry::getKey)
              .toList();
      mostFrequent[k] = top.size() == 1 ? top.get(0) : null;
      m.put("periods", r.periods().size());
      m.put("classified", classified[k]);
      m.put("configurations", counts);
      m.put("expected", expected.get(k));
      m.put("expected_periods", matching[k]);
      m.put("share", classified[k] == 0 ? Double.NaN : (double) matching[k] / classified[k]);
      m.put("most_frequent", top.size() == 1 ? top.get(0) : "tie: " + String.join(", ", top));
    }
    evidence.put(
        "sign_rule",
        rule.optionName()
            + (rule == SignRule.POSTERIOR ? "" : " (tau " + tau + ") on " + score.optionName()));
    evidence.putAll(windows);
    if (classified[0] < minimum || classified[1] < minimum) {
      return Finding.insufficient(
          "too few classified (not indeterminate) periods: "
              + classified[0]
              + " before, "
              + classified[1]
              + " after (minimum "
              + minimum
              + " each)");
    }
    double share = (double) matching[1] / classified[1];
    ExactTests.Tails tails = ExactTests.binomial(matching[1], classified[1], minShare);
    TestResult test =
        new TestResult(
            "after-window share of " + expectedAfter,
            "exact binomial test of "
                + matching[1]
                + " of "
                + classified[1]
                + " classified periods against "
                + minShare
                + ", two-sided",
            classified[1],
            matching[1],
            tails.twoSided(),
            Double.NaN,
            share,
            "share of classified periods",
            "share >= " + minShare,
            share >= minShare,
            Decisions.direction(share - minShare, true),
            tails.greater());
    String before =
        expectedBefore.equals(mostFrequent[0])
            ? null
            : "before, the most frequent is "
                + (mostFrequent[0] == null ? "a tie" : mostFrequent[0])
                + ", not "
                + expectedBefore;
    return Finding.of(List.of(test), Decisions.atLeast(1, 1, x -> before));
  }

  /** The expected structure as {@link TriangleReport#structure} writes it. */
  private static String structure(Spec s, String path) {
    String type = s.string(path + ".configuration");
    try {
      Configuration.Type.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw s.fail(path + ".configuration", "a configuration type");
    }
    if (s.has(path + ".pivot")) {
      return type + " pivot " + s.string(path + ".pivot");
    }
    if (s.has(path + ".outcast")) {
      return type + " outcast " + s.string(path + ".outcast");
    }
    return type;
  }
}
