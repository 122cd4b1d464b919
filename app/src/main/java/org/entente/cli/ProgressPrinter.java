package org.entente.cli;

import java.io.PrintStream;
import org.entente.ingest.FileReport;
import org.entente.ingest.IngestListener;

/**
 * Ingest progress on standard error: a redrawn bar (rows, MB/s, ETA) on a terminal, plain lines
 * every few seconds otherwise. The ETA is the reading's; a file that has taken a while says when it
 * is read to its end and the store is taking its rows in (the duplicate check, the rollups and the
 * commit: about a quarter of the time of an unfiltered file of 10⁶ rows), so that the wait after
 * 100 % is not a silent one.
 */
final class ProgressPrinter implements IngestListener {
  private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;
  private static final long BAR_EVERY_NANOS = 200_000_000L;

  /** A file read in less time than this says nothing about storing (it will not take long). */
  static final long STORING_AFTER_NANOS = 2_000_000_000L;

  /** Spaces that blank the longest line drawn. */
  private static final int CLEAR = 120;

  /** Width of the bar, in characters. */
  private static final int BAR = 30;

  private final PrintStream err;
  private final boolean terminal;
  private final java.util.function.LongSupplier clock;

  /** The current file's name, as the lines show it. */
  private String name;

  private long bytes;
  private long start;
  private long lastPrint;
  private boolean drew;

  ProgressPrinter(PrintStream err, boolean terminal) {
    this(err, terminal, System::nanoTime);
  }

  /** As {@link #ProgressPrinter(PrintStream, boolean)}, with {@code clock} for System.nanoTime. */
  ProgressPrinter(PrintStream err, boolean terminal, java.util.function.LongSupplier clock) {
    this.err = err;
    this.terminal = terminal;
    this.clock = clock;
  }

  @Override
  public void fileStarted(String p, long size) {
    name = java.nio.file.Paths.get(p).getFileName().toString();
    bytes = size;
    start = clock.getAsLong();
    lastPrint = start;
    drew = false;
  }

  @Override
  public void progress(long bytesRead, long rows) {
    long now = clock.getAsLong();
    if (now - lastPrint < (terminal ? BAR_EVERY_NANOS : PLAIN_EVERY_NANOS)) {
      return;
    }
    lastPrint = now;
    double secs = (now - start) / 1e9;
    double mbps = bytesRead / 1e6 / Math.max(secs, 1e-9);
    double frac = bytes > 0 ? Math.min(1.0, (double) bytesRead / bytes) : 0;
    long eta = frac > 0 ? Math.round(secs / frac - secs) : -1;
    if (terminal) {
      int fill = (int) Math.round(frac * BAR);
      err.printf(
          "\r%-24.24s [%s%s] %5.1f%%  %,d rows  %.1f MB/s  ETA %s   ",
          name,
          "#".repeat(fill),
          " ".repeat(BAR - fill),
          frac * 100,
          rows,
          mbps,
          eta < 0 ? "?" : eta + "s");
      drew = true;
    } else {
      err.printf(
          "%s: %.0f%%, %,d rows, %.1f MB/s, ETA %s%n",
          name, frac * 100, rows, mbps, eta < 0 ? "?" : eta + "s");
    }
    err.flush();
  }

  @Override
  public void storing(long rows) {
    if (clock.getAsLong() - start < STORING_AFTER_NANOS && !drew) {
      return;
    }
    if (terminal) {
      err.printf(
          "\r%-24.24s [%s] storing %,d rows (duplicates, rollups, commit)   ",
          name, "#".repeat(BAR), rows);
      drew = true;
    } else {
      err.printf(
          "%s: read to the end, %,d rows; storing them (duplicates, rollups, commit)%n",
          name, rows);
    }
    err.flush();
  }

  @Override
  public void fileFinished(FileReport report) {
    if (terminal && drew) {
      err.print("\r" + " ".repeat(CLEAR) + "\r");
      err.flush();
    }
  }
}
