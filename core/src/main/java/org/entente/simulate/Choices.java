package org.entente.simulate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one parser for the simulate stage's option values, shared by the CLI and the API: an enum
 * constant is written in lower case with hyphens ({@code TYPE_PRIORITY} ↔ {@code type-priority}).
 */
public final class Choices {
  private Choices() {}

  /** The label of a constant: lower case, underscores as hyphens. */
  public static String label(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The constant of {@code type} whose label is {@code value} (case-insensitive; underscores
   * accepted).
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
