package org.entente.analyse.changepoint;

import java.util.Objects;

/**
 * Settings of a change-point search.
 *
 * @param penalty the penalty per change
 * @param minSegmentLength the minimum segment length L ≥ 1 (METHODS suggests 3)
 * @param scale the noise scale σ used to standardise the series, or NaN to estimate it as σ̂ =
 *     MAD(Δy)/√2 (see {@link ChangePoints#madScale(double[])})
 * @param maxChanges upper bound on the number of changes for binary segmentation (ignored by PELT,
 *     which is exact); {@link Integer#MAX_VALUE} for no bound
 */
public record ChangePointSettings(
    Penalty penalty, int minSegmentLength, double scale, int maxChanges) {

  /** Default minimum segment length L. */
  public static final int DEFAULT_MIN_SEGMENT_LENGTH = 3;

  /**
   * Validates the settings.
   *
   * @throws NullPointerException if {@code penalty} is null
   * @throws IllegalArgumentException if {@code minSegmentLength < 1}, {@code maxChanges < 0}, or
   *     {@code scale} is neither NaN nor finite and positive
   */
  public ChangePointSettings {
    Objects.requireNonNull(penalty, "penalty");
    if (minSegmentLength < 1) {
      throw new IllegalArgumentException("minSegmentLength must be >= 1");
    }
    if (maxChanges < 0) {
      throw new IllegalArgumentException("maxChanges must be >= 0");
    }
    if (!Double.isNaN(scale) && !(scale > 0 && Double.isFinite(scale))) {
      throw new IllegalArgumentException("scale must be NaN (estimate) or finite and > 0");
    }
  }

  /**
   * The defaults: MBIC (changepoint's default), L = 3, scale estimated, no bound on changes.
   *
   * @return default settings
   */
  public static ChangePointSettings defaults() {
    return new ChangePointSettings(
        Penalty.mbic(), DEFAULT_MIN_SEGMENT_LENGTH, Double.NaN, Integer.MAX_VALUE);
  }

  /**
   * Returns a copy with another penalty.
   *
   * @param newPenalty the penalty
   * @return new settings
   */
  public ChangePointSettings withPenalty(Penalty newPenalty) {
    return new ChangePointSettings(newPenalty, minSegmentLength, scale, maxChanges);
  }

  /**
   * Returns a copy with another minimum segment length.
   *
   * @param newMinSegmentLength L ≥ 1
   * @return new settings
   */
  public ChangePointSettings withMinSegmentLength(int newMinSegmentLength) {
    return new ChangePointSettings(penalty, newMinSegmentLength, scale, maxChanges);
  }

  /**
   * Returns a copy with a fixed noise scale instead of the MAD estimate.
   *
   * @param newScale σ &gt; 0, or NaN to estimate
   * @return new settings
   */
  public ChangePointSettings withScale(double newScale) {
    return new ChangePointSettings(penalty, minSegmentLength, newScale, maxChanges);
  }

  /**
   * Returns a copy with a bound on the number of changes (binary segmentation only).
   *
   * @param newMaxChanges the bound ≥ 0
   * @return new settings
   */
  public ChangePointSettings withMaxChanges(int newMaxChanges) {
    return new ChangePointSettings(penalty, minSegmentLength, scale, newMaxChanges);
  }
}
