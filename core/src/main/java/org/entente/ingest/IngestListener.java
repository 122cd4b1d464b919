package org.entente.ingest;

/** Progress of an ingest run. Called on the ingesting thread; implementations must be quick. */
public interface IngestListener {
  /** A file is about to be read; {@code bytes} is its size on disk. */
  default void fileStarted(String path, long bytes) {}

  /**
   * Progress inside the current file.
   *
   * @param bytesRead bytes of the file on disk consumed so far (compressed bytes for .gz/.zip)
   * @param rows rows read so far
   */
  default void progress(long bytesRead, long rows) {}

  /** A file is done (loaded, skipped or failed). */
  default void fileFinished(FileReport report) {}

  /** A listener that ignores everything. */
  IngestListener NONE = new IngestListener() {};
}
