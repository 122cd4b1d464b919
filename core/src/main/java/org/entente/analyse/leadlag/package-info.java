/**
 * Lead–lag analysis between two monthly series (METHODS section 4): cross-correlation with optional
 * prewhitening, the augmented Dickey–Fuller test, VAR lag-order selection, Granger F and χ² tests,
 * resampling p-values, Benjamini–Hochberg adjustment and differencing.
 *
 * <p>Entry points: {@link org.entente.analyse.leadlag.CrossCorrelations}, {@link
 * org.entente.analyse.leadlag.AugmentedDickeyFuller}, {@link
 * org.entente.analyse.leadlag.LagSelection}, {@link org.entente.analyse.leadlag.GrangerCausality},
 * {@link org.entente.analyse.leadlag.MultipleTesting} and {@link
 * org.entente.analyse.leadlag.Differencing}. Conventions follow statsmodels where METHODS names it;
 * tests compare with numbers produced by statsmodels 0.13.5 (fixture {@code
 * analyse/statsmodels-reference.properties}).
 *
 * <p>Series are arrays indexed from 0 for month 1, equally spaced and gap-free; methods reject NaN.
 */
package org.entente.analyse.leadlag;
