package org.entente.analyse.verdict;

/** The verdict on a proposition. */
public enum Outcome {
  /** The data meet the proposition's "supported" rule. */
  SUPPORTED("supported"),
  /** The data meet its "not supported" rule. */
  NOT_SUPPORTED("not supported"),
  /** Neither, or the data cannot support a test (the reason says which). */
  INCONCLUSIVE("inconclusive");

  private final String text;

  Outcome(String text) {
    this.text = text;
  }

  /** {@code supported}, {@code not supported} or {@code inconclusive}. */
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
