package org.entente.cli;

/** A mistake in how the command was called (exit code 2), as opposed to a failure (exit 1). */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  private UsageException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * {@code e}'s message as a usage error, keeping {@code e} as the cause (a refusal by the store,
   * {@link org.entente.store.UnsupportedQueryException}, is then reported without the pointer to
   * the command's help).
   */
  public static UsageException of(RuntimeException e) {
    return new UsageException(e.getMessage(), e);
  }

  /** Whether this is the store's refusal of what was asked rather than a mistake in the call. */
  boolean refusal() {
    return getCause() instanceof org.entente.store.UnsupportedQueryException;
  }
}
