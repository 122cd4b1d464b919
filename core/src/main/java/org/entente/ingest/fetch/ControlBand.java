package org.entente.ingest.fetch;

import java.util.Arrays;

/**
 * A robust control band over a window of previous values.
 *
 * <pre>
 * z = (x − median) / s,   s = 1.4826 · MAD,   MAD = median |x_i − median|
 * band = [median − t·s, median + t·s]   (x is out of band when |z| &gt; t)
 * </pre>
 *
 * 1.4826 = 1/Φ⁻¹(3/4) makes s estimate the standard deviation of normal data; the median and MAD
 * are not moved by the outliers the band is meant to catch. Where MAD is 0 (more than half the
 * window equal, common for sparse daily counts), s falls back to 1.253314 · mean |x_i − median|
 * (the modified z-score of Iglewicz and Hoaglin, 1993, as used by IBM SPSS); where that is 0 too,
 * every previous value is the same and there is no band (no alert).
 *
 * <p>Reference: Iglewicz, B. and Hoaglin, D. C. (1993), <i>How to Detect and Handle Outliers</i>,
 * ASQC Quality Press; Rousseeuw, P. J. and Croux, C. (1993), JASA 88(424), 1273–1283.
 */
final class ControlBand {
  static final double MAD_SCALE = 1.4826;
  static final double MEAN_AD_SCALE = 1.253314;

  final double median;
  final double scale;

  private ControlBand(double median, double scale) {
    this.median = median;
    this.scale = scale;
  }

  /** The band of a window, or null when it has fewer than {@code minimum} values or no spread. */
  static ControlBand of(double[] window, int minimum) {
    if (window.length < Math.max(1, minimum)) {
      return null;
    }
    double med = median(window);
    double[] dev = new double[window.length];
    double sum = 0;
    for (int i = 0; i < window.length; i++) {
      dev[i] = Math.abs(window[i] - med);
      sum += dev[i];
    }
    double s = MAD_SCALE * median(dev);
    if (s == 0) {
      s = MEAN_AD_SCALE * sum / window.length;
    }
    return s > 0 ? new ControlBand(med, s) : null;
  }

  double z(double x) {
    return (x - median) / scale;
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
