package org.entente.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenariosTest {
  @TempDir Path dir;

  @Test
  void bundled_threeScenarios_sixStatesWithSourcesNamingSeeds() {
    assertEquals(
        List.of("sanctions-enforcement", "rus-prk-military", "prk-nuclear"),
        Scenarios.bundled().stream().map(Scenario::id).toList());
    for (Scenario s : Scenarios.bundled()) {
      assertEquals(
          Set.of("RUS", "PRK", "CHN", "USA", "KOR", "JPN"),
          s.actors().stream().map(Scenario.ScenarioActor::code).collect(Collectors.toSet()));
      for (Scenario.ScenarioActor a : s.actors()) {
        assertTrue(a.positionSource().matches("(?s).*seed 00[0-4]_[0-9a-f]{16}\\.txt.*"), a.code());
        assertTrue(a.salienceSource().matches("(?s).*seed 00[0-4]_[0-9a-f]{16}\\.txt.*"), a.code());
        assertTrue(a.capabilitySource().contains("CINC"), a.code());
      }
      BdmRun run = BdmModel.run(s.modelActors(), Preset.SCHOLZ.options());
      double f = run.forecast();
      assertTrue(f >= s.scale().min() && f <= s.scale().max(), s.id() + " " + f);
    }
  }

  @Test
  void region_boundaries_halfOpenAndLastInclusive() {
    Scenario s = Scenarios.find("prk-nuclear").orElseThrow();
    assertEquals(0, s.scale().regions().indexOf(s.region(0)));
    assertEquals(1, s.scale().regions().indexOf(s.region(33)));
    assertEquals(2, s.scale().regions().indexOf(s.region(100)));
  }

  @Test
  void read_invalidScenario_namesFileAndProblem() throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, "{\"id\": \"x\", \"title\": \"t\"}");
    ActorInputException e = assertThrows(ActorInputException.class, () -> Scenarios.read(f));
    assertTrue(e.getMessage().startsWith(f.toString() + ": scenario x: question"), e.getMessage());
    Files.writeString(f, "{\"id\": \"x\", \"nonsense\": 1}");
    ActorInputException u = assertThrows(ActorInputException.class, () -> Scenarios.read(f));
    assertTrue(u.getMessage().contains("nonsense"), u.getMessage());
    // Jackson's own words named a parser feature to enable
    Files.writeString(f, "{\"id\": \"x\",\n \"scale\": {\"min\": NaN}}");
    ActorInputException n = assertThrows(ActorInputException.class, () -> Scenarios.read(f));
    assertTrue(n.getMessage().startsWith(f + ": line 2: Non-standard token 'NaN'"), n.getMessage());
    assertTrue(n.getMessage().endsWith("NaN and Infinity are not JSON numbers"), n.getMessage());
    assertFalse(n.getMessage().contains("JsonReadFeature"), n.getMessage());
  }

  /** {@code s} with these actors instead of its own. */
  private static Scenario withActors(Scenario s, java.util.List<Scenario.ScenarioActor> actors) {
    return new Scenario(
        s.id(),
        s.title(),
        s.question(),
        s.period(),
        s.scale(),
        s.capabilityIndex(),
        actors,
        s.notes());
  }

  @Test
  void actorCounts_asSimulateBdmTakes_threeToTheCap() throws Exception {
    Scenario s = Scenarios.find("prk-nuclear").orElseThrow();
    Scenario two = withActors(s, s.actors().subList(0, 2));
    assertTrue(
        assertThrows(IllegalArgumentException.class, two::validate)
            .getMessage()
            .endsWith("at least three actors are needed"));
    java.util.List<Scenario.ScenarioActor> many = new java.util.ArrayList<>();
    for (int i = 0; i <= BdmModel.MAX_ACTORS; i++) {
      Scenario.ScenarioActor a = s.actors().get(i % s.actors().size());
      many.add(
          new Scenario.ScenarioActor(
              "A" + i,
              a.name(),
              a.capability(),
              a.capabilitySource(),
              a.position(),
              a.positionSource(),
              a.salience(),
              a.salienceSource()));
    }
    Scenario crowd = withActors(s, many);
    assertTrue(
        assertThrows(IllegalArgumentException.class, crowd::validate)
            .getMessage()
            .endsWith((BdmModel.MAX_ACTORS + 1) + " actors; at most 200 are modelled"));
  }

  @Test
  void monteCarlo_sameSeed_sameResultForAnyThreadCount() {
    Scenario s = Scenarios.find("sanctions-enforcement").orElseThrow();
    BdmOptions o = Preset.SCHOLZ.options();
    MonteCarlo.Perturbation p = MonteCarlo.Perturbation.defaults();
    double[] one = MonteCarlo.forecasts(s, o, p, 200, 42, 1);
    double[] four = MonteCarlo.forecasts(s, o, p, 200, 42, 4);
    assertArrayEquals(one, four, 0);
    // a run's inputs depend only on (seed, run index): run 7 alone equals run 7 of the batch
    assertEquals(MonteCarlo.perturb(s, p, 42, 7), MonteCarlo.perturb(s, p, 42, 7));
    assertNotEquals(MonteCarlo.perturb(s, p, 42, 7), MonteCarlo.perturb(s, p, 43, 7));
    MonteCarlo.Summary m = MonteCarlo.run(s, o, p, 200, 42, 2);
    double shares = m.regions().stream().mapToDouble(MonteCarlo.RegionShare::share).sum();
    assertEquals(1.0, shares, 1e-12);
    assertTrue(m.p05() <= m.p50() && m.p50() <= m.p95());
    assertTrue(m.sd() > 0);
    assertEquals(MonteCarlo.BINS, m.histogram().size());
    assertEquals(200, m.histogram().stream().mapToInt(MonteCarlo.Bin::count).sum());
    assertEquals(s.scale().min(), m.histogram().get(0).from(), 0);
    assertEquals(s.scale().max(), m.histogram().get(MonteCarlo.BINS - 1).to(), 0);
  }

  @Test
  void histogram_countsEachValueInItsBin_endsClosedAndClamped() {
    double[] v = {0, 4.99, 5, 99.9, 100, 120, -3};
    List<MonteCarlo.Bin> h = MonteCarlo.histogram(v, 0, 100);
    assertEquals(3, h.get(0).count()); // 0, 4.99 and -3 (clamped)
    assertEquals(1, h.get(1).count()); // 5
    assertEquals(3, h.get(19).count()); // 99.9, 100 (last bin closed) and 120 (clamped)
    assertEquals(5.0, h.get(1).from(), 0);
    assertEquals(10.0, h.get(1).to(), 0);
  }

  @Test
  void monteCarlo_zeroSpread_everyRunIsTheBaseForecast() {
    Scenario s = Scenarios.find("rus-prk-military").orElseThrow();
    BdmOptions o = Preset.SCHOLZ.options();
    double base = BdmModel.run(s.modelActors(), o).forecast();
    double[] f = MonteCarlo.forecasts(s, o, new MonteCarlo.Perturbation(0, 0, 0), 20, 1, 2);
    for (double v : f) {
      assertEquals(base, v, 0);
    }
  }

  @Test
  void sweep_everyActorAndInput_sortedBySwing() {
    Scenario s = Scenarios.find("prk-nuclear").orElseThrow();
    List<MonteCarlo.Sensitivity> rows = MonteCarlo.sweep(s, Preset.SCHOLZ.options());
    assertEquals(18, rows.size());
    for (int i = 1; i < rows.size(); i++) {
      assertTrue(rows.get(i - 1).swing() >= rows.get(i).swing());
    }
    for (MonteCarlo.Sensitivity r : rows) {
      assertEquals(Math.abs(r.forecastHigh() - r.forecastLow()), r.swing(), 0);
      assertTrue(r.low() <= r.base() && r.base() <= r.high(), r.toString());
    }
  }
}
