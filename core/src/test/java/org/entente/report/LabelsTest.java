package org.entente.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.entente.analyse.series.Score;
import org.entente.analyse.triangle.Configuration;
import org.entente.analyse.verdict.Outcome;
import org.entente.ingest.SharedData;
import org.entente.store.SourceInfo;
import org.entente.system.Proposition;
import org.entente.system.Propositions;
import org.junit.jupiter.api.Test;

class LabelsTest {

  @Test
  void configuration_everyType_hasWordsNotItsEnumName() {
    for (Configuration.Type t : Configuration.Type.values()) {
      String label = Labels.configuration(t);
      assertNotEquals(t.name(), label);
      assertFalse(label.contains("_"), label);
    }
    assertEquals("romantic triangle", Labels.configuration(Configuration.Type.ROMANTIC_TRIANGLE));
    assertEquals("++−", Labels.configurationSigns(Configuration.Type.ROMANTIC_TRIANGLE));
  }

  @Test
  void quad_outsideOneToFour_isRejected() {
    assertEquals("verbal cooperation", Labels.quad(1));
    assertThrows(IllegalArgumentException.class, () -> Labels.quad(5));
  }

  @Test
  void source_feedsByName_aggregatesSaySo_unknownEventSourcesKeepTheirName() {
    assertEquals("GDELT 1.0 events", Labels.source("gdelt1", null));
    assertEquals("curated chronology", Labels.source("chronology", SourceInfo.Kind.EVENTS));
    assertEquals(
        "imported aggregate “icews-yearly”",
        Labels.source("icews-yearly", SourceInfo.Kind.AGGREGATE));
    assertEquals("mine", Labels.source("mine", SourceInfo.Kind.EVENTS));
  }

  @Test
  void outcome_undecidedAreInconclusiveAndInsufficientOnly() {
    assertTrue(Labels.undecided(Outcome.INCONCLUSIVE));
    assertTrue(Labels.undecided(Outcome.INSUFFICIENT_DATA));
    assertFalse(Labels.undecided(Outcome.SUPPORTED));
    assertFalse(Labels.undecided(Outcome.CONTRADICTED));
  }

  @Test
  void all_coversEveryCodeOfEachFamily_andTheStoresSources() {
    Map<String, Map<String, String>> all =
        Labels.all(
            List.of(
                new SourceInfo(
                    "icews-yearly", SourceInfo.Kind.AGGREGATE, 3, null, null, "year", 1)));
    assertEquals(Configuration.Type.values().length, all.get("configurations").size());
    assertEquals(Outcome.values().length, all.get("outcomes").size());
    assertEquals(Score.values().length, all.get("scores").size());
    assertEquals(List.of("1", "2", "3", "4"), List.copyOf(all.get("quads").keySet()));
    assertEquals("imported aggregate “icews-yearly”", all.get("sources").get("icews-yearly"));
    assertEquals("yearly", all.get("frequencies").get("year"));
  }

  @Test
  void seeds_everyPropositionsSeedIsLabelled() {
    for (Proposition p : Propositions.bundled()) {
      for (String s : p.seeds()) {
        assertTrue(Labels.seed(s).isPresent(), p.id() + ": no label for seed " + s);
        assertFalse(Labels.seedLabel(s).contains(".txt"), Labels.seedLabel(s));
      }
    }
    assertEquals("unknown.txt", Labels.seedLabel("unknown.txt"));
  }

  /** Authors and printed titles are checked against the essays themselves (skipped without). */
  @Test
  void seeds_authorsAndPrintedTitlesAppearInTheEssays() throws IOException {
    Path dir = SharedData.seeds();
    for (Labels.Seed s : Labels.SEEDS) {
      String text = Files.readString(dir.resolve(s.file()), StandardCharsets.UTF_8).toLowerCase();
      for (String name : s.author().split(" with | and ")) {
        assertTrue(text.contains(name.toLowerCase()), s.file() + " does not name " + name);
      }
      if (!s.title().startsWith("[")) {
        assertTrue(text.contains(s.title().toLowerCase()), s.file() + ": " + s.title());
      }
      assertTrue(text.contains(s.outlet().toLowerCase()) || s.outlet().equals("essay"), s.file());
    }
  }

  @org.junit.jupiter.api.Test
  void sourceUrl_linksOnlyAWholeHttpAddress_trimmed() {
    org.junit.jupiter.api.Assertions.assertEquals(
        "https://www.kcna.kp/en", Labels.sourceUrl("  https://www.kcna.kp/en \t"));
    org.junit.jupiter.api.Assertions.assertEquals("HTTP://x.org", Labels.sourceUrl("HTTP://x.org"));
    for (String notALink :
        new String[] {
          "Imperial Rescript (15 August 1945)",
          "ftp://x.org",
          "https://a b",
          "see https://x.org",
          ""
        }) {
      org.junit.jupiter.api.Assertions.assertNull(Labels.sourceUrl(notALink), notALink);
    }
    org.junit.jupiter.api.Assertions.assertNull(Labels.sourceUrl(null));
  }
}
