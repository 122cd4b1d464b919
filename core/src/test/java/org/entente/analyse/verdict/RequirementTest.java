package org.entente.analyse.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.entente.model.ChronologyEntry;
import org.junit.jupiter.api.Test;

class RequirementTest {
  static ChronologyEntry entry(String id, String date, String a, String b, String... tags) {
    return new ChronologyEntry(
        id, LocalDate.parse(date), "day", a, b, "163", -8, 4, "t", "d", "src", List.of(tags));
  }

  @Test
  void parse_everyClauseWithAtLeastOne_checksEachSelectedEntry() {
    Requirement r =
        Requirement.parse(
            "every entry tagged un-vote and sanctions carries rus-vote-yes, and there is at least one");
    assertEquals(1, r.clauses().size());
    List<Requirement.Check> ok =
        r.check(
            List.of(
                entry("a", "2017-01-01", "IGOUNO", "PRK", "un-vote", "sanctions", "rus-vote-yes")));
    assertTrue(ok.get(0).holds());
    List<Requirement.Check> bad =
        r.check(List.of(entry("b", "2017-01-01", "IGOUNO", "PRK", "un-vote", "sanctions")));
    assertFalse(bad.get(0).holds());
    assertEquals(List.of("b"), bad.get(0).violating());
    assertFalse(r.check(List.of()).get(0).holds(), "there is at least one");
  }

  @Test
  void parse_dyadNoClause_selectsBothDirectionsOfTheDyad() {
    Requirement r = Requirement.parse("no RUS-PRK entry tagged treaty and mutual-defence");
    assertTrue(
        r.check(List.of(entry("x", "2020-01-01", "CHN", "PRK", "treaty", "mutual-defence")))
            .get(0)
            .holds());
    assertFalse(
        r.check(List.of(entry("y", "2024-06-19", "PRK", "RUS", "treaty", "mutual-defence")))
            .get(0)
            .holds());
  }

  @Test
  void parse_unknownWording_failsLoudly() {
    assertThrows(IllegalStateException.class, () -> Requirement.parse("most entries are friendly"));
  }

  @Test
  void within_yearPrecision_needsTheWholeYearInside() {
    ChronologyEntry y =
        new ChronologyEntry(
            "y",
            LocalDate.of(2017, 1, 1),
            "year",
            "RUS",
            "PRK",
            "057",
            8,
            1,
            "t",
            "d",
            "s",
            List.of());
    assertEquals(1, Requirement.within(List.of(y), YearMonth.of(2017, 1), null).size());
    assertEquals(
        0, Requirement.within(List.of(y), YearMonth.of(2006, 1), YearMonth.of(2017, 6)).size());
  }
}
