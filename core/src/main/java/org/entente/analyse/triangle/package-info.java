/**
 * Signs of relations, Dittmer's strategic-triangle configurations and structural balance (METHODS
 * section 2).
 *
 * <p>Entry points: {@link org.entente.analyse.triangle.SignRules} turns a score or a pair of counts
 * into a {@link org.entente.analyse.triangle.Sign}; {@link org.entente.analyse.triangle.Triangles}
 * classifies a {@link org.entente.analyse.triangle.TriadSigns} into a {@link
 * org.entente.analyse.triangle.Configuration}, tests balance and lists transitions over a sequence
 * of periods.
 */
package org.entente.analyse.triangle;
