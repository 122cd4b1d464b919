package org.entente.measure;

import java.util.List;
import org.entente.store.DyadQuery;

/**
 * A dyad's score series: one {@link DyadScore} for every period in range, in order, including
 * periods without events (n = 0).
 *
 * @param query the query as run, with the range resolved (from/to never null unless empty)
 */
public record DyadSeries(DyadQuery query, List<DyadScore> scores) {

  /** Whether the dyad had no events in range (then {@link #scores} is empty). */
  public boolean isEmpty() {
    return scores.isEmpty();
  }
}
