package org.entente.analyse.leadlag;

import static org.entente.analyse.leadlag.StatsmodelsReference.integer;
import static org.entente.analyse.leadlag.StatsmodelsReference.number;
import static org.entente.analyse.leadlag.StatsmodelsReference.numbers;
import static org.entente.analyse.leadlag.StatsmodelsReference.series;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Agreement with statsmodels 0.13.5 on seeded series (fixture {@code
 * analyse/statsmodels-reference.properties}, produced as recorded in its header).
 *
 * <p>Tolerances: statistics and coefficients to 1e-8 relative (QR least squares in Hipparchus vs
 * LAPACK in numpy differ in the last digits only); p-values to 1e-7 relative, even when tiny;
 * integer outputs (lags, degrees of freedom, orders) exactly; MacKinnon polynomials to 1e-12.
 */
class StatsmodelsAgreementTest {

  private static final double REL = 1e-8;

  private static void assertClose(double expected, double actual, String what) {
    assertEquals(expected, actual, REL * Math.abs(expected) + 1e-14, what);
  }

  /** p-values: relative only, so that tiny p-values are checked to their own precision. */
  private static void assertPValue(double expected, double actual, String what) {
    assertEquals(expected, actual, 1e-7 * Math.abs(expected), what);
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    "white_noise, c, default", "white_noise, c, floor", "white_noise, ct, default",
    "white_noise, ct, floor", "random_walk, c, default", "random_walk, c, floor",
    "random_walk, ct, default", "random_walk, ct, floor", "lead_x, c, default",
    "lead_x, c, floor", "lead_x, ct, default", "lead_x, ct, floor",
    "lead_y, c, default", "lead_y, c, floor", "lead_y, ct, default",
    "lead_y, ct, floor", "ma_walk, c, default", "ma_walk, c, floor",
    "ma_walk, ct, default", "ma_walk, ct, floor",
  })
  void adf_seededSeries_matchesStatsmodelsAdfuller(String name, String regression, String mode) {
    double[] y = series(name);
    AdfTrend trend = regression.equals("c") ? AdfTrend.CONSTANT : AdfTrend.CONSTANT_TREND;
    String key = "adf." + name + "." + regression + "." + mode + ".";
    int expectedMaxLag = integer(key + "maxlag");
    int maxLag =
        mode.equals("floor")
            ? AugmentedDickeyFuller.maxLagMethods(y.length, trend)
            : AugmentedDickeyFuller.maxLagStatsmodels(y.length, trend);
    assertEquals(expectedMaxLag, maxLag, "k_max rule");

    AdfResult result = AugmentedDickeyFuller.test(y, trend, maxLag, LagCriterion.AIC);

    assertEquals(integer(key + "usedlag"), result.usedLag(), "used lag");
    assertEquals(integer(key + "nobs"), result.nobs(), "nobs");
    assertClose(number(key + "stat"), result.statistic(), "statistic");
    assertPValue(number(key + "pvalue"), result.pValue(), "p-value");
    assertEquals(number(key + "cv1"), result.criticalValues().onePercent(), 1e-12);
    assertEquals(number(key + "cv5"), result.criticalValues().fivePercent(), 1e-12);
    assertEquals(number(key + "cv10"), result.criticalValues().tenPercent(), 1e-12);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"c", "ct"})
  void pValue_gridOfStatistics_matchesStatsmodelsMackinnonp(String regression) {
    AdfTrend trend = regression.equals("c") ? AdfTrend.CONSTANT : AdfTrend.CONSTANT_TREND;
    for (int i = 0; i < 14; i++) {
      double[] pair = numbers("mackinnonp." + regression + "." + i);
      assertEquals(
          pair[1],
          AugmentedDickeyFuller.pValue(pair[0], trend),
          1e-12,
          String.format(Locale.ROOT, "tau = %.2f", pair[0]));
    }
  }

  @ParameterizedTest(name = "{0} T={1}")
  @CsvSource({"c, 25", "c, 50", "c, 100", "c, 500", "ct, 25", "ct, 50", "ct, 100", "ct, 500"})
  void criticalValues_sampleSizes_matchStatsmodelsMackinnoncrit(String regression, int nobs) {
    AdfTrend trend = regression.equals("c") ? AdfTrend.CONSTANT : AdfTrend.CONSTANT_TREND;
    double[] expected = numbers("mackinnoncrit." + regression + "." + nobs);
    CriticalValues cv = AugmentedDickeyFuller.criticalValues(trend, nobs);
    assertEquals(expected[0], cv.onePercent(), 1e-12);
    assertEquals(expected[1], cv.fivePercent(), 1e-12);
    assertEquals(expected[2], cv.tenPercent(), 1e-12);
  }

  @ParameterizedTest(name = "{0} -> {1}, p = {2}")
  @CsvSource({
    "lead_x, lead_y, 1",
    "lead_x, lead_y, 2",
    "lead_x, lead_y, 3",
    "lead_x, lead_y, 4",
    "lead_y, lead_x, 1",
    "lead_y, lead_x, 2",
    "lead_y, lead_x, 3",
    "lead_y, lead_x, 4",
    "methods_x, methods_y, 1",
    "methods_y, methods_x, 1",
    "white_noise, random_walk, 1",
    "white_noise, random_walk, 2",
    "white_noise, random_walk, 3",
  })
  void granger_seededPairs_matchesStatsmodelsSsrTests(String cause, String effect, int lags) {
    String key = "granger." + cause + "_to_" + effect + "." + lags + ".";
    double[] f = numbers(key + "ssr_ftest");
    double[] chi2 = numbers(key + "ssr_chi2test");

    GrangerResult result = GrangerCausality.test(series(cause), series(effect), lags);

    assertClose(number(key + "rss_restricted"), result.rssRestricted(), "RSS_R");
    assertClose(number(key + "rss_unrestricted"), result.rssUnrestricted(), "RSS_U");
    assertClose(f[0], result.fStatistic(), "F");
    assertPValue(f[1], result.fPValue(), "F p-value");
    assertEquals((int) f[2], result.dfDenominator(), "df denominator");
    assertEquals((int) f[3], result.dfNumerator(), "df numerator");
    assertClose(chi2[0], result.chi2Statistic(), "chi2");
    assertPValue(chi2[1], result.chi2PValue(), "chi2 p-value");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"lead_x, lead_y", "methods_x, methods_y", "white_noise, random_walk"})
  void ccf_seededPairs_matchesStatsmodelsCcfUnadjusted(String xName, String yName) {
    double[] positive = numbers("ccf." + xName + "_" + yName + ".pos");
    double[] negative = numbers("ccf." + xName + "_" + yName + ".neg");
    int maxLag = positive.length - 1;

    CrossCorrelation ccf = CrossCorrelations.ccf(series(xName), series(yName), maxLag);

    for (int k = 0; k <= maxLag; k++) {
      assertEquals(positive[k], ccf.at(k), 1e-12, "r(+" + k + ")");
      assertEquals(negative[k], ccf.at(-k), 1e-12, "r(-" + k + ")");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"lead"})
  void prewhitened_leadPair_matchesStatsmodelsArSelectOrderAndAutoReg(String pair) {
    String key = "prewhiten." + pair + ".";
    double[] params = numbers(key + "params");
    double[] positive = numbers(key + "pos");
    double[] negative = numbers(key + "neg");

    PrewhitenedCrossCorrelation result =
        CrossCorrelations.prewhitened(
            series("lead_x"), series("lead_y"), positive.length - 1, integer(key + "maxlag"));

    assertEquals(integer(key + "order"), result.filter().order(), "AR order");
    assertClose(params[0], result.filter().constant(), "constant");
    for (int i = 1; i < params.length; i++) {
      assertClose(params[i], result.filter().coefficients()[i - 1], "phi_" + i);
    }
    for (int k = 0; k < positive.length; k++) {
      assertEquals(positive[k], result.correlation().at(k), 1e-10, "r(+" + k + ")");
      assertEquals(negative[k], result.correlation().at(-k), 1e-10, "r(-" + k + ")");
    }
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({"lead, lead_x, lead_y", "methods, methods_x, methods_y"})
  void select_seededPairs_matchesStatsmodelsVarSelectOrder(String pair, String x, String y) {
    String key = "varorder." + pair + ".";
    double[] aicSm = numbers(key + "aic_values");
    double[] bicSm = numbers(key + "bic_values");

    LagOrderSelection selection =
        LagSelection.select(series(x), series(y), integer(key + "maxlag"));

    assertEquals(integer(key + "aic"), selection.aicOrder(), "AIC order");
    assertEquals(integer(key + "bic"), selection.bicOrder(), "BIC order");
    // statsmodels counts the K intercepts too: its values exceed ours by the same constant
    double aicShift = aicSm[0] - selection.aic()[0];
    double bicShift = bicSm[0] - selection.bic()[0];
    int t = selection.effectiveSampleSize();
    assertEquals(2.0 * 2 / t, aicShift, 1e-10, "AIC shift 2K/T");
    assertEquals(2.0 * Math.log(t) / t, bicShift, 1e-10, "BIC shift K ln T / T");
    for (int p = 0; p < aicSm.length; p++) {
      assertEquals(aicSm[p], selection.aic()[p] + aicShift, 1e-9, "AIC(" + p + ")");
      assertEquals(bicSm[p], selection.bic()[p] + bicShift, 1e-9, "BIC(" + p + ")");
    }
  }

  @ParameterizedTest(name = "fdr_bh")
  @ValueSource(strings = {"bh"})
  void benjaminiHochberg_mixedPValues_matchesStatsmodelsMultipletests(String key) {
    double[] p = numbers(key + ".p");
    double[] expected = numbers(key + ".adjusted");

    double[] adjusted = MultipleTesting.benjaminiHochberg(p);

    for (int i = 0; i < p.length; i++) {
      assertPValue(expected[i], adjusted[i], "q[" + i + "]");
    }
  }
}
