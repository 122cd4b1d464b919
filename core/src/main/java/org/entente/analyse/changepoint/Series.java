package org.entente.analyse.changepoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hipparchus.distribution.continuous.TDistribution;

/** Input checks, scale estimation and result assembly shared by the detectors. */
final class Series {

  /** MAD consistency factor for the normal distribution, 1/Φ⁻¹(3/4). */
  static final double MAD_NORMAL_FACTOR = 1.4826;

  private Series() {}

  /**
   * A validated series ready for searching.
   *
   * @param scale σ̂ used
   * @param scaleEstimated whether σ̂ was estimated
   * @param beta β per change
   * @param cost segment cost on the standardised series
   */
  record Prepared(double scale, boolean scaleEstimated, double beta, MeanCost cost) {}

  static Prepared prepare(double[] y, ChangePointSettings settings) {
    Objects.requireNonNull(y, "y");
    Objects.requireNonNull(settings, "settings");
    requireFinite(y);
    boolean estimate = Double.isNaN(settings.scale());
    double scale = estimate ? madScale(y) : settings.scale();
    // the cost works on y/σ̂ and its squares: a scale so small against the values that they
    // overflow gave "changes: none" with σ 0 and a null cost, as if the search had run
    double sumSq = 0;
    double mean = 0;
    for (double v : y) {
      mean += v / y.length;
    }
    for (double v : y) {
      double z = (v - mean) / scale;
      sumSq += z * z;
    }
    if (!Double.isFinite(sumSq) || !Double.isFinite(mean)) {
      throw new IllegalArgumentException(
          "the noise scale "
              + scale
              + " is too small for this series (values up to "
              + java.util.Arrays.stream(y).map(Math::abs).max().orElse(0)
              + "): the standardised cost overflows; give a larger --scale, or rescale the"
              + " series");
    }
    double beta = settings.penalty().beta(y.length);
    MeanCost cost = new MeanCost(y, scale, settings.penalty().addsSegmentLengthTerm());
    return new Prepared(scale, estimate, beta, cost);
  }

  static void requireFinite(double[] y) {
    if (y.length == 0) {
      throw new IllegalArgumentException("series is empty");
    }
    for (int i = 0; i < y.length; i++) {
      if (!Double.isFinite(y[i])) {
        throw new IllegalArgumentException(
            "series must be gap-free and finite; month " + (i + 1) + " is " + y[i]);
      }
    }
  }

  /**
   * Robust noise scale from first differences.
   *
   * <p>Computes σ̂ = MAD(Δy)/√2, MAD(d) = 1.4826 · median_i |d_i − median(d)|. Differencing removes
   * a piecewise-constant mean except at the few change points, which the median ignores; the √2
   * undoes the variance doubling of differencing independent noise. Assumes independent noise;
   * positive autocorrelation makes σ̂ too small (and changes too many). Reference: Hampel (1974),
   * JASA 69(346) for the MAD; Fryzlewicz (2014), Annals of Statistics 42(6), section 3 for the
   * differenced estimate; METHODS.md 3.1.
   */
  static double madScale(double[] y) {
    if (y.length < 2) {
      throw new IllegalArgumentException("need at least 2 values to estimate the scale");
    }
    double[] d = new double[y.length - 1];
    for (int i = 1; i < y.length; i++) {
      d[i - 1] = y[i] - y[i - 1];
    }
    double centre = median(d);
    double[] dev = new double[d.length];
    for (int i = 0; i < d.length; i++) {
      dev[i] = Math.abs(d[i] - centre);
    }
    double scale = MAD_NORMAL_FACTOR * median(dev) / Math.sqrt(2);
    if (!(scale > 0) || !Double.isFinite(scale)) {
      throw new IllegalArgumentException(
          "estimated scale is "
              + scale
              + " (more than half of the period-to-period differences are equal): give the"
              + " noise scale yourself (periods --scale SIGMA)");
    }
    return scale;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
  }

  /** Assembles the result for change points {@code changes} (increasing, each in 1..n−1). */
  static ChangePointResult result(
      DetectionMethod method,
      double[] y,
      Prepared prepared,
      ChangePointSettings settings,
      List<Integer> changes) {
    int n = y.length;
    MeanCost cost = prepared.cost();
    List<Integer> bounds = new ArrayList<>();
    bounds.add(0);
    bounds.addAll(changes);
    bounds.add(n);
    List<Segment> segments = new ArrayList<>();
    double total = prepared.beta() * changes.size();
    for (int k = 0; k + 1 < bounds.size(); k++) {
      int s = bounds.get(k);
      int t = bounds.get(k + 1);
      double c = cost.cost(s, t);
      total += c;
      segments.add(summarise(y, s, t, c));
    }
    List<ChangePoint> points = new ArrayList<>();
    for (int k = 1; k + 1 < bounds.size(); k++) {
      int s = bounds.get(k - 1);
      int tau = bounds.get(k);
      int e = bounds.get(k + 1);
      double gain = cost.cost(s, e) - cost.cost(s, tau) - cost.cost(tau, e);
      points.add(new ChangePoint(tau, tau + 1, gain));
    }
    return new ChangePointResult(
        method,
        settings.penalty(),
        prepared.beta(),
        prepared.scale(),
        prepared.scaleEstimated(),
        settings.minSegmentLength(),
        n,
        points,
        segments,
        total);
  }

  /**
   * Summary of months s+1..t in original units.
   *
   * <p>Computes the mean, the sample SD (divisor length − 1) and the Student-t 95% interval mean ±
   * t_{0.975, length−1} · SD/√length (Hipparchus {@link TDistribution}). Assumes independent normal
   * noise within the period; it ignores that the period boundaries were estimated from the same
   * data, so coverage is below 95%. Reference: any statistics text, e.g. Casella &amp; Berger
   * (2002), Statistical Inference, 2nd ed., section 9.2.
   */
  static Segment summarise(double[] y, int s, int t, double cost) {
    int length = t - s;
    double mean = 0;
    for (int i = s; i < t; i++) {
      mean += y[i];
    }
    mean /= length;
    double sd = Double.NaN;
    double lower = Double.NaN;
    double upper = Double.NaN;
    if (length > 1) {
      double ss = 0;
      for (int i = s; i < t; i++) {
        double d = y[i] - mean;
        ss += d * d;
      }
      sd = Math.sqrt(ss / (length - 1));
      double half =
          new TDistribution(length - 1).inverseCumulativeProbability(0.975)
              * sd
              / Math.sqrt(length);
      lower = mean - half;
      upper = mean + half;
    }
    return new Segment(s + 1, t, length, mean, sd, lower, upper, cost);
  }
}
