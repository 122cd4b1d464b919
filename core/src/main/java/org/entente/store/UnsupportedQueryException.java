package org.entente.store;

/**
 * A query the chosen source cannot answer (e.g. monthly periods from yearly counts, S4 from a pair
 * score, event codes from an aggregate). A user's choice, not a defect: the CLI reports it as a
 * usage error, a proposition's test as data that cannot inform it.
 */
public final class UnsupportedQueryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** With the message naming the source, what was asked and what it lacks. */
  public UnsupportedQueryException(String message) {
    super(message);
  }
}
