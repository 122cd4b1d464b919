package org.entente.ingest;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;

/**
 * The months a parser has seen a dyadic event of, per feed, for the rows an actor filter leaves
 * out. A month counts as observed only by a row that would have been stored without the filter with
 * both actor countries: a month whose rows were all invalid, or had no country on one side, is a
 * gap whether or not the file was read with {@code --actors}, as it is in a store read without
 * (where the months come from the dyad rollup, which holds the events with both countries). So the
 * first left-out row of each month and feed is parsed in full (and the next, while none was such a
 * row); the rest of the month's left-out rows are only counted.
 */
public final class ObservedMonths {
  private record Key(String source, YearMonth month) {}

  private final Set<Key> valid = new HashSet<>();
  private String lastSource;
  private YearMonth lastMonth;

  /** Whether a valid row of {@code source} dated in {@code month} was seen. */
  public boolean seen(String source, YearMonth month) {
    if (month.equals(lastMonth) && source.equals(lastSource)) {
      return true;
    }
    if (valid.contains(new Key(source, month))) {
      lastSource = source;
      lastMonth = month;
      return true;
    }
    return false;
  }

  /**
   * Notes {@code event}, the valid row of {@code source} dated in {@code month}: the month if the
   * event has both actor countries (then it is seen), else null (the row observes no month).
   */
  public YearMonth see(String source, YearMonth month, org.entente.model.Event event) {
    if (event.actor1Country() == null || event.actor2Country() == null) {
      return null;
    }
    valid.add(new Key(source, month));
    lastSource = source;
    lastMonth = month;
    return month;
  }
}
