package org.entente.store.duckdb;

/**
 * The 64-bit fingerprints of the event keys (source, id, date) a load has staged, in an
 * open-addressing table of longs: {@link #add} says whether a fingerprint was seen before. Equal
 * keys always have equal fingerprints; two different keys may share one (rarely), which only makes
 * a load take the exact, slower way. So "never seen" proves a key new to the load, and "seen"
 * proves nothing. Holds at most {@link #MAX} fingerprints (64 MB); {@link #full()} says when it
 * stopped.
 */
final class KeyFingerprints {
  /** The most fingerprints kept: a load of more events stops tracking (and takes the exact way). */
  static final int MAX = 1 << 22;

  private long[] slots = new long[1 << 12];
  private int size;
  private boolean zero;
  private boolean full;

  /**
   * Records the key's fingerprint.
   *
   * @return true if it was not seen before (so the key is new to the load); false if it was, or if
   *     the table is full
   */
  boolean add(String source, String id, int epochDay) {
    if (full) {
      return false;
    }
    long h = fingerprint(source, id, epochDay);
    if (h == 0) {
      // 0 marks an empty slot: kept apart
      if (zero) {
        return false;
      }
      zero = true;
      return true;
    }
    if (size >= MAX) {
      full = true;
      slots = new long[0];
      return false;
    }
    if (2 * (size + 1) > slots.length) {
      grow();
    }
    int mask = slots.length - 1;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (slots[i] != 0) {
      if (slots[i] == h) {
        return false;
      }
      i = (i + 1) & mask;
    }
    slots[i] = h;
    size++;
    return true;
  }

  /** Whether the table stopped tracking (too many keys): every later add says "seen". */
  boolean full() {
    return full;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    int mask = slots.length - 1;
    for (long h : old) {
      if (h != 0) {
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = h;
      }
    }
  }

  /** FNV-1a over the source, a separator, the id and the day, then a 64-bit finaliser. */
  static long fingerprint(String source, String id, int epochDay) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < source.length(); i++) {
      h = (h ^ source.charAt(i)) * 0x100000001b3L;
    }
    h = (h ^ 0x1F) * 0x100000001b3L;
    for (int i = 0; i < id.length(); i++) {
      h = (h ^ id.charAt(i)) * 0x100000001b3L;
    }
    h = (h ^ epochDay) * 0x100000001b3L;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
