package org.entente.analyse.changepoint;

/**
 * One change in mean.
 *
 * @param lastOfOld τ, the last month (1-based) of the old period
 * @param firstOfNew τ + 1, the first month of the new period
 * @param localGain the cost saved by this change given its neighbouring changes in the final
 *     segmentation, C(s, e) − C(s, τ) − C(τ, e) with s and e the neighbouring change points (0 and
 *     n at the ends), in standardised units and including the MBIC length terms if used; it exceeds
 *     β for every change PELT keeps
 */
public record ChangePoint(int lastOfOld, int firstOfNew, double localGain) {}
