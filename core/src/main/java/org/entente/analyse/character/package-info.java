/**
 * Transactional-versus-strategic character of a relationship (METHODS section 6): component
 * measures from simple inputs and the composite Transactional–Strategic Index (TSI).
 *
 * <p>Entry points: {@link org.entente.analyse.character.Domains} classifies CAMEO codes; {@link
 * org.entente.analyse.character.CharacterMeasures} computes each component; {@link
 * org.entente.analyse.character.CharacterComponents#compute(CharacterInputs)} computes them all for
 * one (dyad, window); {@link org.entente.analyse.character.TransactionalStrategicIndex} z-scores
 * the components across many rows and averages them. No published event-data index of this kind
 * exists: the components rest on the literature, the composite is this project's.
 */
package org.entente.analyse.character;
