package org.entente.analyse;

import java.util.Objects;
import org.entente.analyse.changepoint.ChangePointSettings;
import org.entente.analyse.changepoint.DetectionMethod;
import org.entente.analyse.changepoint.Penalty;
import org.entente.analyse.series.Imputation;

/**
 * A change-point analysis of one series (METHODS §3).
 *
 * @param method PELT (exact) or binary segmentation (approximate)
 * @param penalty the penalty per change
 * @param minLength the minimum period length L ≥ 1, in periods of the series' frequency
 * @param imputation how undefined periods are filled (the search needs a gap-free series)
 * @param scale how the noise scale σ̂ is obtained
 * @param scaleValue σ for {@link Scale#FIXED}; ignored otherwise
 * @param compareScheme an expert periodisation to compare with ({@code rozman}, {@code jackson}),
 *     or {@code null}
 * @param tolerance the matching tolerance M ≥ 0, in periods of the series' frequency
 */
public record PeriodRequest(
    DetectionMethod method,
    Penalty penalty,
    int minLength,
    Imputation imputation,
    Scale scale,
    double scaleValue,
    String compareScheme,
    int tolerance) {

  /** How σ̂ is obtained. */
  public enum Scale {
    /**
     * σ̂ = the long-run SD of AR(1) noise estimated from differences ({@link
     * org.entente.analyse.changepoint.LongRunScale}); the default, because the MAD of differences
     * ignores autocorrelation and finds spurious changes in persistent series.
     */
    LRV,
    /** σ̂ = MAD(Δy)/√2 with the 1.4826 factor (METHODS §3.1). */
    MAD,
    /**
     * σ̂ = SD(Δy)/√2, a non-robust fallback for series whose differences are mostly 0 (MAD = 0),
     * typical of sparse event data; inflated by the changes themselves, so it finds fewer.
     */
    SD,
    /** A σ given by the analyst. */
    FIXED
  }

  /**
   * Validates.
   *
   * @throws NullPointerException if a reference other than {@code compareScheme} is null
   * @throws IllegalArgumentException if L &lt; 1, M &lt; 0, or a fixed scale is not positive
   */
  public PeriodRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(penalty, "penalty");
    Objects.requireNonNull(imputation, "imputation");
    Objects.requireNonNull(scale, "scale");
    if (minLength < 1) {
      throw new IllegalArgumentException("--min-length must be >= 1, got " + minLength);
    }
    if (tolerance < 0) {
      throw new IllegalArgumentException("--tolerance must be >= 0, got " + tolerance);
    }
    if (scale == Scale.FIXED && !(scaleValue > 0 && Double.isFinite(scaleValue))) {
      throw new IllegalArgumentException("--scale must be lrv, mad, sd or a number > 0");
    }
  }

  /**
   * Parses a penalty: {@code bic} (alias {@code sic}, β = 2 ln n), {@code mbic} (3 ln n plus
   * ln(length) per segment), {@code aic} (4), {@code hq} (alias {@code hannan-quinn}, 4 ln ln n),
   * {@code sic0} (alias {@code bic0}, ln n), or a number (a fixed β ≥ 0).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Penalty penalty(String text) {
    String s = text.trim().toLowerCase(java.util.Locale.ROOT);
    return switch (s) {
      case "bic", "sic" -> Penalty.bic();
      case "mbic" -> Penalty.mbic();
      case "aic" -> Penalty.aic();
      case "hq", "hannan-quinn", "hannan_quinn" -> Penalty.hannanQuinn();
      case "sic0", "bic0" -> Penalty.sic0();
      default -> {
        try {
          yield Penalty.manual(Double.parseDouble(s));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "unknown penalty '"
                  + text
                  + "' (expected bic, mbic, aic, hq, sic0 or a number >= 0)");
        }
      }
    };
  }

  /**
   * Parses a scale: {@code lrv}, {@code mad}, {@code sd}, or a number &gt; 0 ({@link Scale#FIXED},
   * its value from {@link #scaleValue(String)}).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Scale scale(String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "lrv" -> Scale.LRV;
      case "mad" -> Scale.MAD;
      case "sd" -> Scale.SD;
      default -> {
        scaleValue(text);
        yield Scale.FIXED;
      }
    };
  }

  /**
   * The number of a fixed scale, NaN for a named one.
   *
   * @throws IllegalArgumentException if the text is neither a name nor a number &gt; 0
   */
  public static double scaleValue(String text) {
    String s = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (s.equals("lrv") || s.equals("mad") || s.equals("sd")) {
      return Double.NaN;
    }
    try {
      double v = Double.parseDouble(s);
      if (v > 0 && Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--scale must be lrv, mad, sd or a number > 0, got '" + text + "'");
  }

  /** PELT, MBIC, L = 3, no imputation, σ̂ the AR(1) long-run SD, no comparison, tolerance 3. */
  public static PeriodRequest defaults() {
    return new PeriodRequest(
        DetectionMethod.PELT,
        Penalty.mbic(),
        ChangePointSettings.DEFAULT_MIN_SEGMENT_LENGTH,
        Imputation.NONE,
        Scale.LRV,
        Double.NaN,
        null,
        3);
  }
}
