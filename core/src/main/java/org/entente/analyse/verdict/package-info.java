/**
 * Verdicts on the propositions P1–P10: {@link org.entente.analyse.verdict.PropositionEvaluator}
 * evaluates each version of a {@link org.entente.system.Proposition} by its bundled
 * operationalisation on a store and a chronology, adjusts the p-values of every test of the run
 * together (Benjamini–Hochberg), and returns a {@link org.entente.analyse.verdict.Verdict}:
 * supported, contradicted, inconclusive or insufficient data, with the reason, the evidence and the
 * {@link org.entente.analyse.verdict.TestResult}s (docs/analysis.md, "Verdict rules").
 */
package org.entente.analyse.verdict;
