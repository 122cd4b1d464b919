package org.entente.analyse.verdict;

/**
 * The verdict on a proposition (docs/analysis.md, "Verdict rules"). There is no "not supported":
 * absence of evidence is inconclusive, evidence against is contradicted.
 */
public enum Outcome {
  /**
   * A test in the predicted direction is significant after the Benjamini–Hochberg correction (q
   * &lt; 0.05) with an effect above the stated minimum (and the proposition's other stated
   * conditions hold).
   */
  SUPPORTED("supported"),
  /**
   * Significant evidence against (q &lt; 0.05 in the other direction), an equivalence test (TOST)
   * showing the effect inside the stated negligible band, or a documented counter-example in the
   * curated chronology.
   */
  CONTRADICTED("contradicted"),
  /** Neither; the reason says why, with the deciding numbers. */
  INCONCLUSIVE("inconclusive"),
  /** The minimum data the test needs are not there (the reason says which). */
  INSUFFICIENT_DATA("insufficient data");

  private final String text;

  Outcome(String text) {
    this.text = text;
  }

  /** {@code supported}, {@code contradicted}, {@code inconclusive} or {@code insufficient data}. */
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
