/**
 * Analysis stage. The classes of this package are the stage APIs the commands call: they read
 * series from the store ({@link org.entente.analyse.series}) or from an analyst's CSV file, run the
 * methods of the sub-packages and return records ({@link org.entente.analyse.TriangleAnalysis},
 * {@link org.entente.analyse.PeriodAnalysis}, {@link org.entente.analyse.LeadLagAnalysis}, {@link
 * org.entente.analyse.CharacterAnalysis}); {@link org.entente.analyse.verdict} evaluates the
 * propositions. The method sub-packages are pure numerical code (no database, no I/O).
 *
 * <p>Method sub-packages, one per method family (see {@code shared/METHODS.md}):
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
