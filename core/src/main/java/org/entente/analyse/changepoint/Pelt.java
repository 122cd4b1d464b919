package org.entente.analyse.changepoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * PELT: exact minimisation of a penalised segmentation cost with pruning.
 *
 * <p>Computes the segmentation 0 = τ_0 &lt; τ_1 &lt; … &lt; τ_{m+1} = n minimising Σ C'(τ_{k−1},
 * τ_k) + β m subject to τ_k − τ_{k−1} ≥ L, where C' is {@link MeanCost} (with ln(length) per
 * segment under MBIC). Recursion (METHODS 3.2): F(0) = −β; F(t) = min over candidates τ with t − τ
 * ≥ L of F(τ) + C'(τ, t) + β; last(t) = the smallest minimising τ; backtrack from n. Pruning
 * (Killick et al. 2012, Theorem 3.1): if C'(τ, u) ≥ C'(τ, t) + C'(t, u) + K for all admissible τ
 * &lt; t &lt; u, then a candidate τ with F(τ) + C'(τ, t) + K &gt; F(t) can never be the last change
 * before any u ≥ t + L, and is dropped.
 *
 * <p>Two details make this exact where a literal transcription of the pseudo-code is not:
 *
 * <ul>
 *   <li>Minimum segment length. The inequality above compares with a path through t, which is
 *       admissible only for u ≥ t + L. A candidate that fails the test at time t is therefore kept
 *       for the next L − 1 steps and removed at t + L.
 *   <li>MBIC. rkillick/changepoint handles MBIC's per-segment term by adding ln(segment length) to
 *       the segment cost ({@code mbic_mean}) with β = 3 ln n, and prunes with K = 0 as for the
 *       plain cost. But ln(a) + ln(b) can exceed ln(a + b), so with the length term the plain
 *       cost's K = 0 is not guaranteed: the bound needed is K = min over a, b ≥ L, a + b ≤ n of
 *       ln(a + b) − ln a − ln b = −ln(n/4) (at a = b = n/2). We add the length term to the cost
 *       exactly as changepoint does but prune with K = min(0, −ln(n/4)), which keeps PELT exact (it
 *       prunes slightly later than changepoint).
 * </ul>
 *
 * <p>Assumptions: those of {@link MeanCost}. Cost: O(n) expected when the number of changes grows
 * with n (Killick et al. 2012, Theorem 3.2); O(n²) in the worst case, notably a long series with no
 * change at all, where no candidate can be pruned. A candidate is pruned only if it fails the test
 * by more than a rounding tolerance, so rounding can slow pruning but not change the optimum.
 * Reference: Killick, Fearnhead &amp; Eckley (2012), "Optimal detection of changepoints with a
 * linear computational cost", JASA 107(500), 1590–1598; Jackson et al. (2005) for the underlying
 * optimal-partitioning recursion.
 */
final class Pelt implements ChangePointDetector {

  @Override
  public DetectionMethod method() {
    return DetectionMethod.PELT;
  }

  @Override
  public ChangePointResult detect(double[] y, ChangePointSettings settings) {
    Series.Prepared prepared = Series.prepare(y, settings);
    Run run = run(prepared.cost(), prepared.beta(), settings.minSegmentLength());
    return Series.result(DetectionMethod.PELT, y, prepared, settings, run.changes());
  }

  /**
   * The outcome of one PELT pass.
   *
   * @param changes change points τ in increasing order
   * @param optimum F(n), the minimal penalised cost
   * @param costEvaluations number of segment-cost evaluations (a measure of work)
   */
  record Run(List<Integer> changes, double optimum, long costEvaluations) {}

  /**
   * Runs the recursion.
   *
   * @param cost the segment cost
   * @param beta penalty per change
   * @param minLength L ≥ 1
   * @return changes, optimum and work done
   */
  static Run run(MeanCost cost, double beta, int minLength) {
    int n = cost.length();
    if (n < 2 * minLength) {
      return new Run(List.of(), cost.cost(0, n), n < minLength ? 0 : 1);
    }
    double pruneConstant = cost.lengthIncludedInCost() ? Math.min(0, -Math.log(n / 4.0)) : 0;
    double[] f = new double[n + 1];
    int[] last = new int[n + 1];
    Arrays.fill(f, Double.POSITIVE_INFINITY);
    f[0] = -beta;
    int[] candidates = new int[n + 1];
    int[] expiry = new int[n + 1];
    double[] values = new double[n + 1];
    int size = 1;
    candidates[0] = 0;
    expiry[0] = Integer.MAX_VALUE;
    long evaluations = 0;
    for (int t = minLength; t <= n; t++) {
      int kept = 0;
      for (int i = 0; i < size; i++) {
        if (expiry[i] > t) {
          candidates[kept] = candidates[i];
          expiry[kept] = expiry[i];
          kept++;
        }
      }
      size = kept;
      double best = Double.POSITIVE_INFINITY;
      int argBest = -1;
      for (int i = 0; i < size; i++) {
        int tau = candidates[i];
        double v = f[tau] + cost.cost(tau, t);
        values[i] = v;
        evaluations++;
        if (v < best) {
          best = v;
          argBest = tau;
        }
      }
      f[t] = best + beta;
      last[t] = argBest;
      double tolerance = 1e-10 * (1 + Math.abs(f[t]) + cost.magnitude(t));
      for (int i = 0; i < size; i++) {
        if (expiry[i] == Integer.MAX_VALUE && values[i] + pruneConstant > f[t] + tolerance) {
          expiry[i] = t + minLength;
        }
      }
      int next = t - minLength + 1;
      if (next >= minLength) {
        candidates[size] = next;
        expiry[size] = Integer.MAX_VALUE;
        size++;
      }
    }
    List<Integer> changes = new ArrayList<>();
    for (int t = last[n]; t > 0; t = last[t]) {
      changes.add(t);
    }
    Collections.reverse(changes);
    return new Run(List.copyOf(changes), f[n], evaluations);
  }
}
