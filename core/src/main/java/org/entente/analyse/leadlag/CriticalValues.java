package org.entente.analyse.leadlag;

/**
 * Critical values of a left-tailed test.
 *
 * @param onePercent the 1% critical value
 * @param fivePercent the 5% critical value
 * @param tenPercent the 10% critical value
 */
public record CriticalValues(double onePercent, double fivePercent, double tenPercent) {}
