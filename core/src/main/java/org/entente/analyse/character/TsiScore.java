package org.entente.analyse.character;

/**
 * The composite index for one row, with the signed z-scores that went into it (report these with
 * the index).
 *
 * @param row the input row, raw components included
 * @param zBreadth z(B)
 * @param zSecurityShare z(security share)
 * @param zPersistence z(ρ1)
 * @param zDiffuseBalance z(diffuse balance)
 * @param zInstitutionalisation z(institutionalisation)
 * @param zVolatility z(volatility) (enters the TSI with a minus sign)
 * @param zSpecificReciprocity z(θ̂) (enters the TSI with a minus sign)
 * @param tsi the mean of the available signed z-scores; higher = more strategic; NaN if none
 * @param componentsUsed how many of the seven z-scores were available (not NaN)
 */
public record TsiScore(
    TsiRow row,
    double zBreadth,
    double zSecurityShare,
    double zPersistence,
    double zDiffuseBalance,
    double zInstitutionalisation,
    double zVolatility,
    double zSpecificReciprocity,
    double tsi,
    int componentsUsed) {}
