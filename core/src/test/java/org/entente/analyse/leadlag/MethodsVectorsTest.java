package org.entente.analyse.leadlag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The test vectors of METHODS 4.4, to the precision printed there. */
class MethodsVectorsTest {

  private static final double[] X = {
    0.4, 1.5, -1.8, 1.7, 0.0, -0.8, -0.8, -1.1, -0.2, 0.8, 0.6, 0.6
  };
  private static final double[] Y = {
    -0.5, -0.2, 1.7, -1.1, 2.1, 0.4, -0.9, -0.2, -0.7, -0.1, 0.4, 0.5
  };

  @Test
  void fromRss_rss120And100LagsTwoT60_f55WithP000665() {
    GrangerResult result = GrangerCausality.fromRss(120, 100, 2, 60, Deterministic.CONSTANT);

    assertEquals(5.5, result.fStatistic(), 1e-12);
    assertEquals(2, result.dfNumerator());
    assertEquals(55, result.dfDenominator());
    assertEquals(0.00665, result.fPValue(), 5e-6);
  }

  @Test
  void fromRss_extraTrendTerm_dropsOneDenominatorDegreeOfFreedom() {
    GrangerResult result = GrangerCausality.fromRss(120, 100, 2, 60, Deterministic.CONSTANT_TREND);
    assertEquals(54, result.dfDenominator());
    assertEquals(10.0 / (100.0 / 54), result.fStatistic(), 1e-12);
  }

  @Test
  void test_methodsXcausesY_f42810WithP180e4() {
    GrangerResult result = GrangerCausality.test(X, Y, 1);

    assertEquals(11, result.nobs());
    assertEquals(8.93272, result.rssRestricted(), 5e-6);
    assertEquals(1.40644, result.rssUnrestricted(), 5e-6);
    assertEquals(1, result.dfNumerator());
    assertEquals(8, result.dfDenominator());
    assertEquals(42.810, result.fStatistic(), 5e-4);
    assertEquals(1.80e-4, result.fPValue(), 5e-7);
  }

  @Test
  void test_methodsYcausesX_f000043WithP0984() {
    GrangerResult result = GrangerCausality.test(Y, X, 1);

    assertEquals(11.61864, result.rssRestricted(), 5e-6);
    assertEquals(11.61801, result.rssUnrestricted(), 5e-6);
    assertEquals(0.00043, result.fStatistic(), 5e-6);
    assertEquals(0.984, result.fPValue(), 5e-4);
  }

  @Test
  void ccf_methodsPairLagPlusOne_0895WithBand0566() {
    CrossCorrelation ccf = CrossCorrelations.ccf(X, Y, 3);

    assertEquals(0.895, ccf.at(1), 5e-4);
    assertEquals(0.566, ccf.whiteNoiseBand(), 5e-4);
    assertEquals(1, ccf.peakLag());
  }

  @Test
  void select_methodsPairMaxLagTwo_aicAndBicChooseOne() {
    LagOrderSelection selection = LagSelection.select(X, Y, 2);

    assertEquals(10, selection.effectiveSampleSize());
    assertEquals(1, selection.aicOrder());
    assertEquals(1, selection.bicOrder());
  }
}
