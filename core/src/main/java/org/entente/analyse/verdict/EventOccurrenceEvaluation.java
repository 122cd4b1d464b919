package org.entente.analyse.verdict;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.ingest.chronology.ChronologyEntry;
import org.entente.system.Proposition;

/**
 * Test kind {@code event_occurrence} (P7, P8): do the curated chronology's tagged entries meet a
 * requirement in each window?
 *
 * <p>Operationalisation read: {@code source} (must be {@code chronology}) and one or more windows
 * ({@code before}, {@code after}) each with {@code from}, {@code to} (null: no end) and {@code
 * require}, a requirement in words parsed by {@link Requirement}. An entry belongs to a window when
 * its whole dated period lies inside it. The chronology is whatever the evaluator was given: the
 * bundled one and the store's ingested entries, the store's replacing bundled ones with the same
 * id.
 *
 * <p>Rules (the propositions' words, generalised over windows): a window whose entries cannot speak
 * to its requirement ({@link Requirement#covered}: for P7 no UN vote in the window, for P8 no entry
 * at all after 2015) → inconclusive; every requirement holds → supported; otherwise not supported.
 */
final class EventOccurrenceEvaluation implements Evaluation {
  private static final List<String> WINDOWS = List.of("before", "after");

  @Override
  public Judgement evaluate(Proposition p, Spec s, Context c, Map<String, Object> evidence) {
    if (!s.string("source").equals("chronology")) {
      throw s.fail("source", "chronology");
    }
    evidence.put("chronology_entries", c.chronology.size());
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
      return Judgement.inconclusive(
          "the chronology has no relevant entries in the window(s) "
              + String.join(", ", uncovered));
    }
    if (failed.isEmpty()) {
      return Judgement.supported("every requirement holds");
    }
    return Judgement.notSupported(String.join("; ", failed));
  }
}
