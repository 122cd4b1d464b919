package org.entente.analyse;

/**
 * An analysis cannot run on the data it was given: a series too short or constant for the method,
 * undefined periods without an imputation, or an external series file that cannot be read. The
 * message names the series (and for a file, the line) and the problem. Distinct from {@link
 * IllegalArgumentException}, which marks a wrong argument or option.
 */
public final class AnalysisException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the series
   */
  public AnalysisException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what is wrong, naming the series
   * @param cause the underlying failure
   */
  public AnalysisException(String message, Throwable cause) {
    super(message, cause);
  }
}
