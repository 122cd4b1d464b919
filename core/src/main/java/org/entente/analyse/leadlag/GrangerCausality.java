package org.entente.analyse.leadlag;

import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * Granger causality tests between two series (METHODS 4.4). Static, pure, thread-safe.
 *
 * <p>Which test: the single-equation ssr-based tests of statsmodels' {@code grangercausalitytests}
 * ({@code ssr_ftest} and {@code ssr_chi2test}), not the VAR-level {@code
 * VARResults.test_causality}, whose denominator degrees of freedom are K(T − Kp − 1) and whose
 * p-values therefore differ.
 */
public final class GrangerCausality {

  /** Default number of resampling replicates B. */
  public static final int DEFAULT_REPLICATES = 999;

  private GrangerCausality() {}

  /**
   * Granger test with a constant.
   *
   * @param cause x, the candidate cause
   * @param effect y, the candidate effect, same length
   * @param lags p ≥ 1
   * @return the F and χ² tests
   * @see #test(double[], double[], int, Deterministic)
   */
  public static GrangerResult test(double[] cause, double[] effect, int lags) {
    return test(cause, effect, lags, Deterministic.CONSTANT);
  }

  /**
   * Granger test: does x help predict y beyond y's own past?
   *
   * <p>Computes, on t = p+1..n (T = n − p), the restricted OLS y_t = c [+ δt] + Σ_{i=1}^{p} a_i
   * y_{t−i} and the unrestricted one adding Σ_{i=1}^{p} b_i x_{t−i}; F = [(RSS_R − RSS_U)/p] /
   * [RSS_U/(T − 2p − 1 − d)] ~ F(p, T − 2p − 1 − d) and χ² = T (RSS_R − RSS_U)/RSS_U ~ χ²(p) under
   * H0: b_1 = … = b_p = 0. With {@link Deterministic#CONSTANT} this is statsmodels' {@code
   * grangercausalitytests(column_stack([y, x]), p)} ssr_ftest and ssr_chi2test. Upper tails come
   * from Hipparchus' regularised incomplete beta and gamma functions (the functions behind its
   * {@code FDistribution} and {@code ChiSquaredDistribution}), evaluated on the upper tail directly
   * so that very small p-values keep their precision. Assumptions: both series stationary
   * (difference I(1) series, or use a Toda–Yamamoto design), Gaussian homoskedastic errors for the
   * exact F; the χ² form is only asymptotic. Reference: Granger (1969), Econometrica 37(3);
   * Hamilton (1994), Time Series Analysis, section 11.2; METHODS.md 4.4.
   *
   * @param cause x, the candidate cause
   * @param effect y, the candidate effect, same length n
   * @param lags p ≥ 1 with T − 2p − 1 − d ≥ 1
   * @param deterministic deterministic terms
   * @return the F and χ² tests
   * @throws IllegalArgumentException if lengths differ, a value is not finite, the sample is too
   *     short, x's lags are collinear with the other regressors, or the unrestricted model fits
   *     perfectly
   */
  public static GrangerResult test(
      double[] cause, double[] effect, int lags, Deterministic deterministic) {
    Series.requireFinite(cause, "cause");
    Series.requireFinite(effect, "effect");
    Series.requireSameLength(cause, effect);
    checkSample(cause.length, lags, deterministic);
    double rssRestricted = restrictedRss(effect, lags, deterministic);
    return fromFits(
        rssRestricted,
        unrestrictedRss(cause, effect, lags, deterministic),
        lags,
        cause.length - lags,
        deterministic);
  }

  /**
   * The F and χ² statistics and p-values from residual sums of squares (METHODS 4.4 test vector).
   *
   * @param rssRestricted RSS_R
   * @param rssUnrestricted RSS_U &gt; 0
   * @param lags p ≥ 1
   * @param nobs T
   * @param deterministic deterministic terms (d = 0 or 1)
   * @return the tests
   * @throws IllegalArgumentException if T − 2p − 1 − d &lt; 1 or RSS_U ≤ 0
   */
  public static GrangerResult fromRss(
      double rssRestricted,
      double rssUnrestricted,
      int lags,
      int nobs,
      Deterministic deterministic) {
    checkSample(nobs + lags, lags, deterministic);
    return fromFits(rssRestricted, rssUnrestricted, lags, nobs, deterministic);
  }

  /**
   * A resampling p-value for the Granger F statistic, with a constant and B = 999.
   *
   * @param cause x
   * @param effect y
   * @param lags p
   * @param scheme circular shift or block bootstrap
   * @param seed seed of the random generator; record it with the result
   * @return the observed F and its resampling p-value
   * @see #resampled(double[], double[], int, Deterministic, Resampling, int, long)
   */
  public static ResampledTest resampled(
      double[] cause, double[] effect, int lags, Resampling scheme, long seed) {
    return resampled(cause, effect, lags, Deterministic.CONSTANT, scheme, DEFAULT_REPLICATES, seed);
  }

  /**
   * A resampling p-value for the Granger F statistic.
   *
   * <p>Computes F on the observed pair, then F*_1..F*_B on (x*_b, y) with surrogate causes x*_b
   * drawn by {@code scheme} from a Hipparchus {@link Well19937c} generator seeded with {@code
   * seed}, and p = (1 + #{F*_b ≥ F}) / (B + 1), which is a valid (slightly conservative) p-value
   * when the surrogates are exchangeable with the observed series under H0. The null the surrogates
   * represent is "x's timing carries no information about y" (with x's own autocorrelation kept),
   * which does not rely on Gaussian errors. Circular shifts by at least m leave only K = n − 2m + 1
   * distinct surrogates: when K ≤ B all K are used once each instead of B draws, and p = (1 + #)/(K
   * + 1) is exact over the shifts (drawing with replacement would give p-values below 1/(K + 1),
   * which the test cannot attain); {@link ResampledTest#replicates()} is then K. Reference: Davison
   * &amp; Hinkley (1997), Bootstrap Methods and their Application, section 4.2 (the (1 + r)/(B + 1)
   * rule); see {@link Resampling} for the schemes; METHODS.md 4.4.
   *
   * @param cause x
   * @param effect y, same length n
   * @param lags p ≥ 1
   * @param deterministic deterministic terms
   * @param scheme circular shift or block bootstrap
   * @param replicates B ≥ 1
   * @param seed seed of the random generator
   * @return the observed F, the p-value and the settings used
   * @throws IllegalArgumentException as for {@link #test(double[], double[], int, Deterministic)},
   *     or if B &lt; 1, or if n is too short for circular shifts of at least p + 1
   */
  public static ResampledTest resampled(
      double[] cause,
      double[] effect,
      int lags,
      Deterministic deterministic,
      Resampling scheme,
      int replicates,
      long seed) {
    if (replicates < 1) {
      throw new IllegalArgumentException("replicates must be >= 1");
    }
    GrangerResult observed = test(cause, effect, lags, deterministic);
    double rssRestricted = observed.rssRestricted();
    int n = cause.length;
    int parameter = surrogateParameter(scheme, lags, n);
    double observedF = observed.fStatistic();
    Count count =
        countReplicates(
            scheme,
            parameter,
            cause,
            replicates,
            seed,
            surrogate -> {
              double f;
              try {
                f =
                    fromFits(
                            rssRestricted,
                            unrestrictedRss(surrogate, effect, lags, deterministic),
                            lags,
                            n - lags,
                            deterministic)
                        .fStatistic();
              } catch (IllegalArgumentException degenerate) {
                // a surrogate whose lags are collinear (e.g. a constant block) carries no evidence
                f = Double.NEGATIVE_INFINITY;
              }
              return f >= observedF;
            });
    return count.test(observed.fStatistic(), scheme, parameter, seed);
  }

  /**
   * A resampling p-value for a Granger test whose lag order is chosen by an information criterion,
   * with the choice repeated inside every replicate.
   *
   * <p>The lag order p is chosen on the observed pair by {@link LagSelection} (VAR order over
   * 0..maxLag by {@code criterion}, 0 raised to 1) and the F test's parametric p-value P is
   * computed at that order. Each surrogate cause x*_b (drawn by {@code scheme} as in {@link
   * #resampled(double[], double[], int, Deterministic, Resampling, int, long)}) gets its own order
   * p*_b, chosen the same way on (x*_b, y), and its own p-value P*_b at p*_b; the resampling
   * p-value is (1 + #{P*_b ≤ P})/(B + 1), over all K distinct circular shifts when K ≤ B. Because
   * orders differ between replicates, F statistics with different degrees of freedom are not
   * comparable, so the parametric p-value serves as the statistic. Selecting the order on the
   * observed data and then resampling at that fixed order ignores the selection, which lets AIC
   * pick the order at which x happens to fit y best: on independent AR(1) series the fixed-order F
   * test then rejects 8–9% of true nulls at 5%. Repeating the selection makes observed and
   * surrogate statistics the outcome of the same procedure. Reference: Davison &amp; Hinkley
   * (1997), section 4.5 (selection inside the bootstrap); METHODS 4.3–4.4.
   *
   * @param cause x
   * @param effect y, same length
   * @param maxLag the largest order considered, ≥ 1
   * @param criterion AIC or BIC
   * @param scheme circular shift or block bootstrap
   * @param replicates B ≥ 1
   * @param seed seed of the random generator
   * @return the observed order's F, the p-value and the settings; {@code exceedances} counts P*_b ≤
   *     P
   * @throws IllegalArgumentException as for {@link #test(double[], double[], int, Deterministic)}
   */
  public static Reselected resampledReselecting(
      double[] cause,
      double[] effect,
      int maxLag,
      LagCriterion criterion,
      Resampling scheme,
      int replicates,
      long seed) {
    if (replicates < 1) {
      throw new IllegalArgumentException("replicates must be >= 1");
    }
    int lags = order(cause, effect, maxLag, criterion);
    GrangerResult observed = test(cause, effect, lags);
    int n = cause.length;
    int parameter = surrogateParameter(scheme, lags, n);
    double[] restricted = restrictedRssByOrder(effect, maxLag);
    double observedP = observed.fPValue();
    ThreadLocal<ReplicateFits> fits = ThreadLocal.withInitial(() -> new ReplicateFits(n, maxLag));
    Count count =
        countReplicates(
            scheme,
            parameter,
            cause,
            replicates,
            seed,
            surrogate -> {
              double p;
              try {
                ReplicateFits fit = fits.get();
                int k = fit.order(surrogate, effect, criterion);
                checkSample(n, k, Deterministic.CONSTANT);
                double rssR =
                    Double.isNaN(restricted[k])
                        ? restrictedRss(effect, k, Deterministic.CONSTANT)
                        : restricted[k];
                p =
                    fromFits(
                            rssR,
                            fit.grangerRss(surrogate, effect, k),
                            k,
                            n - k,
                            Deterministic.CONSTANT)
                        .fPValue();
              } catch (IllegalArgumentException | MathRuntimeException degenerate) {
                // a surrogate whose regressions are singular carries no evidence
                p = Double.POSITIVE_INFINITY;
              }
              return p <= observedP;
            });
    return new Reselected(observed, count.test(observed.fStatistic(), scheme, parameter, seed));
  }

  /**
   * The observed test at the selected order and its resampling p-value.
   *
   * @param observed the F test at the order chosen on the observed pair
   * @param resampled the resampling p-value with the order re-chosen in every replicate
   */
  public record Reselected(GrangerResult observed, ResampledTest resampled) {}

  /**
   * The VAR order by {@code criterion} over 0..maxLag ({@link LagSelection}), 0 raised to 1 (a
   * Granger test needs a lag).
   *
   * @throws IllegalArgumentException if a candidate regression cannot be fitted
   */
  public static int order(double[] x, double[] y, int maxLag, LagCriterion criterion) {
    int p = LagSelection.select(x, y, maxLag).order(criterion);
    return Math.max(1, p);
  }

  /**
   * Upper tail of F(d1, d2): P(F ≥ f) = I_{d2/(d2 + d1 f)}(d2/2, d1/2), the regularised incomplete
   * beta function (Abramowitz &amp; Stegun 26.6.2), via Hipparchus {@link Beta}.
   */
  static double fUpperTail(double f, int d1, int d2) {
    if (!(f > 0)) {
      return 1.0;
    }
    return Beta.regularizedBeta(d2 / (d2 + d1 * f), d2 / 2.0, d1 / 2.0);
  }

  /**
   * Upper tail of χ²(k): P(X ≥ x) = Q(k/2, x/2), the regularised upper incomplete gamma function,
   * via Hipparchus {@link Gamma}.
   */
  static double chiSquaredUpperTail(double x, int k) {
    if (!(x > 0)) {
      return 1.0;
    }
    return Gamma.regularizedGammaQ(k / 2.0, x / 2.0);
  }

  private static void checkSample(int n, int lags, Deterministic deterministic) {
    if (lags < 1) {
      throw new IllegalArgumentException("lags must be >= 1");
    }
    int df2 = n - lags - 2 * lags - 1 - deterministic.extraTerms();
    if (df2 < 1) {
      throw new IllegalArgumentException(
          "too few observations (" + n + ") for " + lags + " lags: denominator df " + df2);
    }
  }

  private static GrangerResult fromFits(
      double rssRestricted,
      double rssUnrestricted,
      int lags,
      int nobs,
      Deterministic deterministic) {
    if (!(rssUnrestricted > 0)) {
      throw new IllegalArgumentException(
          "the unrestricted model fits perfectly; the test statistic cannot be computed");
    }
    int df2 = nobs - 2 * lags - 1 - deterministic.extraTerms();
    double f = (rssRestricted - rssUnrestricted) / lags / (rssUnrestricted / df2);
    double chi2 = nobs * (rssRestricted - rssUnrestricted) / rssUnrestricted;
    return new GrangerResult(
        lags,
        deterministic,
        nobs,
        rssRestricted,
        rssUnrestricted,
        f,
        lags,
        df2,
        fUpperTail(f, lags, df2),
        chi2,
        chiSquaredUpperTail(chi2, lags));
  }

  private static double restrictedRss(double[] effect, int lags, Deterministic deterministic) {
    return Ols.fit(response(effect, lags), design(null, effect, lags, deterministic)).rss();
  }

  private static double unrestrictedRss(
      double[] cause, double[] effect, int lags, Deterministic deterministic) {
    return Ols.fit(response(effect, lags), design(cause, effect, lags, deterministic)).rss();
  }

  private static double[] response(double[] effect, int lags) {
    double[] r = new double[effect.length - lags];
    System.arraycopy(effect, lags, r, 0, r.length);
    return r;
  }

  /** Rows t = p..n−1 (0-based): y lags 1..p, [x lags 1..p], 1, [trend]. */
  private static double[][] design(
      double[] cause, double[] effect, int lags, Deterministic deterministic) {
    int rows = effect.length - lags;
    int columns = lags + (cause == null ? 0 : lags) + 1 + deterministic.extraTerms();
    double[][] x = new double[rows][columns];
    for (int r = 0; r < rows; r++) {
      int t = lags + r;
      int c = 0;
      for (int i = 1; i <= lags; i++) {
        x[r][c++] = effect[t - i];
      }
      if (cause != null) {
        for (int i = 1; i <= lags; i++) {
          x[r][c++] = cause[t - i];
        }
      }
      x[r][c++] = 1;
      if (deterministic == Deterministic.CONSTANT_TREND) {
        x[r][c] = r + 1;
      }
    }
    return x;
  }

  /**
   * The resampling's parameter for a series of length {@code n}: the smallest circular shift
   * (max(lags + 1, n/10), so that a surrogate keeps no alignment with the effect at the tested
   * lags) or the block length of the block bootstrap (the cube root of n).
   *
   * @throws IllegalArgumentException if the series is too short for circular shifts
   */
  private static int surrogateParameter(Resampling scheme, int lags, int n) {
    if (scheme == Resampling.CIRCULAR_SHIFT) {
      int parameter = Math.max(lags + 1, n / 10);
      if (n - 2 * parameter < 0) {
        throw new IllegalArgumentException("series too short for circular shifts");
      }
      return parameter;
    }
    return (int) Math.max(1, Math.round(Math.cbrt(n)));
  }

  /**
   * How many surrogates of {@code cause} satisfy {@code counts}, and how many surrogates there
   * were, the replicates run in parallel.
   *
   * <p>Circular shifts of a series of length n by at least m offer only K = n − 2m + 1 distinct
   * surrogates. When K ≤ B they are all used, once each, and the count is exact: the p-value (1 +
   * #)/(K + 1) is the rank of the observed statistic among the K + 1 alignments. Drawing B shifts
   * with replacement from so few would give p-values below 1/(K + 1), which the test cannot attain:
   * with K = 9 and B = 9,999, an observed statistic above all nine shifted ones would get p =
   * 0.0001 instead of 0.1. When K &gt; B, and for the block bootstrap, B surrogates are drawn:
   * their random numbers first, in replicate order, from one {@link Well19937c} seeded with {@code
   * seed}, so the count does not depend on how many threads share the work. {@code counts} is
   * called from several threads at once, each time with a buffer that is reused once it returns.
   */
  private static Count countReplicates(
      Resampling scheme,
      int parameter,
      double[] cause,
      int replicates,
      long seed,
      Predicate<double[]> counts) {
    int n = cause.length;
    boolean exhaustive = enumeratesShifts(scheme, parameter, n, replicates);
    int[] draws =
        exhaustive
            ? IntStream.rangeClosed(parameter, n - parameter).toArray()
            : draws(scheme, parameter, n, replicates, new Well19937c(seed));
    int perReplicate = scheme == Resampling.CIRCULAR_SHIFT ? 1 : (n + parameter - 1) / parameter;
    int surrogates = draws.length / perReplicate;
    ThreadLocal<double[]> buffers = ThreadLocal.withInitial(() -> new double[n]);
    int exceed =
        IntStream.range(0, surrogates)
            .parallel()
            .map(
                b -> {
                  double[] surrogate = buffers.get();
                  surrogate(scheme, parameter, cause, draws, b * perReplicate, surrogate);
                  return counts.test(surrogate) ? 1 : 0;
                })
            .sum();
    return new Count(exceed, surrogates, exhaustive);
  }

  /** Whether circular shifts by at least {@code parameter} are few enough (K ≤ B) to use all. */
  private static boolean enumeratesShifts(Resampling scheme, int parameter, int n, int replicates) {
    return scheme == Resampling.CIRCULAR_SHIFT && n - 2 * parameter + 1 <= replicates;
  }

  /**
   * A count of surrogates.
   *
   * @param exceedances surrogates whose statistic is at least as extreme as the observed one
   * @param surrogates how many surrogates were computed
   * @param exhaustive whether they were all distinct circular shifts
   */
  private record Count(int exceedances, int surrogates, boolean exhaustive) {
    ResampledTest test(double observed, Resampling scheme, int parameter, long seed) {
      return new ResampledTest(
          observed,
          (1.0 + exceedances) / (surrogates + 1.0),
          surrogates,
          exceedances,
          scheme,
          parameter,
          seed,
          exhaustive);
    }
  }

  /**
   * The random numbers of all replicates, drawn in replicate order from {@code random}: one shift
   * per replicate, or ⌈n/ℓ⌉ block starts per replicate.
   */
  private static int[] draws(
      Resampling scheme, int parameter, int n, int replicates, RandomGenerator random) {
    int per = scheme == Resampling.CIRCULAR_SHIFT ? 1 : (n + parameter - 1) / parameter;
    int[] draws = new int[Math.multiplyExact(per, replicates)];
    for (int i = 0; i < draws.length; i++) {
      draws[i] =
          scheme == Resampling.CIRCULAR_SHIFT
              ? parameter + random.nextInt(n - 2 * parameter + 1)
              : random.nextInt(n);
    }
    return draws;
  }

  /** Fills {@code surrogate} from the draws of one replicate starting at {@code from}. */
  private static void surrogate(
      Resampling scheme, int parameter, double[] cause, int[] draws, int from, double[] surrogate) {
    int n = cause.length;
    if (scheme == Resampling.CIRCULAR_SHIFT) {
      int shift = draws[from];
      for (int t = 0; t < n; t++) {
        surrogate[t] = cause[(t + shift) % n];
      }
    } else {
      int filled = 0;
      int next = from;
      while (filled < n) {
        int start = draws[next++];
        for (int j = 0; j < parameter && filled < n; j++) {
          surrogate[filled++] = cause[(start + j) % n];
        }
      }
    }
  }

  /**
   * RSS_R of the restricted regression (with a constant) at each order 1..maxLag, NaN where it
   * cannot be fitted (the replicate then recomputes it and meets the same error).
   */
  private static double[] restrictedRssByOrder(double[] effect, int maxLag) {
    double[] rss = new double[maxLag + 1];
    rss[0] = Double.NaN;
    for (int k = 1; k <= maxLag; k++) {
      try {
        rss[k] = restrictedRss(effect, k, Deterministic.CONSTANT);
      } catch (IllegalArgumentException | MathRuntimeException e) {
        rss[k] = Double.NaN;
      }
    }
    return rss;
  }
}
