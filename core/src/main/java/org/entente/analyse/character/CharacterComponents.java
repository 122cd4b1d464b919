package org.entente.analyse.character;

import java.util.Objects;

/**
 * The transactional-versus-strategic components of one (dyad, window). NaN marks a component that
 * the data cannot support (see each method of {@link CharacterMeasures}).
 *
 * @param breadth B, normalised domain entropy (higher = more strategic)
 * @param materialShare M = W2/(W1 + W2) (reported; not in the TSI)
 * @param securityShare (MIL + INT)/classified (higher = more strategic)
 * @param persistence ρ1 of the monthly score (higher = more strategic)
 * @param halfLife ln 0.5/ln ρ1 in months (reported; not in the TSI)
 * @param volatility SD of the monthly score (higher = more transactional)
 * @param diffuseBalance 1 − |N_AB − N_BA|/(N_AB + N_BA) (higher = more strategic)
 * @param specificReciprocity θ̂ (higher = more transactional)
 * @param institutionalisation (057 + 046) per 12 months (higher = more strategic)
 * @param visitGapCv CV of gaps between visits (reported; not in the TSI)
 */
public record CharacterComponents(
    double breadth,
    double materialShare,
    double securityShare,
    double persistence,
    double halfLife,
    double volatility,
    double diffuseBalance,
    double specificReciprocity,
    double institutionalisation,
    double visitGapCv) {

  /**
   * The components by their output names ({@code breadth}, {@code material_share}, ..., {@code
   * visit_gap_cv}), in declaration order; NaN where a component is undefined.
   */
  public java.util.Map<String, Object> named() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("breadth", breadth);
    m.put("material_share", materialShare);
    m.put("security_share", securityShare);
    m.put("persistence", persistence);
    m.put("half_life", halfLife);
    m.put("volatility", volatility);
    m.put("diffuse_balance", diffuseBalance);
    m.put("specific_reciprocity", specificReciprocity);
    m.put("institutionalisation", institutionalisation);
    m.put("visit_gap_cv", visitGapCv);
    return m;
  }

  /**
   * Computes every component from one window's inputs.
   *
   * @param in the inputs
   * @return the components
   * @throws IllegalArgumentException as the individual measures do for invalid inputs
   */
  public static CharacterComponents compute(CharacterInputs in) {
    Objects.requireNonNull(in, "in");
    double rho1 = CharacterMeasures.lag1Autocorrelation(in.monthlyScore());
    return new CharacterComponents(
        CharacterMeasures.breadth(in.domains()),
        CharacterMeasures.materialShare(in.verbalCooperation(), in.materialCooperation()),
        CharacterMeasures.securityShare(in.domains()),
        rho1,
        CharacterMeasures.halfLife(rho1),
        CharacterMeasures.volatility(in.monthlyScore()),
        Double.isNaN(in.countAtoB()) || Double.isNaN(in.countBtoA())
            ? Double.NaN // a pair recorded without direction
            : CharacterMeasures.diffuseBalance(in.countAtoB(), in.countBtoA()),
        CharacterMeasures.specificReciprocity(in.aToB(), in.bToA()).theta(),
        CharacterMeasures.institutionalisationRate(
            in.signedAgreements(), in.negotiations(), in.windowMonths()),
        CharacterMeasures.visitGapCv(in.visitMonths()));
  }
}
