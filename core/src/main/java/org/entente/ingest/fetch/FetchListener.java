package org.entente.ingest.fetch;

import java.time.Duration;
import org.entente.ingest.FileReport;

/**
 * What a fetch reports while it runs. Called from the thread that called {@link GdeltFetcher};
 * implementations must be quick.
 */
public interface FetchListener {
  /** Progress of the downloads; called about once a second and once at the end. */
  default void progress(Progress p) {}

  /** A line of a file list that could not be read, naming list and line. */
  default void warning(String message) {}

  /** A file was verified and handed to the ingest stage. */
  default void ingested(FileReport report) {}

  /** {@code --follow}: a poll of {@code lastupdate.txt} found {@code newFiles} files to fetch. */
  default void polled(int poll, int newFiles) {}

  /** {@code --follow}: a dyad's daily count or S4 left its control band. */
  default void alert(Alert alert) {}

  /** A listener that ignores everything. */
  FetchListener NONE = new FetchListener() {};

  /**
   * Progress of the downloads.
   *
   * @param filesDone files finished (any status)
   * @param filesTotal files to check or download in this run
   * @param bytes bytes downloaded so far
   * @param bytesExpected listed bytes of the files still to download when the run started
   * @param elapsed time since the downloads started
   */
  record Progress(int filesDone, int filesTotal, long bytes, long bytesExpected, Duration elapsed) {
    /** Download speed in MB/s (10^6 bytes), 0 before any time has passed. */
    public double megabytesPerSecond() {
      double s = elapsed.toNanos() / 1e9;
      return s > 0 ? bytes / 1e6 / s : 0;
    }

    /** Time left at the current speed, or null when unknown. */
    public Duration eta() {
      double rate = bytes / Math.max(1e-9, elapsed.toNanos() / 1e9);
      if (bytes <= 0 || rate <= 0) {
        return null;
      }
      return Duration.ofSeconds(Math.round(Math.max(0, bytesExpected - bytes) / rate));
    }
  }
}
