package org.entente.cli;

import java.io.PrintStream;
import org.entente.ingest.FileReport;
import org.entente.ingest.IngestListener;

/**
 * Ingest progress on standard error: a redrawn bar (rows, MB/s, ETA) on a terminal, plain lines
 * every few seconds otherwise.
 */
final class ProgressPrinter implements IngestListener {
  private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;
  private static final long BAR_EVERY_NANOS = 200_000_000L;
  private final PrintStream err;
  private final boolean terminal;
  private String path;
  private long bytes;
  private long start;
  private long lastPrint;
  private boolean drew;

  ProgressPrinter(PrintStream err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public void fileStarted(String p, long size) {
    path = p;
    bytes = size;
    start = System.nanoTime();
    lastPrint = start;
    drew = false;
  }

  @Override
  public void progress(long bytesRead, long rows) {
    long now = System.nanoTime();
    if (now - lastPrint < (terminal ? BAR_EVERY_NANOS : PLAIN_EVERY_NANOS)) {
      return;
    }
    lastPrint = now;
    double secs = (now - start) / 1e9;
    double mbps = bytesRead / 1e6 / Math.max(secs, 1e-9);
    double frac = bytes > 0 ? Math.min(1.0, (double) bytesRead / bytes) : 0;
    long eta = frac > 0 ? Math.round(secs / frac - secs) : -1;
    String name = java.nio.file.Paths.get(path).getFileName().toString();
    if (terminal) {
      int width = 30;
      int fill = (int) Math.round(frac * width);
      err.printf(
          "\r%-24.24s [%s%s] %5.1f%%  %,d rows  %.1f MB/s  ETA %s   ",
          name,
          "#".repeat(fill),
          " ".repeat(width - fill),
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
  public void fileFinished(FileReport report) {
    if (terminal && drew) {
      err.print("\r" + " ".repeat(100) + "\r");
      err.flush();
    }
  }
}
