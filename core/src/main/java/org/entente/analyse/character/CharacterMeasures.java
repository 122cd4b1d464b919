package org.entente.analyse.character;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

/**
 * The components of METHODS section 6, one static method each. Pure and thread-safe. Monthly series
 * use NaN for a missing month (for example S4 in a month without events).
 *
 * <p>Anchor for all components: Keohane (1986), "Reciprocity in International Relations",
 * International Organization 40(1): specific reciprocity (tit-for-tat exchanges of equivalent
 * value) corresponds to a transactional relationship, diffuse reciprocity (rough balance over time,
 * within a broad, institutionalised relationship) to a strategic one.
 */
public final class CharacterMeasures {

  /** Minimum number of non-missing months for the lag-1 autocorrelation. */
  public static final int MIN_MONTHS_FOR_PERSISTENCE = 12;

  private CharacterMeasures() {}

  /**
   * Breadth of cooperation across domains.
   *
   * <p>Computes the normalised Shannon entropy B = −Σ_d p_d ln p_d / ln 6 over the six domains, p_d
   * = count_d / total, 0 ln 0 = 0; B = 0 when all cooperation is in one domain and 1 when it is
   * spread evenly. Assumes the domain classifier of {@link Domains}; B is sensitive to small
   * counts, so report it with the total. Reference: Shannon (1948), Bell System Technical Journal
   * 27; METHODS.md 6.1.
   *
   * @param counts cooperative events per domain
   * @return B in [0, 1]; NaN if there are no classified events
   */
  public static double breadth(DomainCounts counts) {
    Objects.requireNonNull(counts, "counts");
    double total = counts.total();
    if (total == 0) {
      return Double.NaN;
    }
    double h = 0;
    for (Domain d : Domain.values()) {
      double p = counts.get(d) / total;
      if (p > 0) {
        h -= p * Math.log(p);
      }
    }
    return h / Math.log(Domain.values().length);
  }

  /**
   * Material share of cooperation: M = W2 / (W1 + W2) (METHODS 6.2), W1 verbal and W2 material
   * cooperation weights (quad classes 1 and 2). Material cooperation is costlier to fake than
   * words, but a relationship that is almost only material can be a pure exchange.
   *
   * @param verbalCooperation W1 ≥ 0
   * @param materialCooperation W2 ≥ 0
   * @return M in [0, 1]; NaN if W1 + W2 = 0
   * @throws IllegalArgumentException if a weight is negative or not finite
   */
  public static double materialShare(double verbalCooperation, double materialCooperation) {
    requireCount(verbalCooperation);
    requireCount(materialCooperation);
    double total = verbalCooperation + materialCooperation;
    return total == 0 ? Double.NaN : materialCooperation / total;
  }

  /**
   * Security share: (MIL + INT) / all classified cooperative events (METHODS 6.2).
   *
   * @param counts cooperative events per domain
   * @return the share in [0, 1]; NaN if there are no classified events
   */
  public static double securityShare(DomainCounts counts) {
    Objects.requireNonNull(counts, "counts");
    double total = counts.total();
    return total == 0 ? Double.NaN : (counts.mil() + counts.intelligence()) / total;
  }

  /**
   * Persistence: the lag-1 autocorrelation of a monthly score.
   *
   * <p>Computes ρ1 = Σ_{t: s_t, s_{t+1} present} (s_t − s̄)(s_{t+1} − s̄) / Σ_{t: s_t present} (s_t
   * − s̄)², s̄ the mean of the present months (the usual sample ACF, divisor-free form, with
   * missing months dropping the pairs they belong to). High ρ1 means shocks to the relationship
   * last. Assumes a stationary score within the window. Reference: Crescenzi &amp; Enterline
   * (2001), "Time Remembered: A Dynamic Model of Interstate Interaction", International Studies
   * Quarterly 45(3); Box, Jenkins, Reinsel &amp; Ljung (2015), section 2.1.5; METHODS.md 6.3.
   *
   * @param monthly the monthly score (for example S4), NaN for missing months
   * @return ρ1; NaN if fewer than 12 months are present or the present values are all equal
   */
  public static double lag1Autocorrelation(double[] monthly) {
    Objects.requireNonNull(monthly, "monthly");
    double[] present = presentValues(monthly);
    if (present.length < MIN_MONTHS_FOR_PERSISTENCE) {
      return Double.NaN;
    }
    double mean = mean(present);
    double denominator = 0;
    for (double v : present) {
      denominator += (v - mean) * (v - mean);
    }
    if (denominator == 0) {
      return Double.NaN;
    }
    double numerator = 0;
    for (int t = 0; t + 1 < monthly.length; t++) {
      if (!Double.isNaN(monthly[t]) && !Double.isNaN(monthly[t + 1])) {
        numerator += (monthly[t] - mean) * (monthly[t + 1] - mean);
      }
    }
    return numerator / denominator;
  }

  /**
   * Half-life of a shock under an AR(1) with coefficient ρ1: ln 0.5 / ln ρ1 months (ρ1 = 0.7 →
   * 1.94). Reference: METHODS.md 6.3.
   *
   * @param rho1 the lag-1 autocorrelation
   * @return the half-life in months for 0 &lt; ρ1 &lt; 1; +∞ for ρ1 ≥ 1; NaN for ρ1 ≤ 0 (no
   *     monotone decay) or NaN
   */
  public static double halfLife(double rho1) {
    if (Double.isNaN(rho1) || rho1 <= 0) {
      return Double.NaN;
    }
    if (rho1 >= 1) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.log(0.5) / Math.log(rho1);
  }

  /**
   * Volatility: the sample standard deviation (divisor n − 1) of the present months of a monthly
   * score. Reference: Crescenzi &amp; Enterline (2001); METHODS.md 6.3.
   *
   * @param monthly the monthly score, NaN for missing months
   * @return the SD; NaN if fewer than 2 months are present
   */
  public static double volatility(double[] monthly) {
    Objects.requireNonNull(monthly, "monthly");
    return sampleSd(presentValues(monthly));
  }

  /**
   * Diffuse reciprocity: 1 − |N_AB − N_BA| / (N_AB + N_BA) over the window (60 vs 40 → 0.8).
   * Balance over a long window without month-by-month matching is Keohane's diffuse reciprocity.
   * Reference: Keohane (1986); METHODS.md 6.4.
   *
   * @param countAtoB N_AB, cooperative events A→B (or weights) ≥ 0
   * @param countBtoA N_BA ≥ 0
   * @return the balance in [0, 1]; NaN if both are 0
   * @throws IllegalArgumentException if a count is negative or not finite
   */
  public static double diffuseBalance(double countAtoB, double countBtoA) {
    requireCount(countAtoB);
    requireCount(countBtoA);
    double total = countAtoB + countBtoA;
    return total == 0 ? Double.NaN : 1 - Math.abs(countAtoB - countBtoA) / total;
  }

  /**
   * Specific reciprocity by OLS.
   *
   * <p>Computes the OLS fit of s_{A→B,t} = a + φ s_{A→B,t−1} + θ s_{B→A,t−1} + e_t over the months
   * t where all three values are present (Hipparchus {@link OLSMultipleLinearRegression}); θ̂ large
   * and positive means A answers B's last move in kind, month by month. Assumes a stationary
   * bivariate process and no contemporaneous feedback within the month. Reference: Goldstein &amp;
   * Pevehouse (1997), "Reciprocity, Bullying, and International Cooperation: Time-series Analysis
   * of the Bosnia Conflict", American Political Science Review 91(3); METHODS.md 6.4.
   *
   * @param aToB monthly directed score s_{A→B}, NaN for missing months
   * @param bToA monthly directed score s_{B→A}, same length
   * @return the fit; all fields NaN (nobs as counted) if fewer than 4 usable months or the
   *     regressors are collinear
   * @throws IllegalArgumentException if the lengths differ
   */
  public static ReciprocityFit specificReciprocity(double[] aToB, double[] bToA) {
    Objects.requireNonNull(aToB, "aToB");
    Objects.requireNonNull(bToA, "bToA");
    if (aToB.length != bToA.length) {
      throw new IllegalArgumentException("directed series must have the same length");
    }
    List<double[]> rows = new ArrayList<>();
    List<Double> response = new ArrayList<>();
    for (int t = 1; t < aToB.length; t++) {
      if (Double.isNaN(aToB[t]) || Double.isNaN(aToB[t - 1]) || Double.isNaN(bToA[t - 1])) {
        continue;
      }
      rows.add(new double[] {1, aToB[t - 1], bToA[t - 1]});
      response.add(aToB[t]);
    }
    int n = rows.size();
    if (n < 4) {
      return new ReciprocityFit(Double.NaN, Double.NaN, Double.NaN, Double.NaN, n);
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression(1e-10);
    ols.setNoIntercept(true);
    try {
      ols.newSampleData(
          response.stream().mapToDouble(Double::doubleValue).toArray(),
          rows.toArray(new double[0][]));
      double[] beta = ols.estimateRegressionParameters();
      double[] se = ols.estimateRegressionParametersStandardErrors();
      return new ReciprocityFit(beta[0], beta[1], beta[2], se[2], n);
    } catch (MathRuntimeException singular) {
      return new ReciprocityFit(Double.NaN, Double.NaN, Double.NaN, Double.NaN, n);
    }
  }

  /**
   * Institutionalisation: formal agreements (CAMEO 057) and negotiations (046) per 12 months, 12
   * (n_057 + n_046) / W. Reference: METHODS.md 6.5.
   *
   * @param signedAgreements n_057 ≥ 0
   * @param negotiations n_046 ≥ 0
   * @param windowMonths W ≥ 1
   * @return events per 12 months
   * @throws IllegalArgumentException if a count is negative or W &lt; 1
   */
  public static double institutionalisationRate(
      double signedAgreements, double negotiations, int windowMonths) {
    requireCount(signedAgreements);
    requireCount(negotiations);
    if (windowMonths < 1) {
      throw new IllegalArgumentException("windowMonths must be >= 1");
    }
    return 12.0 * (signedAgreements + negotiations) / windowMonths;
  }

  /**
   * Regularity of visits: the coefficient of variation of the gaps between visit months.
   *
   * <p>Computes gaps g_i = m_{i+1} − m_i between the sorted visit months (042/043 between
   * governments), then CV = SD(g)/mean(g) with the sample SD (divisor k − 1): months 3, 9, 14, 22,
   * 26, 33 → gaps 6, 5, 8, 4, 7 → CV = 1.581/6 = 0.26. Low CV means visits on a schedule, a mark of
   * institutionalised ties. Two visits in one month give a gap of 0. Reference: METHODS.md 6.5.
   *
   * @param visitMonths months of visits in any order, duplicates allowed
   * @return the CV; NaN if fewer than 3 visits or the mean gap is 0
   */
  public static double visitGapCv(Collection<Integer> visitMonths) {
    Objects.requireNonNull(visitMonths, "visitMonths");
    int[] months = visitMonths.stream().mapToInt(Integer::intValue).sorted().toArray();
    if (months.length < 3) {
      return Double.NaN;
    }
    double[] gaps = new double[months.length - 1];
    for (int i = 0; i < gaps.length; i++) {
      gaps[i] = months[i + 1] - months[i];
    }
    double mean = mean(gaps);
    return mean == 0 ? Double.NaN : sampleSd(gaps) / mean;
  }

  static double[] presentValues(double[] monthly) {
    return Arrays.stream(monthly).filter(v -> !Double.isNaN(v)).toArray();
  }

  static double mean(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s / values.length;
  }

  static double sampleSd(double[] values) {
    if (values.length < 2) {
      return Double.NaN;
    }
    double m = mean(values);
    double ss = 0;
    for (double v : values) {
      ss += (v - m) * (v - m);
    }
    return Math.sqrt(ss / (values.length - 1));
  }

  private static void requireCount(double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("counts must be finite and >= 0, got " + v);
    }
  }
}
