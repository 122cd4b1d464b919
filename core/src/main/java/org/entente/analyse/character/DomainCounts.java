package org.entente.analyse.character;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Cooperative events (or weights) per domain in one (dyad, window).
 *
 * @param eco economic
 * @param mil military
 * @param jud judicial
 * @param intelligence intelligence (INT)
 * @param hum humanitarian
 * @param dip diplomatic
 */
public record DomainCounts(
    double eco, double mil, double jud, double intelligence, double hum, double dip) {

  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException if a count is negative or not finite
   */
  public DomainCounts {
    for (double v : new double[] {eco, mil, jud, intelligence, hum, dip}) {
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("domain counts must be finite and >= 0, got " + v);
      }
    }
  }

  /**
   * Counts the cooperative codes of an event list, ignoring non-cooperative ones.
   *
   * @param cameoCodes event codes as strings (see {@link Domains#classify(String)})
   * @return counts per domain
   * @throws IllegalArgumentException if a code is malformed
   */
  public static DomainCounts tally(Iterable<String> cameoCodes) {
    Objects.requireNonNull(cameoCodes, "cameoCodes");
    Map<Domain, Double> counts = new EnumMap<>(Domain.class);
    for (String code : cameoCodes) {
      Domains.classify(code).ifPresent(d -> counts.merge(d, 1.0, Double::sum));
    }
    return of(counts);
  }

  /**
   * Builds counts from a map; missing domains count 0.
   *
   * @param counts counts per domain
   * @return the record
   */
  public static DomainCounts of(Map<Domain, ? extends Number> counts) {
    Objects.requireNonNull(counts, "counts");
    return new DomainCounts(
        get(counts, Domain.ECO),
        get(counts, Domain.MIL),
        get(counts, Domain.JUD),
        get(counts, Domain.INT),
        get(counts, Domain.HUM),
        get(counts, Domain.DIP));
  }

  private static double get(Map<Domain, ? extends Number> counts, Domain d) {
    Number v = counts.get(d);
    return v == null ? 0 : v.doubleValue();
  }

  /**
   * The count of one domain.
   *
   * @param domain the domain
   * @return its count
   */
  public double get(Domain domain) {
    switch (domain) {
      case ECO:
        return eco;
      case MIL:
        return mil;
      case JUD:
        return jud;
      case INT:
        return intelligence;
      case HUM:
        return hum;
      case DIP:
        return dip;
      default:
        throw new AssertionError(domain);
    }
  }

  /**
   * All classified cooperative events.
   *
   * @return the sum over the six domains
   */
  public double total() {
    return eco + mil + jud + intelligence + hum + dip;
  }
}
