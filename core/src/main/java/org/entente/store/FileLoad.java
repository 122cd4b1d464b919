package org.entente.store;

import org.entente.model.Event;

/**
 * One file's load in progress: events and rejected rows are buffered in the engine and become
 * visible together on {@link #commit}. If anything fails, {@link #abort} leaves the store as it was
 * before {@link EventStore#beginFile}.
 */
public interface FileLoad extends AutoCloseable {

  /**
   * Adds an event parsed from {@code line} of {@code part} (the file, or a zip entry inside it).
   */
  void add(Event event, String part, long line);

  /**
   * Adds a curated chronology entry (kept besides its event, for the timeline). Entries whose id
   * the store already holds are left out on commit.
   */
  void addEntry(org.entente.model.ChronologyEntry entry);

  /**
   * Adds a row of an imported aggregate, read from {@code line} of {@code part}. A row whose
   * (source, frequency, period, dyad, direction) the store or this load already holds is left out
   * on commit and counted as a duplicate.
   */
  void addRollup(RollupRow row, String part, long line);

  /**
   * Adds a state volume row of an imported rollup, read from {@code line} of {@code part}. A row
   * whose (source, frequency, period, state) the store or this load already holds is left out on
   * commit and counted as a duplicate. The default refuses: an engine that cannot keep volumes says
   * so, and the load fails with nothing kept.
   */
  default void addVolume(VolumeRow row, String part, long line) {
    throw new UnsupportedOperationException("this engine does not store imported state volumes");
  }

  /**
   * Adds a row of kind {@code held} of an imported rollup (format version 3), read from {@code
   * line} of {@code part}: the file holds the events of {@code source} between the two countries
   * (in order) and of no pair it does not list ({@link HeldPairs}). A pair the file lists twice is
   * counted as a duplicate. Both countries null: a held row of the source was rejected, so the
   * source holds the pairs of the file's valid held rows only, none if there are none (not a row).
   * The default refuses: an engine that cannot keep imported aggregates says so, and the load fails
   * with nothing kept.
   */
  default void addHeldPair(String source, String actor1, String actor2, String part, long line) {
    throw new UnsupportedOperationException("this engine does not store imported aggregates");
  }

  /**
   * Adds a row of the GDELT 2.0 Mentions table read from {@code line} of {@code part}. On commit, a
   * mention the store already holds (same event, update time, document, sentence and offsets) is a
   * duplicate; in a load with an actor filter ({@link FileMeta#actorFilter}), a mention whose event
   * (source {@code gdelt2}) is not in the store is counted as filtered. The default refuses: an
   * engine that cannot keep mentions says so, and the load fails with nothing kept.
   */
  default void addMention(org.entente.model.Mention mention, String part, long line) {
    throw new UnsupportedOperationException("this engine does not store GDELT 2.0 mentions");
  }

  /**
   * Keeps a rejected row.
   *
   * @param reason a short category, e.g. {@code bad column count}
   * @param detail the specifics, e.g. {@code expected 57, 58 or 61 columns, found 12}
   * @param raw the row's text as read (decoded leniently)
   */
  void reject(String part, long line, String reason, String detail, String raw);

  /**
   * The months in which this file had rows of the event feed {@code source} that the load's actor
   * filter left out ({@link FileMeta#actorFilter}), called before {@link #commit} or {@link
   * #finish}, at most once per source. An engine that answers {@link EventStore#monthsObserved}
   * keeps them with the file: the feed observed those months although no row of them is stored. The
   * default ignores them (the engine cannot tell the months of a filtered feed).
   *
   * <p>{@code observed(null, null)} says that the file had such rows but their months are not known
   * (a Spark lake's load written before they were recorded): the months of every feed are then
   * unknown to the store.
   */
  default void observed(String source, java.util.Set<java.time.YearMonth> months) {}

  /**
   * Deduplicates against the store and commits.
   *
   * @return stored and duplicate counts
   */
  LoadResult commit(String checksum, String format, long rowsRead, long rowsFiltered);

  /**
   * Ends a load begun by {@link LoadBatch#beginFile}: what it added joins the batch and becomes
   * visible on {@link LoadBatch#commit}, which gives its counts. The default refuses: a load begun
   * alone ends with {@link #commit}.
   *
   * @throws StoreException if the engine fails (the batch is then to be aborted)
   */
  default void finish(String checksum, String format, long rowsRead, long rowsFiltered) {
    throw new UnsupportedOperationException("this load is not part of a batch");
  }

  /**
   * Whether this load may be driven, from its first row to its commit, by one thread other than the
   * one that began it (every call on that one thread, never two at once): the ingest stage then
   * parses the next rows while another thread stores the last ones. The default says no, for
   * engines whose loads rely on state bound to a thread (a Spark task's context).
   */
  default boolean threadAgnostic() {
    return false;
  }

  /**
   * Discards everything added since {@link EventStore#beginFile}; for a load of a batch, the whole
   * batch. Safe to call twice.
   */
  void abort();

  /** Aborts unless committed. */
  @Override
  void close();

  /**
   * Outcome of a committed load.
   *
   * @param filtered rows the engine left out on commit by the actor filter (mentions of events not
   *     in the store), besides those the parser filtered
   */
  record LoadResult(long stored, long duplicates, long rejected, long filtered) {
    /** A load that filtered nothing on commit. */
    public LoadResult(long stored, long duplicates, long rejected) {
      this(stored, duplicates, rejected, 0);
    }
  }
}
