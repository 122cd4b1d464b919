package org.entente.store;

/**
 * A path given as a store that is not one: a file of another kind (a CSV, a text file, a database
 * of another program), or a missing file where an existing store is needed. The file is left
 * untouched. A user's mistake, not an engine failure (the command exits 2).
 */
public final class NotAStoreException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public NotAStoreException(String message) {
    super(message);
  }
}
