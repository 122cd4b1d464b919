package org.entente.analyse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.analyse.triangle.Balance;
import org.entente.analyse.triangle.Configuration;
import org.entente.analyse.triangle.Sign;
import org.entente.measure.Period;
import org.entente.store.MonthRange;

/**
 * The outcome of a strategic-triangle analysis: per period the three sides, the Dittmer
 * configuration and structural balance, and the transitions between configurations.
 *
 * @param request the request as run
 * @param range the months analysed, or {@code null} if none of the three dyads has events
 * @param referenceMedian the baseline rule's reference median used; NaN for the other rules
 * @param periods one row per period, in order
 * @param transitions changes of structure between consecutive periods, in order
 * @param warnings what the reader must know to read the signs, e.g. that the baseline rule was
 *     replaced by the band rule because it could not give a positive side on this data
 */
public record TriangleReport(
    TriangleRequest request,
    MonthRange range,
    double referenceMedian,
    List<Row> periods,
    List<Change> transitions,
    List<String> warnings) {

  /** Copies the lists. */
  public TriangleReport {
    periods = List.copyOf(periods);
    transitions = List.copyOf(transitions);
    warnings = List.copyOf(warnings);
  }

  /**
   * One side of the triangle in one period.
   *
   * @param a first actor
   * @param b second actor
   * @param n events (both directions, after filters)
   * @param score the requested score, NaN where undefined
   * @param cooperative C = W1 + W2
   * @param conflictual K = W3 + W4
   * @param sign the sign after the rule (and hysteresis); 0 for a period without a defined score
   */
  public record Side(
      String a, String b, long n, double score, double cooperative, double conflictual, Sign sign) {

    /** {@code A-B}. */
    public String label() {
      return a + "-" + b;
    }
  }

  /**
   * One period.
   *
   * @param period the period
   * @param ab side a–b
   * @param bc side b–c
   * @param ca side c–a
   * @param configuration the Dittmer configuration
   * @param strictBalance Heider / Cartwright–Harary balance
   * @param weakBalance Davis weak balance
   * @param continuousBalance s_ab · s_bc · s_ca (NaN if a score is undefined or a side has no
   *     events)
   */
  public record Row(
      Period period,
      Side ab,
      Side bc,
      Side ca,
      Configuration configuration,
      Balance strictBalance,
      Balance weakBalance,
      double continuousBalance) {}

  /**
   * A change of structure.
   *
   * @param lastOfOld the last period of the old configuration
   * @param firstOfNew the first period of the new one
   * @param from the old configuration
   * @param to the new configuration
   */
  public record Change(Period lastOfOld, Period firstOfNew, Configuration from, Configuration to) {}

  /** Periods per structure ({@link #structure(Configuration)}), most frequent first. */
  public Map<String, Integer> configurationCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Row r : periods) {
      counts.merge(structure(r.configuration()), 1, Integer::sum);
    }
    Map<String, Integer> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted((x, y) -> Integer.compare(y.getValue(), x.getValue()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /**
   * A configuration's structure in words: the type, with the pivot of a romantic triangle or the
   * outcast of a stable marriage, e.g. {@code STABLE_MARRIAGE outcast USA}. Two configurations with
   * the same structure are not separated by a transition.
   */
  public static String structure(Configuration c) {
    if (c instanceof Configuration.RomanticTriangle r) {
      return c.type() + " pivot " + r.pivot();
    }
    if (c instanceof Configuration.StableMarriage m) {
      return c.type() + " outcast " + m.outcast();
    }
    return c.type().toString();
  }

  /**
   * A configuration in full: the structure with the wings or partners, e.g. {@code
   * ROMANTIC_TRIANGLE pivot USA, wings JPN KOR}.
   */
  public static String describe(Configuration c) {
    if (c instanceof Configuration.RomanticTriangle r) {
      return structure(c) + ", wings " + String.join(" ", r.wings());
    }
    if (c instanceof Configuration.StableMarriage m) {
      return c.type() + " partners " + String.join(" ", m.partners()) + ", outcast " + m.outcast();
    }
    return structure(c);
  }
}
