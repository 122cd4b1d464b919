package org.entente.analyse.changepoint;

/**
 * One period between change points, summarised in the series' original units.
 *
 * @param first first month of the period, 1-based, inclusive
 * @param last last month of the period, 1-based, inclusive
 * @param length number of months, {@code last − first + 1}
 * @param mean the sample mean
 * @param sd the sample standard deviation (divisor length − 1); NaN if length is 1
 * @param ciLower lower end of the 95% confidence interval for the mean, mean − t_{0.975, length−1}
 *     · sd/√length (Student t; assumes independent normal noise within the period and ignores that
 *     the period was chosen from the data, so it is too narrow); NaN if length is 1
 * @param ciUpper upper end of the same interval
 * @param cost the segment's cost C(s, t) in standardised units (with ln(length) under MBIC)
 */
public record Segment(
    int first,
    int last,
    int length,
    double mean,
    double sd,
    double ciLower,
    double ciUpper,
    double cost) {}
