package org.entente.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PropositionsTest {

  @Test
  void bundled_tenPropositions_inOrderWithKnownTests() {
    List<Proposition> ps = Propositions.bundled().stream().filter(p -> p.version() == 1).toList();
    assertEquals(10, ps.size());
    for (int i = 0; i < 10; i++) {
      Proposition p = ps.get(i);
      assertEquals("P" + (i + 1), p.id());
      assertTrue(Propositions.TESTS.contains(p.test()), p.id());
      assertEquals(3, p.verdictRules().size(), p.id());
    }
  }

  @Test
  void versions_p7_keepsThePreRegisteredV1AndADatedRevision() {
    List<Proposition> p7 = Propositions.versions("P7");
    assertEquals(3, p7.size());
    assertEquals(3, p7.get(2).version());
    assertEquals(
        List.of("panel-renewal"),
        ((java.util.Map<?, ?>) p7.get(2).operationalisation().get("counts")).get("exclude_tags"));
    assertEquals(1, p7.get(0).version());
    assertTrue(p7.get(0).operationalisation().containsKey("before"));
    assertEquals(2, p7.get(1).version());
    assertTrue(p7.get(1).operationalisation().get("revised") instanceof String);
    assertTrue(p7.get(1).operationalisation().get("revision_reason") instanceof String);
    assertEquals(Propositions.byId("P7"), p7.get(0));
  }

  @Test
  void bundled_seeds_matchSystemMdTable() {
    // SYSTEM.md's proposition table: the seeds each claim comes from.
    Map<String, List<String>> expected =
        Map.of(
            "P1", List.of("004"),
            "P2", List.of("004"),
            "P3", List.of("000"),
            "P4", List.of("000", "001"),
            "P5", List.of("002"),
            "P6", List.of("002"),
            "P7", List.of("001", "003"),
            "P8", List.of("004"),
            "P9", List.of("001", "003"),
            "P10", List.of("000"));
    for (Proposition p : Propositions.bundled()) {
      List<String> prefixes = p.seeds().stream().map(s -> s.substring(0, 3)).toList();
      assertEquals(expected.get(p.id()), prefixes, p.id());
    }
  }

  @Test
  void bundled_seedFiles_existInShared() {
    Path seeds = sharedSeeds();
    Assumptions.assumeTrue(seeds != null, "../shared/seeds is absent: seed file check skipped");
    for (Proposition p : Propositions.bundled()) {
      for (String s : p.seeds()) {
        assertTrue(Files.isRegularFile(seeds.resolve(s)), p.id() + ": no seed " + s);
      }
    }
  }

  @Test
  void bundled_seriesTests_nameDyadsFrequencyAndWindows() {
    for (Proposition p : Propositions.bundled()) {
      Map<String, Object> op = p.operationalisation();
      switch (p.test()) {
        case "leadlag" -> {
          assertTrue(op.containsKey("x") && op.containsKey("y") && op.containsKey("lags"), p.id());
          assertTrue(op.containsKey("alpha") && op.containsKey("seed"), p.id());
        }
        case "difference_of_means" ->
            assertTrue(
                op.containsKey("before") && op.containsKey("after") && op.containsKey("alpha"),
                p.id());
        case "changepoints" ->
            assertTrue(op.containsKey("penalty") && op.containsKey("compare"), p.id());
        default -> {}
      }
      if (!p.test().equals("event_occurrence") && !p.test().equals("character")) {
        assertTrue(op.containsKey("frequency"), p.id() + " has no frequency");
      }
    }
  }

  @Test
  void read_unknownTest_rejectedNamingTheProposition() {
    String doc =
        "{\"propositions\":[{\"id\":\"PX\",\"claim\":\"c\",\"seeds\":[\"s\"],\"test\":\"astrology\","
            + "\"verdict\":{\"supported\":\"a\",\"not_supported\":\"b\",\"inconclusive\":\"c\"}}]}";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Propositions.read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8))));
    assertTrue(e.getMessage().contains("PX") && e.getMessage().contains("astrology"));
  }

  @Test
  void byId_caseInsensitive_andUnknownNamed() {
    assertEquals("P7", Propositions.byId("p7").id());
    assertThrows(IllegalArgumentException.class, () -> Propositions.byId("P11"));
  }

  static Path sharedSeeds() {
    Path p = Path.of("").toAbsolutePath();
    for (int i = 0; i < 5 && p != null; i++, p = p.getParent()) {
      Path s = p.resolve("shared").resolve("seeds");
      if (Files.isDirectory(s)) {
        return s;
      }
      Path s2 = p.resolve("../shared/seeds").normalize();
      if (Files.isDirectory(s2)) {
        return s2;
      }
    }
    return null;
  }
}
