package org.entente.simulate;

import java.util.List;

/**
 * The EU car-emission example (Scholz, Calbert &amp; Smith 2011, after Bueno de Mesquita): the
 * canonical input table as printed in shared/data/bdm-inputs/PROVENANCE.md (Netherlands before
 * Belgium; one public copy swaps these rows).
 */
final class EuExample {
  static final List<Actor> ACTORS =
      List.of(
          new Actor("Netherlands", 0.08, 4, 0.8),
          new Actor("Belgium", 0.08, 7, 0.4),
          new Actor("Luxembourg", 0.03, 4, 0.2),
          new Actor("Germany", 0.16, 4, 0.8),
          new Actor("France", 0.16, 10, 0.6),
          new Actor("Italy", 0.16, 10, 0.6),
          new Actor("UK", 0.16, 10, 0.9),
          new Actor("Ireland", 0.05, 7, 0.1),
          new Actor("Denmark", 0.05, 4, 1.0),
          new Actor("Greece", 0.08, 7, 0.7));

  private EuExample() {}
}
