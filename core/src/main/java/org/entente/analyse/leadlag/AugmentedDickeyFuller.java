package org.entente.analyse.leadlag;

/**
 * The augmented Dickey–Fuller unit-root test (METHODS 4.2). Static, pure, thread-safe.
 *
 * <p>Computes the OLS regression Δy_t = α (+ δt) + γ y_{t−1} + Σ_{i=1}^{k} φ_i Δy_{t−i} + e_t and τ
 * = γ̂/se(γ̂). With automatic lag choice, k ∈ {0..k_max} minimises AIC (or BIC) over the common
 * sample t = k_max+2..n (every candidate uses the same observations; ties go to the smaller k); the
 * regression is then re-estimated with the chosen k on the longest sample t = k+2..n, and τ, its
 * p-value and the critical values come from that final regression. This is statsmodels' {@code
 * adfuller(y, maxlag, regression, autolag="AIC")} exactly; the information criteria are
 * statsmodels' OLS ones (−2 ln L + 2K and −2 ln L + K ln T, K counting every coefficient). p-value:
 * MacKinnon (1994) response surface; critical values: MacKinnon (2010) at T = the final
 * regression's number of observations (see {@link MacKinnon}). Assumptions: under H0 y is I(1) with
 * a stationary, invertible error that k lags approximate well; level shifts bias the test towards
 * non-rejection (test within periods or add break dummies). Reference: Said &amp; Dickey (1984),
 * Biometrika 71(3); Dickey &amp; Fuller (1979), JASA 74(366); Schwert (1989), JBES 7(2) for the
 * k_max rule; METHODS.md 4.2.
 */
public final class AugmentedDickeyFuller {

  private AugmentedDickeyFuller() {}

  /**
   * METHODS' default k_max = ⌊12 (n/100)^{1/4}⌋ (Schwert 1989), capped at n/2 − ncols so that the
   * regression always has degrees of freedom left (the cap binds only for n below about 60).
   * statsmodels uses the ceiling instead ({@link #maxLagStatsmodels(int, AdfTrend)}).
   *
   * @param n series length
   * @param trend deterministic terms
   * @return k_max ≥ 0
   * @throws IllegalArgumentException if n is too short for even k = 0
   */
  public static int maxLagMethods(int n, AdfTrend trend) {
    int schwert = (int) Math.floor(12 * Math.pow(n / 100.0, 0.25));
    return cap(n, trend, schwert);
  }

  /**
   * statsmodels' default k_max = min(n/2 − ntrend − 1, ⌈12 (n/100)^{1/4}⌉) (integer division).
   *
   * @param n series length
   * @param trend deterministic terms
   * @return k_max ≥ 0
   * @throws IllegalArgumentException if n is too short for even k = 0
   */
  public static int maxLagStatsmodels(int n, AdfTrend trend) {
    int schwert = (int) Math.ceil(12 * Math.pow(n / 100.0, 0.25));
    return cap(n, trend, schwert);
  }

  private static int cap(int n, AdfTrend trend, int lag) {
    int limit = n / 2 - trend.columns() - 1;
    if (limit < 0) {
      throw new IllegalArgumentException("series of length " + n + " too short for ADF");
    }
    return Math.min(limit, lag);
  }

  /**
   * ADF test with k chosen by AIC up to {@link #maxLagMethods(int, AdfTrend)}.
   *
   * @param y the series, gap-free and finite
   * @param trend deterministic terms
   * @return the test result
   * @throws IllegalArgumentException if y is too short or holds a non-finite value
   */
  public static AdfResult test(double[] y, AdfTrend trend) {
    Series.requireFinite(y, "y");
    return test(y, trend, maxLagMethods(y.length, trend), LagCriterion.AIC);
  }

  /**
   * ADF test with k chosen by an information criterion.
   *
   * @param y the series, gap-free and finite
   * @param trend deterministic terms
   * @param maxLag k_max, 0 ≤ k_max ≤ n/2 − ntrend − 1 (statsmodels' bound)
   * @param criterion AIC or BIC
   * @return the test result
   * @throws IllegalArgumentException if maxLag is out of range or y holds a non-finite value
   */
  public static AdfResult test(double[] y, AdfTrend trend, int maxLag, LagCriterion criterion) {
    Series.requireFinite(y, "y");
    int n = y.length;
    if (maxLag < 0 || maxLag > n / 2 - trend.columns() - 1) {
      throw new IllegalArgumentException(
          "maxLag must be in 0.." + (n / 2 - trend.columns() - 1) + ", got " + maxLag);
    }
    int best = 0;
    double bestIc = Double.POSITIVE_INFINITY;
    for (int k = 0; k <= maxLag; k++) {
      Ols.Fit fit = regression(y, trend, k, maxLag);
      double ic = criterion == LagCriterion.AIC ? fit.aic() : fit.bic();
      if (ic < bestIc) {
        bestIc = ic;
        best = k;
      }
    }
    return finish(y, trend, best, maxLag, criterion);
  }

  /**
   * ADF test with a fixed number of lagged differences.
   *
   * @param y the series, gap-free and finite
   * @param trend deterministic terms
   * @param lag k ≥ 0 with n − 1 − k &gt; k + ncols + 1
   * @return the test result ({@code criterion} null)
   * @throws IllegalArgumentException if the sample is too short for k
   */
  public static AdfResult testWithLag(double[] y, AdfTrend trend, int lag) {
    Series.requireFinite(y, "y");
    if (lag < 0) {
      throw new IllegalArgumentException("lag must be >= 0");
    }
    return finish(y, trend, lag, lag, null);
  }

  /**
   * MacKinnon (1994) approximate asymptotic p-value of a Dickey–Fuller τ (N = 1), as statsmodels'
   * {@code mackinnonp(tau, regression, N=1)}.
   *
   * @param tau the statistic
   * @param trend deterministic terms of the regression that produced it
   * @return p in [0, 1]
   */
  public static double pValue(double tau, AdfTrend trend) {
    return MacKinnon.pValue(tau, trend);
  }

  /**
   * MacKinnon (2010) critical values for T observations (N = 1), as statsmodels' {@code
   * mackinnoncrit(N=1, regression, nobs=T)}.
   *
   * @param trend deterministic terms
   * @param nobs T ≥ 1
   * @return the 1%, 5% and 10% critical values
   */
  public static CriticalValues criticalValues(AdfTrend trend, int nobs) {
    if (nobs < 1) {
      throw new IllegalArgumentException("nobs must be >= 1");
    }
    return MacKinnon.criticalValues(trend, nobs);
  }

  private static AdfResult finish(
      double[] y, AdfTrend trend, int lag, int maxLag, LagCriterion criterion) {
    Ols.Fit fit = regression(y, trend, lag, lag);
    int levelColumn = trend.columns();
    double tau = fit.tValue(levelColumn);
    return new AdfResult(
        trend,
        tau,
        MacKinnon.pValue(tau, trend),
        lag,
        maxLag,
        criterion,
        fit.nobs(),
        MacKinnon.criticalValues(trend, fit.nobs()));
  }

  /**
   * The ADF regression with k lagged differences on rows whose first lagged difference exists for
   * holdBack lags: Δy_t for t (0-based) = holdBack+1..n−1; columns 1, (trend), y_{t−1}, Δy_{t−1},
   * …, Δy_{t−k}.
   */
  private static Ols.Fit regression(double[] y, AdfTrend trend, int k, int holdBack) {
    int n = y.length;
    int first = holdBack + 1;
    int rows = n - first;
    int d = trend.columns();
    double[] response = new double[rows];
    double[][] design = new double[rows][d + 1 + k];
    for (int r = 0; r < rows; r++) {
      int t = first + r;
      response[r] = y[t] - y[t - 1];
      design[r][0] = 1;
      if (trend == AdfTrend.CONSTANT_TREND) {
        design[r][1] = r + 1;
      }
      design[r][d] = y[t - 1];
      for (int i = 1; i <= k; i++) {
        design[r][d + i] = y[t - i] - y[t - i - 1];
      }
    }
    return Ols.fit(response, design);
  }
}
