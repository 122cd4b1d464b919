package org.entente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The hint printed after a store failure that the machine caused. The causes' messages are DuckDB
 * 1.5.6's, copied from a store on a full 12 MB tmpfs (an ingest failing in the middle of a file and
 * at its commit) and the operating system's texts for EROFS and EACCES.
 */
class StoreExceptionTest {
  private static StoreException wrapping(String duckDbMessage) {
    return new StoreException(
        "cannot stage an event of g200m.csv:247808", new SQLException(duckDbMessage));
  }

  @Test
  void aFullDiskIsNamedWithWhatToDo_whereverInTheCausesItIsSaid() {
    String full =
        StoreException.hint(
            wrapping(
                "TransactionContext Error: Failed to commit: Could not write file"
                    + " \"/tmp/small/s.duckdb\": No space left on device"));
    assertTrue(full.startsWith(" (no space left on the disk"), full);
    assertTrue(full.contains("--temp-dir") && full.contains("run the same command again"), full);
    assertEquals(
        full,
        StoreException.hint(
            new RuntimeException(
                "outer",
                wrapping("IO Error: Could not write file \"x.wal\": No space left on device"))));
    assertEquals(full, StoreException.hint(wrapping("write failed: Disk quota exceeded")));
  }

  @Test
  void readOnlyAndPermission_haveTheirOwnHints_otherFailuresNone() {
    assertTrue(
        StoreException.hint(
                wrapping("IO Error: Cannot open file \"/mnt/s.duckdb\": Read-only file system"))
            .contains("read-only"));
    assertTrue(
        StoreException.hint(
                wrapping("IO Error: Cannot open file \"/root/s.duckdb\": Permission denied"))
            .contains("writable by this user"));
    // an immutable file (chattr +i) refuses even root, with EPERM
    assertTrue(
        StoreException.hint(
                wrapping("IO Error: Cannot open file \"/tmp/i.duckdb\": Operation not permitted"))
            .contains("immutable"));
    assertTrue(
        StoreException.hint(
                wrapping(
                    "Out of Memory Error: could not allocate block of size 256.0 KiB (7.6 MiB/7.6"
                        + " MiB used)"))
            .contains("--memory-limit"));
    assertEquals("", StoreException.hint(wrapping("Constraint Error: duplicate key")));
    assertEquals("", StoreException.hint(new StoreException("cannot read the summary")));
  }
}
