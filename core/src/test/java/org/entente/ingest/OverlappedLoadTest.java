package org.entente.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.entente.model.Event;
import org.entente.store.FileLoad;
import org.entente.store.RollupRow;
import org.entente.store.StoreException;
import org.junit.jupiter.api.Test;

/**
 * {@link OverlappedLoad} hands the engine the same calls in the same order, one at a time, and
 * reports the engine's failures.
 */
class OverlappedLoadTest {

  /** An engine's load that records every call and the thread it came on. */
  static final class Recording implements FileLoad {
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final List<String> threads = Collections.synchronizedList(new ArrayList<>());
    final int failAt;
    volatile int inside;
    volatile boolean overlapped;
    int adds;

    Recording(int failAt) {
      this.failAt = failAt;
    }

    private void call(String c) {
      if (++inside > 1) {
        overlapped = true;
      }
      try {
        Thread.sleep(0);
        calls.add(c);
        threads.add(Thread.currentThread().getName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inside--;
      }
    }

    @Override
    public void add(Event event, String part, long line) {
      if (++adds == failAt) {
        throw new StoreException("cannot stage an event of " + part + ":" + line);
      }
      call("add " + event.sourceEventId() + " " + part + ":" + line);
    }

    @Override
    public void addEntry(org.entente.model.ChronologyEntry entry) {
      call("entry");
    }

    @Override
    public void addRollup(RollupRow row, String part, long line) {
      call("rollup " + line);
    }

    @Override
    public void reject(String part, long line, String reason, String detail, String raw) {
      call("reject " + line + " " + reason + " " + raw);
    }

    @Override
    public boolean threadAgnostic() {
      return true;
    }

    @Override
    public LoadResult commit(String checksum, String format, long rowsRead, long rowsFiltered) {
      call("commit " + checksum + " " + rowsRead);
      return new LoadResult(adds, 0, 0);
    }

    @Override
    public void abort() {
      call("abort");
    }

    @Override
    public void close() {
      call("close");
    }
  }

  /** A RUS→PRK GDELT 2.0 event with id {@code i} (the recording load keeps only the id). */
  private static Event event(int i) {
    return org.entente.store.EventStoreTestBase.rusPrk(
        Integer.toString(i), LocalDate.of(2024, 1, 1), "GOV", "042", 1, 1.9, 1, 1, 0.0, null);
  }

  @Test
  void everyCall_reachesTheEngineInOrderOnOneWorkerThread() {
    Recording r = new Recording(-1);
    List<String> expected = new ArrayList<>();
    try (OverlappedLoad load = new OverlappedLoad(r)) {
      int n = 3 * OverlappedLoad.BATCH + 17; // full batches and a partial one
      for (int i = 1; i <= n; i++) {
        if (i % 1000 == 0) {
          load.reject("f.csv", i, "bad date", "detail", "raw " + i);
          expected.add("reject " + i + " bad date raw " + i);
        } else {
          load.add(event(i), "f.csv", i);
          expected.add("add " + i + " f.csv:" + i);
        }
      }
      FileLoad.LoadResult res = load.commit("sum", "gdelt2", n, 0);
      expected.add("commit sum " + n);
      assertEquals(n - n / 1000, res.stored());
    }
    expected.add("close");
    assertEquals(expected, r.calls);
    assertTrue(!r.overlapped, "never two calls at once");
    // every call on the worker, commit and close included (DuckDB's appenders are confined to the
    // thread that made them)
    assertTrue(r.threads.stream().allMatch("entente-load"::equals), String.valueOf(r.threads));
    assertNotEquals("entente-load", Thread.currentThread().getName());
  }

  @Test
  void engineFailure_isRethrownToTheParser_andNoLaterRowReachesTheEngine() {
    Recording r = new Recording(5000);
    OverlappedLoad load = new OverlappedLoad(r);
    StoreException thrown =
        assertThrows(
            StoreException.class,
            () -> {
              for (int i = 1; i <= 100 * OverlappedLoad.BATCH; i++) {
                load.add(event(i), "f.csv", i);
              }
              load.commit("sum", "gdelt2", 0, 0);
            });
    assertTrue(thrown.getMessage().contains("f.csv:5000"), thrown.getMessage());
    // the same failure again from commit, and the rows after the failing one never arrived
    assertSame(thrown, assertThrows(StoreException.class, () -> load.commit("s", "f", 0, 0)));
    load.abort();
    load.close();
    assertEquals(4999 + 2, r.calls.size(), "4,999 rows, then abort and close: " + r.calls.size());
    assertEquals("add 4999 f.csv:4999", r.calls.get(4998));
    assertEquals(List.of("abort", "close"), r.calls.subList(4999, 5001));
  }

  @Test
  void abort_dropsWhatIsQueued_andAbortsTheEngineOnce() {
    Recording r = new Recording(-1);
    OverlappedLoad load = new OverlappedLoad(r);
    for (int i = 1; i <= 2 * OverlappedLoad.BATCH; i++) {
      load.add(event(i), "f.csv", i);
    }
    load.abort();
    load.close();
    List<String> tail = r.calls.subList(r.calls.size() - 2, r.calls.size());
    assertEquals(List.of("abort", "close"), tail);
    assertTrue(r.calls.size() - 2 <= 2 * OverlappedLoad.BATCH, "no row twice, none after abort");
    for (int i = 0; i < r.calls.size() - 2; i++) {
      assertEquals("add " + (i + 1) + " f.csv:" + (i + 1), r.calls.get(i), "in order");
    }
  }
}
