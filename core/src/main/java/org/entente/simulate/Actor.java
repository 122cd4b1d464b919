package org.entente.simulate;

import java.util.Objects;

/**
 * One stakeholder of a bargaining model.
 *
 * @param name the actor's name as given in the input (non-null, non-blank)
 * @param capability c ≥ 0 (clout, resources; any unit, only ratios matter)
 * @param position x on the issue scale
 * @param salience s in 0..1 (inputs on 0..100 are rescaled by {@link ActorReader})
 */
public record Actor(String name, double capability, double position, double salience) {
  public Actor {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("actor name is blank");
    }
    if (!(capability >= 0) || Double.isInfinite(capability)) {
      throw new IllegalArgumentException(name + ": capability must be a finite number >= 0");
    }
    if (!Double.isFinite(position)) {
      throw new IllegalArgumentException(name + ": position must be a finite number");
    }
    if (!(salience >= 0 && salience <= 1)) {
      throw new IllegalArgumentException(name + ": salience must be in 0..1");
    }
  }

  /** c·s, the actor's weight in the mean, the median and the votes. */
  public double weight() {
    return capability * salience;
  }

  /** This actor with another position. */
  public Actor withPosition(double x) {
    return new Actor(name, capability, x, salience);
  }
}
