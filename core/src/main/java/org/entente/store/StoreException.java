package org.entente.store;

import java.util.Locale;

/** A failure inside the storage engine (not a mistake in the user's input). */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }

  /**
   * What a user can do about a failure that the machine caused rather than the data: a full disk, a
   * read-only file system or a missing permission, found in the messages of {@code e} and its
   * causes (the operating system's words as DuckDB passes them on, e.g. {@code Could not write file
   * "/data/s.duckdb": No space left on device}). Empty for any other failure.
   *
   * @return a sentence to print after the failure's message, starting with a space, or ""
   */
  public static String hint(Throwable e) {
    StringBuilder all = new StringBuilder();
    // (the length bounds a cycle of causes; a cause that is its own is null already)
    for (Throwable t = e; t != null && all.length() < 100_000; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    String m = all.toString().toLowerCase(Locale.ROOT);
    if (m.contains("no space left on device") || m.contains("disk quota exceeded")) {
      return " (no space left on the disk of the store or of --temp-dir: free some space and run"
          + " the same command again; the store keeps what it held, and a file that failed is not"
          + " half-stored)";
    }
    if (m.contains("read-only file system")) {
      return " (the file system is read-only: give --db a store on a writable disk)";
    }
    if (m.contains("out of memory error")) {
      return " (DuckDB needed more than its memory limit: give it more with --memory-limit, e.g."
          + " 512MB; the default is 256MB)";
    }
    if (m.contains("operation not permitted")) {
      return " (the system refused the operation although permissions allow it: the store's file"
          + " or folder may be immutable or append-only (see lsattr), or on a file system that"
          + " refuses it; give --db a store where this user can write)";
    }
    if (m.contains("permission denied")) {
      return " (permission denied: the store's file or folder, or --temp-dir, must be writable"
          + " by this user)";
    }
    return "";
  }
}
