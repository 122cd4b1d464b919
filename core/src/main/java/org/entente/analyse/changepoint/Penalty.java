package org.entente.analyse.changepoint;

import java.util.Objects;

/**
 * The penalty β charged for each change point, as in rkillick/changepoint for a change in mean
 * (METHODS 3.1). Packages disagree on what "BIC" means, so results store the numeric β used.
 *
 * @param type the penalty family
 * @param manualValue β for {@link Type#MANUAL}; ignored (NaN) otherwise
 */
public record Penalty(Type type, double manualValue) {

  /** Penalty families. n is the series length. */
  public enum Type {
    /** BIC, also called SIC: β = 2 ln n (changepoint's "BIC"/"SIC" for one changed parameter). */
    BIC,
    /** SIC0 (changepoint's "SIC0"/"BIC0"): β = ln n. */
    SIC0,
    /** AIC: β = 4. */
    AIC,
    /** Hannan–Quinn: β = 4 ln ln n (clamped at 0 for n ≤ 2, where ln ln n ≤ 0). */
    HANNAN_QUINN,
    /**
     * Modified BIC (changepoint's default): β = 3 ln n per change, plus ln(segment length) added to
     * the cost of every segment.
     */
    MBIC,
    /** A fixed numeric β given by the caller. */
    MANUAL
  }

  /**
   * Validates the penalty.
   *
   * @throws NullPointerException if {@code type} is null
   * @throws IllegalArgumentException if {@code type} is MANUAL and {@code manualValue} is negative
   *     or not finite
   */
  public Penalty {
    Objects.requireNonNull(type, "type");
    if (type == Type.MANUAL) {
      if (!(manualValue >= 0) || Double.isInfinite(manualValue)) {
        throw new IllegalArgumentException("manual penalty must be finite and >= 0");
      }
    } else {
      manualValue = Double.NaN;
    }
  }

  /**
   * BIC/SIC, β = 2 ln n.
   *
   * @return the penalty
   */
  public static Penalty bic() {
    return new Penalty(Type.BIC, Double.NaN);
  }

  /**
   * SIC0, β = ln n.
   *
   * @return the penalty
   */
  public static Penalty sic0() {
    return new Penalty(Type.SIC0, Double.NaN);
  }

  /**
   * AIC, β = 4.
   *
   * @return the penalty
   */
  public static Penalty aic() {
    return new Penalty(Type.AIC, Double.NaN);
  }

  /**
   * Hannan–Quinn, β = 4 ln ln n.
   *
   * @return the penalty
   */
  public static Penalty hannanQuinn() {
    return new Penalty(Type.HANNAN_QUINN, Double.NaN);
  }

  /**
   * MBIC, β = 3 ln n plus ln(segment length) per segment.
   *
   * @return the penalty
   */
  public static Penalty mbic() {
    return new Penalty(Type.MBIC, Double.NaN);
  }

  /**
   * A fixed β.
   *
   * @param beta β ≥ 0
   * @return the penalty
   * @throws IllegalArgumentException if {@code beta} is negative or not finite
   */
  public static Penalty manual(double beta) {
    return new Penalty(Type.MANUAL, beta);
  }

  /**
   * Returns the per-change penalty β for a series of length n.
   *
   * @param n the series length (≥ 1)
   * @return β ≥ 0
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public double beta(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1");
    }
    switch (type) {
      case BIC:
        return 2 * Math.log(n);
      case SIC0:
        return Math.log(n);
      case AIC:
        return 4;
      case HANNAN_QUINN:
        return Math.max(0, 4 * Math.log(Math.log(n)));
      case MBIC:
        return 3 * Math.log(n);
      case MANUAL:
        return manualValue;
      default:
        throw new AssertionError(type);
    }
  }

  /**
   * Tells whether ln(segment length) is added to every segment's cost (MBIC only).
   *
   * @return true for MBIC
   */
  public boolean addsSegmentLengthTerm() {
    return type == Type.MBIC;
  }
}
