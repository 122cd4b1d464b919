package org.entente.ingest;

/**
 * What ingesting one file did. {@code read = stored + rejected + duplicate + filtered} for a file
 * that was loaded.
 *
 * @param status LOADED, SKIPPED (already in the store) or FAILED (nothing of it kept)
 * @param message why it was skipped or failed; {@code null} when loaded
 */
public record FileReport(
    String path,
    String format,
    Status status,
    long read,
    long stored,
    long rejected,
    long duplicate,
    long filtered,
    long bytes,
    long nanos,
    String message) {

  /** Outcome of one file. */
  public enum Status {
    LOADED,
    SKIPPED,
    FAILED,
    /**
     * Not of the layout the command was told ({@code entente import FORMAT}): a user mistake,
     * nothing of the file kept.
     */
    REFUSED
  }

  static FileReport refused(String path, long bytes, long nanos, String message) {
    return new FileReport(path, null, Status.REFUSED, 0, 0, 0, 0, 0, bytes, nanos, message);
  }

  static FileReport failed(String path, long bytes, long nanos, String message) {
    return new FileReport(path, null, Status.FAILED, 0, 0, 0, 0, 0, bytes, nanos, message);
  }
}
