package org.entente.simulate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one parser for the simulate stage's option values, shared by the CLI and the API. By default
 * an enum constant is written in lower case with hyphens ({@code LEAST_MOVE} ↔ {@code least-move});
 * a constant that implements {@link Labelled} names its own label (the public name of issue 13,
 * e.g. {@code scholz} for the all-pairs denominator) and may accept further, unlisted aliases.
 */
public final class Choices {
  private Choices() {}

  /**
   * A label and its aliases.
   *
   * @param label the label written on the command line, in the API and in JSON
   * @param aliases further accepted spellings, not listed in help or errors (earlier names)
   */
  public record Words(String label, List<String> aliases) {}

  /** An option value whose public label differs from its constant's name. */
  public interface Labelled {
    /** Its label and aliases. */
    Words words();

    /** The label written on the command line, in the API and in JSON. */
    default String label() {
      return words().label();
    }

    /** Further accepted spellings, not listed in help or errors (earlier names). */
    default List<String> aliases() {
      return words().aliases();
    }
  }

  /** The label of a constant. */
  public static String label(Enum<?> e) {
    if (e instanceof Labelled l) {
      return l.label();
    }
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The constant of {@code type} whose label (or alias) is {@code value} (case-insensitive;
   * underscores accepted for hyphens).
   *
   * @throws IllegalArgumentException naming {@code option} and the accepted labels
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String option, String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (E e : type.getEnumConstants()) {
      if (label(e).equals(v)) {
        return e;
      }
    }
    for (E e : type.getEnumConstants()) {
      if (e instanceof Labelled l && l.aliases().contains(v)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        option + " must be one of " + labels(type) + ", not '" + value + "'");
  }

  /** The labels of {@code type}'s constants separated by "|". */
  public static <E extends Enum<E>> String labels(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(Choices::label)
        .collect(Collectors.joining("|"));
  }
}
