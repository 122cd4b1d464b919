package org.entente.analyse;

import java.util.Locale;
import java.util.Objects;
import org.entente.analyse.leadlag.GrangerCausality;
import org.entente.analyse.leadlag.LagCriterion;
import org.entente.analyse.leadlag.Resampling;
import org.entente.analyse.series.Imputation;

/**
 * A lead–lag analysis of two series (METHODS §4).
 *
 * @param maxLag the largest lag considered by lag selection and the cross-correlation (capped by
 *     the series length)
 * @param criterion the information criterion of the VAR lag selection
 * @param lags a fixed number of lags p ≥ 1 for the Granger tests, or 0 to select it
 * @param difference whether to difference both series before the tests
 * @param bootstrap B, resampling replicates for the Granger p-value; 0 for none
 * @param seed the seed of the resampling generator (written into the output)
 * @param resampling circular shift or block bootstrap of the cause series
 * @param imputation how undefined periods are filled
 */
public record LeadLagRequest(
    int maxLag,
    LagCriterion criterion,
    int lags,
    Difference difference,
    int bootstrap,
    long seed,
    Resampling resampling,
    Imputation imputation) {

  /** Default seed of the resampling p-value. */
  public static final long DEFAULT_SEED = 1;

  /** Differencing before the tests. */
  public enum Difference {
    /**
     * Difference both series once if the ADF test (constant, lag by AIC) does not reject a unit
     * root at 5% for either of them (MacKinnon 2010 finite-sample critical value).
     */
    AUTO,
    /** Levels. */
    NONE,
    /** First differences of both series. */
    FIRST;

    /**
     * Parses {@code auto}, {@code none} or {@code 1}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Difference parse(String s) {
      return switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "auto" -> AUTO;
        case "none", "0" -> NONE;
        case "1", "first" -> FIRST;
        default ->
            throw new IllegalArgumentException(
                "unknown difference '" + s + "' (expected auto, none or 1)");
      };
    }

    /** The name used in options and output. */
    public String optionName() {
      return this == FIRST ? "1" : name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Validates.
   *
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if maxLag &lt; 1, lags &lt; 0 or bootstrap &lt; 0
   */
  public LeadLagRequest {
    Objects.requireNonNull(criterion, "criterion");
    Objects.requireNonNull(difference, "difference");
    Objects.requireNonNull(resampling, "resampling");
    Objects.requireNonNull(imputation, "imputation");
    if (maxLag < 1) {
      throw new IllegalArgumentException("--max-lag must be >= 1, got " + maxLag);
    }
    if (lags < 0) {
      throw new IllegalArgumentException("--lags must be >= 1, got " + lags);
    }
    if (bootstrap < 0) {
      throw new IllegalArgumentException("--bootstrap must be >= 0, got " + bootstrap);
    }
  }

  /** max lag 12, AIC, selected lags, auto differencing, 999 circular shifts, seed 1. */
  public static LeadLagRequest defaults() {
    return new LeadLagRequest(
        12,
        LagCriterion.AIC,
        0,
        Difference.AUTO,
        GrangerCausality.DEFAULT_REPLICATES,
        DEFAULT_SEED,
        Resampling.CIRCULAR_SHIFT,
        Imputation.NONE);
  }
}
