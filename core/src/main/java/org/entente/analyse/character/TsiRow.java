package org.entente.analyse.character;

import java.util.Objects;

/**
 * One (dyad, window) with its components, as input to and output of {@link
 * TransactionalStrategicIndex}.
 *
 * @param dyad the dyad label, for example {@code "RUS-PRK"}
 * @param window the window label, for example {@code "2023-01..2024-12"}
 * @param components the raw components
 */
public record TsiRow(String dyad, String window, CharacterComponents components) {

  /**
   * Validates.
   *
   * @throws NullPointerException if a field is null
   */
  public TsiRow {
    Objects.requireNonNull(dyad, "dyad");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(components, "components");
  }
}
