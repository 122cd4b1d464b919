package org.entente.analyse.verdict;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.analyse.verdict.Evaluation.Finding;
import org.entente.model.ChronologyEntry;
import org.entente.system.Proposition;

/**
 * Test kind {@code event_occurrence} (P7, P8): what the curated chronology documents.
 *
 * <p>Pre-registered form: {@code source} (must be {@code chronology}) and one or more windows
 * ({@code before}, {@code after}) each with {@code from}, {@code to} (null: no end) and {@code
 * require}, a requirement in words parsed by {@link Requirement}. An entry belongs to a window when
 * its whole dated period lies inside it. These are checks of documented facts, not samples: a
 * window whose entries cannot speak to its requirement → insufficient data; a failing requirement
 * is a documented counter-example → contradicted; every requirement holding is consistent with the
 * claim but, having no p-value, cannot be "supported" → inconclusive.
 *
 * <p>Revision form ({@code counts}: measures_tag, veto_tags, concerns, minimum_share_difference,
 * optional exclude_tags): Fisher's exact test of drafts adopted with new measures against drafts
 * vetoed, before and after, entries carrying an excluded tag left out of both (see {@link
 * #counts}).
 */
final class EventOccurrenceEvaluation implements Evaluation {
  private static final List<String> WINDOWS = List.of("before", "after");

  @Override
  public Finding evaluate(Proposition p, Spec s, Context c, Map<String, Object> evidence) {
    if (!s.string("source").equals("chronology")) {
      throw s.fail("source", "chronology");
    }
    String read = c.store.scope().orElse(null);
    if (read != null && !read.equals("chronology")) {
      // the curated chronology's documented events inform this proposition, not another source's
      // counts: evaluated under --source chronology only
      return Finding.insufficient(
          "not informed by source '"
              + read
              + "': this proposition is tested on the curated chronology's documented events"
              + " (--source chronology)");
    }
    evidence.put("chronology_entries", c.chronology.size());
    if (s.has("counts")) {
      return counts(s, c, evidence);
    }
    List<String> failed = new ArrayList<>();
    List<String> uncovered = new ArrayList<>();
    int windows = 0;
    for (String w : WINDOWS) {
      if (!s.has(w)) {
        continue;
      }
      windows++;
      YearMonth from = s.month(w + ".from");
      YearMonth to = s.monthOrNull(w + ".to");
      Requirement req = Requirement.parse(s.string(w + ".require"));
      List<ChronologyEntry> in = Requirement.within(c.chronology, from, to);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("window", from + ".." + (to == null ? "" : to));
      m.put("entries", in.size());
      List<Object> checks = new ArrayList<>();
      for (Requirement.Check ch : req.check(in)) {
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("clause", ch.clause());
        cm.put("entries", ch.selected());
        cm.put("violating", ch.violating());
        cm.put("holds", ch.holds());
        checks.add(cm);
        if (!ch.holds()) {
          failed.add(
              w
                  + ": "
                  + ch.clause()
                  + " fails"
                  + (ch.violating().isEmpty()
                      ? " (none found)"
                      : " (" + String.join(", ", ch.violating()) + ")"));
        }
      }
      m.put("clauses", checks);
      boolean covered = req.covered(in);
      m.put("covered", covered);
      if (!covered) {
        uncovered.add(w + " " + from + ".." + (to == null ? "" : to));
      }
      evidence.put(w, m);
    }
    if (windows == 0) {
      throw s.fail("before/after", "at least one window");
    }
    if (!uncovered.isEmpty()) {
      return Finding.insufficient(
          "the chronology has no relevant entries in the window(s) "
              + String.join(", ", uncovered));
    }
    if (failed.isEmpty()) {
      return Finding.early(
          Judgement.inconclusive(
              "every requirement holds, but a requirement on documented events is not a"
                  + " statistical test and cannot reach q < 0.05; consistent with the claim"));
    }
    return Finding.early(
        Judgement.contradicted(
            "documented counter-example in the curated chronology (a fact, not a sample: no"
                + " p-value): "
                + String.join("; ", failed)));
  }

  /**
   * Revision mode ({@code counts}): a 2×2 table of decisions on drafts concerning a state, before
   * and after, "adopted with new measures" against "vetoed by one of the named members", tested by
   * Fisher's exact test (two-sided); a vetoed draft is counted once however many members vetoed it
   * (entries of the same day). Predicted: the share vetoed is higher after.
   */
  private static Finding counts(Spec s, Context c, Map<String, Object> evidence) {
    String measuresTag = s.string("counts.measures_tag");
    List<String> vetoTags = s.list("counts.veto_tags").stream().map(Object::toString).toList();
    String state = s.string("counts.concerns");
    // drafts of a kind left out on both sides (a revision that is not a measure when adopted is no
    // blocked measure when vetoed either)
    List<String> excluded =
        s.has("counts.exclude_tags")
            ? s.list("counts.exclude_tags").stream().map(Object::toString).toList()
            : List.of();
    int[] measures = new int[2];
    int[] vetoes = new int[2];
    for (int k = 0; k < 2; k++) {
      String w = WINDOWS.get(k);
      YearMonth from = s.month(w + ".from");
      YearMonth to = s.monthOrNull(w + ".to");
      List<ChronologyEntry> in = Requirement.within(c.chronology, from, to);
      List<String> measureIds = new ArrayList<>();
      List<String> vetoIds = new ArrayList<>();
      java.util.Set<java.time.LocalDate> vetoDays = new java.util.TreeSet<>();
      for (ChronologyEntry e : in) {
        if (!e.involves(state) || excluded.stream().anyMatch(e.tags()::contains)) {
          continue;
        }
        if (e.tags().contains("un-vote") && e.tags().contains(measuresTag)) {
          measureIds.add(e.id());
        }
        if (e.tags().contains("veto") && vetoTags.stream().anyMatch(e.tags()::contains)) {
          vetoIds.add(e.id());
          vetoDays.add(e.date());
        }
      }
      measures[k] = measureIds.size();
      vetoes[k] = vetoDays.size();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("window", from + ".." + (to == null ? "" : to));
      m.put("measures", measureIds);
      m.put("vetoes", vetoIds);
      m.put("vetoed_drafts", vetoDays.size());
      evidence.put(w, m);
    }
    int total = measures[0] + measures[1] + vetoes[0] + vetoes[1];
    if (measures[0] + vetoes[0] == 0 || measures[1] + vetoes[1] == 0) {
      return Finding.insufficient(
          "no decision on a draft concerning " + state + " in one of the windows");
    }
    ExactTests.Fisher f = ExactTests.fisher(measures[0], vetoes[0], measures[1], vetoes[1]);
    double shareBefore = (double) vetoes[0] / (measures[0] + vetoes[0]);
    double shareAfter = (double) vetoes[1] / (measures[1] + vetoes[1]);
    double effect = shareAfter - shareBefore;
    double minimum = s.number("counts.minimum_share_difference");
    TestResult t =
        new TestResult(
            "drafts on " + state + " vetoed vs adopted with new measures, after vs before",
            "Fisher exact test of [[measures before "
                + measures[0]
                + ", vetoed before "
                + vetoes[0]
                + "], [measures after "
                + measures[1]
                + ", vetoed after "
                + vetoes[1]
                + "]], two-sided",
            total,
            measures[0],
            f.twoSided(),
            Double.NaN,
            effect,
            "share vetoed after − before",
            "difference >= " + minimum,
            effect >= minimum,
            Decisions.direction(effect, true),
            f.greater());
    return Finding.of(List.of(t), Decisions.atLeast(1, 1, null));
  }
}
