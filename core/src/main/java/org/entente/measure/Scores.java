package org.entente.measure;

import org.entente.store.PeriodAggregate;
import org.entente.store.Quantities;
import org.entente.store.Quantity;

/**
 * Dyad-period scores from per-period sums (METHODS §1.5).
 *
 * <pre>
 * W_q = Σ_{quad q} w_e,  C = W1 + W2,  K = W3 + W4,  N = C + K
 * S1 = Σ w g           S2 = Σ w g / Σ w           S3 = C − K
 * S4 = (C − K)/(C + K) S5 = (ω1W1 + ω2W2 − ω3W3 − ω4W4)/(ω1W1 + ω2W2 + ω3W3 + ω4W4)
 * S6 = (C − K)/(C + K + 2)  (= 2p̃ − 1 with the Laplace estimate p̃ = (C + 1)/(N + 2))
 * </pre>
 *
 * Ratio scores (S2, S4–S6) are free of GDELT's growing volume; S1 and S3 are not. Empty periods:
 * S2, S4, S5 undefined (NaN), S6 = 0. Fewer than five events flags low confidence (counted in
 * events, whatever the weighting). Reference: Goldstein (1992) for g; the S6 smoothing is the
 * Laplace rule of succession.
 */
public final class Scores {
  /** Periods with fewer events than this are flagged low-confidence. */
  public static final int LOW_CONFIDENCE_N = 5;

  /** Quad weights ω1..ω4 of S5. */
  private static final double[] OMEGA = {1, 2, 1, 2};

  private Scores() {}

  /** Scores of one period; {@code a} may be {@code null} for a period without events. */
  public static DyadScore of(Period p, String source, String target, PeriodAggregate a) {
    return of(p, source, target, a, Quantities.EVENTS);
  }

  /**
   * Scores of one period of a source holding {@code has}. Quantities the source lacks are NaN, and
   * so is every score computed from them. For an aggregate source a period without rows ({@code a}
   * null) is a gap: everything NaN, coverage 0 (missing days are unknown, not zero).
   */
  /** A period the source did not observe: every quantity NaN, coverage 0 (a gap). */
  public static DyadScore unobserved(Period p, String source, String target) {
    double nan = Double.NaN;
    return new DyadScore(
        p, source, target, 0, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, false, nan, 0);
  }

  public static DyadScore of(
      Period p, String source, String target, PeriodAggregate a, Quantities has) {
    if (has.aggregate()) {
      if (a == null) {
        return unobserved(p, source, target);
      }
      DyadScore d = of(p, source, target, a, Quantities.EVENTS);
      boolean low = has.has(Quantity.N) && d.lowConfidence();
      return new DyadScore(
          p,
          source,
          target,
          d.n(),
          d.w1(),
          d.w2(),
          d.w3(),
          d.w4(),
          d.goldsteinSum(),
          has.has(Quantity.N) && has.has(Quantity.GOLDSTEIN) ? d.goldsteinMean() : Double.NaN,
          d.s3(),
          d.s4(),
          d.s5(),
          d.s6(),
          low,
          a.score(),
          a.coverage());
    }
    long n = a == null ? 0 : a.n();
    double w1 = a == null ? 0 : a.w1();
    double w2 = a == null ? 0 : a.w2();
    double w3 = a == null ? 0 : a.w3();
    double w4 = a == null ? 0 : a.w4();
    double gw = a == null ? 0 : a.goldsteinWeightedSum();
    double ws = a == null ? 0 : a.weightSum();
    double c = w1 + w2;
    double k = w3 + w4;
    double s2 = ws > 0 ? gw / ws : Double.NaN;
    double s4 = c + k > 0 ? (c - k) / (c + k) : Double.NaN;
    double num = OMEGA[0] * w1 + OMEGA[1] * w2 - OMEGA[2] * w3 - OMEGA[3] * w4;
    double den = OMEGA[0] * w1 + OMEGA[1] * w2 + OMEGA[2] * w3 + OMEGA[3] * w4;
    double s5 = den > 0 ? num / den : Double.NaN;
    double s6 = (c - k) / (c + k + 2);
    return new DyadScore(
        p,
        source,
        target,
        n,
        w1,
        w2,
        w3,
        w4,
        gw,
        s2,
        c - k,
        s4,
        s5,
        s6,
        n < LOW_CONFIDENCE_N,
        a == null ? Double.NaN : a.score(),
        a == null ? 1.0 : a.coverage());
  }
}
