package org.entente.cli;

/** A mistake in how the command was called (exit code 2), as opposed to a failure (exit 1). */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
