package org.entente.cli;

import org.entente.store.EventStore;
import org.entente.store.SourceSelection;
import picocli.CommandLine.Option;

/**
 * The {@code --source} option of every command that reads dyad series: which data source of the
 * store to read. Sources are never pooled: a store holding several needs one named ({@link
 * SourceSelection}).
 */
final class SourceOption {
  @Option(
      names = "--source",
      paramLabel = "NAME",
      description = {
        "Data source to read (gdelt1, gdelt2, icews, chronology or an imported name; 'entente"
            + " info' lists them). Needed when the store holds several: sources are never pooled."
      })
  String source;

  /**
   * A view of {@code store} that reads the chosen source; closes {@code store} and throws when the
   * choice is refused.
   *
   * @throws UsageException if --source names no source of the store, or is missing while the store
   *     holds several
   */
  EventStore scope(EventStore store) {
    String name;
    try {
      name = choose(store);
    } catch (UsageException e) {
      store.close();
      throw e;
    }
    return SourceSelection.scope(store, name);
  }

  /**
   * The source of {@code store} to read (null for a store without any).
   *
   * @throws UsageException if --source names no source of the store, or is missing while the store
   *     holds several
   */
  String choose(EventStore store) {
    try {
      return SourceSelection.choose(store.sources(), source, "--source ");
    } catch (IllegalArgumentException e) {
      throw UsageException.of(e);
    }
  }

  /**
   * {@code store} restricted to --source when it is given, else the whole store (the server lets
   * each request choose its source).
   *
   * @throws UsageException if --source names no source of the store
   */
  EventStore scopeIfGiven(EventStore store) {
    return source == null ? store : scope(store);
  }
}
