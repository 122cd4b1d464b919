package org.entente.simulate;

/**
 * An actor table that cannot be used: the message names the file, the line (1-based) and the field.
 * Thrown by {@link ActorReader}.
 */
public final class ActorInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ActorInputException(String message) {
    super(message);
  }

  ActorInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
