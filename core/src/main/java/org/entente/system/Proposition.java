package org.entente.system;

import java.util.List;
import java.util.Map;

/**
 * One of the essays' claims with the operationalisation that tests it (SYSTEM.md, P1–P10).
 *
 * @param test the kind of test: {@code leadlag}, {@code conditional_means}, {@code changepoints},
 *     {@code difference_of_means}, {@code character}, {@code event_occurrence} or {@code triangle}
 * @param operationalisation every other field of the proposition (series, windows, thresholds), as
 *     parsed from JSON: maps, lists, strings, numbers, booleans and nulls
 * @param verdictRules the verdict rules in words, by verdict ({@code supported}, {@code
 *     not_supported}, {@code inconclusive})
 */
public record Proposition(
    String id,
    String claim,
    List<String> seeds,
    String test,
    Map<String, Object> operationalisation,
    Map<String, String> verdictRules) {

  /**
   * The version: 1 for the pre-registered operationalisation, higher for a revision (which carries
   * {@code revised}, its date, and {@code revision_reason} in the operationalisation).
   */
  public int version() {
    Object v = operationalisation.get("version");
    return v instanceof Number n ? n.intValue() : 1;
  }

  /** {@code P7 v2}. */
  public String label() {
    return id + " v" + version();
  }
}
