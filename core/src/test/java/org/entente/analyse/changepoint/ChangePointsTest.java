package org.entente.analyse.changepoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples of METHODS 3.3 and the contracts of the detectors. */
class ChangePointsTest {

  /** METHODS 3.3, n = 12, one change after month 5. */
  private static final double[] Y = {
    0.42, 0.38, 0.45, 0.40, 0.41, -0.10, -0.05, -0.12, -0.08, -0.02, -0.09, -0.11
  };

  private static final ChangePointSettings BIC =
      ChangePointSettings.defaults().withPenalty(Penalty.bic());
  private static final ChangePointSettings MBIC =
      ChangePointSettings.defaults().withPenalty(Penalty.mbic());

  @Test
  void madScale_methodsExample_is005242() {
    assertEquals(0.05242, ChangePoints.madScale(Y), 5e-6);
  }

  @Test
  void penaltyBeta_twelveMonths_matchesChangepointPackageFormulas() {
    assertEquals(4.970, Penalty.bic().beta(12), 5e-4);
    assertEquals(Math.log(12), Penalty.sic0().beta(12), 1e-12);
    assertEquals(4.0, Penalty.aic().beta(12), 0);
    assertEquals(4 * Math.log(Math.log(12)), Penalty.hannanQuinn().beta(12), 1e-12);
    assertEquals(3 * Math.log(12), Penalty.mbic().beta(12), 1e-12);
    assertEquals(7.5, Penalty.manual(7.5).beta(12), 0);
  }

  @Test
  void penalisedCost_methodsExampleNoChange_is26215() {
    assertEquals(262.15, ChangePoints.penalisedCost(Y, List.of(), BIC), 5e-3);
  }

  @Test
  void pelt_methodsExampleBic_splitsAfterMonth5() {
    ChangePointResult result = ChangePoints.pelt().detect(Y, BIC);

    assertEquals(List.of(5), result.lastMonthsOfOldPeriods());
    assertEquals(List.of(6), result.firstMonthsOfNewPeriods());
    assertEquals(4.970, result.beta(), 5e-4);
    assertEquals(0.05242, result.scale(), 5e-6);
    assertTrue(result.scaleEstimated());
    assertEquals(3, result.minSegmentLength());
    assertEquals(DetectionMethod.PELT, result.method());
    Segment first = result.segments().get(0);
    Segment second = result.segments().get(1);
    assertEquals(0.975, first.cost(), 5e-4);
    assertEquals(2.724, second.cost(), 5e-4);
    assertEquals(8.67, result.penalisedCost(), 5e-3);
    assertEquals(0.412, first.mean(), 5e-4);
    assertEquals(-0.081, second.mean(), 5e-4);
    assertEquals(1, first.first());
    assertEquals(5, first.last());
    assertEquals(5, first.length());
    assertEquals(6, second.first());
    assertEquals(12, second.last());
    assertEquals(7, second.length());
  }

  @Test
  void pelt_methodsExampleBic_segmentSdAndTInterval() {
    Segment first = ChangePoints.pelt().detect(Y, BIC).segments().get(0);
    // months 1-5: mean 0.412, deviations 0.008, -0.032, 0.038, -0.012, -0.002
    double sd =
        Math.sqrt((0.008 * 0.008 + 0.032 * 0.032 + 0.038 * 0.038 + 0.012 * 0.012 + 4e-6) / 4);
    assertEquals(sd, first.sd(), 1e-12);
    // t_{0.975, 4} = 2.776445 (published t table)
    double half = 2.776445 * sd / Math.sqrt(5);
    assertEquals(0.412 - half, first.ciLower(), 1e-6);
    assertEquals(0.412 + half, first.ciUpper(), 1e-6);
  }

  @Test
  void pelt_methodsExampleMbic_agreesWithCost1471Versus26464() {
    ChangePointResult result = ChangePoints.pelt().detect(Y, MBIC);

    assertEquals(List.of(5), result.lastMonthsOfOldPeriods());
    assertEquals(14.71, result.penalisedCost(), 5e-3);
    assertEquals(264.64, ChangePoints.penalisedCost(Y, List.of(), MBIC), 5e-3);
  }

  @Test
  void binarySegmentation_methodsExampleBic_splitsAt5WithGain25845AndStops() {
    ChangePointResult result = ChangePoints.binarySegmentation().detect(Y, BIC);

    assertEquals(List.of(5), result.lastMonthsOfOldPeriods());
    assertEquals(258.45, result.changePoints().get(0).localGain(), 5e-3);
    assertEquals(DetectionMethod.BINARY_SEGMENTATION, result.method());
  }

  @Test
  void binarySegmentation_maxChangesZero_findsNothing() {
    ChangePointResult result = ChangePoints.binarySegmentation().detect(Y, BIC.withMaxChanges(0));
    assertEquals(List.of(), result.changePoints());
    assertEquals(1, result.segments().size());
  }

  @Test
  void pelt_minSegmentLengthLongerThanHalfSeries_noChange() {
    ChangePointResult result = ChangePoints.pelt().detect(Y, BIC.withMinSegmentLength(7));
    assertEquals(List.of(), result.changePoints());
    assertEquals(262.15, result.penalisedCost(), 5e-3);
  }

  @Test
  void pelt_explicitScale_usedInsteadOfEstimate() {
    ChangePointResult result = ChangePoints.pelt().detect(Y, BIC.withScale(1.0));
    assertEquals(1.0, result.scale(), 0);
    assertTrue(!result.scaleEstimated());
    // on the raw scale the split saves only 0.62 < beta = 4.97, so no change is found
    assertEquals(List.of(), result.changePoints());
  }

  @Test
  void detect_constantDifferences_throwsAskingForScale() {
    double[] ramp = {1, 2, 3, 4, 5, 6, 7, 8};
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ChangePoints.pelt().detect(ramp, BIC));
    assertTrue(e.getMessage().contains("give the noise scale yourself (periods --scale"));
  }

  @Test
  void detect_nanInSeries_throws() {
    double[] gap = {1, 2, Double.NaN, 4, 5, 6};
    assertThrows(IllegalArgumentException.class, () -> ChangePoints.pelt().detect(gap, BIC));
  }

  @Test
  void compare_methodsExample_tp3Precision075Recall1F1857Hausdorff17() {
    BreakComparison c = BreakComparison.compare(List.of(24, 60, 97), List.of(22, 63, 80, 99), 3);

    assertEquals(3, c.truePositives());
    assertEquals(0.75, c.precision(), 1e-12);
    assertEquals(1.0, c.recall(), 1e-12);
    assertEquals(0.857, c.f1(), 5e-4);
    assertEquals(17.0, c.hausdorff(), 0);
  }

  @Test
  void compare_distanceEqualToTolerance_matchesInclusive() {
    BreakComparison c = BreakComparison.compare(List.of(60), List.of(63), 3);
    assertEquals(1, c.truePositives());
    assertEquals(0, BreakComparison.compare(List.of(60), List.of(64), 3).truePositives());
  }

  @Test
  void compare_oneEstimateNearTwoExperts_matchedOnceToNearest() {
    BreakComparison c = BreakComparison.compare(List.of(10, 14), List.of(13), 3);
    assertEquals(1, c.truePositives());
    assertEquals(new BreakComparison.Match(14, 13), c.matches().get(0));
    assertEquals(0.5, c.recall(), 1e-12);
  }

  @Test
  void compare_emptyEstimate_nanPrecisionAndHausdorffZeroRecall() {
    BreakComparison c = BreakComparison.compare(List.of(24, 60), List.of(), 3);
    assertTrue(Double.isNaN(c.precision()));
    assertEquals(0.0, c.recall(), 0);
    assertTrue(Double.isNaN(c.f1()));
    assertTrue(Double.isNaN(c.hausdorff()));
  }

  @Test
  void compare_noMatches_f1Zero() {
    BreakComparison c = BreakComparison.compare(List.of(10), List.of(50), 3);
    assertEquals(0.0, c.f1(), 0);
    assertEquals(40.0, c.hausdorff(), 0);
  }

  @Test
  void aScaleTooSmallForTheSeries_isRefused_notReportedAsNoChanges() {
    // --scale 1e-300 printed "changes: none", sigma 0 and a null cost, exit 0
    for (ChangePointDetector d :
        new ChangePointDetector[] {ChangePoints.pelt(), ChangePoints.binarySegmentation()}) {
      IllegalArgumentException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class, () -> d.detect(Y, BIC.withScale(1e-300)));
      assertTrue(e.getMessage().contains("too small for this series"), e.getMessage());
    }
    // a small scale that does not overflow still works (more changes, as a small sigma gives)
    assertTrue(ChangePoints.pelt().detect(Y, BIC.withScale(1e-3)).changePoints().size() > 0);
  }
}
