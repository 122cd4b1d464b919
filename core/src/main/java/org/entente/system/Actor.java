package org.entente.system;

import java.util.List;

/**
 * An entry of the actor registry: a state, an intergovernmental organisation, or a person who maps
 * to a state.
 *
 * @param code CAMEO code for states and IGOs (RUS, IGOUNO); an upper-case slug for persons
 *     (PUTIN_VLADIMIR)
 * @param kind {@code state}, {@code igo} or {@code person}
 * @param state the CAMEO code of the state the actor maps to (itself for a state; for an IGO its
 *     own code)
 * @param from first year in office (persons), or {@code null}
 * @param to last year in office, or {@code null} if still in office or not applicable
 */
public record Actor(
    String code,
    String kind,
    String name,
    String state,
    Integer from,
    Integer to,
    List<String> aliases) {

  /** Whether the actor held office in {@code year} (always true for states and IGOs). */
  public boolean activeIn(int year) {
    return (from == null || year >= from) && (to == null || year <= to);
  }
}
