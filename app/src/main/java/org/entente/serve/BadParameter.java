package org.entente.serve;

/** A query parameter the client got wrong: answered with HTTP 400 naming the parameter. */
final class BadParameter extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  /**
   * Creates the exception.
   *
   * @param parameter the parameter's name
   * @param message what is wrong with it, starting with the parameter's name
   */
  BadParameter(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The parameter's name. */
  String parameter() {
    return parameter;
  }
}
