package org.entente.ingest;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.entente.cameo.Cameo;

/**
 * The {@code --actors} filter: keeps an event only if both actors' country codes are in the set and
 * differ (METHODS §1.4, filter 1). The empty filter keeps everything. Historical codes are
 * normalised first (SUN → RUS). Checks on raw bytes avoid decoding rows that are dropped.
 */
public final class ActorFilter {
  private static final ActorFilter ALL = new ActorFilter(Set.of());
  private final Set<String> codes;
  private final int[] packed;

  private ActorFilter(Set<String> codes) {
    this.codes = Collections.unmodifiableSet(new TreeSet<>(codes));
    this.packed = codes.stream().filter(c -> c.length() == 3).mapToInt(ActorFilter::pack).toArray();
  }

  /** Keeps every event. */
  public static ActorFilter all() {
    return ALL;
  }

  /**
   * A filter on these CAMEO country codes (upper-cased).
   *
   * @throws IllegalArgumentException if a code is blank
   */
  public static ActorFilter of(Set<String> codes) {
    Set<String> norm = new TreeSet<>();
    for (String c : codes) {
      String t = c.trim().toUpperCase(Locale.ROOT);
      if (t.isEmpty()) {
        throw new IllegalArgumentException("empty actor code in --actors");
      }
      norm.add(Cameo.normaliseCountry(t));
    }
    return norm.isEmpty() ? ALL : new ActorFilter(norm);
  }

  /** Whether this filter keeps everything. */
  public boolean keepsAll() {
    return codes.isEmpty();
  }

  /** The codes, sorted; empty for the keep-all filter. */
  public Set<String> codes() {
    return codes;
  }

  /** Whether an event between these (normalised) country codes is kept. */
  public boolean keeps(String country1, String country2) {
    if (codes.isEmpty()) {
      return true;
    }
    return country1 != null
        && country2 != null
        && !country1.equals(country2)
        && codes.contains(country1)
        && codes.contains(country2);
  }

  /** {@link #keeps} on two raw ASCII fields {@code b[s1,e1)} and {@code b[s2,e2)}. */
  public boolean keeps(byte[] b, int s1, int e1, int s2, int e2) {
    if (codes.isEmpty()) {
      return true;
    }
    if (e1 - s1 != 3 || e2 - s2 != 3) {
      return keeps(ascii(b, s1, e1), ascii(b, s2, e2));
    }
    int c1 = normalised(pack(b, s1));
    int c2 = normalised(pack(b, s2));
    return c1 != c2 && contains(c1) && contains(c2);
  }

  private boolean contains(int code) {
    for (int p : packed) {
      if (p == code) {
        return true;
      }
    }
    return false;
  }

  private static final int SUN = pack("SUN");
  private static final int RUS = pack("RUS");

  private static int normalised(int code) {
    return code == SUN ? RUS : code;
  }

  private static int pack(String s) {
    return (s.charAt(0) << 16) | (s.charAt(1) << 8) | s.charAt(2);
  }

  private static int pack(byte[] b, int s) {
    return ((b[s] & 0xff) << 16) | ((b[s + 1] & 0xff) << 8) | (b[s + 2] & 0xff);
  }

  private static String ascii(byte[] b, int s, int e) {
    return e <= s
        ? null
        : Cameo.normaliseCountry(
            new String(b, s, e - s, java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  @Override
  public String toString() {
    return codes.isEmpty() ? "all" : String.join(",", codes);
  }
}
