package org.entente.analyse.verdict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.entente.analyse.LeadLagAnalysis;
import org.entente.analyse.LeadLagReport;
import org.entente.analyse.LeadLagRequest;
import org.entente.analyse.leadlag.AdfResult;
import org.entente.analyse.leadlag.LagCriterion;
import org.entente.analyse.leadlag.ResampledTest;
import org.entente.analyse.leadlag.Resampling;
import org.entente.analyse.series.AnalysisSeries;
import org.entente.analyse.series.Dyad;
import org.entente.analyse.series.Imputation;
import org.entente.analyse.series.Score;
import org.entente.analyse.verdict.Evaluation.Finding;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.MonthRange;
import org.entente.system.Proposition;

/**
 * Test kind {@code leadlag} (P1): does x Granger-cause y, with the expected sign?
 *
 * <p>Operationalisation read: {@code x}/{@code y} (dyad, score), {@code frequency}, {@code window},
 * {@code lags} (max, criterion), {@code difference}, {@code bootstrap}, {@code seed}, {@code
 * expected} (direction x_to_y or y_to_x, sign negative or positive), {@code minimum} (periods,
 * periods_with_events in both series); {@code alpha} is superseded by the run-wide q &lt; 0.05.
 * Runs {@link LeadLagAnalysis} with circular-shift resampling (the lag order re-selected in every
 * replicate) and no imputation. One test: the resampling p-value of the expected direction; its
 * direction is the sign of the cause's lag-coefficient sum; its effect the partial R² of the
 * cause's lags, (RSS_R − RSS_U)/RSS_R, with minimum {@link #MINIMUM_PARTIAL_R2}. Too few periods →
 * insufficient data.
 */
final class LeadLagEvaluation implements Evaluation {

  @Override
  public Finding evaluate(Proposition p, Spec s, Context c, Map<String, Object> evidence) {
    Dyad xd = Dyad.parse(s.string("x.dyad"));
    Dyad yd = Dyad.parse(s.string("y.dyad"));
    Score xs = Score.parse(s.string("x.score"));
    Score ys = Score.parse(s.string("y.score"));
    Frequency f = Context.frequency(s);
    int minPeriods = s.integer("minimum.periods");
    int minWithEvents = s.integer("minimum.periods_with_events");
    String direction = s.string("expected.direction");
    String sign = s.string("expected.sign");
    if (!List.of("x_to_y", "y_to_x").contains(direction)
        || !List.of("negative", "positive").contains(sign)) {
      throw s.fail("expected", "direction x_to_y|y_to_x and sign negative|positive");
    }
    Optional<MonthRange> window = c.window(s, "window", List.of(xd, yd), f, evidence);
    if (window.isEmpty()) {
      return Finding.insufficient(
          "no events of " + xd + " or " + yd + " in the window: nothing to test");
    }
    AnalysisSeries x = c.series.dyad(xd, xs, c.options(f), window.get());
    AnalysisSeries y = c.series.dyad(yd, ys, c.options(f), window.get());
    int both = 0;
    for (int i = 0; i < x.length(); i++) {
      if (x.hasData(i) && y.hasData(i)) {
        both++;
      }
    }
    evidence.put("periods", x.length());
    evidence.put("periods_with_events_x", x.periodsWithData());
    evidence.put("periods_with_events_y", y.periodsWithData());
    evidence.put("periods_with_events_both", both);
    if (x.length() < minPeriods || both < minWithEvents) {
      return Finding.insufficient(
          "too few periods: "
              + x.length()
              + " "
              + f.name().toLowerCase(Locale.ROOT)
              + "s, "
              + both
              + " with events in both series (minimum "
              + minPeriods
              + " and "
              + minWithEvents
              + ")");
    }
    LeadLagRequest request =
        new LeadLagRequest(
            s.integer("lags.max"),
            LagCriterion.valueOf(s.string("lags.criterion").toUpperCase(Locale.ROOT)),
            0,
            LeadLagRequest.Difference.parse(s.string("difference")),
            s.integer("bootstrap"),
            (long) s.number("seed"),
            Resampling.CIRCULAR_SHIFT,
            Imputation.NONE);
    LeadLagReport r = LeadLagAnalysis.run(x, y, request);
    evidence.put("adf_x", adf(r.adfX()));
    evidence.put("adf_y", adf(r.adfY()));
    evidence.put("difference", r.differenceOrder());
    evidence.put("difference_reason", r.differenceReason());
    evidence.put("lags", r.lags());
    evidence.put("lags_reason", r.lagsReason());
    evidence.put("x_to_y", direction(r.xToY()));
    evidence.put("y_to_x", direction(r.yToX()));
    evidence.put("resampling", resampling(r.xToY().resampled(), request));
    evidence.put("seed", request.seed());
    LeadLagReport.Direction d = direction.equals("x_to_y") ? r.xToY() : r.yToX();
    String cause = direction.equals("x_to_y") ? xd.label() : yd.label();
    String effect = direction.equals("x_to_y") ? yd.label() : xd.label();
    double pv = request.bootstrap() > 0 ? d.pBootstrap() : d.test().fPValue();
    double sum = d.coefficientSum();
    double partialR2 =
        (d.test().rssRestricted() - d.test().rssUnrestricted()) / d.test().rssRestricted();
    TestResult.Direction dir = Decisions.direction(sum, sign.equals("positive"));
    TestResult t =
        new TestResult(
            cause + " → " + effect,
            (request.bootstrap() > 0
                    ? "Granger F, circular-shift resampling p, "
                        + resampling(d.resampled(), request)
                        + (r.selection() != null ? ", lag re-selected in every replicate" : "")
                    : "Granger F")
                + " ("
                + r.lags()
                + " lags, "
                + r.lagsReason()
                + "; direction: sign of the coefficient sum "
                + Evaluation.num(sum)
                + ")",
            d.test().nobs(),
            d.test().fStatistic(),
            pv,
            Double.NaN,
            partialR2,
            "partial R² of the cause's lags",
            "partial R² >= " + MINIMUM_PARTIAL_R2 + " with the expected sign",
            partialR2 >= MINIMUM_PARTIAL_R2 && dir == TestResult.Direction.PREDICTED,
            dir,
            dir == TestResult.Direction.PREDICTED ? pv : Double.NaN);
    return Finding.of(List.of(t), Decisions.atLeast(1, 1, null));
  }

  /**
   * Minimum share of the effect's residual variance explained by the cause's lags (Cohen's f² ≈
   * 0.02).
   */
  static final double MINIMUM_PARTIAL_R2 = 0.02;

  static Map<String, Object> adf(AdfResult a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("stat", a.statistic());
    m.put("p_value", a.pValue());
    m.put("lags", a.usedLag());
    m.put("critical_5pct", a.criticalValues().fivePercent());
    return m;
  }

  static Map<String, Object> direction(LeadLagReport.Direction d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("F", d.test().fStatistic());
    m.put("df1", d.test().dfNumerator());
    m.put("df2", d.test().dfDenominator());
    m.put("p_value", d.test().fPValue());
    m.put("p_bootstrap", d.pBootstrap());
    m.put("coefficient_sum", d.coefficientSum());
    return m;
  }

  /**
   * B and the seed, or "all K distinct shifts" when there were no more than B (the p-value is then
   * exact and the seed unused).
   */
  private static String resampling(ResampledTest used, LeadLagRequest request) {
    if (used != null && used.exhaustive()) {
      return "circular shift, all "
          + used.replicates()
          + " distinct shifts of at least "
          + used.schemeParameter()
          + " (exact; B = "
          + request.bootstrap()
          + " asked)";
    }
    return "circular shift, B = " + request.bootstrap() + ", seed " + request.seed();
  }
}
