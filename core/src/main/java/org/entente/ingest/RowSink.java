package org.entente.ingest;

import org.entente.model.Event;

/**
 * Where a {@link RowParser} sends each row's outcome. Every row read ends in exactly one call:
 * {@link #event}, {@link #entry}, {@link #rollup}, {@link #mention}, {@link #reject} or {@link
 * #filtered}; a line the format says holds no row (a blank or comment line of the chronology) in
 * {@link #skipped}.
 */
public interface RowSink {
  /** A valid row that passed the actor filter. */
  void event(Event e, long line);

  /**
   * A valid chronology entry that passed the actor filter, with the event it stands for. The
   * default keeps only the event.
   */
  default void entry(org.entente.model.ChronologyEntry entry, Event e, long line) {
    event(e, line);
  }

  /**
   * A valid row of an imported aggregate. The default refuses it: only sinks of {@code entente
   * import} take aggregates.
   */
  default void rollup(org.entente.store.RollupRow row, long line) {
    throw new UnsupportedOperationException("this sink takes events only");
  }

  /**
   * A valid state volume row of an imported rollup (format version 2). The default refuses it: only
   * sinks of {@code entente import} take aggregates.
   */
  default void volume(org.entente.store.VolumeRow row, long line) {
    throw new UnsupportedOperationException("this sink takes events only");
  }

  /**
   * A valid row of kind {@code held} of an imported rollup (format version 3): the file holds the
   * events of {@code source} between the two countries (in order). Both countries null: a held row
   * of the source was rejected (and is reported as such, not counted here), so the source still
   * holds the pairs of its valid held rows only, none if there are none. The default refuses it:
   * only sinks of {@code entente import} take aggregates.
   */
  default void heldPair(String source, String actor1, String actor2, long line) {
    throw new UnsupportedOperationException("this sink takes events only");
  }

  /**
   * A valid row of the GDELT 2.0 Mentions table. The default refuses it: only sinks of {@code
   * entente ingest} take mentions.
   */
  default void mention(org.entente.model.Mention mention, long line) {
    throw new UnsupportedOperationException("this sink takes events only");
  }

  /** An invalid row, kept with its raw bytes {@code raw[start,end)}. */
  void reject(long line, String reason, String detail, byte[] raw, int start, int end);

  /** An invalid record whose raw text was already assembled (e.g. a multi-line CSV record). */
  void reject(long line, String reason, String detail, String raw);

  /** A row left out by the actor filter. */
  void filtered();

  /**
   * A row of the event feed {@code source} ({@code gdelt1}, {@code gdelt2}, {@code icews}) left out
   * by the actor filter, dated in {@code month} (null when its date is not a valid one): the feed
   * observed that month even though the row is not kept, which tells a month of no kept events from
   * a month no file covered ({@link org.entente.store.EventStore#monthsObserved}). The default
   * counts it as {@link #filtered()}.
   */
  default void filtered(String source, java.time.YearMonth month) {
    filtered();
  }

  /**
   * A line that holds no row by the format's rules (blank, or a comment), counted so that the
   * report can say how many lines were not rows. The default ignores it.
   */
  default void skipped() {}
}
