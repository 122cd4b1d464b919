package org.entente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class StoredFileTest {

  private static StoredFile at(LocalDateTime t) {
    return new StoredFile(1, "f.csv", 10, "x", "gdelt2", t, 1, 1, 0, 0, 0, null);
  }

  @Test
  void ingestedText_keepsZeroSeconds_andDropsFractions() {
    // LocalDateTime.toString() prints 2026-12-01T22:57 at second 0; one engine's info then
    // differed from the other's (a CI failure of the Spark CLI test at second 0).
    assertEquals(
        "2026-12-01T22:57:00", at(LocalDateTime.of(2026, 12, 1, 22, 57, 0)).ingestedText());
    assertEquals(
        "2026-12-01T22:57:09",
        at(LocalDateTime.of(2026, 12, 1, 22, 57, 9, 123_000_000)).ingestedText());
    assertNull(at(null).ingestedText());
  }
}
