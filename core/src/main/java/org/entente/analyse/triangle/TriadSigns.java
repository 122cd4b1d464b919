package org.entente.analyse.triangle;

import java.util.Objects;

/**
 * The signs of the three sides of a {@link Triad}: a–b, b–c and c–a.
 *
 * @param ab sign of side a–b
 * @param bc sign of side b–c
 * @param ca sign of side c–a
 */
public record TriadSigns(Sign ab, Sign bc, Sign ca) {

  /**
   * Validates the signs.
   *
   * @throws NullPointerException if a sign is null
   */
  public TriadSigns {
    Objects.requireNonNull(ab, "ab");
    Objects.requireNonNull(bc, "bc");
    Objects.requireNonNull(ca, "ca");
  }

  /**
   * Builds signs from numeric values.
   *
   * @param ab −1, 0 or +1 for side a–b
   * @param bc −1, 0 or +1 for side b–c
   * @param ca −1, 0 or +1 for side c–a
   * @return the signs
   * @throws IllegalArgumentException if a value is not −1, 0 or +1
   */
  public static TriadSigns of(int ab, int bc, int ca) {
    return new TriadSigns(Sign.of(ab), Sign.of(bc), Sign.of(ca));
  }

  /**
   * Counts sides with the given sign.
   *
   * @param sign the sign to count
   * @return 0 to 3
   */
  public int count(Sign sign) {
    return (ab == sign ? 1 : 0) + (bc == sign ? 1 : 0) + (ca == sign ? 1 : 0);
  }

  /**
   * Returns the product of the three sign values.
   *
   * @return −1, 0 or +1
   */
  public int product() {
    return ab.value() * bc.value() * ca.value();
  }
}
