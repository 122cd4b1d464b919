package org.entente.measure;

/**
 * The scores of one dyad in one period (METHODS §1.5). An undefined score is {@code NaN}.
 *
 * @param n number of events
 * @param w1 summed weight of verbal cooperation (quad 1); w2 material cooperation, w3 verbal
 *     conflict, w4 material conflict
 * @param goldsteinSum S1 = Σ w·g
 * @param goldsteinMean S2 = Σ w·g / Σ w (NaN if there are no events)
 * @param s3 net cooperation C − K, with C = W1 + W2 and K = W3 + W4
 * @param s4 (C − K)/(C + K) ∈ [−1, 1] (NaN if C + K = 0)
 * @param s5 quad-weighted (ω1W1 + ω2W2 − ω3W3 − ω4W4)/(ω1W1 + ω2W2 + ω3W3 + ω4W4), ω = (1,2,1,2)
 *     (NaN if the denominator is 0)
 * @param s6 (C − K)/(C + K + 2), 0 for an empty period
 * @param lowConfidence fewer than {@link Scores#LOW_CONFIDENCE_N} events
 * @param score an imported aggregate's external score summed over the period; NaN without one
 * @param coverage the share of the period's days the source covers: 1 for event sources, 0 for a
 *     gap of an aggregate (every quantity then NaN, not zero)
 */
public record DyadScore(
    Period period,
    String source,
    String target,
    long n,
    double w1,
    double w2,
    double w3,
    double w4,
    double goldsteinSum,
    double goldsteinMean,
    double s3,
    double s4,
    double s5,
    double s6,
    boolean lowConfidence,
    double score,
    double coverage) {

  /** The same scores with another coverage (unchanged when equal). */
  public DyadScore withCoverage(double c) {
    if (c == coverage) {
      return this;
    }
    return new DyadScore(
        period,
        source,
        target,
        n,
        w1,
        w2,
        w3,
        w4,
        goldsteinSum,
        goldsteinMean,
        s3,
        s4,
        s5,
        s6,
        lowConfidence,
        score,
        c);
  }

  /** Whether the period lies outside the source's coverage (an aggregate's gap). */
  public boolean gap() {
    return coverage == 0;
  }
}
