package org.entente.analyse.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.entente.analyse.StoreFixture;
import org.entente.analyse.series.SeriesOptions;
import org.entente.cameo.Cameo;
import org.entente.ingest.FileReport;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.model.ChronologyEntry;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.duckdb.DuckDbStore;
import org.entente.system.Chronology;
import org.entente.system.Proposition;
import org.entente.system.Propositions;
import org.junit.jupiter.api.Test;

/**
 * Verdicts follow the data: for several propositions, one synthetic store is built so that the
 * proposition must come out supported by its bundled operationalisation and another so that it must
 * not; empty windows give inconclusive verdicts; and the whole set runs on the demo store.
 */
class PropositionEvaluatorTest {

  private static Verdict evaluate(DuckDbStore s, List<ChronologyEntry> chronology, String id) {
    return new PropositionEvaluator(s, chronology, SeriesOptions.defaults(Frequency.MONTH))
        .evaluate(Propositions.byId(id));
  }

  private static Verdict evaluate(DuckDbStore s, String id) {
    return evaluate(s, List.of(), id);
  }

  /** Plants s6 = d/12 for a quarter: C + K = 10 events, C − K = d, spread over its months. */
  private static void quarter(StoreFixture f, int year, int q, String a, String b, int d) {
    int coop = (10 + d) / 2;
    int conflict = (10 - d) / 2;
    for (int i = 0; i < 3; i++) {
      YearMonth m = YearMonth.of(year, 3 * q - 2 + i);
      f.mix(m, a, b, coop / 3 + (i < coop % 3 ? 1 : 0), conflict / 3 + (i < conflict % 3 ? 1 : 0));
    }
  }

  private static int even(Random r, int max) {
    return 2 * (r.nextInt(max + 1) - max / 2);
  }

  /**
   * USA-RUS and RUS-PRK quarterly 1991–2016 (104 quarters, all with events). With {@code planted},
   * RUS-PRK's net cooperation is minus USA-RUS's of the previous quarter plus noise; otherwise it
   * is drawn independently.
   */
  private static DuckDbStore p1Store(boolean planted) {
    Random r = new Random(1991);
    StoreFixture f = new StoreFixture();
    int previous = 0;
    for (int year = 1991; year <= 2016; year++) {
      for (int q = 1; q <= 4; q++) {
        int dx = even(r, 8);
        int noise = even(r, 2);
        int dy = planted ? Math.max(-8, Math.min(8, -previous + noise)) : even(r, 8);
        quarter(f, year, q, "USA", "RUS", dx);
        quarter(f, year, q, "RUS", "PRK", dy);
        previous = dx;
      }
    }
    return f.build();
  }

  @Test
  void p1_plantedNegativeLead_isSupported() {
    try (DuckDbStore s = p1Store(true)) {
      Verdict v = evaluate(s, "P1");
      assertEquals(Outcome.SUPPORTED, v.outcome(), v.reason() + " " + v.evidence());
      @SuppressWarnings("unchecked")
      Map<String, Object> xy = (Map<String, Object>) v.evidence().get("x_to_y");
      assertTrue((Double) xy.get("coefficient_sum") < 0);
      assertEquals(20150401L, v.evidence().get("seed"));
      assertEquals(104, v.evidence().get("periods_with_events_both"));
    }
  }

  @Test
  void p1_independentSeries_isInconclusiveNotContradicted() {
    try (DuckDbStore s = p1Store(false)) {
      Verdict v = evaluate(s, "P1");
      // no Granger causality is absence of evidence, not evidence against
      assertEquals(Outcome.INCONCLUSIVE, v.outcome(), v.reason() + " " + v.evidence());
      assertTrue(v.tests().get(0).q() >= 0.05, v.reason());
    }
  }

  @Test
  void p1_tooFewQuarters_isInsufficientDataNamingTheMinimum() {
    StoreFixture f = new StoreFixture();
    for (int q = 1; q <= 4; q++) {
      quarter(f, 2015, q, "USA", "RUS", 2);
      quarter(f, 2015, q, "RUS", "PRK", -2);
    }
    try (DuckDbStore s = f.build()) {
      Verdict v = evaluate(s, "P1");
      assertEquals(Outcome.INSUFFICIENT_DATA, v.outcome());
      assertTrue(v.reason().contains("minimum 40 and 24"), v.reason());
    }
  }

  /** USA-RUS yearly 1991–2010, hostile in 1991–95 and 2001–05; RUS-PRK economic events. */
  private static DuckDbStore p2Store(boolean onlyWhenHostile) {
    StoreFixture f = new StoreFixture();
    for (int y = 1991; y <= 2010; y++) {
      boolean hostile = (y <= 1995) || (y >= 2001 && y <= 2005);
      f.mix(YearMonth.of(y, 3), "USA", "RUS", hostile ? 1 : 4, hostile ? 4 : 1);
      f.events(YearMonth.of(y, 5), "RUS", "PRK", "042", 1);
      int economic = onlyWhenHostile ? (hostile ? 3 + y % 2 : 0) : 2 + y % 2;
      f.events(YearMonth.of(y, 7), "RUS", "PRK", "061", economic);
    }
    return f.build();
  }

  @Test
  void p2_economicEventsOnlyInHostileYears_isSupported() {
    try (DuckDbStore s = p2Store(true)) {
      Verdict v = evaluate(s, "P2");
      assertEquals(Outcome.SUPPORTED, v.outcome(), v.reason());
      assertEquals(10, ((List<?>) v.evidence().get("hostile_periods")).size());
    }
  }

  @Test
  void p2_economicEventsEveryYear_isInconclusive() {
    try (DuckDbStore s = p2Store(false)) {
      Verdict v = evaluate(s, "P2");
      assertEquals(Outcome.INCONCLUSIVE, v.outcome(), v.reason());
      assertTrue(v.tests().get(0).method().startsWith("permutation"), v.reason());
    }
  }

  /**
   * RUS-PRK monthly 2012–2024 with ten events a month and net cooperation noisy around a level;
   * with {@code stages}, the level shifts at Rozman's breaks 2014-03, 2018-01 and 2022-01.
   */
  private static DuckDbStore p3Store(boolean stages) {
    Random r = new Random(2012);
    StoreFixture f = new StoreFixture();
    for (YearMonth m = YearMonth.of(2012, 1);
        !m.isAfter(YearMonth.of(2024, 12));
        m = m.plusMonths(1)) {
      int level = 2;
      if (stages) {
        level =
            m.isBefore(YearMonth.of(2014, 3))
                ? 2
                : m.isBefore(YearMonth.of(2018, 1))
                    ? -4
                    : m.isBefore(YearMonth.of(2022, 1)) ? 4 : 8;
      }
      int d = Math.max(-10, Math.min(10, level + even(r, 2)));
      f.mix(m, "RUS", "PRK", (10 + d) / 2, (10 - d) / 2);
    }
    return f.build();
  }

  @Test
  void p3_levelShiftsAtRozmansBreaks_isSupported() {
    try (DuckDbStore s = p3Store(true)) {
      Verdict v = evaluate(s, "P3");
      assertEquals(Outcome.SUPPORTED, v.outcome(), v.reason() + " " + v.evidence());
    }
  }

  @Test
  void p3_noShifts_isInconclusive() {
    try (DuckDbStore s = p3Store(false)) {
      Verdict v = evaluate(s, "P3");
      assertEquals(Outcome.INCONCLUSIVE, v.outcome(), v.reason() + " " + v.evidence());
    }
  }

  /** P5 windows: before 2021-09..2023-08, after 2023-09..2025-08, monthly events. */
  private static DuckDbStore p5Store(boolean asClaimed) {
    Random r = new Random(2023);
    StoreFixture f = new StoreFixture();
    for (YearMonth m = YearMonth.of(2021, 9);
        !m.isAfter(YearMonth.of(2025, 8));
        m = m.plusMonths(1)) {
      boolean after = !m.isBefore(YearMonth.of(2023, 9));
      int chn = (after == asClaimed) ? 1 : 4; // cooperative events of 4 with CHN-PRK
      int rus = (after == asClaimed) ? 4 : 1;
      chn = Math.max(0, Math.min(4, chn + r.nextInt(2)));
      rus = Math.max(0, Math.min(4, rus - r.nextInt(2)));
      f.mix(m, "CHN", "PRK", chn, 4 - chn);
      f.mix(m, "RUS", "PRK", rus, 4 - rus);
    }
    return f.build();
  }

  @Test
  void p5_chinaCoolsRussiaWarms_isSupported() {
    try (DuckDbStore s = p5Store(true)) {
      Verdict v = evaluate(s, "P5");
      assertEquals(Outcome.SUPPORTED, v.outcome(), v.reason() + " " + v.evidence());
    }
  }

  @Test
  void p5_theOppositeMoves_isNotSupported() {
    try (DuckDbStore s = p5Store(false)) {
      Verdict v = evaluate(s, "P5");
      assertEquals(Outcome.CONTRADICTED, v.outcome(), v.reason());
      assertTrue(v.reason().contains("against the prediction"), v.reason());
    }
  }

  /** USA-CHN-RUS yearly: before 1990–2007 a US-pivot romantic triangle; after 2014–2020 given. */
  private static DuckDbStore p10Store(boolean marriageAfter) {
    StoreFixture f = new StoreFixture();
    for (int y = 1990; y <= 2007; y++) {
      f.mix(YearMonth.of(y, 4), "USA", "CHN", 4, 0);
      f.mix(YearMonth.of(y, 4), "USA", "RUS", 4, 0);
      f.mix(YearMonth.of(y, 4), "CHN", "RUS", 0, 4);
    }
    for (int y = 2014; y <= 2020; y++) {
      f.mix(YearMonth.of(y, 4), "CHN", "RUS", 4, 0);
      f.mix(YearMonth.of(y, 4), "USA", "CHN", marriageAfter ? 0 : 4, marriageAfter ? 4 : 0);
      f.mix(YearMonth.of(y, 4), "USA", "RUS", marriageAfter ? 0 : 4, marriageAfter ? 4 : 0);
    }
    return f.build();
  }

  @Test
  void p10_pivotThenStableMarriage_isSupported() {
    try (DuckDbStore s = p10Store(true)) {
      Verdict v = evaluate(s, "P10");
      assertEquals(Outcome.SUPPORTED, v.outcome(), v.reason() + " " + v.evidence());
    }
  }

  @Test
  void p10_menageATroisAfter_isNotSupported() {
    try (DuckDbStore s = p10Store(false)) {
      Verdict v = evaluate(s, "P10");
      assertEquals(Outcome.CONTRADICTED, v.outcome(), v.reason());
    }
  }

  private static ChronologyEntry entry(String id, String date, String a, String b, String... tags) {
    return RequirementTest.entry(id, date, a, b, tags);
  }

  @Test
  void p7v1_requirementsHoldIsInconclusiveAndAYesAfterwardsContradicts() {
    List<ChronologyEntry> c = new ArrayList<>();
    c.add(entry("v2016", "2016-03-02", "IGOUNO", "PRK", "un-vote", "sanctions", "rus-vote-yes"));
    c.add(entry("v2022", "2022-05-26", "RUS", "USA", "un-vote", "veto", "sanctions", "rus-veto"));
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      // documented facts consistent with the claim, but no test that could reach q < 0.05
      Verdict holds = evaluate(s, c, "P7");
      assertEquals(Outcome.INCONCLUSIVE, holds.outcome(), holds.reason());
      assertTrue(holds.tests().isEmpty());
      c.add(entry("v2023", "2023-03-16", "IGOUNO", "PRK", "un-vote", "sanctions", "rus-vote-yes"));
      Verdict v = evaluate(s, c, "P7");
      assertEquals(Outcome.CONTRADICTED, v.outcome());
      assertTrue(v.reason().contains("v2023"), v.reason());
      assertEquals(
          Outcome.INSUFFICIENT_DATA,
          evaluate(s, List.of(c.get(0)), "P7").outcome(),
          "no votes after");
    }
  }

  private static ChronologyEntry concerning(ChronologyEntry e, String state) {
    return e.withConcerns(state);
  }

  /** Eleven adopted resolutions with new measures on the DPRK (2006-2016) and one renewal. */
  private static List<ChronologyEntry> elevenMeasuresAndARenewal() {
    List<ChronologyEntry> c = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      c.add(
          entry(
              "m" + i,
              (2006 + i) + "-06-01",
              "IGOUNO",
              "PRK",
              "un-vote",
              "sanctions-measures",
              "rus-vote-yes"));
    }
    c.add(entry("renewal", "2016-03-24", "IGOUNO", "PRK", "un-vote", "panel-renewal"));
    return c;
  }

  /** P7 v2: Fisher's exact test; 11 measures before, 2 vetoed drafts after gives p = 1/78. */
  @Test
  void p7v2_elevenMeasuresThenTwoVetoes_fisherPIsOneIn78AndSupportedAlone() {
    List<ChronologyEntry> c = elevenMeasuresAndARenewal();
    ChronologyEntry ru = entry("r22", "2022-05-26", "RUS", "USA", "un-vote", "veto", "rus-veto");
    ChronologyEntry cn = entry("c22", "2022-05-26", "CHN", "USA", "un-vote", "veto", "chn-veto");
    ChronologyEntry r24 = entry("r24", "2024-03-28", "RUS", "USA", "un-vote", "veto", "rus-veto");
    ChronologyEntry ukraine =
        entry("ua", "2022-02-25", "RUS", "USA", "un-vote", "veto", "rus-veto");
    c.add(concerning(ru, "PRK"));
    c.add(concerning(cn, "PRK"));
    c.add(concerning(r24, "PRK"));
    c.add(ukraine);
    Proposition v2 = Propositions.versions("P7").get(1);
    assertEquals(2, v2.version());
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      Verdict v =
          new PropositionEvaluator(s, c, SeriesOptions.defaults(Frequency.MONTH)).evaluate(v2);
      TestResult t = v.tests().get(0);
      // [[11, 0], [0, 2]]: the only table as extreme has probability 1/C(13, 2) = 1/78
      assertEquals(1.0 / 78, t.p(), 1e-12);
      assertEquals(13, t.n(), "the renewal and the Ukraine veto are not counted");
      assertEquals(Outcome.SUPPORTED, v.outcome(), v.reason());
      assertEquals(2, v.version());
    }
  }

  /**
   * P7 v3 leaves Panel of Experts renewals out on both sides: v2 left the adopted ones out of the
   * measures but counted the 2024 vetoed renewal as a blocked draft. With the 2024 veto tagged
   * panel-renewal (as in the bundled chronology) the table is [[11, 0], [0, 1]]: Fisher p = 1/12,
   * inconclusive; v2 on the same entries counts it and gives [[11, 0], [0, 2]], p = 1/78.
   */
  @Test
  void p7v3_renewalsLeftOutOnBothSides_fisherPIsOneIn12AndInconclusive() {
    List<ChronologyEntry> c = elevenMeasuresAndARenewal();
    c.add(
        concerning(entry("r22", "2022-05-26", "RUS", "USA", "un-vote", "veto", "rus-veto"), "PRK"));
    c.add(
        concerning(
            entry(
                "r24", "2024-03-28", "RUS", "USA", "un-vote", "veto", "rus-veto", "panel-renewal"),
            "PRK"));
    List<Proposition> versions = Propositions.versions("P7");
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      PropositionEvaluator e =
          new PropositionEvaluator(s, c, SeriesOptions.defaults(Frequency.MONTH));
      Verdict v3 = e.evaluate(versions.get(2));
      assertEquals(3, v3.version());
      assertEquals(1.0 / 12, v3.tests().get(0).p(), 1e-12);
      assertEquals(12, v3.tests().get(0).n());
      assertEquals(Outcome.INCONCLUSIVE, v3.outcome(), v3.reason());
      Verdict v2 = e.evaluate(versions.get(1));
      assertEquals(1.0 / 78, v2.tests().get(0).p(), 1e-12);
    }
  }

  @Test
  void p8_treatyAfter2015_isContradictedAndItsAbsenceOnlyInconclusive() {
    ChronologyEntry visit = entry("visit", "2019-04-25", "PRK", "RUS", "summit");
    ChronologyEntry treaty =
        entry("treaty", "2024-06-19", "RUS", "PRK", "treaty", "mutual-defence");
    ChronologyEntry old = entry("old", "2000-02-09", "RUS", "PRK", "treaty", "mutual-defence");
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      assertEquals(Outcome.INCONCLUSIVE, evaluate(s, List.of(old, visit), "P8").outcome());
      assertEquals(Outcome.CONTRADICTED, evaluate(s, List.of(visit, treaty), "P8").outcome());
      assertEquals(Outcome.INSUFFICIENT_DATA, evaluate(s, List.of(old), "P8").outcome());
    }
  }

  /**
   * P9 windows: before 2021-08..2023-07, after 2023-08..2025-07. JPN-KOR warms after; USA-JPN
   * stays; USA-KOR stays, or with {@code usKoreaCools} falls.
   */
  private static DuckDbStore p9Store(boolean usKoreaCools) {
    Random r = new Random(2021);
    StoreFixture f = new StoreFixture();
    for (YearMonth m = YearMonth.of(2021, 8);
        !m.isAfter(YearMonth.of(2025, 7));
        m = m.plusMonths(1)) {
      boolean after = !m.isBefore(YearMonth.of(2023, 8));
      int jk = (after ? 4 : 2) - r.nextInt(2);
      int uj = 3 + r.nextInt(2);
      int uk = (usKoreaCools && after ? 1 : 3) + r.nextInt(2);
      f.mix(m, "JPN", "KOR", jk, 4 - jk);
      f.mix(m, "USA", "JPN", uj, 4 - uj);
      f.mix(m, "USA", "KOR", uk, 4 - uk);
    }
    return f.build();
  }

  @Test
  void p9_japanKoreaWarmsUsTiesHold_isSupported() {
    try (DuckDbStore s = p9Store(false)) {
      Verdict v = evaluate(s, "P9");
      assertEquals(Outcome.SUPPORTED, v.outcome(), v.reason() + " " + v.evidence());
    }
  }

  @Test
  void p9_usKoreaFallsSignificantly_isNotSupported() {
    try (DuckDbStore s = p9Store(true)) {
      Verdict v = evaluate(s, "P9");
      assertEquals(Outcome.CONTRADICTED, v.outcome(), v.reason());
      assertTrue(v.reason().contains("USA-KOR"), v.reason());
    }
  }

  /**
   * P6: five reference dyads with two 1991–94 windows each, and RUS-PRK in 2023–24. With {@code
   * strategicTarget} the references hold only one-way visits (narrow, no agreements) and RUS-PRK
   * broad, balanced, institutionalised cooperation; otherwise the other way round.
   */
  private static DuckDbStore p6Store(boolean strategicTarget) {
    StoreFixture f = new StoreFixture();
    String[][] refs = {
      {"USA", "JPN"}, {"USA", "KOR"}, {"JPN", "KOR"}, {"CHN", "RUS"}, {"CHN", "PRK"}
    };
    for (String[] d : refs) {
      for (int start : new int[] {1991, 1993}) {
        if (strategicTarget) {
          narrow(f, start, d[0], d[1]);
        } else {
          broad(f, start, d[0], d[1]);
        }
      }
    }
    if (strategicTarget) {
      broad(f, 2023, "RUS", "PRK");
    } else {
      narrow(f, 2023, "RUS", "PRK");
      f.events(YearMonth.of(2024, 11), "RUS", "PRK", "061", 14);
    }
    return f.build();
  }

  /** Six one-way visits (042) in a two-year window. */
  private static void narrow(StoreFixture f, int year, String a, String b) {
    for (int i = 0; i < 6; i++) {
      f.events(YearMonth.of(year, 1).plusMonths(3L * i), a, b, "042", 1);
    }
  }

  /** 24 cooperative events in six domains, both directions, with agreements and negotiations. */
  private static void broad(StoreFixture f, int year, String a, String b) {
    String[] codes = {"057", "046", "061", "062", "073", "064"};
    for (int i = 0; i < codes.length; i++) {
      YearMonth m = YearMonth.of(year, 1).plusMonths(3L * i);
      f.events(m, a, b, codes[i], 2);
      f.events(m.plusMonths(1), b, a, codes[i], 2);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void p6_broadTargetAmongElevenRows_isInconclusiveBecauseARankAmong11CannotReachQ005() {
    try (DuckDbStore s = p6Store(true)) {
      Verdict v = evaluate(s, "P6");
      // the top rank of 11 rows has two-sided p = 2/11: strong direction, too few rows to test
      assertEquals(Outcome.INCONCLUSIVE, v.outcome(), v.reason() + " " + v.evidence());
      assertEquals(2.0 / 11, v.tests().get(0).p(), 1e-12);
      assertEquals(TestResult.Direction.PREDICTED, v.tests().get(0).direction());
      assertEquals(11, v.evidence().get("reference_rows"));
      // each component's pair in one order, the same in every run (JSON output keeps it)
      Map<String, Object> medians = (Map<String, Object>) v.evidence().get("above_median");
      assertFalse(medians.isEmpty());
      for (Object pair : medians.values()) {
        assertEquals(
            List.of("target", "reference_median"),
            List.copyOf(((Map<String, Object>) pair).keySet()));
      }
    }
  }

  @Test
  void p6_narrowTargetAmongBroadReferences_isInconclusiveWithDirectionAgainst() {
    try (DuckDbStore s = p6Store(false)) {
      Verdict v = evaluate(s, "P6");
      assertEquals(Outcome.INCONCLUSIVE, v.outcome(), v.reason() + " " + v.evidence());
      assertEquals(TestResult.Direction.AGAINST, v.tests().get(0).direction());
      assertTrue((Double) v.evidence().get("tsi_z") < 0);
    }
  }

  @Test
  void p6_tooFewTargetEvents_isInsufficientData() {
    StoreFixture f = new StoreFixture();
    f.events(YearMonth.of(2023, 5), "RUS", "PRK", "057", 3);
    try (DuckDbStore s = f.build()) {
      Verdict v = evaluate(s, "P6");
      assertEquals(Outcome.INSUFFICIENT_DATA, v.outcome());
      assertTrue(v.reason().contains("3 events in the target window (minimum 20)"), v.reason());
    }
  }

  @Test
  void evaluateAll_emptyStoreAndChronology_givesInsufficientDataWithReasons() {
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      List<Verdict> all =
          new PropositionEvaluator(s, List.of(), SeriesOptions.defaults(Frequency.MONTH))
              .evaluateAll(Propositions.bundled());
      assertEquals(13, all.size(), "P1..P10, P3 v2, P7 v2 and v3");
      for (Verdict v : all) {
        assertEquals(Outcome.INSUFFICIENT_DATA, v.outcome(), v.id() + ": " + v.reason());
        assertFalse(v.reason().isBlank(), v.id());
      }
    }
  }

  @Test
  void evaluateAll_demoStoreFromBundledChronology_givesTenVerdictsWithReasonsAndEvidence() {
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      FileReport r =
          new Ingestor(s, Cameo.bundled())
              .ingestBytes(
                  "chronology.tsv",
                  Chronology.bundledBytes(),
                  IngestOptions.defaults(),
                  IngestListener.NONE);
      assertTrue(r.stored() > 500, r.toString());
      List<ChronologyEntry> chronology =
          Chronology.timeline(s.chronology(), Chronology.TimelineQuery.all());
      List<Verdict> all =
          new PropositionEvaluator(s, chronology, SeriesOptions.defaults(Frequency.MONTH))
              .evaluateAll(Propositions.bundled());
      assertEquals(
          List.of("P1", "P2", "P3", "P3", "P4", "P5", "P6", "P7", "P7", "P7", "P8", "P9", "P10"),
          all.stream().map(Verdict::id).toList());
      for (Verdict v : all) {
        // the rule of docs/analysis.md: supported only with q < 0.05 in the predicted direction,
        // contradicted only with q < 0.05 against or a documented counter-example
        if (v.outcome() == Outcome.SUPPORTED) {
          assertTrue(v.tests().stream().anyMatch(TestResult::supports), v.id());
        }
        if (v.outcome() == Outcome.CONTRADICTED) {
          assertTrue(
              v.tests().stream().anyMatch(TestResult::contradicts)
                  || v.reason().startsWith("documented counter-example"),
              v.id());
        }
        assertTrue(Set.of(Outcome.values()).contains(v.outcome()));
        assertFalse(v.reason().isBlank(), v.id());
        assertFalse(v.evidence().isEmpty(), v.id());
        assertFalse(v.operationalisation().isEmpty(), v.id());
      }
      // P7 asked for alone gets the q of the whole family: evaluated within its own versions, v2's
      // Fisher p = 1/78 became q = 0.026 and "supported"; among all propositions it is not
      PropositionEvaluator e =
          new PropositionEvaluator(s, chronology, SeriesOptions.defaults(Frequency.MONTH));
      List<Verdict> p7 = e.evaluate(Propositions.versions("P7"), Propositions.bundled());
      List<Verdict> p7All = all.stream().filter(v -> v.id().equals("P7")).toList();
      assertEquals(3, p7.size());
      for (int i = 0; i < 3; i++) {
        assertEquals(p7All.get(i).outcome(), p7.get(i).outcome());
        assertEquals(
            p7All.get(i).tests().stream().map(TestResult::q).toList(),
            p7.get(i).tests().stream().map(TestResult::q).toList());
      }
      Verdict v2 = e.evaluateAll(Propositions.versions("P7")).get(1);
      assertEquals(2, v2.version());
      assertEquals(2.0 / 78 * 1, v2.tests().get(0).q(), 1e-12); // BH over v2's and v3's p
      assertEquals(Outcome.SUPPORTED, v2.outcome());
      assertNotEquals(Outcome.SUPPORTED, p7.get(1).outcome());
    }
  }
}
