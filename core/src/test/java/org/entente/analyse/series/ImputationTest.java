package org.entente.analyse.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.entente.analyse.AnalysisException;
import org.entente.measure.Period;
import org.entente.store.DyadQuery.Frequency;
import org.junit.jupiter.api.Test;

class ImputationTest {
  private static final double N = Double.NaN;

  private static AnalysisSeries series(double... v) {
    List<Period> ps = new ArrayList<>();
    Period p = new Period(Frequency.MONTH, YearMonth.of(2020, 1));
    for (int i = 0; i < v.length; i++, p = p.next()) {
      ps.add(p);
    }
    return new AnalysisSeries("X-Y", "store", "s4", Frequency.MONTH, ps, v, null);
  }

  private static AnalysisSeries store(String score, double[] v, long[] events) {
    List<Period> ps = new ArrayList<>();
    Period p = new Period(Frequency.MONTH, YearMonth.of(2020, 1));
    for (int i = 0; i < v.length; i++, p = p.next()) {
      ps.add(p);
    }
    return new AnalysisSeries("X-Y", "store", score, Frequency.MONTH, ps, v, events);
  }

  /**
   * The reason given for an undefined period fits the series: s4 without events may switch to s6;
   * s6 is defined without events, so its undefined period is one the source did not observe (an
   * aggregate's gap), where suggesting s6 was wrong.
   */
  @Test
  void filled_none_reasonFitsTheScore() {
    String s4 =
        assertThrows(
                AnalysisException.class,
                () ->
                    store("s4", new double[] {1, N, 2}, new long[] {1, 0, 1})
                        .filled(Imputation.NONE))
            .getMessage();
    assertTrue(s4.contains("2020-02 (no events)") && s4.contains("empty periods (s6)"), s4);
    String s6 =
        assertThrows(
                AnalysisException.class,
                () ->
                    store("s6", new double[] {1, N, 2}, new long[] {1, 0, 1})
                        .filled(Imputation.NONE))
            .getMessage();
    assertTrue(s6.contains("2020-02 (a period the source did not observe)"), s6);
    assertFalse(s6.contains("a score defined for empty periods"), s6);
  }

  @Test
  void fill_eachRule_fillsGapsAsDocumented() {
    double[] v = {N, 1, N, N, 4, N};
    assertArrayEquals(new double[] {0, 1, 0, 0, 4, 0}, Imputation.ZERO.fill(v));
    assertArrayEquals(new double[] {1, 1, 1, 1, 4, 4}, Imputation.CARRY.fill(v));
    assertArrayEquals(new double[] {1, 1, 2, 3, 4, 4}, Imputation.LINEAR.fill(v));
    assertArrayEquals(new double[] {1, 2}, Imputation.NONE.fill(new double[] {1, 2}));
  }

  @Test
  void filled_noneWithAGap_namesSeriesCountAndFirstPeriod() {
    AnalysisException e =
        assertThrows(AnalysisException.class, () -> series(1, N, 2, N).filled(Imputation.NONE));
    assertTrue(e.getMessage().contains("X-Y (s4) has 2 undefined period(s), the first 2020-02"));
  }

  @Test
  void filled_allUndefined_cannotImpute() {
    assertThrows(AnalysisException.class, () -> series(N, N).filled(Imputation.LINEAR));
    assertEquals(2, series(N, N).undefined());
  }

  @Test
  void parse_unknown_listsTheChoices() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Imputation.parse("mean"))
            .getMessage()
            .contains("none, zero, carry or linear"));
  }
}
