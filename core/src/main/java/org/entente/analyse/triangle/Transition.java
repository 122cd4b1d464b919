package org.entente.analyse.triangle;

/**
 * A change of configuration between two consecutive periods.
 *
 * @param fromIndex zero-based position in the input sequence of the last period of the old
 *     configuration
 * @param toIndex zero-based position of the first period of the new configuration ({@code fromIndex
 *     + 1})
 * @param from the old configuration
 * @param to the new configuration
 */
public record Transition(int fromIndex, int toIndex, Configuration from, Configuration to) {}
