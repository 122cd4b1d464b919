package org.entente.analyse.triangle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrianglesTest {

  private static final Triad ABC = new Triad("A", "B", "C");

  /**
   * All 27 combinations of (ab, bc, ca) in {−1, 0, +1}^3, written out by hand from METHODS 2.2 and
   * 2.3. role = pivot (romantic triangle) or outcast (stable marriage), '-' otherwise; partners and
   * wings are the two remaining vertices.
   */
  @ParameterizedTest(name = "({0},{1},{2}) -> {3}")
  @CsvSource({
    "-1, -1, -1, UNIT_VETO,         -, UNBALANCED, BALANCED",
    "-1, -1,  0, INDETERMINATE,     -, UNDEFINED,  UNDEFINED",
    "-1, -1,  1, STABLE_MARRIAGE,   B, BALANCED,   BALANCED",
    "-1,  0, -1, INDETERMINATE,     -, UNDEFINED,  UNDEFINED",
    "-1,  0,  0, INDETERMINATE,     -, UNDEFINED,  UNDEFINED",
    "-1,  0,  1, INDETERMINATE,     -, UNDEFINED,  UNDEFINED",
    "-1,  1, -1, STABLE_MARRIAGE,   A, BALANCED,   BALANCED",
    "-1,  1,  0, INDETERMINATE,     -, UNDEFINED,  UNDEFINED",
    "-1,  1,  1, ROMANTIC_TRIANGLE, C, UNBALANCED, UNBALANCED",
    " 0, -1, -1, INDETERMINATE,     -, UNDEFINED,  UNDEFINED",
    " 0, -1,  0, INDETERMINATE,     -, UNDEFINED,  UNDEFINED",
    " 0, -1,  1, INDETERMINATE,     -, UNDEFINED,  UNDEFINED",
    " 0,  0, -1, INDETERMINATE,     -, UNDEFINED,  UNDEFINED",
    " 0,  0,  0, INDETERMINATE,     -, UNDEFINED,  UNDEFINED",
    " 0,  0,  1, INDETERMINATE,     -, UNDEFINED,  UNDEFINED",
    " 0,  1, -1, INDETERMINATE,     -, UNDEFINED,  UNDEFINED",
    " 0,  1,  0, INDETERMINATE,     -, UNDEFINED,  UNDEFINED",
    " 0,  1,  1, INDETERMINATE,     -, UNDEFINED,  UNDEFINED",
    " 1, -1, -1, STABLE_MARRIAGE,   C, BALANCED,   BALANCED",
    " 1, -1,  0, INDETERMINATE,     -, UNDEFINED,  UNDEFINED",
    " 1, -1,  1, ROMANTIC_TRIANGLE, A, UNBALANCED, UNBALANCED",
    " 1,  0, -1, INDETERMINATE,     -, UNDEFINED,  UNDEFINED",
    " 1,  0,  0, INDETERMINATE,     -, UNDEFINED,  UNDEFINED",
    " 1,  0,  1, INDETERMINATE,     -, UNDEFINED,  UNDEFINED",
    " 1,  1, -1, ROMANTIC_TRIANGLE, B, UNBALANCED, UNBALANCED",
    " 1,  1,  0, INDETERMINATE,     -, UNDEFINED,  UNDEFINED",
    " 1,  1,  1, MENAGE_A_TROIS,    -, BALANCED,   BALANCED",
  })
  void classify_everySignCombination_matchesDittmerAndBalanceTables(
      int ab, int bc, int ca, Configuration.Type type, String role, Balance strict, Balance weak) {
    TriadSigns signs = TriadSigns.of(ab, bc, ca);
    Configuration configuration = Triangles.classify(ABC, signs);

    assertEquals(type, configuration.type());
    assertEquals(signs, configuration.signs(), "partial signs are kept");
    assertEquals(strict, Triangles.strictBalance(signs));
    assertEquals(weak, Triangles.weakBalance(signs));
    Set<String> others = new HashSet<>(ABC.vertices());
    others.remove(role);
    if (configuration instanceof Configuration.RomanticTriangle r) {
      assertEquals(role, r.pivot());
      assertEquals(others, Set.copyOf(r.wings()));
    } else if (configuration instanceof Configuration.StableMarriage m) {
      assertEquals(role, m.outcast());
      assertEquals(others, Set.copyOf(m.partners()));
    } else {
      assertEquals("-", role);
    }
  }

  @Test
  void classify_allCombinations_coverEachTypeTheExpectedNumberOfTimes() {
    int[] counts = new int[Configuration.Type.values().length];
    for (int ab = -1; ab <= 1; ab++) {
      for (int bc = -1; bc <= 1; bc++) {
        for (int ca = -1; ca <= 1; ca++) {
          counts[Triangles.classify(ABC, TriadSigns.of(ab, bc, ca)).type().ordinal()]++;
        }
      }
    }
    assertEquals(1, counts[Configuration.Type.MENAGE_A_TROIS.ordinal()]);
    assertEquals(3, counts[Configuration.Type.ROMANTIC_TRIANGLE.ordinal()]);
    assertEquals(3, counts[Configuration.Type.STABLE_MARRIAGE.ordinal()]);
    assertEquals(1, counts[Configuration.Type.UNIT_VETO.ordinal()]);
    assertEquals(19, counts[Configuration.Type.INDETERMINATE.ordinal()]);
  }

  @Test
  void classify_methodsUsJapanKorea_romanticTrianglePivotUsaUnbalanced() {
    // METHODS 2.3: USA–JPN +0.62, USA–KOR +0.55, JPN–KOR −0.18, tau = 0.10
    Triad triad = new Triad("USA", "JPN", "KOR");
    double usaJpn = 0.62;
    double jpnKor = -0.18;
    double korUsa = 0.55;
    TriadSigns signs =
        new TriadSigns(
            SignRules.band(usaJpn, 0.10),
            SignRules.band(jpnKor, 0.10),
            SignRules.band(korUsa, 0.10));

    Configuration configuration = Triangles.classify(triad, signs);

    Configuration.RomanticTriangle romantic =
        assertInstanceOf(Configuration.RomanticTriangle.class, configuration);
    assertEquals("USA", romantic.pivot());
    assertEquals(List.of("JPN", "KOR"), romantic.wings());
    assertEquals(Balance.UNBALANCED, Triangles.strictBalance(signs));
    assertEquals(Balance.UNBALANCED, Triangles.weakBalance(signs));
    assertTrue(Triangles.continuousBalance(usaJpn, jpnKor, korUsa) < 0);
    assertEquals(0.62 * -0.18 * 0.55, Triangles.continuousBalance(usaJpn, jpnKor, korUsa), 1e-15);
  }

  @Test
  void classify_methodsChinaRussiaUs_stableMarriageOutcastUsaBalanced() {
    // METHODS 2.3: CHN–RUS +0.48, USA–CHN −0.31, USA–RUS −0.44, tau = 0.10
    Triad triad = new Triad("USA", "CHN", "RUS");
    double usaChn = -0.31;
    double chnRus = 0.48;
    double rusUsa = -0.44;
    TriadSigns signs =
        new TriadSigns(
            SignRules.band(usaChn, 0.10),
            SignRules.band(chnRus, 0.10),
            SignRules.band(rusUsa, 0.10));

    Configuration configuration = Triangles.classify(triad, signs);

    Configuration.StableMarriage marriage =
        assertInstanceOf(Configuration.StableMarriage.class, configuration);
    assertEquals("USA", marriage.outcast());
    assertEquals(List.of("CHN", "RUS"), marriage.partners());
    assertEquals(Balance.BALANCED, Triangles.strictBalance(signs));
    assertTrue(Triangles.continuousBalance(usaChn, chnRus, rusUsa) > 0);
  }

  @Test
  void classify_verticesPermuted_sameRoles() {
    TriadSigns signs = TriadSigns.of(1, -1, 1); // A–B +, B–C −, C–A + : pivot A
    Configuration.RomanticTriangle original =
        (Configuration.RomanticTriangle) Triangles.classify(ABC, signs);
    // same relations, vertices listed as (B, C, A): sides B–C −, C–A +, A–B +
    Configuration.RomanticTriangle rotated =
        (Configuration.RomanticTriangle)
            Triangles.classify(new Triad("B", "C", "A"), TriadSigns.of(-1, 1, 1));
    assertEquals("A", original.pivot());
    assertEquals(original.pivot(), rotated.pivot());
  }

  @Test
  void transitions_pivotChangeAndTypeChange_recordedIndeterminateRunsMerged() {
    Triad triad = new Triad("USA", "CHN", "RUS");
    List<Configuration> sequence =
        List.of(
            Triangles.classify(triad, TriadSigns.of(1, -1, 1)), // romantic, pivot USA
            Triangles.classify(triad, TriadSigns.of(1, -1, 1)), // same
            Triangles.classify(triad, TriadSigns.of(1, 1, -1)), // romantic, pivot CHN
            Triangles.classify(triad, TriadSigns.of(0, 1, -1)), // indeterminate
            Triangles.classify(triad, TriadSigns.of(0, 0, -1)), // indeterminate, other partials
            Triangles.classify(triad, TriadSigns.of(-1, 1, -1))); // stable marriage, outcast USA

    List<Transition> transitions = Triangles.transitions(sequence);

    assertEquals(3, transitions.size());
    assertEquals(1, transitions.get(0).fromIndex());
    assertEquals(2, transitions.get(0).toIndex());
    assertEquals(Configuration.Type.ROMANTIC_TRIANGLE, transitions.get(0).to().type());
    assertEquals(2, transitions.get(1).fromIndex());
    assertEquals(Configuration.Type.INDETERMINATE, transitions.get(1).to().type());
    assertEquals(4, transitions.get(2).fromIndex());
    assertEquals(Configuration.Type.STABLE_MARRIAGE, transitions.get(2).to().type());
  }

  @Test
  void transitions_mixedTriads_throws() {
    List<Configuration> sequence =
        List.of(
            Triangles.classify(ABC, TriadSigns.of(1, 1, 1)),
            Triangles.classify(new Triad("A", "B", "D"), TriadSigns.of(1, 1, 1)));
    assertThrows(IllegalArgumentException.class, () -> Triangles.transitions(sequence));
  }

  @Test
  void triad_duplicateVertex_throws() {
    assertThrows(IllegalArgumentException.class, () -> new Triad("USA", "USA", "CHN"));
  }
}
