package org.entente.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked example of METHODS §5 ("Test vector"), value for value: Scholz-code D, Scholz
 * selection, Rg = 6, Q = 1, on the EU car-emission table. Every expected number below is copied
 * from METHODS.md §5, which states they were computed independently (an independent
 * re-implementation that reproduced both open implementations to 1e-13); the tolerances are half a
 * unit of the last printed digit.
 */
class MethodsVectorTest {
  private static final BdmOptions SCHOLZ = Preset.SCHOLZ.options().withRange(6);

  @Test
  void initialState_euExample_meanAndMedianAsMethods() {
    BdmRun run = BdmModel.run(EuExample.ACTORS, SCHOLZ.withStop(StopRule.fixed(1)));
    assertEquals(6, run.range());
    // METHODS §5: "Initial median 7.0, mean 7.389955686853767"
    assertEquals(7.0, run.initialMedian());
    assertEquals(7.389955686853767, run.initialMean(), 1e-15);
  }

  @Test
  void probabilityAndUtility_belgiumAgainstFrance_asMethods() {
    double[] x = EuExample.ACTORS.stream().mapToDouble(Actor::position).toArray();
    Probe probe = new Probe(EuExample.ACTORS, SCHOLZ);
    // METHODS §5: "P(Belgium beats France) = 0.006039 (numerator 0.1705, D = 28.233)"
    assertEquals(0.1705, probe.numerator(1, 4, x), 5e-5);
    assertEquals(28.233, probe.allPairsD(x), 5e-4);
    assertEquals(0.006039, probe.p(1, 4, x), 5e-7);
    // "Belgium's EU of challenging France at r = 1 = −0.19275"
    assertEquals(-0.19275, probe.eu(1, 4, x), 5e-6);
  }

  @Test
  void roundOne_euExample_thetaRiskMovesAndMeanAsMethods() {
    BdmRun run = BdmModel.run(EuExample.ACTORS, SCHOLZ.withStop(StopRule.fixed(1)));
    RoundResult r1 = run.rounds().get(0);
    // METHODS §5 "Round-1 θ" in actor order NL BE LU DE FR IT UK IE DK GR
    assertArrayEquals(
        new double[] {-5.249, 1.428, 5.438, -5.249, -2.094, -2.094, -8.641, 5.607, -8.812, -2.750},
        r1.theta(),
        5e-4);
    // "Round-1 r"
    assertArrayEquals(
        new double[] {1.4057, 0.7542, 0.5089, 1.4057, 1.0465, 1.0465, 1.9649, 0.5, 2.0, 1.1121},
        r1.risk(),
        5e-5);
    // "Belgium compromises with France → 8.415932; Luxembourg loses to Belgium → 7.0; Ireland
    // loses to Luxembourg → 4.0" (and nobody else moves)
    List<Move> moves = r1.moves();
    assertEquals(3, moves.size(), moves.toString());
    assertMove(moves.get(0), "Belgium", "France", OfferType.COMPROMISE, 8.415932, 5e-7);
    assertMove(moves.get(1), "Luxembourg", "Belgium", OfferType.CONFRONTATION, 7.0, 0);
    assertMove(moves.get(2), "Ireland", "Luxembourg", OfferType.CONFRONTATION, 4.0, 0);
    // "Mean after round 1: 7.461314"
    assertEquals(7.461314, r1.mean(), 5e-7);
  }

  private static void assertMove(
      Move m, String receiver, String challenger, OfferType type, double to, double tol) {
    assertEquals(receiver, m.receiver());
    assertEquals(challenger, m.challenger());
    assertEquals(type, m.type());
    assertEquals(to, m.to(), tol);
  }

  @Test
  void capabilitiesFarFromOne_giveTheSameRunAsTheirRatios() {
    // capabilities of 1e308 gave no forecast (sums overflowed) with exit 0; only ratios matter
    BdmOptions o = SCHOLZ.withStop(StopRule.fixed(5));
    BdmRun plain = BdmModel.run(EuExample.ACTORS, o);
    for (double k : new double[] {1e250, 1e-250}) {
      List<Actor> scaled =
          EuExample.ACTORS.stream()
              .map(a -> new Actor(a.name(), a.capability() * k, a.position(), a.salience()))
              .toList();
      BdmRun run = BdmModel.run(scaled, o);
      assertEquals(scaled, run.actors(), "the actors as given");
      assertEquals(plain.rounds().size(), run.rounds().size(), "k " + k);
      for (int r = 0; r < plain.rounds().size(); r++) {
        assertArrayEquals(
            plain.rounds().get(r).positions(),
            run.rounds().get(r).positions(),
            1e-9,
            "k " + k + " round " + r);
      }
      assertEquals(plain.forecastMedian(), run.forecastMedian(), 1e-9);
      assertEquals(plain.forecastMean(), run.forecastMean(), 1e-9);
    }
  }
}
