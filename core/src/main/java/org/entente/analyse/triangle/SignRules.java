package org.entente.analyse.triangle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hipparchus.distribution.continuous.BetaDistribution;

/**
 * Rules turning a dyad-month score, or a month's cooperative and conflictual counts, into a {@link
 * Sign} (METHODS section 2.1). All methods are static, pure and thread-safe.
 */
public final class SignRules {

  /** Default band half-width τ for the band rule on S4 (METHODS 2.1, rule A). */
  public static final double DEFAULT_TAU = 0.10;

  /** Default margin δ of the posterior rule (METHODS 2.1, rule C). */
  public static final double DEFAULT_DELTA = 0.05;

  /** Default required posterior probability γ of the posterior rule (METHODS 2.1, rule C). */
  public static final double DEFAULT_GAMMA = 0.90;

  private SignRules() {}

  /**
   * Rule A (band).
   *
   * <p>Computes: +1 if s &gt; τ, −1 if s &lt; −τ, else 0. The comparisons are strict, so a score
   * exactly on ±τ is 0. Assumes s is a bounded, volume-free score such as S4 ∈ [−1, 1] (METHODS
   * 1.5); τ = 0.10 is the project's default, not a published constant. Reference: METHODS.md 2.1.
   *
   * @param score the score s; must not be NaN
   * @param tau the half-width τ ≥ 0 of the neutral band
   * @return the sign
   * @throws IllegalArgumentException if {@code score} is NaN or {@code tau} is negative or NaN
   */
  public static Sign band(double score, double tau) {
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("score is NaN (a missing month has no sign)");
    }
    if (!(tau >= 0)) {
      throw new IllegalArgumentException("tau must be >= 0, got " + tau);
    }
    if (score > tau) {
      return Sign.POSITIVE;
    }
    if (score < -tau) {
      return Sign.NEGATIVE;
    }
    return Sign.ZERO;
  }

  /**
   * Rule B (baseline).
   *
   * <p>Computes the band rule on the centred score s − m_ref, where m_ref is a fixed, stored
   * reference median of the score (for example the median over all dyad-months of a reference
   * period). Corrects GDELT's overall skew towards cooperation. The reference median must be stored
   * with the results; it is not re-estimated here. Reference: METHODS.md 2.1.
   *
   * @param score the score s; must not be NaN
   * @param referenceMedian the stored reference median m_ref; must be finite
   * @param tau the half-width τ ≥ 0 of the neutral band around the reference
   * @return the sign of s − m_ref under the band rule
   * @throws IllegalArgumentException if an argument is NaN or infinite, or {@code tau} negative
   */
  public static Sign baseline(double score, double referenceMedian, double tau) {
    if (!Double.isFinite(referenceMedian)) {
      throw new IllegalArgumentException("reference median must be finite");
    }
    return band(score - referenceMedian, tau);
  }

  /**
   * Rule C (posterior) with the defaults δ = 0.05 and γ = 0.90.
   *
   * @param cooperative cooperative weight C = W1 + W2 (≥ 0)
   * @param conflictual conflictual weight K = W3 + W4 (≥ 0)
   * @return the sign and the two posterior probabilities
   * @see #posterior(double, double, double, double)
   */
  public static PosteriorSign posterior(double cooperative, double conflictual) {
    return posterior(cooperative, conflictual, DEFAULT_DELTA, DEFAULT_GAMMA);
  }

  /**
   * Rule C (posterior), for months with few events.
   *
   * <p>Computes: the cooperation share p has posterior Beta(C + 1, K + 1) (uniform prior, binomial
   * likelihood); the sign is +1 if P(p &gt; 0.5 + δ) ≥ γ, −1 if P(p &lt; 0.5 − δ) ≥ γ, else 0.
   * Probabilities come from Hipparchus' {@link BetaDistribution}. Assumes events are exchangeable
   * Bernoulli draws given the month (ignores clustering of reports about one episode, so the
   * posterior is over-confident when deduplication is weak). Weighted (non-integer) C and K are
   * accepted and treated as pseudo-counts. Reference: METHODS.md 2.1; Gelman et al., Bayesian Data
   * Analysis, 3rd ed., section 2.4 (beta-binomial model).
   *
   * @param cooperative cooperative weight C ≥ 0
   * @param conflictual conflictual weight K ≥ 0
   * @param delta margin δ in [0, 0.5)
   * @param gamma required posterior probability γ in (0.5, 1]
   * @return the sign and the two posterior probabilities
   * @throws IllegalArgumentException if a count is negative or not finite, or δ or γ out of range
   */
  public static PosteriorSign posterior(
      double cooperative, double conflictual, double delta, double gamma) {
    if (!(cooperative >= 0)
        || !(conflictual >= 0)
        || Double.isInfinite(cooperative + conflictual)) {
      throw new IllegalArgumentException(
          "counts must be finite and >= 0, got C=" + cooperative + ", K=" + conflictual);
    }
    if (!(delta >= 0 && delta < 0.5)) {
      throw new IllegalArgumentException("delta must be in [0, 0.5), got " + delta);
    }
    if (!(gamma > 0.5 && gamma <= 1)) {
      throw new IllegalArgumentException("gamma must be in (0.5, 1], got " + gamma);
    }
    BetaDistribution posterior = new BetaDistribution(cooperative + 1, conflictual + 1);
    double probCooperative = 1.0 - posterior.cumulativeProbability(0.5 + delta);
    double probConflictual = posterior.cumulativeProbability(0.5 - delta);
    Sign sign = Sign.ZERO;
    if (probCooperative >= gamma) {
      sign = Sign.POSITIVE;
    } else if (probConflictual >= gamma) {
      sign = Sign.NEGATIVE;
    }
    return new PosteriorSign(sign, probCooperative, probConflictual, delta, gamma);
  }

  /**
   * Optional hysteresis over a sequence of signs from any rule (METHODS 2.1).
   *
   * <p>Computes: the output keeps the previous output sign until the opposite threshold is crossed.
   * With raw signs r_t (already thresholded by rule A, B or C), h_1 = r_1 and for t &gt; 1: if
   * h_{t−1} = 0 then h_t = r_t; if h_{t−1} = ±1 then h_t = r_t when r_t = ∓1 (the opposite
   * threshold was crossed), else h_t = h_{t−1}. Hence a relation that has once been signed never
   * falls back to 0; it only flips. This suppresses flicker around ±τ at the cost of a lag.
   * Reference: METHODS.md 2.1 ("keep the previous sign until the opposite threshold is crossed").
   *
   * @param raw the raw signs in time order; no null elements
   * @return a new list of the same length with hysteresis applied
   * @throws NullPointerException if {@code raw} or an element is null
   */
  public static List<Sign> withHysteresis(List<Sign> raw) {
    Objects.requireNonNull(raw, "raw");
    List<Sign> out = new ArrayList<>(raw.size());
    Sign previous = null;
    for (Sign r : raw) {
      Objects.requireNonNull(r, "raw sign");
      Sign current;
      if (previous == null || previous == Sign.ZERO) {
        current = r;
      } else if (r == previous.opposite()) {
        current = r;
      } else {
        current = previous;
      }
      out.add(current);
      previous = current;
    }
    return List.copyOf(out);
  }

  /**
   * Hysteresis as {@link #withHysteresis(List)}, except that a period without events has no sign:
   * it gets {@link Sign#ZERO} and the memory is cleared, so a sign is never carried through a
   * period that was not observed, and the first observed period after a gap takes its raw sign.
   *
   * @param raw the raw signs in time order
   * @param observed for each period, whether it has events; same length
   * @return a new list of the same length
   * @throws IllegalArgumentException if the lengths differ
   */
  public static List<Sign> withHysteresis(List<Sign> raw, List<Boolean> observed) {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(observed, "observed");
    if (raw.size() != observed.size()) {
      throw new IllegalArgumentException("raw signs and observed flags differ in length");
    }
    List<Sign> out = new ArrayList<>(raw.size());
    Sign previous = Sign.ZERO;
    for (int i = 0; i < raw.size(); i++) {
      Sign r = Objects.requireNonNull(raw.get(i), "raw sign");
      Sign current;
      if (!observed.get(i)) {
        current = Sign.ZERO;
      } else if (previous == Sign.ZERO || r == previous.opposite()) {
        current = r;
      } else {
        current = previous;
      }
      out.add(current);
      previous = current;
    }
    return List.copyOf(out);
  }
}
