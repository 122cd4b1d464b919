package org.entente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import org.entente.store.DyadQuery.Dedup;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.DyadQuery.Weighting;
import org.junit.jupiter.api.Test;

class DyadQueryTest {

  /**
   * A user's --from/--to that would cut a quarter or year is named (2011-Q3 from 2011-08 summed two
   * of its three months, without a word).
   */
  @Test
  void cutsPeriod_namesTheWholePeriodsBounds() {
    assertEquals(null, Frequency.MONTH.cutsPeriod(YearMonth.of(2011, 8), YearMonth.of(2012, 2)));
    assertEquals(null, Frequency.QUARTER.cutsPeriod(YearMonth.of(2011, 7), YearMonth.of(2012, 3)));
    assertEquals(null, Frequency.YEAR.cutsPeriod(YearMonth.of(2011, 1), YearMonth.of(2012, 12)));
    assertEquals(null, Frequency.YEAR.cutsPeriod(null, null));
    String from = Frequency.QUARTER.cutsPeriod(YearMonth.of(2011, 8), null).message();
    assertTrue(
        from.startsWith("from 2011-08 starts inside a quarter") && from.contains("give 2011-07"),
        from);
    String to =
        Frequency.QUARTER.cutsPeriod(YearMonth.of(2011, 7), YearMonth.of(2012, 2)).message();
    assertTrue(
        to.startsWith("to 2012-02 ends inside a quarter") && to.contains("give 2012-03"), to);
    String year = Frequency.YEAR.cutsPeriod(null, YearMonth.of(2013, 1)).message();
    assertTrue(year.contains("give 2013-12 (the year's last month)"), year);
    assertTrue(
        Frequency.YEAR.cutsPeriod(YearMonth.of(2012, 11), null).message().contains("give 2012-01"));
  }

  @Test
  void constructor_sameActorTwice_throws() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DyadQuery.monthly("PRK", "PRK"));
    assertTrue(e.getMessage().contains("PRK"), e.getMessage());
  }

  @Test
  void constructor_fromAfterTo_throwsNamingBoth() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DyadQuery.monthly("RUS", "PRK")
                    .withRange(YearMonth.of(2020, 2), YearMonth.of(2020, 1)));
    assertTrue(e.getMessage().contains("2020-02") && e.getMessage().contains("2020-01"));
  }

  @Test
  void monthly_defaults_undirectedUnweightedWithoutFilters() {
    DyadQuery q = DyadQuery.monthly("RUS", "PRK");
    assertFalse(q.directed());
    assertEquals(Frequency.MONTH, q.frequency());
    assertEquals(Weighting.NONE, q.weighting());
    assertEquals(Dedup.NONE, q.dedup());
    assertFalse(q.stateOnly());
    assertFalse(q.dropStatements());
    assertEquals("RUS-PRK", q.label());
  }

  @Test
  void withRange_newRange_keepsEverythingElse() {
    DyadQuery q =
        new DyadQuery(
            "USA",
            "PRK",
            true,
            null,
            null,
            Frequency.QUARTER,
            Weighting.LOGMENTIONS,
            Dedup.DAILY,
            true,
            true);
    DyadQuery r = q.withRange(YearMonth.of(2017, 1), YearMonth.of(2018, 12));
    assertEquals(
        new DyadQuery(
            "USA",
            "PRK",
            true,
            YearMonth.of(2017, 1),
            YearMonth.of(2018, 12),
            Frequency.QUARTER,
            Weighting.LOGMENTIONS,
            Dedup.DAILY,
            true,
            true),
        r);
    assertEquals("USA>PRK", r.label());
  }

  /**
   * Every --freq takes the same words: the export's frequencies (day, month, year) take the aliases
   * the analyses' (month, quarter, year) take, for the frequencies they share (`export rollup
   * --freq monthly` was refused while `series --freq monthly` ran); the rollup file's freq column
   * stays strict.
   */
  @Test
  void frequencyOptions_takeTheSameAliasesEverywhere() {
    for (String w : new String[] {"month", "Monthly", " m "}) {
      assertEquals(Frequency.MONTH, Frequency.parse(w));
      assertEquals(RollupFrequency.MONTH, RollupFrequency.option(w));
    }
    for (String w : new String[] {"year", "yearly", "ANNUAL", "y"}) {
      assertEquals(Frequency.YEAR, Frequency.parse(w));
      assertEquals(RollupFrequency.YEAR, RollupFrequency.option(w));
    }
    assertEquals(RollupFrequency.DAY, RollupFrequency.option("daily"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RollupFrequency.option("Quarterly"));
    assertEquals("unknown frequency 'Quarterly' (expected day, month or year)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RollupFrequency.parse("monthly"));
    assertThrows(IllegalArgumentException.class, () -> Frequency.parse("daily"));
  }

  @Test
  void parse_optionValues_mapToEnumsAndUnknownThrows() {
    assertEquals(Frequency.QUARTER, Frequency.parse("Quarterly"));
    assertEquals(Frequency.YEAR, Frequency.parse("annual"));
    assertEquals(Frequency.MONTH, Frequency.parse("m"));
    assertEquals(Weighting.LOGMENTIONS, Weighting.parse("logmentions"));
    assertEquals(Dedup.URL, Dedup.parse("URL"));
    assertEquals("daily", Dedup.DAILY.optionName());
    assertEquals("articles", Weighting.ARTICLES.optionName());
    assertThrows(IllegalArgumentException.class, () -> Frequency.parse("week"));
    assertThrows(IllegalArgumentException.class, () -> Weighting.parse("tone"));
    assertThrows(IllegalArgumentException.class, () -> Dedup.parse("hourly"));
  }

  @Test
  void monthRange_startAfterEnd_throws() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new MonthRange(YearMonth.of(2020, 2), YearMonth.of(2020, 1)));
    assertEquals(
        YearMonth.of(2020, 1), new MonthRange(YearMonth.of(2020, 1), YearMonth.of(2020, 1)).last());
  }
}
