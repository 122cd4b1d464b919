package org.entente.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the peak memory of a stretch of work, three ways, because no single figure is both cheap
 * and exact:
 *
 * <ol>
 *   <li>{@link #peakHeapBytes()}: a daemon thread reads {@link MemoryMXBean#getHeapMemoryUsage()}
 *       {@code .getUsed()} every interval (20 ms by default) and keeps the maximum; {@link
 *       #close()} takes a last sample. A <em>lower bound</em>: a spike that is allocated and
 *       collected between two samples is missed.
 *   <li>{@link #poolPeakBytes()}: {@link #start} resets the peak usage of every heap {@link
 *       MemoryPoolMXBean} (the JVM tracks these peaks itself, so nothing is missed) and {@link
 *       #close()} sums the per-pool peaks. An <em>upper bound</em>: the pools (eden, survivor, old)
 *       peak at different moments. Resetting the peaks is JVM-wide, so two overlapping samplers
 *       disturb each other.
 *   <li>{@link #peakRssBytes()}: the same thread reads {@code VmRSS} from {@code
 *       /proc/self/status}, the resident memory of the whole process. This is the only figure that
 *       sees native allocations, such as DuckDB's buffer manager, which live outside the Java heap;
 *       it includes the JVM's own footprint. Linux only, -1 elsewhere.
 * </ol>
 *
 * Heap figures include whatever else the JVM holds at the time (garbage not yet collected too);
 * call {@link System#gc()} before {@link #start} for a cleaner baseline. Thread-safe.
 */
public final class HeapSampler implements AutoCloseable {

  /** Default sampling interval. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(20);

  private static final Path PROC_STATUS = Path.of("/proc/self/status");

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final List<MemoryPoolMXBean> heapPools;
  private final long intervalMillis;
  private final AtomicLong peakHeap = new AtomicLong();
  private final AtomicLong peakRss = new AtomicLong(-1);
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long poolPeak = -1;
  private final boolean rssAvailable;

  private HeapSampler(Duration interval) {
    intervalMillis = Math.max(1, interval.toMillis());
    heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
            .toList();
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    rssAvailable = Files.isReadable(PROC_STATUS);
    sample();
    thread = new Thread(this::loop, "entente-heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts sampling every {@link #DEFAULT_INTERVAL}. */
  public static HeapSampler start() {
    return start(DEFAULT_INTERVAL);
  }

  /**
   * Starts sampling.
   *
   * @param interval time between samples, at least one millisecond is used
   */
  public static HeapSampler start(Duration interval) {
    return new HeapSampler(Objects.requireNonNull(interval, "interval"));
  }

  private void loop() {
    while (running) {
      try {
        Thread.sleep(intervalMillis);
      } catch (InterruptedException e) {
        return;
      }
      sample();
    }
  }

  private void sample() {
    long used = memory.getHeapMemoryUsage().getUsed();
    peakHeap.accumulateAndGet(used, Math::max);
    if (rssAvailable) {
      long rss = readRss();
      if (rss >= 0) {
        peakRss.accumulateAndGet(rss, Math::max);
      }
    }
  }

  private static long readRss() {
    try {
      for (String line : Files.readAllLines(PROC_STATUS, StandardCharsets.US_ASCII)) {
        if (line.startsWith("VmRSS:")) {
          String kb = line.substring(6).trim();
          int space = kb.indexOf(' ');
          return Long.parseLong(space < 0 ? kb : kb.substring(0, space)) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** Largest sampled used heap, in bytes, so far (a lower bound of the true peak). */
  public long peakHeapBytes() {
    return peakHeap.get();
  }

  /**
   * Sum of the heap pools' peak usage between {@link #start} and {@link #close}, in bytes (an upper
   * bound of the true peak); -1 before {@link #close}.
   */
  public long poolPeakBytes() {
    return poolPeak;
  }

  /** Largest sampled resident set size of the process, in bytes; -1 if not available. */
  public long peakRssBytes() {
    return peakRss.get();
  }

  /** Stops the sampling thread after a final sample and fixes {@link #poolPeakBytes()}. */
  @Override
  public synchronized void close() {
    if (!running) {
      return;
    }
    running = false;
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sample();
    long sum = 0;
    for (MemoryPoolMXBean p : heapPools) {
      if (p.isValid() && p.getPeakUsage() != null) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    poolPeak = sum;
  }
}
