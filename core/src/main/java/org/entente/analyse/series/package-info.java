/**
 * The series the analyses run on: dyad scores read from the store ({@link
 * org.entente.analyse.series.StoreSeries}) or a column of an analyst's own CSV file ({@link
 * org.entente.analyse.series.SeriesCsvReader}), both as an {@link
 * org.entente.analyse.series.AnalysisSeries}; which score is read ({@link
 * org.entente.analyse.series.Score}) and how undefined periods are filled ({@link
 * org.entente.analyse.series.Imputation}).
 */
package org.entente.analyse.series;
