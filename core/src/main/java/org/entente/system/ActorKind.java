package org.entente.system;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of actor in the registry ({@link Actor#kind}), and the one parser of the {@code kind}
 * option shared by the CLI ({@code entente actors --kind}) and the API ({@code /api/actors?kind=}).
 */
public enum ActorKind {
  STATE,
  IGO,
  PERSON;

  /** The accepted words, in order: {@code state}, {@code igo}, {@code person}. */
  public static final List<String> WORDS = Arrays.stream(values()).map(ActorKind::word).toList();

  /** The word used in the registry and on the command line. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether {@code a} is of this kind. */
  public boolean of(Actor a) {
    return word().equals(a.kind());
  }

  /**
   * {@code state}, {@code igo} or {@code person}, in any case.
   *
   * @throws IllegalArgumentException naming the value and the accepted words
   */
  public static ActorKind parse(String s) {
    String w = s.trim().toLowerCase(Locale.ROOT);
    for (ActorKind k : values()) {
      if (k.word().equals(w)) {
        return k;
      }
    }
    throw new IllegalArgumentException("'" + s + "' is not one of " + String.join(", ", WORDS));
  }
}
