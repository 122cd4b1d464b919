package org.entente.analyse.character;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionalStrategicIndexTest {

  /** Components that rise (or, for volatility and θ, fall) by one unit per level. */
  private static CharacterComponents level(int k) {
    return new CharacterComponents(
        0.2 + 0.1 * k, // breadth
        0.5, // material share, not in the TSI
        0.1 + 0.05 * k, // security share
        0.3 + 0.2 * k, // persistence
        Double.NaN, // half-life, not in the TSI
        0.5 - 0.1 * k, // volatility: lower = more strategic
        0.6 + 0.1 * k, // diffuse balance
        0.4 - 0.1 * k, // specific reciprocity: lower = more strategic
        1.0 + 2.0 * k, // institutionalisation
        0.3); // visit CV, not in the TSI
  }

  @Test
  void compute_threeEvenlySpacedRows_tsiIsMinusOneZeroPlusOne() {
    List<TsiRow> rows =
        List.of(
            new TsiRow("RUS-PRK", "2019-2020", level(0)),
            new TsiRow("RUS-PRK", "2023-2024", level(2)),
            new TsiRow("USA-JPN", "2023-2024", level(1)));

    List<TsiScore> scores = TransactionalStrategicIndex.compute(rows);

    // three equally spaced values have z = -1, 0, +1 (sample SD)
    assertEquals(-1.0, scores.get(0).tsi(), 1e-12);
    assertEquals(1.0, scores.get(1).tsi(), 1e-12);
    assertEquals(0.0, scores.get(2).tsi(), 1e-12);
    assertEquals(7, scores.get(0).componentsUsed());
    assertEquals(-1.0, scores.get(1).zVolatility(), 1e-12);
    assertEquals(1.0, scores.get(1).zBreadth(), 1e-12);
    assertEquals(rows.get(1), scores.get(1).row());
  }

  @Test
  void compute_componentMissingInOneRow_averagesTheRest() {
    CharacterComponents withoutTheta =
        new CharacterComponents(0.4, 0.5, 0.2, 0.7, 2.0, 0.3, 0.8, Double.NaN, 5.0, 0.3);
    List<TsiRow> rows =
        List.of(
            new TsiRow("A-B", "w", level(0)),
            new TsiRow("A-B", "w2", withoutTheta),
            new TsiRow("A-B", "w3", level(2)));

    List<TsiScore> scores = TransactionalStrategicIndex.compute(rows);

    assertEquals(6, scores.get(1).componentsUsed());
    assertTrue(Double.isNaN(scores.get(1).zSpecificReciprocity()));
    // theta is known in two rows only (0.4 and 0.2): mean 0.3, SD 0.1 * sqrt(2), z = +-1/sqrt(2)
    assertEquals(1 / Math.sqrt(2), scores.get(0).zSpecificReciprocity(), 1e-12);
    assertEquals(-1 / Math.sqrt(2), scores.get(2).zSpecificReciprocity(), 1e-12);
    assertEquals(7, scores.get(0).componentsUsed());
  }

  @Test
  void compute_constantComponent_leftOut() {
    List<TsiRow> rows =
        List.of(new TsiRow("A-B", "w1", level(0)), new TsiRow("A-B", "w2", level(0)));
    List<TsiScore> scores = TransactionalStrategicIndex.compute(rows);
    assertEquals(0, scores.get(0).componentsUsed());
    assertTrue(Double.isNaN(scores.get(0).tsi()));
  }

  @Test
  void componentsCompute_methodsInputs_allWorkedExamples() {
    double[] ramp = new double[24];
    for (int t = 0; t < 24; t++) {
      ramp[t] = -0.5 + t / 24.0;
    }
    CharacterInputs in =
        new CharacterInputs(
            new DomainCounts(40, 25, 120, 0, 5, 10),
            30,
            10,
            ramp,
            ramp,
            ramp,
            60,
            40,
            List.of(3, 9, 14, 22, 26, 33),
            3,
            9,
            24);

    CharacterComponents c = CharacterComponents.compute(in);

    assertEquals(0.631, c.breadth(), 5e-4);
    assertEquals(0.25, c.materialShare(), 1e-15);
    assertEquals(25.0 / 200, c.securityShare(), 1e-15);
    assertEquals(0.8, c.diffuseBalance(), 1e-15);
    assertEquals(0.26, c.visitGapCv(), 5e-3);
    assertEquals(6.0, c.institutionalisation(), 1e-15);
    assertEquals(CharacterMeasures.halfLife(c.persistence()), c.halfLife(), 0);
    assertTrue(c.persistence() > 0.8, "a ramp is persistent: " + c.persistence());
  }
}
