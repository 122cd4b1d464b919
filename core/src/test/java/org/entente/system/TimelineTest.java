package org.entente.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.entente.model.ChronologyEntry;
import org.junit.jupiter.api.Test;

class TimelineTest {
  private static ChronologyEntry entry(
      String id, LocalDate d, String precision, String a, String b, String... tags) {
    return new ChronologyEntry(
        id, d, precision, a, b, "042", 1.9, 1, "t", "d", "src", List.of(tags));
  }

  @Test
  void timeline_dyadAndFrom_inDateOrderBothDirections() {
    Chronology.TimelineQuery q =
        new Chronology.TimelineQuery("RUS", "PRK", false, null, YearMonth.of(2019, 1), null);
    List<ChronologyEntry> out = Chronology.timeline(List.of(), q);
    assertFalse(out.isEmpty());
    for (int i = 0; i < out.size(); i++) {
      ChronologyEntry e = out.get(i);
      assertTrue(
          Set.of("RUS", "PRK").equals(Set.of(e.actor1(), e.actor2()))
              || (e.concerns().equals("PRK") && e.involves("RUS")),
          e.id());
      assertTrue(!e.date().isBefore(LocalDate.of(2019, 1, 1)), e.id());
      if (i > 0) {
        assertTrue(!e.date().isBefore(out.get(i - 1).date()));
      }
    }
  }

  @Test
  void timeline_directed_excludesTheOtherDirection() {
    List<ChronologyEntry> more =
        List.of(
            entry("zz-test-1", LocalDate.of(2020, 5, 1), "day", "JPN", "BLR"),
            entry("zz-test-2", LocalDate.of(2020, 6, 1), "day", "BLR", "JPN"));
    Chronology.TimelineQuery q = new Chronology.TimelineQuery("JPN", "BLR", true, null, null, null);
    List<ChronologyEntry> out = Chronology.timeline(more, q);
    assertEquals(List.of("zz-test-1"), out.stream().map(ChronologyEntry::id).toList());
  }

  @Test
  void timeline_yearPrecision_overlapsAMonthRange() {
    List<ChronologyEntry> more =
        List.of(entry("zz-test-3", LocalDate.of(1995, 1, 1), "year", "JPN", "BLR", "aid"));
    Chronology.TimelineQuery q =
        new Chronology.TimelineQuery(
            "JPN", "BLR", false, "aid", YearMonth.of(1995, 6), YearMonth.of(1995, 8));
    assertEquals(1, Chronology.timeline(more, q).size());
  }

  private static final class Set {
    static java.util.Set<String> of(String a, String b) {
      return java.util.Set.of(a, b);
    }
  }
}
