package org.entente.simulate;

import static org.entente.ingest.GdeltLines.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.entente.cameo.Cameo;
import org.entente.ingest.FileReport;
import org.entente.ingest.GdeltLines;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;

/** Saliences and positions from event data, on a hand-written store, against the formulas. */
class EventInputsTest {
  private static double goldstein(String code) {
    return Cameo.bundled().event(code).orElseThrow().goldstein();
  }

  @Test
  void derive_sharesAndTone_asDocumented() {
    Scenario sc = Scenarios.find("sanctions-enforcement").orElseThrow();
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      FileReport r =
          new Ingestor(s, Cameo.bundled())
              .ingestBytes(
                  "e.tsv",
                  GdeltLines.lines(
                          row(1, "20200105").actors("USA", "PRK").code("036").v2(),
                          row(2, "20200310").actors("USA", "PRK").code("190").v2(),
                          row(3, "20200402").actors("PRK", "USA").code("111").v2(),
                          row(4, "20200607").actors("RUS", "PRK").code("057").v2(),
                          // outside the window, and not on a dyad with the target
                          row(5, "20190615").actors("USA", "PRK").code("190").v2(),
                          row(6, "20200615").actors("USA", "CHN").code("190").v2())
                      .getBytes(StandardCharsets.UTF_8),
                  IngestOptions.defaults(),
                  IngestListener.NONE);
      assertEquals(0, r.rejected(), r.toString());
      EventInputs.Result d =
          EventInputs.derive(
              sc,
              s,
              "prk",
              YearMonth.of(2020, 1),
              YearMonth.of(2020, 12),
              EventInputs.HostileEnd.MAX);
      assertEquals("PRK", d.target());
      assertEquals(4, d.totalEvents());
      EventInputs.Derivation usa = find(d, "USA");
      EventInputs.Derivation rus = find(d, "RUS");
      EventInputs.Derivation chn = find(d, "CHN");
      EventInputs.Derivation prk = find(d, "PRK");
      // saliences: shares of the 4 events on the dyads with PRK; PRK itself 1
      assertEquals(0.75, usa.salience(), 1e-15);
      assertEquals(0.25, rus.salience(), 1e-15);
      assertEquals(0.0, chn.salience());
      assertEquals(1.0, prk.salience());
      // tone: mean Goldstein of the directed events toward PRK; -10 maps to 100 (hostile = max)
      double g = (goldstein("036") + goldstein("190")) / 2;
      assertEquals(g, usa.tone(), 1e-12);
      assertEquals(2, usa.directedEvents());
      assertEquals(100 - 100 * (g + 10) / 20, usa.position(), 1e-9);
      assertEquals(100 - 100 * (goldstein("057") + 10) / 20, rus.position(), 1e-9);
      // no events toward PRK, and PRK itself: the scenario's positions, marked
      assertTrue(chn.positionFromScenario() && prk.positionFromScenario());
      Scenario.ScenarioActor chnIn =
          sc.actors().stream().filter(a -> a.code().equals("CHN")).findFirst().orElseThrow();
      assertEquals(chnIn.position(), chn.position());
      // the derived scenario carries the values and says where they come from
      Scenario.ScenarioActor usaOut =
          d.scenario().actors().stream()
              .filter(a -> a.code().equals("USA"))
              .findFirst()
              .orElseThrow();
      assertEquals(0.75, usaOut.salience(), 1e-15);
      assertTrue(usaOut.salienceSource().contains("3 of the 4 events"), usaOut.salienceSource());
      // hostile = min mirrors the positions on the scale
      EventInputs.Result m =
          EventInputs.derive(
              sc,
              s,
              "PRK",
              YearMonth.of(2020, 1),
              YearMonth.of(2020, 12),
              EventInputs.HostileEnd.MIN);
      assertEquals(100 - usa.position(), find(m, "USA").position(), 1e-9);
      // an empty window, or a target outside the scenario, is an error
      assertThrows(
          IllegalArgumentException.class,
          () ->
              EventInputs.derive(
                  sc,
                  s,
                  "PRK",
                  YearMonth.of(2021, 1),
                  YearMonth.of(2021, 12),
                  EventInputs.HostileEnd.MAX));
      assertThrows(
          IllegalArgumentException.class,
          () ->
              EventInputs.derive(
                  sc,
                  s,
                  "IRN",
                  YearMonth.of(2020, 1),
                  YearMonth.of(2020, 12),
                  EventInputs.HostileEnd.MAX));
    }
  }

  private static EventInputs.Derivation find(EventInputs.Result r, String code) {
    return r.actors().stream().filter(a -> a.actor().equals(code)).findFirst().orElseThrow();
  }
}
