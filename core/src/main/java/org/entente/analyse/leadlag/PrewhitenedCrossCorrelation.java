package org.entente.analyse.leadlag;

/**
 * Cross-correlation after prewhitening both series with the AR filter fitted to x.
 *
 * @param filter the AR model fitted to x and applied to both series
 * @param correlation the cross-correlation of the filtered series
 */
public record PrewhitenedCrossCorrelation(ArFit filter, CrossCorrelation correlation) {}
