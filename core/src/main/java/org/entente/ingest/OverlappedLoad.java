package org.entente.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.entente.model.ChronologyEntry;
import org.entente.model.Event;
import org.entente.model.Mention;
import org.entente.store.FileLoad;
import org.entente.store.RollupRow;
import org.entente.store.VolumeRow;

/**
 * A {@link FileLoad} whose rows reach the engine on a thread of their own, so that parsing the next
 * rows overlaps with the engine storing the last ones (on two cores an unfiltered GDELT file spends
 * longer in the engine's appends than in parsing).
 *
 * <p>Every call on the engine's load, from the first row to commit, abort and close, runs on one
 * worker thread, in the order the calls were made here: the engine sees the calls it would see
 * without this class, one at a time and all on one thread (DuckDB's appenders belong to the thread
 * that made them). Rows go over in batches; commit, abort and close wait for their own call to have
 * run. A failure of the engine on a row stops the rows after it; the next call here rethrows it
 * (the same exception object), and {@link #failedAt} says on which row it happened. It drives loads
 * begun alone, not loads of a batch ({@link #finish} is refused).
 */
final class OverlappedLoad implements FileLoad {
  /** Rows per batch handed to the worker. */
  static final int BATCH = 4096;

  /** Batches waiting for the worker at most (the parser waits beyond that). */
  private static final int QUEUED = 4;

  /** One call to hand over, with where its row was read (for the failure's report). */
  private record Op(Consumer<FileLoad> call, String part, long line) {}

  /**
   * A batch: rows, or one control call (commit, abort, close, a flush) that runs even after a
   * failure or an abort and completes {@code done}; {@code last} ends the worker after it.
   */
  private record Batch(
      List<Op> rows,
      Function<FileLoad, Object> control,
      CompletableFuture<Object> done,
      boolean last) {}

  private final FileLoad inner;
  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
  private final Thread worker;
  private List<Op> rows = new ArrayList<>(BATCH);

  /** The worker's first failure on a row, if any. */
  private volatile Throwable failure;

  /** Where the row whose call failed was read (set before failure). */
  private volatile String failedPart;

  private volatile long failedLine;

  /** Set by abort and close: the worker drops the rows still queued. */
  private volatile boolean dropping;

  private boolean closed;

  OverlappedLoad(FileLoad inner) {
    this.inner = inner;
    this.worker = new Thread(this::work, "entente-load");
    worker.setDaemon(true);
    worker.start();
  }

  private void work() {
    try {
      while (true) {
        Batch b = queue.take();
        if (b.control() != null) {
          try {
            b.done().complete(b.control().apply(inner));
          } catch (Throwable t) {
            b.done().completeExceptionally(t);
          }
          if (b.last()) {
            return;
          }
          continue;
        }
        if (dropping || failure != null) {
          continue;
        }
        for (Op op : b.rows()) {
          try {
            op.call().accept(inner);
          } catch (Throwable t) {
            failedPart = op.part();
            failedLine = op.line();
            failure = t;
            break;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static RuntimeException unchecked(Throwable t) {
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(t);
  }

  private void rethrow() {
    if (failure != null) {
      throw unchecked(failure);
    }
  }

  private void put(Batch b) {
    boolean interrupted = false;
    while (true) {
      try {
        queue.put(b);
        break;
      } catch (InterruptedException e) {
        interrupted = true; // the rows must reach the worker in order: keep trying
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void handOver() {
    if (!rows.isEmpty()) {
      put(new Batch(rows, null, null, false));
      rows = new ArrayList<>(BATCH);
    }
  }

  /**
   * Runs {@code call} on the worker after everything handed over before it, and returns its result;
   * {@code last} ends the worker after it.
   */
  private Object onWorker(Function<FileLoad, Object> call, boolean last) {
    if (closed) {
      throw new IllegalStateException("load already closed");
    }
    handOver();
    CompletableFuture<Object> done = new CompletableFuture<>();
    put(new Batch(null, call, done, last));
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return done.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw unchecked(e.getCause());
        }
      }
    } finally {
      if (last) {
        closed = true;
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void op(Consumer<FileLoad> call, String part, long line) {
    if (failure != null) {
      rethrow();
    }
    rows.add(new Op(call, part, line));
    if (rows.size() >= BATCH) {
      handOver();
    }
  }

  /**
   * Waits until every row added so far has been through the engine, and rethrows the engine's
   * failure if there was one.
   */
  void flush() {
    onWorker(
        l -> {
          rethrow();
          return null;
        },
        false);
  }

  /**
   * The part and line of the row whose call failed, as "line N of PART", or null when none failed
   * (or the failed call had no line, a chronology entry's).
   */
  String failedAt() {
    return failure == null || failedLine < 0 ? null : "line " + failedLine + " of " + failedPart;
  }

  @Override
  public void add(Event event, String part, long line) {
    op(l -> l.add(event, part, line), part, line);
  }

  @Override
  public void addEntry(ChronologyEntry entry) {
    op(l -> l.addEntry(entry), null, -1);
  }

  @Override
  public void addRollup(RollupRow row, String part, long line) {
    op(l -> l.addRollup(row, part, line), part, line);
  }

  @Override
  public void addVolume(VolumeRow row, String part, long line) {
    op(l -> l.addVolume(row, part, line), part, line);
  }

  @Override
  public void addHeldPair(String source, String actor1, String actor2, String part, long line) {
    op(l -> l.addHeldPair(source, actor1, actor2, part, line), part, line);
  }

  @Override
  public void addMention(Mention mention, String part, long line) {
    op(l -> l.addMention(mention, part, line), part, line);
  }

  @Override
  public void reject(String part, long line, String reason, String detail, String raw) {
    op(l -> l.reject(part, line, reason, detail, raw), part, line);
  }

  @Override
  public void observed(String source, java.util.Set<java.time.YearMonth> months) {
    op(l -> l.observed(source, months), null, -1);
  }

  @Override
  public boolean threadAgnostic() {
    return false; // already driven by its worker
  }

  @Override
  public LoadResult commit(String checksum, String format, long rowsRead, long rowsFiltered) {
    // after the rows, on the worker: a row's failure is rethrown instead of committing
    return (LoadResult)
        onWorker(
            l -> {
              rethrow();
              return l.commit(checksum, format, rowsRead, rowsFiltered);
            },
            false);
  }

  @Override
  public void abort() {
    dropRowsThen(FileLoad::abort, false);
  }

  @Override
  public void close() {
    dropRowsThen(FileLoad::close, true);
  }

  /**
   * Drops the rows not yet through the engine, then runs {@code call} on the worker ({@code last}:
   * and ends it); nothing once closed.
   */
  private void dropRowsThen(Consumer<FileLoad> call, boolean last) {
    if (closed) {
      return;
    }
    dropping = true;
    rows = new ArrayList<>(0);
    queue.removeIf(b -> b.control() == null);
    onWorker(
        l -> {
          call.accept(l);
          return null;
        },
        last);
  }
}
