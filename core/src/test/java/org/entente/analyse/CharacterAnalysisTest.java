package org.entente.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import org.entente.analyse.character.CharacterComponents;
import org.entente.analyse.series.Dyad;
import org.entente.analyse.series.SeriesOptions;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;

/**
 * The character components gathered from a store, checked against values worked out by hand from
 * the planted events with the formulas of METHODS §6.
 */
class CharacterAnalysisTest {

  /** RUS-PRK events in 2023-01..2024-12, plus one USA-JPN window for the reference set. */
  private static DuckDbStore planted() {
    StoreFixture f = new StoreFixture();
    f.events(YearMonth.of(2023, 6), "RUS", "PRK", "057", 3); // sign agreement: DIP, quad 1
    f.events(YearMonth.of(2023, 6), "PRK", "RUS", "111", 1); // criticise: quad 3
    f.events(YearMonth.of(2023, 8), "PRK", "RUS", "046", 2); // negotiate: DIP, quad 1
    f.events(YearMonth.of(2024, 1), "RUS", "PRK", "061", 4); // economic: ECO, quad 2
    f.events(YearMonth.of(2024, 2), "PRK", "RUS", "062", 2); // military: MIL, quad 2
    for (String day : new String[] {"20230310", "20230905", "20240220", "20241001"}) {
      f.event(day, "RUS", "PRK", "042"); // government visits in window months 3, 9, 14, 22
    }
    f.event("20230512", "RUS", "PRK", "042", "GOV", "BUS"); // a visit, not between governments
    f.events(YearMonth.of(2023, 4), "USA", "JPN", "042", 5);
    f.events(YearMonth.of(2023, 7), "JPN", "USA", "111", 2);
    return f.build();
  }

  private static CharacterRequest request(CharacterRequest.Reference ref, YearMonth to) {
    return new CharacterRequest(
        new Dyad("PRK", "RUS", false),
        24,
        YearMonth.of(2023, 1),
        to,
        ref,
        SeriesOptions.defaults(Frequency.MONTH),
        false);
  }

  @Test
  void run_plantedWindow_givesTheHandComputedComponents() {
    try (DuckDbStore s = planted()) {
      CharacterReport r =
          new CharacterAnalysis(s)
              .run(request(CharacterRequest.Reference.CORE, YearMonth.of(2026, 12)));
      assertEquals(2, r.windows().size());
      CharacterReport.Window w = r.windows().get(0);
      assertEquals("PRK-RUS", w.dyad());
      assertEquals("2023-01..2024-12", w.label());
      assertEquals(17, w.events());
      CharacterComponents c = w.components();
      // cooperative events by domain: ECO 4, MIL 2, DIP 10 (057 x3, 046 x2, 042 x5)
      double h = -(0.25 * Math.log(0.25) + 0.125 * Math.log(0.125) + 0.625 * Math.log(0.625));
      assertEquals(h / Math.log(6), c.breadth(), 1e-12);
      assertEquals(2.0 / 16, c.securityShare(), 1e-12);
      assertEquals(6.0 / 16, c.materialShare(), 1e-12); // W2 = 061 + 062 = 6, W1 = 10
      assertEquals(12.0 * 5 / 24, c.institutionalisation(), 1e-12);
      // cooperative PRK->RUS: 046 x2 + 062 x2 = 4; RUS->PRK: 057 x3 + 061 x4 + 042 x5 = 12
      assertEquals(1 - 8.0 / 16, c.diffuseBalance(), 1e-12);
      // gaps 6, 5, 8 between government visits
      double mean = 19.0 / 3;
      double sd =
          Math.sqrt((Math.pow(6 - mean, 2) + Math.pow(5 - mean, 2) + Math.pow(8 - mean, 2)) / 2);
      assertEquals(sd / mean, c.visitGapCv(), 1e-12);
      // S4 in the 8 months with events: seven at 1 and 2023-06 at (3 - 1)/4
      double m = 7.5 / 8;
      assertEquals(
          Math.sqrt((7 * Math.pow(1 - m, 2) + Math.pow(0.5 - m, 2)) / 7), c.volatility(), 1e-12);
      assertTrue(Double.isNaN(c.persistence()), "fewer than 12 months with events");

      assertEquals(2, r.reference().size(), "PRK-RUS and USA-JPN windows with events");
      assertTrue(Double.isFinite(w.score().tsi()));
      CharacterReport.Window empty = r.windows().get(1);
      assertEquals(0, empty.events());
      assertNull(empty.score());
      assertTrue(empty.complete());
    }
  }

  /**
   * A store read with --actors RUS,PRK holds no other core dyad: the core reference skips and names
   * them (their windows would have had no events) instead of refusing the analysis, and the dyad's
   * own components are those of the unfiltered store.
   */
  @Test
  void run_coreReferenceOnAFilteredStore_skipsAndNamesTheDyadsItLeftOut() {
    StoreFixture f = new StoreFixture();
    f.events(YearMonth.of(2023, 6), "RUS", "PRK", "057", 3);
    f.events(YearMonth.of(2023, 8), "PRK", "RUS", "046", 2);
    f.events(YearMonth.of(2023, 4), "USA", "JPN", "042", 5);
    CharacterRequest q = request(CharacterRequest.Reference.CORE, YearMonth.of(2024, 12));
    try (DuckDbStore all = f.buildFiltered();
        DuckDbStore two = f.buildWith(java.util.Set.of("RUS", "PRK"))) {
      CharacterReport a = new CharacterAnalysis(scope(all)).run(q);
      CharacterReport b = new CharacterAnalysis(scope(two)).run(q);
      assertEquals(java.util.List.of(), a.leftOut());
      assertEquals(2, a.reference().size(), "PRK-RUS and USA-JPN");
      assertEquals(14, b.leftOut().size(), b.leftOut().toString());
      assertTrue(b.leftOut().contains("USA-JPN"), b.leftOut().toString());
      assertFalse(b.leftOut().contains("RUS-PRK") || b.leftOut().contains("PRK-RUS"));
      assertEquals(1, b.reference().size());
      assertEquals(
          a.windows().get(0).components().named(), b.windows().get(0).components().named());
    }
  }

  private static org.entente.store.EventStore scope(DuckDbStore s) {
    return org.entente.store.SourceSelection.scope(s, "gdelt2");
  }

  @Test
  void run_selfReferenceAndPartialWindow_scoresOnlyTheDyad() {
    try (DuckDbStore s = planted()) {
      CharacterReport r =
          new CharacterAnalysis(s)
              .run(request(CharacterRequest.Reference.SELF, YearMonth.of(2025, 6)));
      assertEquals(1, r.reference().size());
      CharacterReport.Window last = r.windows().get(1);
      assertEquals(6, last.months());
      assertFalse(last.complete());
      // one row: no spread to z-score against, so the index is undefined but the components stay
      assertTrue(Double.isNaN(r.windows().get(0).score().tsi()));
      assertEquals(2.5, r.windows().get(0).components().institutionalisation(), 1e-12);
    }
  }

  @Test
  void windowsAll_readTogether_equalsEachDyadsWindowsReadAlone() {
    java.util.List<org.entente.store.MonthRange> windows =
        java.util.List.of(
            new org.entente.store.MonthRange(YearMonth.of(2023, 1), YearMonth.of(2023, 12)),
            new org.entente.store.MonthRange(YearMonth.of(2024, 1), YearMonth.of(2024, 12)));
    java.util.List<Dyad> dyads =
        java.util.List.of(
            new Dyad("PRK", "RUS", false),
            new Dyad("USA", "JPN", false),
            new Dyad("RUS", "PRK", false),
            new Dyad("CHN", "KOR", false));
    SeriesOptions filters = SeriesOptions.defaults(Frequency.MONTH);
    try (DuckDbStore s = planted()) {
      CharacterAnalysis a = new CharacterAnalysis(s);
      java.util.List<java.util.List<CharacterReport.Window>> together =
          a.windowsAll(dyads, windows, 12, filters);
      assertEquals(dyads.size(), together.size());
      for (int i = 0; i < dyads.size(); i++) {
        assertEquals(
            a.windows(dyads.get(i), windows, 12, filters).toString(),
            together.get(i).toString(),
            dyads.get(i).label());
      }
      // PRK-RUS: 2023 holds 057 x3, 111, 046 x2 and three visits; 2024 061 x4, 062 x2, two visits
      assertEquals(9, together.get(0).get(0).events());
      assertEquals(8, together.get(0).get(1).events());
      assertEquals(0, together.get(3).get(0).events() + together.get(3).get(1).events());
    }
  }

  @Test
  void run_noEvents_givesNoWindows() {
    try (DuckDbStore s = new StoreFixture().build()) {
      CharacterRequest q =
          new CharacterRequest(
              new Dyad("RUS", "PRK", false),
              24,
              null,
              null,
              CharacterRequest.Reference.CORE,
              SeriesOptions.defaults(Frequency.MONTH),
              false);
      assertTrue(new CharacterAnalysis(s).run(q).windows().isEmpty());
    }
  }
}
