package org.entente.analyse.character;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The worked examples of METHODS 6 and the contracts of each component. */
class CharacterMeasuresTest {

  @Test
  void breadth_methodsSixDomainExample_is0631() {
    assertEquals(0.631, CharacterMeasures.breadth(new DomainCounts(40, 25, 120, 0, 5, 10)), 5e-4);
  }

  @Test
  void breadth_methodsEcoAndDipExample_is0355() {
    assertEquals(0.355, CharacterMeasures.breadth(new DomainCounts(60, 0, 0, 0, 0, 30)), 5e-4);
  }

  @Test
  void breadth_oneDomainOrEven_zeroOrOne() {
    assertEquals(0.0, CharacterMeasures.breadth(new DomainCounts(0, 7, 0, 0, 0, 0)), 0);
    assertEquals(1.0, CharacterMeasures.breadth(new DomainCounts(3, 3, 3, 3, 3, 3)), 1e-15);
    assertTrue(Double.isNaN(CharacterMeasures.breadth(new DomainCounts(0, 0, 0, 0, 0, 0))));
  }

  @Test
  void shares_simpleCounts_materialAndSecurity() {
    assertEquals(0.25, CharacterMeasures.materialShare(30, 10), 1e-15);
    assertEquals(
        0.3, CharacterMeasures.securityShare(new DomainCounts(40, 25, 0, 5, 10, 20)), 1e-15);
    assertTrue(Double.isNaN(CharacterMeasures.materialShare(0, 0)));
  }

  @Test
  void halfLife_rho07_is194Months() {
    assertEquals(1.94, CharacterMeasures.halfLife(0.7), 5e-3);
    assertEquals(1.0, CharacterMeasures.halfLife(0.5), 1e-15);
    assertTrue(Double.isNaN(CharacterMeasures.halfLife(-0.2)));
    assertEquals(Double.POSITIVE_INFINITY, CharacterMeasures.halfLife(1.0));
  }

  @Test
  void lag1Autocorrelation_linearRampOf12_is075() {
    // s = 1..12: deviations -5.5..5.5; sum of squares 143; lag-1 cross products 107.25
    double[] ramp = new double[12];
    for (int t = 0; t < 12; t++) {
      ramp[t] = t + 1;
    }
    assertEquals(0.75, CharacterMeasures.lag1Autocorrelation(ramp), 1e-15);
  }

  @Test
  void lag1Autocorrelation_fewerThan12Present_nan() {
    double[] s = new double[14];
    Arrays.fill(s, 0.3);
    s[0] = 0.5;
    s[4] = Double.NaN;
    s[9] = Double.NaN;
    s[13] = Double.NaN;
    assertTrue(Double.isNaN(CharacterMeasures.lag1Autocorrelation(s)));
  }

  @Test
  void lag1Autocorrelation_missingMonth_dropsOnlyItsPairs() {
    double[] s = {1, 2, 3, 4, 5, 6, Double.NaN, 8, 9, 10, 11, 12, 13};
    // present: 1..6, 8..13 (12 values), mean 7; pairs (1,2)..(5,6) and (8,9)..(12,13)
    double denominator = 0;
    for (double v : new double[] {1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13}) {
      denominator += (v - 7) * (v - 7);
    }
    double numerator = 0;
    for (int a : new int[] {1, 2, 3, 4, 5, 8, 9, 10, 11, 12}) {
      numerator += (a - 7) * (a + 1 - 7);
    }
    assertEquals(numerator / denominator, CharacterMeasures.lag1Autocorrelation(s), 1e-15);
  }

  @Test
  void volatility_knownValues_sampleSd() {
    double[] s = {0.2, Double.NaN, 0.4, 0.6};
    assertEquals(0.2, CharacterMeasures.volatility(s), 1e-15);
  }

  @Test
  void diffuseBalance_60Versus40_is08() {
    assertEquals(0.8, CharacterMeasures.diffuseBalance(60, 40), 1e-15);
    assertTrue(Double.isNaN(CharacterMeasures.diffuseBalance(0, 0)));
    assertThrows(IllegalArgumentException.class, () -> CharacterMeasures.diffuseBalance(-1, 3));
  }

  @Test
  void specificReciprocity_exactLinearResponse_recoversTheta() {
    SplittableRandom random = new SplittableRandom(11);
    int n = 24;
    double[] bToA = new double[n];
    double[] aToB = new double[n];
    for (int t = 0; t < n; t++) {
      bToA[t] = random.nextDouble() * 2 - 1;
    }
    aToB[0] = 0.2;
    for (int t = 1; t < n; t++) {
      aToB[t] = 0.1 + 0.5 * aToB[t - 1] + 0.3 * bToA[t - 1] + 0.05 * (random.nextDouble() - 0.5);
    }
    ReciprocityFit fit = CharacterMeasures.specificReciprocity(aToB, bToA);
    assertEquals(23, fit.nobs());
    assertEquals(0.3, fit.theta(), 0.03);
    assertEquals(0.5, fit.persistence(), 0.05);
    assertTrue(fit.thetaStandardError() > 0 && fit.thetaStandardError() < 0.05);
  }

  @Test
  void specificReciprocity_tooFewMonths_nan() {
    double[] a = {0.1, Double.NaN, 0.3, 0.2, Double.NaN};
    double[] b = {0.0, 0.2, 0.1, Double.NaN, 0.4};
    ReciprocityFit fit = CharacterMeasures.specificReciprocity(a, b);
    assertTrue(Double.isNaN(fit.theta()));
    assertEquals(1, fit.nobs());
  }

  @Test
  void institutionalisationRate_3AgreementsAnd9NegotiationsIn24Months_6PerYear() {
    assertEquals(6.0, CharacterMeasures.institutionalisationRate(3, 9, 24), 1e-15);
  }

  @Test
  void visitGapCv_methodsVisitMonths_is026() {
    double cv = CharacterMeasures.visitGapCv(List.of(3, 9, 14, 22, 26, 33));
    assertEquals(0.26, cv, 5e-3);
    assertEquals(Math.sqrt(2.5) / 6, cv, 1e-15);
    assertEquals(cv, CharacterMeasures.visitGapCv(List.of(33, 3, 22, 9, 26, 14)), 0);
    assertTrue(Double.isNaN(CharacterMeasures.visitGapCv(List.of(3, 9))));
  }
}
