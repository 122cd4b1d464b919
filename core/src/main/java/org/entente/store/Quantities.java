package org.entente.store;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a dyad query can read from its source.
 *
 * @param aggregate whether the source is an imported aggregate (a period without rows is then a
 *     gap, not a period without events)
 * @param present the quantities the source holds
 */
public record Quantities(boolean aggregate, Set<Quantity> present) {
  /** Every event source: counts, quads and Goldstein, never a gap. */
  public static final Quantities EVENTS =
      new Quantities(false, EnumSet.of(Quantity.N, Quantity.QUADS, Quantity.GOLDSTEIN));

  /** Copies. */
  public Quantities {
    present = present.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(present));
  }

  /** Whether the source holds {@code q}. */
  public boolean has(Quantity q) {
    return present.contains(q);
  }
}
