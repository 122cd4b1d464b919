/**
 * Analysis stage: pure numerical methods applied to dyad-month series (no database, no I/O).
 *
 * <p>Sub-packages, one per method family (see {@code shared/METHODS.md}):
 *
 * <ul>
 *   <li>{@link org.entente.analyse.triangle}: signs, Dittmer configurations, structural balance
 *       (METHODS section 2);
 *   <li>{@link org.entente.analyse.changepoint}: PELT and binary segmentation for mean changes,
 *       comparison with expert periods (section 3);
 *   <li>{@link org.entente.analyse.leadlag}: cross-correlation, ADF, VAR lag selection, Granger
 *       tests, resampling p-values, Benjamini–Hochberg (section 4);
 *   <li>{@link org.entente.analyse.character}: transactional-versus-strategic components and the
 *       composite index (section 6).
 * </ul>
 *
 * <p>All classes are stateless and thread-safe unless stated otherwise. Arrays passed in are never
 * modified; arrays returned are fresh copies.
 */
package org.entente.analyse;
