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

  /**
   * The current file, loaded on its own, is read to its end ({@code rows} rows read); the store now
   * takes them in: the rows still queued for it, the duplicate check, the rollups and the commit,
   * which for a file of millions of rows last seconds. Not called for a file that failed while
   * being read, nor for small files loaded several to a transaction.
   */
  default void storing(long rows) {}

  /** A file is done (loaded, skipped or failed). */
  default void fileFinished(FileReport report) {}

  /** A listener that ignores everything. */
  IngestListener NONE = new IngestListener() {};
}
