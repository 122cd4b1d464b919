package org.entente.analyse.changepoint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Agreement between expert breaks B and estimated breaks Ê (METHODS 3.3).
 *
 * <p>Convention: both sets hold first months of new periods (τ + 1), 1-based; the series end n is
 * not included in either list; a match needs |b − ê| ≤ M (inclusive). The Python library ruptures
 * instead uses a strict margin (|b − ê| &lt; M) and appends n to both lists, so its scores differ
 * at the tolerance boundary and count the end point as a free match.
 *
 * @param expert the expert breaks B, sorted, without duplicates
 * @param estimated the estimated breaks Ê, sorted, without duplicates
 * @param tolerance the tolerance M in months
 * @param matches the matched pairs, in the order the greedy matching chose them
 * @param truePositives the number of matched pairs TP
 * @param precision TP/|Ê|, NaN if Ê is empty
 * @param recall TP/|B|, NaN if B is empty
 * @param f1 2PR/(P + R); 0 if P + R = 0; NaN if P or R is NaN
 * @param hausdorff max(max_b min_ê |b − ê|, max_ê min_b |b − ê|), NaN if either set is empty
 */
public record BreakComparison(
    List<Integer> expert,
    List<Integer> estimated,
    int tolerance,
    List<Match> matches,
    int truePositives,
    double precision,
    double recall,
    double f1,
    double hausdorff) {

  /**
   * One matched pair.
   *
   * @param expert the expert break b
   * @param estimated the estimated break ê
   */
  public record Match(int expert, int estimated) {
    /**
     * The distance |b − ê|.
     *
     * @return months between the two breaks
     */
    public int distance() {
      return Math.abs(expert - estimated);
    }
  }

  /** Copies the lists. */
  public BreakComparison {
    expert = List.copyOf(expert);
    estimated = List.copyOf(estimated);
    matches = List.copyOf(matches);
  }

  /**
   * Compares two sets of breaks.
   *
   * <p>Computes a one-to-one matching, greedily by smallest distance: all pairs with |b − ê| ≤ M
   * are sorted by distance (ties by b, then ê) and a pair is accepted when neither member is
   * already matched. Then precision, recall, F1 and the Hausdorff distance as documented on the
   * record. Greedy matching can be one short of a maximum matching in rare crowded cases; it is
   * what METHODS specifies. Reference: METHODS.md 3.3; Truong, Oudre &amp; Vayatis (2020),
   * "Selective review of offline change point detection methods", Signal Processing 167, section 6.
   *
   * @param expertBreaks B, first months of new periods; duplicates are ignored
   * @param estimatedBreaks Ê, first months of new periods; duplicates are ignored
   * @param tolerance M ≥ 0
   * @return the comparison
   * @throws NullPointerException if a collection or an element is null
   * @throws IllegalArgumentException if {@code tolerance} is negative
   */
  public static BreakComparison compare(
      Collection<Integer> expertBreaks, Collection<Integer> estimatedBreaks, int tolerance) {
    Objects.requireNonNull(expertBreaks, "expertBreaks");
    Objects.requireNonNull(estimatedBreaks, "estimatedBreaks");
    if (tolerance < 0) {
      throw new IllegalArgumentException("tolerance must be >= 0");
    }
    List<Integer> b = List.copyOf(new TreeSet<>(expertBreaks));
    List<Integer> e = List.copyOf(new TreeSet<>(estimatedBreaks));
    List<Match> candidates = new ArrayList<>();
    for (int bi : b) {
      for (int ei : e) {
        if (Math.abs(bi - ei) <= tolerance) {
          candidates.add(new Match(bi, ei));
        }
      }
    }
    candidates.sort(
        Comparator.comparingInt(Match::distance)
            .thenComparingInt(Match::expert)
            .thenComparingInt(Match::estimated));
    Set<Integer> usedExpert = new HashSet<>();
    Set<Integer> usedEstimated = new HashSet<>();
    List<Match> matches = new ArrayList<>();
    for (Match m : candidates) {
      if (!usedExpert.contains(m.expert()) && !usedEstimated.contains(m.estimated())) {
        usedExpert.add(m.expert());
        usedEstimated.add(m.estimated());
        matches.add(m);
      }
    }
    int tp = matches.size();
    double precision = e.isEmpty() ? Double.NaN : (double) tp / e.size();
    double recall = b.isEmpty() ? Double.NaN : (double) tp / b.size();
    double f1;
    if (Double.isNaN(precision) || Double.isNaN(recall)) {
      f1 = Double.NaN;
    } else if (precision + recall == 0) {
      f1 = 0;
    } else {
      f1 = 2 * precision * recall / (precision + recall);
    }
    double hausdorff =
        b.isEmpty() || e.isEmpty() ? Double.NaN : Math.max(directed(b, e), directed(e, b));
    return new BreakComparison(b, e, tolerance, matches, tp, precision, recall, f1, hausdorff);
  }

  private static double directed(List<Integer> from, List<Integer> to) {
    int worst = 0;
    for (int f : from) {
      int nearest = Integer.MAX_VALUE;
      for (int t : to) {
        nearest = Math.min(nearest, Math.abs(f - t));
      }
      worst = Math.max(worst, nearest);
    }
    return worst;
  }
}
