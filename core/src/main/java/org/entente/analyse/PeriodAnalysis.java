package org.entente.analyse;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.entente.analyse.changepoint.BreakComparison;
import org.entente.analyse.changepoint.ChangePoint;
import org.entente.analyse.changepoint.ChangePointDetector;
import org.entente.analyse.changepoint.ChangePointResult;
import org.entente.analyse.changepoint.ChangePointSettings;
import org.entente.analyse.changepoint.ChangePoints;
import org.entente.analyse.changepoint.DetectionMethod;
import org.entente.analyse.changepoint.LongRunScale;
import org.entente.analyse.changepoint.Segment;
import org.entente.analyse.series.AnalysisSeries;
import org.entente.measure.Period;
import org.entente.system.ExpertPeriods;

/**
 * Periods of a series (METHODS §3): the change-point search of {@code
 * org.entente.analyse.changepoint} (PELT, or binary segmentation) on a gap-free series, reported
 * with period labels, and the comparison with an expert periodisation.
 *
 * <p>Positions: the search numbers periods 1..n; change τ is reported as the period at position τ
 * (last of the old period) and τ + 1 (first of the new). Expert breaks are months; at quarterly or
 * yearly frequency each break becomes the period containing it, and the tolerance counts periods. A
 * break in the series' first period or outside it cannot be detected and is left out (listed in
 * {@link PeriodReport.Comparison#outside()}). Noise scale: {@link PeriodRequest.Scale}. Static,
 * pure and thread-safe.
 */
public final class PeriodAnalysis {

  private PeriodAnalysis() {}

  /**
   * Finds the periods of {@code series}.
   *
   * @param series the series (undefined values are filled by the request's imputation)
   * @param request method, penalty, L, imputation, scale and comparison
   * @return the report
   * @throws AnalysisException if the series is empty, has undefined values and no imputation, or
   *     its noise scale is 0 (most period-to-period changes are 0: use {@code --scale sd} or a
   *     number)
   * @throws IllegalArgumentException if the expert scheme is unknown
   */
  public static PeriodReport run(AnalysisSeries series, PeriodRequest request) {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(request, "request");
    if (series.length() < 2) {
      throw new AnalysisException(
          "series " + series.label() + " has " + series.length() + " period(s); need at least 2");
    }
    double[] y = series.filled(request.imputation());
    int imputed = series.undefined();
    double scale = scale(series, y, request);
    ChangePointSettings settings =
        new ChangePointSettings(request.penalty(), request.minLength(), scale, Integer.MAX_VALUE);
    ChangePointDetector detector =
        request.method() == DetectionMethod.PELT
            ? ChangePoints.pelt()
            : ChangePoints.binarySegmentation();
    ChangePointResult result;
    try {
      result = detector.detect(y, settings);
    } catch (IllegalArgumentException e) {
      throw new AnalysisException("series " + series.label() + ": " + e.getMessage(), e);
    }
    List<Period> p = series.periods();
    List<PeriodReport.Change> changes = new ArrayList<>();
    for (ChangePoint c : result.changePoints()) {
      changes.add(
          new PeriodReport.Change(
              p.get(c.lastOfOld() - 1), p.get(c.firstOfNew() - 1), c.localGain()));
    }
    long[] events = series.events();
    List<PeriodReport.Segment> periods = new ArrayList<>();
    for (Segment s : result.segments()) {
      long ev = events == null ? -1 : 0;
      int withData = 0;
      for (int i = s.first() - 1; i < s.last(); i++) {
        if (events != null) {
          ev += events[i];
        }
        if (series.hasData(i)) {
          withData++;
        }
      }
      periods.add(
          new PeriodReport.Segment(
              p.get(s.first() - 1),
              p.get(s.last() - 1),
              s.length(),
              s.mean(),
              s.sd(),
              s.ciLower(),
              s.ciUpper(),
              ev,
              withData));
    }
    PeriodReport.Comparison comparison =
        request.compareScheme() == null
            ? null
            : compare(
                series,
                result.firstMonthsOfNewPeriods(),
                request.compareScheme(),
                request.tolerance());
    return new PeriodReport(series, request, imputed, result, changes, periods, comparison);
  }

  private static double scale(AnalysisSeries series, double[] y, PeriodRequest request) {
    switch (request.scale()) {
      case FIXED:
        return request.scaleValue();
      case LRV:
        try {
          return LongRunScale.estimate(y).longRunSd();
        } catch (IllegalArgumentException e) {
          throw new AnalysisException(
              "series " + series.label() + ": no long-run noise scale: " + e.getMessage(), e);
        }
      case SD:
        {
          double[] d = new double[y.length - 1];
          double mean = 0;
          for (int i = 1; i < y.length; i++) {
            d[i - 1] = y[i] - y[i - 1];
            mean += d[i - 1];
          }
          mean /= d.length;
          double ss = 0;
          for (double v : d) {
            ss += (v - mean) * (v - mean);
          }
          double sd = d.length > 1 ? Math.sqrt(ss / (d.length - 1)) / Math.sqrt(2) : 0;
          if (!(sd > 0)) {
            throw new AnalysisException(
                "series " + series.label() + " is constant: no noise scale, no changes to find");
          }
          return sd;
        }
      case MAD:
      default:
        try {
          return ChangePoints.madScale(y);
        } catch (IllegalArgumentException e) {
          throw new AnalysisException(
              "series "
                  + series.label()
                  + ": the noise scale MAD(Δy)/√2 is 0 (more than half of the period-to-period"
                  + " changes are 0, as in sparse event data); another scale is needed (entente periods"
                  + " --scale sd or a number)",
              e);
        }
    }
  }

  /**
   * Compares detected breaks (1-based first positions of new periods) with an expert scheme.
   *
   * @throws IllegalArgumentException if the scheme is unknown
   */
  static PeriodReport.Comparison compare(
      AnalysisSeries series, List<Integer> detected, String scheme, int tolerance) {
    List<Period> p = series.periods();
    List<Integer> expert = new ArrayList<>();
    List<Period> expertPeriods = new ArrayList<>();
    List<String> outside = new ArrayList<>();
    for (YearMonth b : ExpertPeriods.breaks(scheme)) {
      int i = series.indexOf(Period.containing(series.frequency(), b));
      if (i < 1) {
        outside.add(b.toString());
      } else if (!expert.contains(i + 1)) {
        expert.add(i + 1);
        expertPeriods.add(p.get(i));
      }
    }
    BreakComparison c = BreakComparison.compare(expert, detected, tolerance);
    List<PeriodReport.Match> matches = new ArrayList<>();
    for (BreakComparison.Match m : c.matches()) {
      matches.add(
          new PeriodReport.Match(p.get(m.expert() - 1), p.get(m.estimated() - 1), m.distance()));
    }
    return new PeriodReport.Comparison(
        scheme,
        tolerance,
        expertPeriods,
        outside,
        detected.stream().map(i -> p.get(i - 1)).toList(),
        matches,
        c.truePositives(),
        c.precision(),
        c.recall(),
        c.f1(),
        c.hausdorff());
  }
}
