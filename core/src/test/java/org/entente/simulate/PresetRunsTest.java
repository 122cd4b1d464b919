package org.entente.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.entente.ingest.SharedData;
import org.junit.jupiter.api.Test;

/** The presets on the EU example and on the 2014 replication's input file. */
class PresetRunsTest {

  @Test
  void scholzPreset_tenRoundsOnEuExample_roundOneIsTheVectorAndInvariantsHold() {
    BdmRun run = BdmModel.run(EuExample.ACTORS, Preset.SCHOLZ.options());
    assertEquals(10, run.rounds().size());
    assertEquals(StopReason.MAX_ROUNDS, run.stop());
    // round 1 of the ten-round run is the METHODS §5 test vector (mean after round 1: 7.461314)
    assertEquals(7.461314, run.rounds().get(0).mean(), 5e-7);
    for (RoundResult r : run.rounds()) {
      for (int i = 0; i < r.positions().length; i++) {
        // moves go to a challenger's position or between the two: the hull [4, 10] is kept
        assertTrue(r.positions()[i] >= 4 && r.positions()[i] <= 10, "round " + r.round());
        // r = (1 − R/3)/(1 + R/3) with R in [−1, 1]
        assertTrue(r.risk()[i] >= 0.5 - 1e-12 && r.risk()[i] <= 2 + 1e-12);
      }
      for (Move m : r.moves()) {
        // Scholz's code never capitulates (its test compares a value with its own abs)
        assertTrue(m.type() != OfferType.CAPITULATION);
        if (m.type() == OfferType.COMPROMISE) {
          assertTrue(m.b() > -m.a() && m.a() < 0, m.toString());
        } else {
          assertTrue(m.b() > m.a() && m.a() > 0, m.toString());
        }
      }
      // the reported mean is the c·s-weighted mean of the reported positions
      double[] w = EuExample.ACTORS.stream().mapToDouble(Actor::weight).toArray();
      assertEquals(BdmModel.mean(w, r.positions()), r.mean(), 1e-12);
    }
    // the model is deterministic
    BdmRun again = BdmModel.run(EuExample.ACTORS, Preset.SCHOLZ.options());
    assertArrayEquals(run.finalPositions(), again.finalPositions(), 0);
  }

  @Test
  void scholzPreset_portMeanMedianLine_printsTheMeanFromRoundOne() {
    BdmRun run =
        BdmModel.run(
            EuExample.ACTORS,
            Preset.SCHOLZ.options().withMedianLine(BdmOptions.MedianLine.PORT_MEAN));
    assertEquals(7.0, run.initialMedian());
    for (RoundResult r : run.rounds()) {
      assertEquals(r.mean(), r.median());
    }
  }

  @Test
  void replicationPreset_roundOneOnReplicationInput_medianTenAsReplication() {
    // CR-only line endings and salience on 0..100 (PROVENANCE.md of bdm-inputs)
    Path file = SharedData.file("bdm-inputs", "dmasad-replication_ExampleActors.csv");
    List<Actor> actors = ActorReader.read(file, SalienceScale.AUTO);
    assertEquals(10, actors.size());
    assertEquals(0.8, actors.get(0).salience(), 1e-15);
    BdmRun run = BdmModel.run(actors, Preset.REPLICATION.options().withStop(StopRule.fixed(1)));
    RoundResult r1 = run.rounds().get(0);
    // the brief's reference for the replication's first round: median 10.0, Luxembourg loses a
    // confrontation to France, Ireland compromises with France
    assertEquals(10.0, r1.median());
    Map<String, Move> moves =
        r1.moves().stream().collect(Collectors.toMap(Move::receiver, Function.identity()));
    Move lu = moves.get("Luxembourg");
    assertEquals("France", lu.challenger());
    assertEquals(OfferType.CONFRONTATION, lu.type());
    assertEquals(10.0, lu.to());
    Move ie = moves.get("Ireland");
    assertEquals("France", ie.challenger());
    assertEquals(OfferType.COMPROMISE, ie.type());
    assertTrue(ie.to() > 7 && ie.to() < 10, ie.toString());
  }

  @Test
  void replicationPreset_fixedRangeSmallerThanSpread_failsWithAdvice() {
    List<Actor> wide = List.of(new Actor("A", 1, 0, 1), new Actor("B", 1, 100, 1));
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> BdmModel.run(wide, Preset.REPLICATION.options()));
    assertTrue(e.getMessage().contains("rg auto"), e.getMessage());
  }
}
