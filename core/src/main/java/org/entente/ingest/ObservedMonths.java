package org.entente.ingest;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;

/**
 * The months a parser has seen a valid row of, per feed, for the rows an actor filter leaves out. A
 * month counts as observed only by a row that would have been stored without the filter: a month
 * whose rows were all invalid is a gap whether or not the file was read with {@code --actors}, as
 * it is in a store read without (where the months with stored events are the months observed). So
 * the first left-out row of each month and feed is parsed in full (and the next, while they are
 * invalid); the rest of the month's left-out rows are only counted.
 */
public final class ObservedMonths {
  private record Key(String source, YearMonth month) {}

  /** The full parse of a left-out row. */
  @FunctionalInterface
  public interface Parse {
    /** Parses the row, for its validity only (the event is not kept). */
    void run() throws RowRejected;
  }

  private final Set<Key> valid = new HashSet<>();
  private String lastSource;
  private YearMonth lastMonth;

  /**
   * Whether a valid row of {@code source} dated in {@code month} was seen (the hot path: a field
   * comparison for a run of rows of one month; call {@link #check} only when not).
   */
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
   * The month a left-out row of {@code source} dated in {@code month}, not yet {@link #seen},
   * observes: {@code month} if {@code parse} accepts the row (then the month is seen), else null.
   */
  public YearMonth check(String source, YearMonth month, Parse parse) {
    try {
      parse.run();
    } catch (RowRejected r) {
      return null;
    }
    valid.add(new Key(source, month));
    lastSource = source;
    lastMonth = month;
    return month;
  }
}
