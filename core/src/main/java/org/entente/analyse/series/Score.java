package org.entente.analyse.series;

import java.util.Locale;
import org.entente.measure.DyadScore;
import org.entente.store.Quantities;
import org.entente.store.Quantity;

/**
 * Which dyad-period score of METHODS §1.5 an analysis reads. Some are undefined for a period
 * without events (see {@link #definedWhenEmpty()}); an analysis that needs a gap-free series then
 * needs an {@link Imputation}.
 */
public enum Score {
  /** S3 = C − K (not volume-free). */
  S3("s3", true),
  /** S4 = (C − K)/(C + K); undefined without events. */
  S4("s4", false),
  /** S5, quad-weighted; undefined without events. */
  S5("s5", false),
  /** S6 = (C − K)/(C + K + 2); 0 for a period without events. */
  S6("s6", true),
  /** S2, the (weighted) Goldstein mean; undefined without events. */
  GOLDSTEIN_MEAN("goldstein_mean", false),
  /** S1, the (weighted) Goldstein sum (not volume-free). */
  GOLDSTEIN_SUM("goldstein_sum", true),
  /** The number of events n. */
  EVENTS("n", true),
  /** An imported aggregate's own external score (e.g. a GDELT pair score), summed per period. */
  SCORE("score", false);

  private final String optionName;
  private final boolean definedWhenEmpty;

  Score(String optionName, boolean definedWhenEmpty) {
    this.optionName = optionName;
    this.definedWhenEmpty = definedWhenEmpty;
  }

  /**
   * Parses a score name: {@code s3 s4 s5 s6 goldstein_mean goldstein_sum n}, with {@code s1} and
   * {@code s2} as aliases of the Goldstein sum and mean.
   *
   * @param s the name, case-insensitive
   * @return the score
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Score parse(String s) {
    String v = s.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    switch (v) {
      case "s1":
        return GOLDSTEIN_SUM;
      case "s2":
        return GOLDSTEIN_MEAN;
      case "events":
        return EVENTS;
      default:
        break;
    }
    for (Score sc : values()) {
      if (sc.optionName.equals(v)) {
        return sc;
      }
    }
    throw new IllegalArgumentException(
        "unknown score '"
            + s
            + "' (expected s3, s4, s5, s6, goldstein_mean, goldstein_sum, n or score)");
  }

  /** The name used in options and output, e.g. {@code s6}. */
  public String optionName() {
    return optionName;
  }

  /** Whether the score has a value for a period without events. */
  public boolean definedWhenEmpty() {
    return definedWhenEmpty;
  }

  /**
   * The score of one period.
   *
   * @param d the period's scores
   * @return the value, NaN where undefined
   */
  public double of(DyadScore d) {
    return switch (this) {
      case S3 -> d.s3();
      case S4 -> d.s4();
      case S5 -> d.s5();
      case S6 -> d.s6();
      case GOLDSTEIN_MEAN -> d.goldsteinMean();
      case GOLDSTEIN_SUM -> d.goldsteinSum();
      case EVENTS -> d.n();
      case SCORE -> d.score();
    };
  }

  /** The quantities a source must hold for this score (METHODS §1.5). */
  public java.util.Set<Quantity> requires() {
    return switch (this) {
      case S3, S4, S5, S6 -> java.util.EnumSet.of(Quantity.QUADS);
      case GOLDSTEIN_MEAN -> java.util.EnumSet.of(Quantity.GOLDSTEIN, Quantity.N);
      case GOLDSTEIN_SUM -> java.util.EnumSet.of(Quantity.GOLDSTEIN);
      case EVENTS -> java.util.EnumSet.of(Quantity.N);
      case SCORE -> java.util.EnumSet.of(Quantity.SCORE);
    };
  }

  /**
   * Checks that a series's source can give this score.
   *
   * @param has what the source holds
   * @param sourceName the source, for the message
   * @throws IllegalArgumentException naming the score, what it needs and what the source lacks
   */
  public void requireFrom(Quantities has, String sourceName) {
    java.util.List<String> missing = new java.util.ArrayList<>();
    for (Quantity q : requires()) {
      if (!has.has(q)) {
        missing.add(q.columns());
      }
    }
    if (!missing.isEmpty()) {
      java.util.List<String> held = new java.util.ArrayList<>();
      for (Quantity q : Quantity.values()) {
        if (has.has(q)) {
          held.add(q.columns());
        }
      }
      throw new org.entente.store.UnsupportedQueryException(
          "score "
              + optionName
              + " needs "
              + String.join(" and ", missing)
              + ", which source '"
              + sourceName
              + "' lacks (it holds "
              + (held.isEmpty() ? "nothing usable" : String.join(", ", held))
              + "); choose another score, e.g. --score "
              + suggestion(has));
    }
  }

  private static String suggestion(Quantities has) {
    if (has.has(Quantity.QUADS)) {
      return "s6";
    }
    if (has.has(Quantity.SCORE)) {
      return "score";
    }
    if (has.has(Quantity.GOLDSTEIN)) {
      return "goldstein_sum";
    }
    return "n";
  }
}
