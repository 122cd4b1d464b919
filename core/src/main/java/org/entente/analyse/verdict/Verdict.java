package org.entente.analyse.verdict;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The evaluation of one proposition: how it was operationalised, the evidence, and the verdict with
 * its reason.
 *
 * @param id the proposition id, e.g. {@code P1}
 * @param version the proposition's version (1: as pre-registered; a revision is a new version)
 * @param claim the claim in words
 * @param test the kind of test ({@code leadlag}, {@code changepoints}, ...)
 * @param outcome the verdict
 * @param reason why: which rule the evidence met, or what the data lacked
 * @param operationalisation the proposition's operationalisation as bundled (series, windows,
 *     thresholds)
 * @param rules the verdict rules in words, by verdict
 * @param evidence the numbers behind the verdict: maps, lists, strings, numbers (NaN where
 *     undefined), booleans
 * @param tests the statistical tests behind the verdict, with raw p and Benjamini–Hochberg q
 */
public record Verdict(
    String id,
    int version,
    String claim,
    String test,
    Outcome outcome,
    String reason,
    Map<String, Object> operationalisation,
    Map<String, String> rules,
    Map<String, Object> evidence,
    List<TestResult> tests) {

  /**
   * Validates and copies the maps (keeping their order).
   *
   * @throws NullPointerException if a field is null
   */
  public Verdict {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    operationalisation =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(operationalisation));
    rules = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rules));
    evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    tests = List.copyOf(tests);
  }
}
