package org.entente.analyse.changepoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Binary segmentation for changes in mean.
 *
 * <p>Computes, starting from the whole series (0, n]: for every current segment (s, e] the split τ
 * (s + L ≤ τ ≤ e − L) maximising the gain G = C'(s, e) − C'(s, τ) − C'(τ, e) (C' is {@link
 * MeanCost}, with ln(length) per segment under MBIC); the segment with the largest gain is split
 * while that gain exceeds β and fewer than {@code maxChanges} changes have been made (METHODS 3.2).
 * Ties go to the earliest segment and the earliest τ. This greedy search is approximate: it can
 * miss short periods and changes whose effects cancel, which PELT finds. It also differs from
 * rkillick/changepoint's {@code BinSeg}, which first makes Q splits and then chooses how many to
 * keep by penalised cost. Assumptions: those of {@link MeanCost}. Cost O(n · number of changes).
 * Reference: Scott &amp; Knott (1974), Biometrics 30(3); Killick et al. (2012), JASA 107(500),
 * section 2.2; METHODS.md 3.2.
 */
final class BinarySegmentation implements ChangePointDetector {

  @Override
  public DetectionMethod method() {
    return DetectionMethod.BINARY_SEGMENTATION;
  }

  @Override
  public ChangePointResult detect(double[] y, ChangePointSettings settings) {
    Series.Prepared prepared = Series.prepare(y, settings);
    List<Integer> changes =
        search(
            prepared.cost(), prepared.beta(), settings.minSegmentLength(), settings.maxChanges());
    return Series.result(DetectionMethod.BINARY_SEGMENTATION, y, prepared, settings, changes);
  }

  /** Best split of one segment; tau = −1 if the segment cannot be split. */
  private record Split(int start, int end, int tau, double gain) {}

  static List<Integer> search(MeanCost cost, double beta, int minLength, int maxChanges) {
    int n = cost.length();
    List<Split> open = new ArrayList<>();
    open.add(bestSplit(cost, 0, n, minLength));
    List<Integer> changes = new ArrayList<>();
    while (changes.size() < maxChanges) {
      int chosen = -1;
      for (int i = 0; i < open.size(); i++) {
        Split split = open.get(i);
        if (split.tau() < 0) {
          continue;
        }
        if (chosen < 0 || split.gain() > open.get(chosen).gain()) {
          chosen = i;
        }
      }
      if (chosen < 0 || !(open.get(chosen).gain() > beta)) {
        break;
      }
      Split split = open.remove(chosen);
      changes.add(split.tau());
      open.add(chosen, bestSplit(cost, split.tau(), split.end(), minLength));
      open.add(chosen, bestSplit(cost, split.start(), split.tau(), minLength));
    }
    Collections.sort(changes);
    return List.copyOf(changes);
  }

  private static Split bestSplit(MeanCost cost, int s, int e, int minLength) {
    double whole = cost.cost(s, e);
    int argBest = -1;
    double best = Double.NEGATIVE_INFINITY;
    for (int tau = s + minLength; tau <= e - minLength; tau++) {
      double gain = whole - cost.cost(s, tau) - cost.cost(tau, e);
      if (gain > best) {
        best = gain;
        argBest = tau;
      }
    }
    return new Split(s, e, argBest, best);
  }
}
