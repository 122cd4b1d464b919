package org.entente.analyse;

import java.util.Objects;
import org.entente.analyse.series.Score;
import org.entente.analyse.series.SeriesOptions;
import org.entente.analyse.triangle.SignRules;
import org.entente.analyse.triangle.Triad;

/**
 * A strategic-triangle analysis of one triad (METHODS §2).
 *
 * @param triad the three actors; sides a–b, b–c, c–a are undirected dyads
 * @param series frequency, range and event filters of the three dyad series
 * @param score the score the band and baseline rules read (posterior reads C and K)
 * @param signRule how a dyad-period becomes a sign
 * @param tau the band half-width τ ≥ 0 (band and baseline rules)
 * @param hysteresis keep a side's previous sign until the opposite threshold is crossed
 * @param referenceMedian the baseline rule's stored reference median m_ref, or NaN to compute it as
 *     the median of the score over every non-empty dyad-period of the six core states in the range
 */
public record TriangleRequest(
    Triad triad,
    SeriesOptions series,
    Score score,
    SignRule signRule,
    double tau,
    boolean hysteresis,
    double referenceMedian) {

  /**
   * Validates.
   *
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if τ is negative or not finite, or the reference median is
   *     infinite
   */
  public TriangleRequest {
    Objects.requireNonNull(triad, "triad");
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(signRule, "signRule");
    if (!(tau >= 0) || Double.isInfinite(tau)) {
      throw new IllegalArgumentException("--tau must be a number >= 0, got " + tau);
    }
    if (Double.isInfinite(referenceMedian)) {
      throw new IllegalArgumentException("the reference median must be finite");
    }
  }

  /**
   * Rule B (baseline) on S4 with τ = 0.10 around the reference median computed from the data in
   * range, no hysteresis. Rule A on raw S4 gives almost no negative sign on real event data, whose
   * S4 sits well above 0 (ICEWS USA–RUS never falls below 0.36), so the default compares each dyad
   * with the typical dyad of the same data.
   */
  public static TriangleRequest defaults(Triad triad, SeriesOptions series) {
    return new TriangleRequest(
        triad, series, Score.S4, SignRule.BASELINE, SignRules.DEFAULT_TAU, false, Double.NaN);
  }

  /** The same request for another triad. */
  public TriangleRequest withTriad(Triad t) {
    return new TriangleRequest(t, series, score, signRule, tau, hysteresis, referenceMedian);
  }

  /** The same request over other series options. */
  public TriangleRequest withSeries(SeriesOptions s) {
    return new TriangleRequest(triad, s, score, signRule, tau, hysteresis, referenceMedian);
  }

  /** The same request with a fixed reference median. */
  public TriangleRequest withReferenceMedian(double m) {
    return new TriangleRequest(triad, series, score, signRule, tau, hysteresis, m);
  }

  /** The same request under another sign rule (and no reference median). */
  public TriangleRequest withSignRule(SignRule rule) {
    return new TriangleRequest(triad, series, score, rule, tau, hysteresis, Double.NaN);
  }
}
