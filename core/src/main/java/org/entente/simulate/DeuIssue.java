package org.entente.simulate;

import java.util.List;

/**
 * One contested issue of the DEU III data set: the actors that took a position (capability from the
 * data's capability line, salience rescaled to 0..1) and the outcome of the final act.
 *
 * @param id the issue's identifier ({@code isnr}, e.g. {@code d00032i1})
 * @param line 1-based line of the issue in its file
 * @param actors actors with a position, in column order
 * @param outcome the outcome on 0..100
 */
public record DeuIssue(String id, int line, List<Actor> actors, double outcome) {}
