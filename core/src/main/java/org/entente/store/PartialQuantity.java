package org.entente.store;

/**
 * An additive quantity that only some of an aggregate source's rows carry. A source has a quantity
 * when every one of its rows has it (docs/rollup-format.md), so such a source is read as lacking it
 * altogether: worth a word when the rows are imported.
 *
 * @param source the aggregate source
 * @param quantity the rollup column(s): {@code n}, {@code w1..w4}, {@code goldstein_sum} or {@code
 *     score}
 * @param rowsWith rows that carry it, 0 &lt; rowsWith &lt; rows
 * @param rows the source's rows
 */
public record PartialQuantity(String source, String quantity, long rowsWith, long rows) {}
