/**
 * Verdicts on the propositions P1–P10: {@link org.entente.analyse.verdict.PropositionEvaluator}
 * evaluates a {@link org.entente.system.Proposition} by its bundled operationalisation on a store
 * and a chronology and returns a {@link org.entente.analyse.verdict.Verdict} (supported, not
 * supported or inconclusive, with the reason and the evidence).
 */
package org.entente.analyse.verdict;
