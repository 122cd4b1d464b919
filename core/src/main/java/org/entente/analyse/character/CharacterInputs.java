package org.entente.analyse.character;

import java.util.List;
import java.util.Objects;

/**
 * Everything the components need for one (dyad, window); METHODS suggests W = 24 months, undirected
 * unless stated.
 *
 * @param domains cooperative events per domain (undirected)
 * @param verbalCooperation W1, quad class 1 weight (undirected)
 * @param materialCooperation W2, quad class 2 weight (undirected)
 * @param monthlyScore the monthly S4 of the undirected dyad, NaN for months without events
 * @param aToB monthly directed score s_{A→B}, NaN for missing months, same length as {@code bToA}
 * @param bToA monthly directed score s_{B→A}
 * @param countAtoB N_AB, cooperative events A→B in the window
 * @param countBtoA N_BA
 * @param visitMonths months (1-based within the window) of government visits, 042/043
 * @param signedAgreements n_057 in the window
 * @param negotiations n_046 in the window
 * @param windowMonths W
 */
public record CharacterInputs(
    DomainCounts domains,
    double verbalCooperation,
    double materialCooperation,
    double[] monthlyScore,
    double[] aToB,
    double[] bToA,
    double countAtoB,
    double countBtoA,
    List<Integer> visitMonths,
    double signedAgreements,
    double negotiations,
    int windowMonths) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if a reference is null
   */
  public CharacterInputs {
    Objects.requireNonNull(domains, "domains");
    monthlyScore = monthlyScore.clone();
    aToB = aToB.clone();
    bToA = bToA.clone();
    visitMonths = List.copyOf(visitMonths);
  }

  /**
   * Returns a copy of {@code monthlyScore}.
   *
   * @return a fresh array
   */
  @Override
  public double[] monthlyScore() {
    return monthlyScore.clone();
  }

  /**
   * Returns a copy of {@code aToB}.
   *
   * @return a fresh array
   */
  @Override
  public double[] aToB() {
    return aToB.clone();
  }

  /**
   * Returns a copy of {@code bToA}.
   *
   * @return a fresh array
   */
  @Override
  public double[] bToA() {
    return bToA.clone();
  }
}
