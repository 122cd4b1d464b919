package org.entente.analyse.series;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A dyad named in an analysis: {@code A-B} pools both directions, {@code A>B} is one direction.
 *
 * @param a actor 1 (source) country code
 * @param b actor 2 (target) country code
 * @param directed whether only {@code a→b} counts
 */
public record Dyad(String a, String b, boolean directed) {

  /** The six core states of the system (SYSTEM.md), in the order the essays name them. */
  public static final List<String> CORE_STATES = List.of("RUS", "PRK", "CHN", "USA", "KOR", "JPN");

  /**
   * Validates.
   *
   * @throws NullPointerException if a code is null
   * @throws IllegalArgumentException if the two codes are equal
   */
  public Dyad {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.equals(b)) {
      throw new IllegalArgumentException("a dyad needs two different actors: " + a);
    }
  }

  /**
   * Parses {@code A-B} or {@code A>B} (case-insensitive, 3 to 9 letters a side).
   *
   * @param text the dyad
   * @return the dyad
   * @throws IllegalArgumentException if {@code text} is not a dyad
   */
  public static Dyad parse(String text) {
    String s = text.trim().toUpperCase(Locale.ROOT);
    boolean directed = s.contains(">");
    String[] parts = s.split(directed ? ">" : "-", -1);
    if (parts.length != 2 || !parts[0].matches("[A-Z]{3,9}") || !parts[1].matches("[A-Z]{3,9}")) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a dyad (write A-B for both directions, A>B for one)");
    }
    return new Dyad(parts[0], parts[1], directed);
  }

  /**
   * Parses a dyad as {@link #parse} does and checks that both codes name known actors: a CAMEO
   * country, region or IGO code, or an actor of the registry (historical codes are normalised
   * first, SUN → RUS). An unknown code would give an empty series that looks like "no events".
   *
   * @throws IllegalArgumentException naming the unknown code
   */
  public static Dyad parseKnown(String text) {
    Dyad d = parse(text);
    return new Dyad(known(d.a()), known(d.b()), d.directed());
  }

  /**
   * The normalised code if it names a known actor.
   *
   * @throws IllegalArgumentException naming the code otherwise
   */
  public static String known(String code) {
    String c = org.entente.cameo.Cameo.normaliseCountry(code.trim().toUpperCase(Locale.ROOT));
    if (org.entente.cameo.Cameo.bundled().isCountry(c)
        || org.entente.system.ActorRegistry.bundled()
            .lookup(c)
            .map(a -> a.code().equals(c))
            .orElse(false)) {
      return c;
    }
    throw new IllegalArgumentException(
        "'"
            + code
            + "' is not a known country or actor code (CAMEO codes such as RUS, PRK, CHN, USA,"
            + " KOR, JPN; IGOs such as IGOUNO; see 'entente actors')");
  }

  /** Whether {@code text} looks like a dyad ({@code A-B} or {@code A>B}) rather than a file. */
  public static boolean looksLikeDyad(String text) {
    return text.trim().toUpperCase(Locale.ROOT).matches("[A-Z]{3,9}[->][A-Z]{3,9}");
  }

  /** The 15 undirected dyads among the six core states, in {@link #CORE_STATES} order. */
  public static List<Dyad> coreDyads() {
    List<Dyad> out = new ArrayList<>();
    for (int i = 0; i < CORE_STATES.size(); i++) {
      for (int j = i + 1; j < CORE_STATES.size(); j++) {
        out.add(new Dyad(CORE_STATES.get(i), CORE_STATES.get(j), false));
      }
    }
    return List.copyOf(out);
  }

  /** {@code A-B} or {@code A>B}. */
  public String label() {
    return a + (directed ? ">" : "-") + b;
  }

  @Override
  public String toString() {
    return label();
  }
}
