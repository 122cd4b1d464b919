package org.entente.analyse;

import java.util.List;
import org.entente.analyse.changepoint.ChangePointResult;
import org.entente.analyse.series.AnalysisSeries;
import org.entente.measure.Period;

/**
 * The periods of one series: the changes in mean, the periods between them, and optionally the
 * agreement with an expert periodisation.
 *
 * @param series the series analysed (before imputation)
 * @param request the request as run
 * @param imputed how many periods the imputation filled
 * @param result the change-point search as run, with β, σ̂, L and the method
 * @param changes each change as the last period of the old period and the first of the new
 * @param periods the periods between changes, in the series' original units
 * @param comparison the agreement with the expert periodisation, or {@code null}
 */
public record PeriodReport(
    AnalysisSeries series,
    PeriodRequest request,
    int imputed,
    ChangePointResult result,
    List<Change> changes,
    List<Segment> periods,
    Comparison comparison) {

  /** Copies the lists. */
  public PeriodReport {
    changes = List.copyOf(changes);
    periods = List.copyOf(periods);
  }

  /**
   * One change.
   *
   * @param lastOfOld τ as a period: the last of the old period
   * @param firstOfNew τ + 1: the first of the new period
   * @param gain the cost saved by the change given its neighbours (standardised units)
   */
  public record Change(Period lastOfOld, Period firstOfNew, double gain) {}

  /**
   * One period between changes.
   *
   * @param first first period, inclusive
   * @param last last period, inclusive
   * @param length number of periods
   * @param mean mean of the (imputed) values
   * @param sd sample SD; NaN for a single period
   * @param ciLower lower end of the Student-t 95% interval of the mean (too narrow: the boundaries
   *     were estimated from the same data)
   * @param ciUpper upper end
   * @param events events in the period for a store series; -1 for an external one
   * @param withData periods with data (events, or a defined value for an external series)
   */
  public record Segment(
      Period first,
      Period last,
      int length,
      double mean,
      double sd,
      double ciLower,
      double ciUpper,
      long events,
      int withData) {}

  /**
   * Detected changes against an expert periodisation (METHODS §3.3): breaks are first periods of
   * new periods; one-to-one greedy matching by smallest distance within the tolerance (inclusive);
   * the series' end is in neither list.
   *
   * @param scheme the expert periodisation
   * @param tolerance M, in periods
   * @param expertBreaks the expert breaks inside the series (as the periods containing them)
   * @param outside expert breaks that fall before the second period or after the last, left out
   * @param detected the detected breaks (first periods of new periods)
   * @param matches the matched pairs
   * @param truePositives matched pairs
   * @param precision TP/|detected|, NaN if nothing was detected
   * @param recall TP/|expert|, NaN if no expert break is inside the series
   * @param f1 harmonic mean of precision and recall
   * @param hausdorff the Hausdorff distance in periods, NaN if either list is empty
   */
  public record Comparison(
      String scheme,
      int tolerance,
      List<Period> expertBreaks,
      List<String> outside,
      List<Period> detected,
      List<Match> matches,
      int truePositives,
      double precision,
      double recall,
      double f1,
      double hausdorff) {

    /** Copies the lists. */
    public Comparison {
      expertBreaks = List.copyOf(expertBreaks);
      outside = List.copyOf(outside);
      detected = List.copyOf(detected);
      matches = List.copyOf(matches);
    }
  }

  /**
   * A matched pair.
   *
   * @param expert the expert break
   * @param detected the detected break
   * @param distance |b − ê| in periods
   */
  public record Match(Period expert, Period detected, int distance) {}
}
