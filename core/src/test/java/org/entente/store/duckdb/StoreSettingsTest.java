package org.entente.store.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** --memory-limit: a size DuckDB can work in, else a message naming it and the floor. */
class StoreSettingsTest {
  @Test
  void sizes_inBytes() {
    assertEquals(16L << 20, StoreSettings.bytes("16MB"));
    assertEquals(16L << 20, StoreSettings.bytes("16 MiB"));
    assertEquals(512L << 20, StoreSettings.bytes("0.5GB"));
    assertEquals(2L << 40, StoreSettings.bytes("2tb"));
    assertEquals(1024, StoreSettings.bytes("1KB"));
  }

  @Test
  void limitsBelowTheFloor_areRefusedNamingIt() {
    // 1KB and 1MB failed to open the store, 8MB a small ingest's commit, each with DuckDB's
    // several-line out-of-memory text; 16MB loaded a 2,011-row GDELT 2.0 file
    for (String small : new String[] {"1KB", "1MB", "15MB", "0.01GB"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new StoreSettings(small, null));
      assertTrue(e.getMessage().contains("'" + small + "' is below 16MB"), e.getMessage());
    }
    assertEquals("16MB", new StoreSettings("16MB", null).memoryLimit());
    assertEquals("256MB", StoreSettings.DEFAULTS.memoryLimit());
  }
}
