package org.entente.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import org.entente.store.DyadQuery.Frequency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "MONTH, 2024-06, 2024-06, 2024-06, 2024-06",
    "QUARTER, 2024-01, 2024-Q1, 2024-01, 2024-03",
    "QUARTER, 2024-06, 2024-Q2, 2024-04, 2024-06",
    "QUARTER, 2024-07, 2024-Q3, 2024-07, 2024-09",
    "QUARTER, 2024-12, 2024-Q4, 2024-10, 2024-12",
    "YEAR, 2024-06, 2024, 2024-01, 2024-12"
  })
  void containing_month_givesLabelAndBounds(
      Frequency f, String month, String label, String first, String last) {
    Period p = Period.containing(f, YearMonth.parse(month));
    assertEquals(label, p.label());
    assertEquals(label, p.toString());
    assertEquals(YearMonth.parse(first), p.first());
    assertEquals(YearMonth.parse(last), p.last());
  }

  @Test
  void next_lastPeriodOfAYear_isInTheNextYear() {
    assertEquals(
        "2025-01", Period.containing(Frequency.MONTH, YearMonth.of(2024, 12)).next().label());
    assertEquals(
        "2025-Q1", Period.containing(Frequency.QUARTER, YearMonth.of(2024, 11)).next().label());
    assertEquals("2025", Period.containing(Frequency.YEAR, YearMonth.of(2024, 2)).next().label());
  }

  @Test
  void containing_day_isTheDaysMonthPeriod() {
    assertEquals(
        Period.containing(Frequency.QUARTER, YearMonth.of(2017, 8)),
        Period.containing(Frequency.QUARTER, LocalDate.of(2017, 9, 30)));
  }

  @Test
  void compareTo_periods_orderByFirstMonth() {
    Period a = Period.containing(Frequency.MONTH, YearMonth.of(2017, 8));
    assertTrue(a.compareTo(a.next()) < 0);
    assertTrue(a.next().compareTo(a) > 0);
    assertEquals(0, a.compareTo(Period.containing(Frequency.MONTH, YearMonth.of(2017, 8))));
  }
}
