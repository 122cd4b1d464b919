package org.entente.analyse;

import java.time.YearMonth;
import java.util.Objects;
import org.entente.analyse.series.Dyad;
import org.entente.analyse.series.SeriesOptions;

/**
 * A transactional-versus-strategic analysis of one undirected dyad (METHODS §6).
 *
 * @param dyad the dyad; its direction is ignored (components pool both directions where METHODS
 *     says so and use each direction for reciprocity)
 * @param windowMonths W, the window length in months (METHODS suggests 24)
 * @param from first month of the first window, or {@code null} for January of the year of the
 *     dyad's first event
 * @param to last month analysed, or {@code null} for the dyad's last event; a last window that does
 *     not fit is kept as a partial window unless {@code completeOnly}
 * @param reference the rows the composite index z-scores against
 * @param filters event filters (weighting, deduplication, state-only, statements); their frequency
 *     and range are ignored
 * @param completeOnly keep only windows of the full W months
 */
public record CharacterRequest(
    Dyad dyad,
    int windowMonths,
    YearMonth from,
    YearMonth to,
    Reference reference,
    SeriesOptions filters,
    boolean completeOnly) {

  /** Default window length W. */
  public static final int DEFAULT_WINDOW = 24;

  /** The comparison set of the composite index. */
  public enum Reference {
    /** The same windows of all 15 dyads among the six core states (and the dyad itself). */
    CORE,
    /** The dyad's own windows only. */
    SELF
  }

  /**
   * Validates.
   *
   * @throws NullPointerException if a reference other than from/to is null
   * @throws IllegalArgumentException if W &lt; 2 or from is after to
   */
  public CharacterRequest {
    Objects.requireNonNull(dyad, "dyad");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(filters, "filters");
    if (windowMonths < 2) {
      throw new IllegalArgumentException("--window must be at least 2 months, got " + windowMonths);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("--from " + from + " is after --to " + to);
    }
  }
}
