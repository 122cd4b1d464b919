package org.entente.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.entente.cameo.Cameo;
import org.entente.cameo.CameoEventType;
import org.entente.model.ChronologyEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The coverage rules the curated chronology must meet (issue 3) and its consistency with CAMEO. */
class ChronologyCoverageTest {
  private static final List<String> SIX = List.of("RUS", "PRK", "CHN", "USA", "KOR", "JPN");

  @Test
  void bundled_loads_withoutProblemsAndAtLeast600Entries() {
    List<ChronologyEntry> all = Chronology.bundled();
    assertTrue(all.size() >= 600, "entries: " + all.size());
  }

  @Test
  void bundled_everyGoldsteinAndQuad_matchTheCameoTable() {
    Cameo cameo = Cameo.bundled();
    for (ChronologyEntry e : Chronology.bundled()) {
      CameoEventType t = cameo.event(e.code()).orElseThrow();
      assertEquals(t.goldstein(), e.goldstein(), 0.0, e.id());
      assertEquals(t.quad(), e.quad(), e.id());
    }
  }

  @Test
  void bundled_everyEntry_hasSourceTitleAndKnownTags() {
    Set<String> vocabulary =
        Set.of(
            "summit",
            "visit",
            "treaty",
            "agreement",
            "sanctions",
            "sanctions-measures",
            "panel-renewal",
            "un-vote",
            "veto",
            "arms",
            "economic",
            "aid",
            "nuclear-test",
            "missile-test",
            "military-exercise",
            "statement",
            "crisis",
            "negotiation",
            "diplomatic-relations",
            "border",
            "war",
            "territorial",
            "history",
            "attack",
            "six-party-talks",
            "abduction",
            "iaea",
            "human-rights",
            "mutual-defence",
            "alliance",
            "rus-vote-yes",
            "rus-vote-no",
            "rus-vote-abstain",
            "rus-veto",
            "rus-absent",
            "chn-vote-yes",
            "chn-vote-no",
            "chn-vote-abstain",
            "chn-veto",
            "chn-absent",
            "roc-vote-yes",
            "roc-vote-no",
            "roc-vote-abstain",
            "adopted-without-vote",
            "military",
            "energy",
            "cyber",
            "humanitarian",
            "election",
            "leadership",
            "protest",
            "espionage",
            "refugees",
            "infrastructure",
            "trade",
            "space",
            "labour",
            "food",
            "exercise",
            "defence");
    for (ChronologyEntry e : Chronology.bundled()) {
      assertTrue(!e.source().isBlank() && !e.title().isBlank(), e.id());
      for (String tag : e.tags()) {
        assertTrue(vocabulary.contains(tag), e.id() + " has an unknown tag '" + tag + "'");
      }
    }
  }

  @Test
  void bundled_eachOfThe15Dyads_presentInEveryFiveYearWindowSince1990() {
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < SIX.size(); i++) {
      for (int j = i + 1; j < SIX.size(); j++) {
        String a = SIX.get(i);
        String b = SIX.get(j);
        for (int start = 1990; start <= 2020; start += 5) {
          int s = start;
          boolean present =
              Chronology.bundled().stream()
                  .anyMatch(
                      e -> pair(e, a, b) && e.date().getYear() >= s && e.date().getYear() <= s + 4);
          if (!present) {
            missing.add(a + "-" + b + " " + s + "-" + (s + 4));
          }
        }
      }
    }
    assertTrue(missing.isEmpty(), "dyad windows without an entry: " + missing);
  }

  /**
   * Every dated anchor event of SYSTEM.md: the month it happened (from the seeds and standard
   * chronologies) and the two actors an entry for it must involve, in either order.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "1961 Soviet-DPRK alliance treaty, 1961-07, RUS, PRK",
    "USS Pueblo seized, 1968-01, PRK, USA",
    "DPRK joins the NPT, 1985-12, PRK, RUS",
    "USSR-ROK diplomatic relations, 1990-09, RUS, KOR",
    "Putin in Pyongyang, 2000-07, RUS, PRK",
    "Russian deputy foreign minister in Pyongyang, 2003-01, RUS, PRK",
    "Six-Party Talks first round, 2003-08, PRK, USA",
    "Cheonan sinking, 2010-03, PRK, KOR",
    "Crimea annexed, 2014-03, RUS, UKR",
    "Victory Day parade without Kim, 2015-05, PRK, RUS",
    "Sixth nuclear test, 2017-09, PRK, USA",
    "UNSC resolution 2397, 2017-12, IGOUNO, PRK",
    "Hanoi summit, 2019-02, USA, PRK",
    "Vladivostok summit, 2019-04, PRK, RUS",
    "Full-scale invasion of Ukraine, 2022-02, RUS, UKR",
    "Japan and ROK on the non-friendly list, 2022-03, RUS, JPN",
    "Camp David summit, 2023-08, USA, JPN",
    "Vostochny summit, 2023-09, PRK, RUS",
    "Pyongyang summit and treaty, 2024-06, RUS, PRK",
    "Kursk incursion, 2024-08, UKR, RUS",
  })
  void bundled_anchorEvent_present(String name, String month, String a, String b) {
    YearMonth m = YearMonth.parse(month);
    boolean found =
        Chronology.bundled().stream()
            .anyMatch(e -> pair(e, a, b) && YearMonth.from(e.date()).equals(m));
    assertTrue(found, name + ": no " + a + "-" + b + " entry in " + month);
  }

  @Test
  void bundled_yearAnchors_present() {
    // Anchors SYSTEM.md dates to a year only: the 2014 debt write-off (RUS-PRK), the 2020 border
    // closure (PRK with CHN or RUS), the November 2024 nuclear doctrine (RUS).
    assertTrue(
        any(
            e ->
                pair(e, "RUS", "PRK")
                    && e.date().getYear() == 2014
                    && e.tags().contains("economic")));
    assertTrue(
        any(
            e ->
                e.date().getYear() == 2020
                    && e.tags().contains("border")
                    && (e.actor1().equals("PRK") || e.actor2().equals("PRK"))));
    assertTrue(
        any(
            e ->
                e.actor1().equals("RUS")
                    && YearMonth.from(e.date()).equals(YearMonth.of(2024, 11))));
  }

  @Test
  void bundled_everyDprkNuclearTest_presentOnItsDay() {
    for (String day :
        List.of(
            "2006-10-09", "2009-05-25", "2013-02-12", "2016-01-06", "2016-09-09", "2017-09-03")) {
      assertTrue(
          any(e -> e.date().toString().equals(day) && e.tags().contains("nuclear-test")),
          "nuclear test " + day);
    }
  }

  @Test
  void bundled_vetoes2022And2024_recordedWithRussianVeto() {
    assertTrue(any(e -> e.date().toString().equals("2022-05-26") && e.tags().contains("rus-veto")));
    assertTrue(any(e -> e.date().toString().equals("2024-03-28") && e.tags().contains("rus-veto")));
  }

  @Test
  void bundled_unscDprkSanctionResolutions_carryRussianAndChineseVotes() {
    List<ChronologyEntry> votes =
        Chronology.bundled().stream().filter(e -> e.tags().contains("un-vote")).toList();
    assertTrue(votes.size() >= 12, "UN votes: " + votes.size());
    for (ChronologyEntry e : votes) {
      if (e.tags().contains("adopted-without-vote")) {
        continue;
      }
      assertTrue(
          e.tags().stream().anyMatch(t -> t.startsWith("rus-")), e.id() + " lacks Russia's vote");
      // China's seat was held by the Republic of China (roc-) until October 1971.
      assertTrue(
          e.tags().stream().anyMatch(t -> t.startsWith("chn-") || t.startsWith("roc-")),
          e.id() + " lacks China's vote");
    }
  }

  private static boolean any(java.util.function.Predicate<ChronologyEntry> p) {
    return Chronology.bundled().stream().anyMatch(p);
  }

  private static boolean pair(ChronologyEntry e, String a, String b) {
    return (e.actor1().equals(a) && e.actor2().equals(b))
        || (e.actor1().equals(b) && e.actor2().equals(a));
  }
}
