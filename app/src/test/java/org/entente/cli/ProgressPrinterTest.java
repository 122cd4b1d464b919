package org.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Ingest progress as a user sees it, on a clock the test moves. */
class ProgressPrinterTest {
  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(1000 * SECOND);
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private ProgressPrinter printer(boolean terminal) {
    return new ProgressPrinter(
        new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal, now::get);
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void plain_aLongFile_saysItsProgressThenThatItIsStoringTheRowsRead() {
    ProgressPrinter p = printer(false);
    p.fileStarted("/data/big.csv", 400_000_000L);
    now.addAndGet(6 * SECOND);
    p.progress(200_000_000L, 500_000);
    now.addAndGet(6 * SECOND);
    p.storing(1_000_000);
    assertEquals(
        "big.csv: 50%, 500,000 rows, 33.3 MB/s, ETA 6s\n"
            + "big.csv: read to the end, 1,000,000 rows; storing them (duplicates, rollups,"
            + " commit)\n",
        printed().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void plain_aFileReadInUnderTwoSeconds_saysNothing() {
    ProgressPrinter p = printer(false);
    p.fileStarted("/data/small.csv", 1_000L);
    now.addAndGet(SECOND);
    p.progress(1_000L, 10);
    p.storing(10);
    assertEquals("", printed());
  }

  @Test
  void terminal_theBarBecomesTheStoringLine_andIsBlankedWhenTheFileIsDone() {
    ProgressPrinter p = printer(true);
    p.fileStarted("/data/big.csv", 400_000_000L);
    now.addAndGet(SECOND);
    p.progress(100_000_000L, 250_000);
    now.addAndGet(SECOND / 2);
    p.storing(1_000_000);
    p.fileFinished(null);
    String[] draws = printed().split("\r", -1);
    assertTrue(draws[1].startsWith("big.csv "), draws[1]);
    assertTrue(draws[1].contains(" 25.0%  250,000 rows  100.0 MB/s  ETA 3s"), draws[1]);
    assertTrue(
        draws[2].contains("] storing 1,000,000 rows (duplicates, rollups, commit)"), draws[2]);
    assertTrue(draws[2].length() <= 120, "blanked by the last draw: " + draws[2].length());
    assertEquals(" ".repeat(120), draws[3], "the line blanked");
    assertEquals("", draws[4]);
  }
}
