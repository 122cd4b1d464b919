package org.entente.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.entente.simulate.BdmOptions.Denominator;
import org.entente.simulate.BdmOptions.Numerator;
import org.entente.simulate.BdmOptions.QTerm;
import org.entente.simulate.BdmOptions.Votes;
import org.junit.jupiter.api.Test;

/** Each option against an identity METHODS §5 states, or an independent reference. */
class OptionsTest {
  private static final double[] EU_X =
      EuExample.ACTORS.stream().mapToDouble(Actor::position).toArray();

  @Test
  void netNumerator_pairwiseD_isMaxOfZeroAndTwoPMinusOne() {
    // METHODS §5: net P = max(0, Σ v)/Σ|v| "= max(0, 2P − 1) with pairwise P"
    BdmOptions pairwise = Preset.PAPER.options();
    Probe gross = new Probe(EuExample.ACTORS, pairwise);
    Probe net = new Probe(EuExample.ACTORS, pairwise.withNumerator(Numerator.NET));
    for (int i = 0; i < EU_X.length; i++) {
      for (int j = 0; j < EU_X.length; j++) {
        double p = gross.p(i, j, EU_X);
        double expected = EU_X[i] == EU_X[j] ? 0 : Math.max(0, 2 * p - 1);
        assertEquals(expected, net.p(i, j, EU_X), 1e-12, i + "," + j);
      }
    }
  }

  @Test
  void linearVotes_atUnitExponents_sameProbabilitiesAsPowered() {
    // at r = 1 a linear vote is Rg times the powered one, and P is a ratio of votes
    BdmOptions o = Preset.PAPER.options();
    Probe powered = new Probe(EuExample.ACTORS, o);
    Probe linear = new Probe(EuExample.ACTORS, o.withVotes(Votes.LINEAR));
    for (int i = 0; i < EU_X.length; i++) {
      for (int j = 0; j < EU_X.length; j++) {
        assertEquals(powered.p(i, j, EU_X), linear.p(i, j, EU_X), 1e-12);
      }
    }
  }

  @Test
  void allPairsDenominator_isNeverAboveThePairwiseOne() {
    BdmOptions o = Preset.PAPER.options();
    Probe pairwise = new Probe(EuExample.ACTORS, o);
    Probe all = new Probe(EuExample.ACTORS, o.withDenominator(Denominator.ALL_PAIRS));
    for (int i = 0; i < EU_X.length; i++) {
      for (int j = 0; j < EU_X.length; j++) {
        assertTrue(all.p(i, j, EU_X) <= pairwise.p(i, j, EU_X) + 1e-15);
      }
    }
  }

  @Test
  void qTerms_equalAtQOneAndPaperPlusReplicationIsTwiceScholzBelow() {
    // paper: e − Q U_sq − (1 − Q)X; replication: e − Q U_sq + (1 − Q)X; Scholz: e − Q U_sq
    for (double q : new double[] {1, 0.5}) {
      BdmOptions o = Preset.PAPER.options().withQ(q).withT(0.3);
      Probe paper = new Probe(EuExample.ACTORS, o);
      Probe repl = new Probe(EuExample.ACTORS, o.withQTerm(QTerm.REPLICATION));
      Probe scholz = new Probe(EuExample.ACTORS, o.withQTerm(QTerm.SCHOLZ));
      for (int i = 0; i < EU_X.length; i++) {
        for (int j = 0; j < EU_X.length; j++) {
          double sum = paper.eu(i, j, EU_X) + repl.eu(i, j, EU_X);
          assertEquals(2 * scholz.eu(i, j, EU_X), sum, 1e-12);
          if (q == 1) {
            assertEquals(scholz.eu(i, j, EU_X), paper.eu(i, j, EU_X), 1e-15);
          }
        }
      }
    }
  }

  /** Three actors where the receiver A0 capitulates to A1 in round 1 under the paper options. */
  private static final List<Actor> CAPITULATES =
      List.of(new Actor("A0", 7, 5, 0.9), new Actor("A1", 7, 7, 1.0), new Actor("A2", 2, 7, 0.1));

  @Test
  void capitulation_onAndOff_asIndependentReference() {
    BdmRun on = BdmModel.run(CAPITULATES, Preset.PAPER.options().withStop(StopRule.fixed(1)));
    RoundResult r1 = on.rounds().get(0);
    // reference: core/src/test/resources/simulate/paper_round_reference.py printed
    // theta [0.64, -0.13333, 1.78667], r [1.1386138613861387, 2, 0.5], a -0.3165502993602409,
    // b 0.13678303397309233: b > 0 > a and b < |a|, a capitulation
    assertArrayEquals(
        new double[] {0.6399999999999999, -0.1333333333333333, 1.7866666666666666},
        r1.theta(),
        1e-12);
    assertArrayEquals(new double[] {1.1386138613861387, 2, 0.5}, r1.risk(), 1e-12);
    Move m = r1.moves().get(0);
    assertEquals("A0", m.receiver());
    assertEquals(OfferType.CAPITULATION, m.type());
    assertEquals(-0.3165502993602409, m.a(), 1e-12);
    assertEquals(0.13678303397309233, m.b(), 1e-12);
    assertEquals(7.0, m.to());
    BdmRun off =
        BdmModel.run(
            CAPITULATES,
            Preset.PAPER.options().withCapitulation(false).withStop(StopRule.fixed(1)));
    assertTrue(
        off.rounds().get(0).moves().stream().noneMatch(x -> x.type() == OfferType.CAPITULATION));
    assertEquals(5.0, off.rounds().get(0).positions()[0]);
  }

  @Test
  void stopRules_epsilonRepeatEqualThetaConsensusAndMeanOfLast_asDocumented() {
    // epsilon: stops at the first round that makes two in a row below 1e-6
    BdmRun conv = BdmModel.run(CAPITULATES, Preset.PAPER.options());
    assertEquals(StopReason.CONVERGED, conv.stop());
    List<RoundResult> rs = conv.rounds();
    int n = rs.size();
    assertTrue(n < 20);
    assertTrue(rs.get(n - 1).maxShift() < 1e-6 && rs.get(n - 2).maxShift() < 1e-6);
    assertTrue(rs.get(n - 3).maxShift() >= 1e-6);
    // stop none and stop cycle ignore ε: the same run goes on (cycle: until the state repeats)
    StopRule suggested = Preset.PAPER.options().stop();
    BdmRun none =
        BdmModel.run(
            CAPITULATES, Preset.PAPER.options().withStop(suggested.withStop(StopRule.Stop.NONE)));
    assertEquals(StopReason.MAX_ROUNDS, none.stop());
    assertEquals(20, none.rounds().size());
    BdmRun cyc =
        BdmModel.run(
            CAPITULATES, Preset.PAPER.options().withStop(suggested.withStop(StopRule.Stop.CYCLE)));
    assertNotEquals(StopReason.CONVERGED, cyc.stop());
    // repeat: nobody moves in the military-cooperation scenario under Scholz's options
    Scenario sc = Scenarios.find("rus-prk-military").orElseThrow();
    BdmOptions repeat =
        Preset.SCHOLZ.options().withStop(new StopRule(StopRule.Stop.CYCLE, 10, 0, 1, 1));
    BdmRun fixed = BdmModel.run(sc.modelActors(), repeat);
    assertEquals(StopReason.FIXED_POINT, fixed.stop());
    assertEquals(1, fixed.cyclePeriod());
    assertEquals(1, fixed.rounds().size());
    // two mirror-image actors have equal θ: r is undefined, no round is played
    List<Actor> mirror = List.of(new Actor("a", 1, 0, 0.5), new Actor("b", 1, 10, 0.5));
    BdmRun eq = BdmModel.run(mirror, Preset.PAPER.options());
    assertEquals(StopReason.EQUAL_THETA, eq.stop());
    assertEquals(0, eq.rounds().size());
    assertEquals(5.0, eq.forecastMean());
    // all at one position from the start: nothing to play
    List<Actor> same = List.of(new Actor("a", 1, 3, 1), new Actor("b", 2, 3, 1));
    assertEquals(StopReason.CONSENSUS, BdmModel.run(same, Preset.PAPER.options()).stop());
    // the forecast averages the last k rounds' means
    BdmRun k3 =
        BdmModel.run(
            EuExample.ACTORS,
            Preset.SCHOLZ.options().withStop(new StopRule(StopRule.Stop.NONE, 5, 0, 1, 3)));
    List<RoundResult> r5 = k3.rounds();
    assertEquals(5, r5.size());
    double mean3 = (r5.get(4).mean() + r5.get(3).mean() + r5.get(2).mean()) / 3;
    assertEquals(mean3, k3.forecastMean(), 1e-12);
  }
}
