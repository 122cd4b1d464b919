package org.entente.store;

import java.util.List;

/**
 * Several files' loads in one transaction, for many small files: each file is begun with {@link
 * #beginFile} and ended with {@link FileLoad#finish}, and {@link #commit} makes all of them visible
 * at once. Every file keeps what a load of its own gives: its manifest row, its counts and its
 * rejects; duplicates are decided as if the files were loaded one after another in the order they
 * were finished (the first read is kept). If anything fails, {@link #abort} leaves the store as it
 * was before {@link EventStore#beginBatch}: no file of the batch is kept.
 *
 * <p>Not thread-safe; one file at a time.
 */
public interface LoadBatch extends AutoCloseable {

  /**
   * Starts the batch's next file; the previous one must be finished or the batch aborted.
   *
   * @throws StoreException if the store cannot start the load
   */
  FileLoad beginFile(FileMeta file);

  /**
   * Commits every finished file of the batch.
   *
   * @return each finished file's counts, in the order the files were finished
   * @throws StoreException if the commit fails (the batch is then rolled back: nothing kept)
   */
  List<FileLoad.LoadResult> commit();

  /** Discards every file of the batch. Safe to call twice. */
  void abort();

  /** Aborts unless committed. */
  @Override
  void close();
}
