package org.entente.analyse;

import java.util.List;
import java.util.Locale;
import org.entente.analyse.changepoint.DetectionMethod;
import org.entente.analyse.leadlag.LagCriterion;
import org.entente.analyse.leadlag.Resampling;

/**
 * The option values of the analyses, parsed in one place for the CLI, the API and the propositions'
 * operationalisations alike: each parser accepts the same words (and the same aliases) everywhere,
 * and a mistake names the accepted values. Values whose type owns its parser are parsed there
 * ({@code Frequency}, {@code Weighting}, {@code Dedup}, {@code Score}, {@code SignRule}, {@code
 * Imputation}, {@code Difference}, {@link PeriodRequest#penalty}, {@link PeriodRequest#scale}).
 */
public final class Vocabulary {
  /** The canonical words for the change-point search. */
  public static final List<String> METHODS = List.of("pelt", "binseg");

  /** The canonical words for the lag criterion. */
  public static final List<String> CRITERIA = List.of("aic", "bic");

  /** The canonical words for the resampling scheme. */
  public static final List<String> RESAMPLINGS = List.of("circular", "block");

  /** The canonical words for the character reference set. */
  public static final List<String> REFERENCES = List.of("core", "self");

  private Vocabulary() {}

  private static String word(String s) {
    return s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static IllegalArgumentException unknown(String s, List<String> accepted) {
    return new IllegalArgumentException("'" + s + "' is not one of " + String.join(", ", accepted));
  }

  /** {@code pelt}, or {@code binseg} (also {@code binary}, {@code binary-segmentation}). */
  public static DetectionMethod method(String s) {
    return switch (word(s)) {
      case "pelt" -> DetectionMethod.PELT;
      case "binseg", "binary", "binary-segmentation" -> DetectionMethod.BINARY_SEGMENTATION;
      default -> throw unknown(s, METHODS);
    };
  }

  /** {@code aic} or {@code bic}. */
  public static LagCriterion criterion(String s) {
    return switch (word(s)) {
      case "aic" -> LagCriterion.AIC;
      case "bic" -> LagCriterion.BIC;
      default -> throw unknown(s, CRITERIA);
    };
  }

  /** {@code circular} (circular shifts) or {@code block} (block bootstrap). */
  public static Resampling resampling(String s) {
    return switch (word(s)) {
      case "circular", "circular-shift" -> Resampling.CIRCULAR_SHIFT;
      case "block", "block-bootstrap" -> Resampling.BLOCK_BOOTSTRAP;
      default -> throw unknown(s, RESAMPLINGS);
    };
  }

  /** {@code core} (the 15 core dyads) or {@code self} (the dyad's own windows). */
  public static CharacterRequest.Reference reference(String s) {
    return switch (word(s)) {
      case "core" -> CharacterRequest.Reference.CORE;
      case "self" -> CharacterRequest.Reference.SELF;
      default -> throw unknown(s, REFERENCES);
    };
  }
}
