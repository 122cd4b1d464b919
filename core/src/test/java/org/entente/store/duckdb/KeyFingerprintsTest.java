package org.entente.store.duckdb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The fingerprints of staged keys: "new" only for a key never added; a full table says "seen". */
class KeyFingerprintsTest {
  @Test
  void add_sameKeyTwice_isNewOnceAndDifferentKeysAreNew() {
    KeyFingerprints k = new KeyFingerprints();
    assertTrue(k.add("gdelt2", "1001", 18000));
    assertFalse(k.add("gdelt2", "1001", 18000));
    assertTrue(k.add("gdelt2", "1001", 18001), "another day");
    assertTrue(k.add("icews", "1001", 18000), "another source");
    assertTrue(k.add("gdelt21", "001", 18000), "the source and id do not run together");
    // many keys through several growths: each is new once, then seen
    for (int i = 0; i < 100_000; i++) {
      assertTrue(k.add("gdelt2", "x" + i, 19000 + i % 7));
    }
    for (int i = 0; i < 100_000; i += 997) {
      assertFalse(k.add("gdelt2", "x" + i, 19000 + i % 7));
    }
    assertFalse(k.full());
  }

  @Test
  void add_beyondTheLimit_stopsTrackingAndSaysSeenForEveryKey() {
    KeyFingerprints k = new KeyFingerprints();
    int added = 0;
    for (int i = 0; i < KeyFingerprints.MAX + 10 && !k.full(); i++) {
      if (k.add("s", Integer.toString(i), 0)) {
        added++;
      }
    }
    assertTrue(k.full());
    assertTrue(added <= KeyFingerprints.MAX);
    assertFalse(k.add("s", "never before", 1), "a full table cannot prove a key new");
  }
}
