package org.entente.analyse.series;

import java.time.YearMonth;
import java.util.Objects;
import org.entente.store.DyadQuery;
import org.entente.store.DyadQuery.Dedup;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.DyadQuery.Weighting;

/**
 * How dyad series are drawn from the store for an analysis: the period length, the range and the
 * event filters of {@link DyadQuery}.
 *
 * @param frequency month, quarter or year
 * @param from first month, or {@code null} for the first event of the dyads analysed
 * @param to last month, or {@code null} for their last event
 * @param weighting event weight
 * @param dedup deduplication mode
 * @param stateOnly only events between GOV/MIL actors
 * @param dropStatements leave out root 01
 */
public record SeriesOptions(
    Frequency frequency,
    YearMonth from,
    YearMonth to,
    Weighting weighting,
    Dedup dedup,
    boolean stateOnly,
    boolean dropStatements) {

  /**
   * Validates.
   *
   * @throws NullPointerException if the frequency, weighting or dedup is null
   * @throws IllegalArgumentException if {@code from} is after {@code to}
   */
  public SeriesOptions {
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(weighting, "weighting");
    Objects.requireNonNull(dedup, "dedup");
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("--from " + from + " is after --to " + to);
    }
  }

  /** Every event, unweighted, over the dyads' whole extent. */
  public static SeriesOptions defaults(Frequency frequency) {
    return new SeriesOptions(frequency, null, null, Weighting.NONE, Dedup.NONE, false, false);
  }

  /** The same options over another range ({@code null} ends are open). */
  public SeriesOptions withRange(YearMonth newFrom, YearMonth newTo) {
    return new SeriesOptions(
        frequency, newFrom, newTo, weighting, dedup, stateOnly, dropStatements);
  }

  /** The same options at another frequency. */
  public SeriesOptions withFrequency(Frequency f) {
    return new SeriesOptions(f, from, to, weighting, dedup, stateOnly, dropStatements);
  }

  /** The store query for one dyad under these options. */
  public DyadQuery query(Dyad d) {
    return new DyadQuery(
        d.a(),
        d.b(),
        d.directed(),
        from,
        to,
        frequency,
        weighting,
        dedup,
        stateOnly,
        dropStatements);
  }
}
