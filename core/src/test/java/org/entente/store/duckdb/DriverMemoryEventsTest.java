package org.entente.store.duckdb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/**
 * The bundled DuckDB driver still has the flag that {@link DuckDbStore#skipDriverMemoryEvents} sets
 * (a driver upgrade that drops it fails here, and its JFR registration would cost every command's
 * start again, about 70 ms); {@code -Dentente.duckdb.jfr=true} keeps the driver's event.
 */
class DriverMemoryEventsTest {
  @Test
  void bundledDriver_hasTheMonitorFlag_andThePropertyKeepsTheEvent() throws Exception {
    assertTrue(DuckDbStore.skipDriverMemoryEvents(), "the driver's monitor flag is found and set");
    Field flag = Class.forName("org.duckdb.DuckDBMemoryMonitor").getDeclaredField("initialized");
    flag.setAccessible(true);
    assertTrue(flag.getBoolean(null));

    String before = System.getProperty(DuckDbStore.KEEP_JFR);
    System.setProperty(DuckDbStore.KEEP_JFR, "true");
    try {
      assertFalse(DuckDbStore.skipDriverMemoryEvents(), "kept on request");
    } finally {
      if (before == null) {
        System.clearProperty(DuckDbStore.KEEP_JFR);
      } else {
        System.setProperty(DuckDbStore.KEEP_JFR, before);
      }
    }
  }
}
