package org.entente.analyse.triangle;

/** The sign of a relation in one period: hostile, neutral/undetermined, or friendly. */
public enum Sign {
  /** Hostile (−1). */
  NEGATIVE(-1),
  /** Neither clearly hostile nor clearly friendly (0). */
  ZERO(0),
  /** Friendly (+1). */
  POSITIVE(1);

  private final int value;

  Sign(int value) {
    this.value = value;
  }

  /**
   * Returns the numeric value of this sign.
   *
   * @return −1, 0 or +1
   */
  public int value() {
    return value;
  }

  /**
   * Returns the sign with the given numeric value.
   *
   * @param value −1, 0 or +1
   * @return the matching sign
   * @throws IllegalArgumentException if {@code value} is not −1, 0 or +1
   */
  public static Sign of(int value) {
    switch (value) {
      case -1:
        return NEGATIVE;
      case 0:
        return ZERO;
      case 1:
        return POSITIVE;
      default:
        throw new IllegalArgumentException("sign value must be -1, 0 or 1, got " + value);
    }
  }

  /**
   * Returns the opposite sign ({@code ZERO} is its own opposite).
   *
   * @return the sign with the negated value
   */
  public Sign opposite() {
    return of(-value);
  }
}
