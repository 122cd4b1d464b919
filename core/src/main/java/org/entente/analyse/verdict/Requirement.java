package org.entente.analyse.verdict;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.model.ChronologyEntry;

/**
 * A requirement on the chronology entries of a window, parsed from the words of an {@code
 * event_occurrence} operationalisation: clauses joined by ", and ", each one of
 *
 * <ul>
 *   <li>{@code every entry tagged T1 and T2 carries T3}: each entry with all of T1, T2 also has T3;
 *   <li>{@code there is at least one}: the previous clause's entries are not none;
 *   <li>{@code at least one [A-B ]entry tagged T1 [and T2]}: some entry has them;
 *   <li>{@code no [A-B ]entry tagged T1 [and T2] [carries T3]}: no entry has them (and T3).
 * </ul>
 *
 * An optional {@code A-B} restricts a clause to entries between A and B in either direction. Text
 * that does not parse fails with {@link IllegalStateException}: the requirement is data, and an
 * unknown form must not be guessed.
 */
final class Requirement {
  private static final Pattern CLAUSE =
      Pattern.compile(
          "(every|at least one|no) (?:([A-Z]{3,9})-([A-Z]{3,9}) )?entry tagged ([a-z0-9-]+(?: and"
              + " [a-z0-9-]+)*)(?: carries ([a-z0-9-]+))?");

  /** One parsed clause. */
  record Clause(String quantifier, String a, String b, List<String> tags, String carries) {

    boolean selects(ChronologyEntry e) {
      if (a != null) {
        boolean ab = e.actor1().equals(a) && e.actor2().equals(b);
        boolean ba = e.actor1().equals(b) && e.actor2().equals(a);
        if (!ab && !ba) {
          return false;
        }
      }
      return e.tags().containsAll(tags);
    }

    /** The clause in words. */
    String text() {
      return quantifier
          + " "
          + (a == null ? "" : a + "-" + b + " ")
          + "entry tagged "
          + String.join(" and ", tags)
          + (carries == null ? "" : " carries " + carries);
    }
  }

  /**
   * The outcome of checking one clause.
   *
   * @param clause the clause in words
   * @param selected ids of the entries the clause is about (tagged as it says)
   * @param violating ids of the entries that break it
   * @param holds whether it holds
   */
  record Check(String clause, List<String> selected, List<String> violating, boolean holds) {}

  private final String text;
  private final List<Clause> clauses;
  private final List<Boolean> atLeastOneAfter;

  private Requirement(String text, List<Clause> clauses, List<Boolean> atLeastOneAfter) {
    this.text = text;
    this.clauses = clauses;
    this.atLeastOneAfter = atLeastOneAfter;
  }

  static Requirement parse(String text) {
    List<Clause> clauses = new ArrayList<>();
    List<Boolean> atLeastOne = new ArrayList<>();
    for (String part : text.trim().split(",\\s*and\\s+")) {
      String p = part.trim();
      if (p.equals("there is at least one")) {
        if (clauses.isEmpty()) {
          throw new IllegalStateException(
              "requirement '" + text + "': 'there is at least one' first");
        }
        atLeastOne.set(atLeastOne.size() - 1, true);
        continue;
      }
      Matcher m = CLAUSE.matcher(p);
      if (!m.matches()) {
        throw new IllegalStateException(
            "requirement '" + text + "': cannot read the clause '" + p + "'");
      }
      clauses.add(
          new Clause(
              m.group(1), m.group(2), m.group(3), List.of(m.group(4).split(" and ")), m.group(5)));
      atLeastOne.add(false);
    }
    return new Requirement(text, List.copyOf(clauses), atLeastOne);
  }

  String text() {
    return text;
  }

  List<Clause> clauses() {
    return clauses;
  }

  /** Checks every clause on the entries of a window. */
  List<Check> check(List<ChronologyEntry> entries) {
    List<Check> out = new ArrayList<>();
    for (int i = 0; i < clauses.size(); i++) {
      Clause c = clauses.get(i);
      List<String> selected = new ArrayList<>();
      List<String> violating = new ArrayList<>();
      for (ChronologyEntry e : entries) {
        if (!c.selects(e)) {
          continue;
        }
        selected.add(e.id());
        boolean carries = c.carries() == null || e.tags().contains(c.carries());
        switch (c.quantifier()) {
          case "every" -> {
            if (!carries) {
              violating.add(e.id());
            }
          }
          case "no" -> {
            if (carries) {
              violating.add(e.id());
            }
          }
          default -> {}
        }
      }
      boolean holds =
          switch (c.quantifier()) {
            case "at least one" -> !selected.isEmpty();
            default -> violating.isEmpty();
          };
      String words = c.text();
      if (atLeastOneAfter.get(i)) {
        holds = holds && !selected.isEmpty();
        words += ", and there is at least one";
      }
      out.add(new Check(words, selected, violating, holds));
    }
    return out;
  }

  /**
   * Whether a window's entries can speak to this requirement: for a requirement with an {@code
   * every} or {@code at least one} clause, some entry carries the first tag of one of those clauses
   * (for "every entry tagged un-vote and sanctions", a UN vote); for one made only of {@code no}
   * clauses, the chronology has some entry, of any kind, in the window.
   */
  boolean covered(List<ChronologyEntry> window) {
    List<Clause> positive = clauses.stream().filter(c -> !c.quantifier().equals("no")).toList();
    if (positive.isEmpty()) {
      return !window.isEmpty();
    }
    for (ChronologyEntry e : window) {
      for (Clause c : positive) {
        if (e.tags().contains(c.tags().get(0))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The entries dated in [from, to] (to {@code null}: no end), by their dated period. */
  static List<ChronologyEntry> within(List<ChronologyEntry> all, YearMonth from, YearMonth to) {
    List<ChronologyEntry> out = new ArrayList<>();
    for (ChronologyEntry e : all) {
      YearMonth first = YearMonth.from(e.date());
      YearMonth last = e.precision().equals("year") ? YearMonth.of(e.date().getYear(), 12) : first;
      if (!first.isBefore(from) && (to == null || !last.isAfter(to))) {
        out.add(e);
      }
    }
    return out;
  }
}
