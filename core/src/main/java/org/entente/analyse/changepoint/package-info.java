/**
 * Change points in the mean of a monthly series, and comparison with expert periods (METHODS
 * section 3).
 *
 * <p>Entry point: {@link org.entente.analyse.changepoint.ChangePoints}, which hands out a {@link
 * org.entente.analyse.changepoint.ChangePointDetector} (PELT or binary segmentation) taking a
 * series and {@link org.entente.analyse.changepoint.ChangePointSettings} and returning a {@link
 * org.entente.analyse.changepoint.ChangePointResult}. {@link
 * org.entente.analyse.changepoint.BreakComparison} scores detected breaks against expert ones.
 *
 * <p>Month positions are 1-based, as in METHODS: the series is y_1..y_n, a change point τ is the
 * last month of the old period and τ + 1 the first month of the new one.
 */
package org.entente.analyse.changepoint;
