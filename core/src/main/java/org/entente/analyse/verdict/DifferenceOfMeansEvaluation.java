package org.entente.analyse.verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.analyse.series.AnalysisSeries;
import org.entente.analyse.series.Dyad;
import org.entente.analyse.series.Imputation;
import org.entente.analyse.series.Score;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.MonthRange;
import org.entente.system.Proposition;

/**
 * Test kind {@code difference_of_means} (P4, P5, P9): did each series move in its expected
 * direction between a before and an after window?
 *
 * <p>Operationalisation read: {@code series} (dyad, score, expected increase or decrease), {@code
 * frequency}, {@code before}, {@code after} (windows), {@code alpha}, {@code
 * minimum.periods_with_events_each_window}. Per series: the score of every calendar period in each
 * window (a window starting or ending inside a period gives a partial period holding only the
 * window's months; S6 is defined, 0, for periods without events), the difference of means after −
 * before, and one-sided Welch t p-values in the expected direction and against it ({@link
 * WelchTest}). "Moves in the expected direction" means a difference of the expected sign;
 * "significant" means the one-sided p &lt; α.
 *
 * <p>The verdict rules are prose in the propositions file and differ between propositions; {@link
 * #RULES} transcribes them, one entry per proposition, quoted there. A proposition of this kind
 * without a transcription fails loudly. Before any rule, a series with fewer periods with events
 * than the minimum in either window makes the verdict inconclusive.
 */
final class DifferenceOfMeansEvaluation implements Evaluation {

  /** The per-series outcome the rules look at. */
  record Move(String dyad, boolean expected, boolean significant, boolean against, double diff) {}

  /** One proposition's verdict rules over the moves of its series. */
  interface Rules {
    Judgement apply(List<Move> moves);
  }

  /**
   * "All N means move in the expected direction and at least K of the moves are significant" →
   * supported; "any series moves significantly against the expected direction, or fewer than M move
   * in the expected direction" → not supported; otherwise inconclusive.
   */
  static Rules allExpected(int k, int m) {
    return moves -> {
      long expected = moves.stream().filter(Move::expected).count();
      long significant = moves.stream().filter(x -> x.expected() && x.significant()).count();
      List<String> against = moves.stream().filter(Move::against).map(Move::dyad).toList();
      if (expected == moves.size() && significant >= k) {
        return Judgement.supported(
            "all "
                + moves.size()
                + " series move in the expected direction, "
                + significant
                + " significantly (at least "
                + k
                + " needed)");
      }
      if (!against.isEmpty()) {
        return Judgement.notSupported(
            String.join(", ", against) + " move(s) significantly against the expected direction");
      }
      if (expected < m) {
        return Judgement.notSupported(
            expected
                + " of "
                + moves.size()
                + " series move in the expected direction (fewer than "
                + m
                + ")");
      }
      return Judgement.inconclusive(
          expected
              + " of "
              + moves.size()
              + " series move in the expected direction, "
              + significant
              + " significantly; neither rule is met");
    };
  }

  /**
   * "The first series moves significantly in its direction and no series moves significantly
   * against its own" → supported; "the first does not move in its direction (difference of the
   * wrong sign or 0), or any moves significantly against" → not supported; otherwise inconclusive.
   */
  static Rules primary() {
    return moves -> {
      Move first = moves.get(0);
      List<String> against = moves.stream().filter(Move::against).map(Move::dyad).toList();
      if (first.expected() && first.significant() && against.isEmpty()) {
        return Judgement.supported(
            first.dyad()
                + " moves significantly in the expected direction and no series moves"
                + " significantly against its own");
      }
      if (!first.expected()) {
        return Judgement.notSupported(
            first.dyad()
                + " does not move in the expected direction (difference "
                + Evaluation.num(first.diff())
                + ")");
      }
      if (!against.isEmpty()) {
        return Judgement.notSupported(
            String.join(", ", against) + " move(s) significantly against the expected direction");
      }
      return Judgement.inconclusive(
          first.dyad() + " moves in the expected direction but not significantly");
    };
  }

  /**
   * The transcriptions. P4: "All three means move in the expected direction and at least two of the
   * moves are significant" / "Any series moves significantly (p &lt; alpha) against the expected
   * direction, or fewer than two move in the expected direction". P5: "Both means move in the
   * expected direction and at least one move is significant" / "Either series moves significantly
   * against the expected direction, or neither moves in the expected direction". P9: "JPN-KOR rises
   * significantly and neither US dyad falls significantly" / "JPN-KOR does not rise (difference
   * &lt;= 0), or any of the three falls significantly" (JPN-KOR is the first series; all three are
   * expected to rise).
   */
  static final Map<String, Rules> RULES =
      Map.of("P4", allExpected(2, 2), "P5", allExpected(1, 1), "P9", primary());

  @Override
  public Judgement evaluate(Proposition p, Spec s, Context c, Map<String, Object> evidence) {
    Rules rules = RULES.get(p.id());
    if (rules == null) {
      throw new IllegalStateException(
          "proposition " + p.id() + ": no transcription of its difference_of_means verdict rules");
    }
    Frequency f = Context.frequency(s);
    double alpha = s.number("alpha");
    int minimum = s.integer("minimum.periods_with_events_each_window");
    int k = s.list("series").size();
    List<Dyad> dyads = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      dyads.add(Dyad.parse(s.element("series", i).string("dyad")));
    }
    Optional<MonthRange> before = c.window(s, "before", dyads, f, evidence);
    Optional<MonthRange> after = c.window(s, "after", dyads, f, evidence);
    if (before.isEmpty() || after.isEmpty()) {
      return Judgement.inconclusive(
          "no events of the series in the " + (before.isEmpty() ? "before" : "after") + " window");
    }
    List<Move> moves = new ArrayList<>();
    List<Object> rows = new ArrayList<>();
    List<String> sparse = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      Spec e = s.element("series", i);
      Dyad d = dyads.get(i);
      Score score = Score.parse(e.string("score"));
      String exp = e.string("expected");
      if (!exp.equals("increase") && !exp.equals("decrease")) {
        throw e.fail("expected", "increase or decrease");
      }
      AnalysisSeries b = c.series.dyad(d, score, c.options(f), before.get());
      AnalysisSeries a = c.series.dyad(d, score, c.options(f), after.get());
      WelchTest.Result t = WelchTest.test(a.filled(Imputation.NONE), b.filled(Imputation.NONE));
      boolean up = exp.equals("increase");
      double pExpected = up ? t.pGreater() : t.pLess();
      double pAgainst = up ? t.pLess() : t.pGreater();
      double diff = t.difference();
      Move m =
          new Move(d.label(), up ? diff > 0 : diff < 0, pExpected < alpha, pAgainst < alpha, diff);
      moves.add(m);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("dyad", d.label());
      row.put("score", score.optionName());
      row.put("expected", exp);
      row.put("before_mean", t.meanB());
      row.put("after_mean", t.meanA());
      row.put("difference", diff);
      row.put("before_periods", b.length());
      row.put("after_periods", a.length());
      row.put("before_periods_with_events", b.periodsWithData());
      row.put("after_periods_with_events", a.periodsWithData());
      row.put("t", t.t());
      row.put("df", t.df());
      row.put("p_expected_direction", pExpected);
      row.put("p_against", pAgainst);
      row.put("moves_as_expected", m.expected());
      row.put("significant", m.expected() && m.significant());
      rows.add(row);
      if (b.periodsWithData() < minimum || a.periodsWithData() < minimum) {
        sparse.add(
            d.label() + " (" + b.periodsWithData() + " before, " + a.periodsWithData() + " after)");
      }
    }
    evidence.put("series", rows);
    evidence.put("alpha", alpha);
    if (!sparse.isEmpty()) {
      return Judgement.inconclusive(
          "too few periods with events (minimum "
              + minimum
              + " in each window): "
              + String.join(", ", sparse));
    }
    return rules.apply(moves);
  }
}
