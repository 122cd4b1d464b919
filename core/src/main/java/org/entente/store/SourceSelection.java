package org.entente.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which data source an analysis reads. Different sources are never pooled silently: a store holding
 * one source needs no choice; a store holding several needs one named, and otherwise the choice is
 * refused with the names to choose from. The CLI ({@code --source}) and the API ({@code source=})
 * share this rule.
 */
public final class SourceSelection {
  private SourceSelection() {}

  /**
   * The source to read.
   *
   * @param sources what the store holds ({@link EventStore#sources()})
   * @param requested the name asked for, or {@code null} for none
   * @param how how the caller names a source, for messages ({@code --source} or {@code source=})
   * @return the chosen name, or {@code null} when the store holds no source at all (every query is
   *     then empty)
   * @throws IllegalArgumentException if {@code requested} is not a source of the store, or none was
   *     requested and the store holds several
   */
  public static String choose(List<SourceInfo> sources, String requested, String how) {
    Objects.requireNonNull(sources, "sources");
    List<String> names = new ArrayList<>();
    for (SourceInfo s : sources) {
      names.add(s.name());
    }
    if (requested != null) {
      if (names.contains(requested)) {
        return requested;
      }
      throw new IllegalArgumentException(
          names.isEmpty()
              ? "unknown source '" + requested + "': the store holds no data yet"
              : "unknown source '"
                  + requested
                  + "': the store holds "
                  + listed(names)
                  + "; choose one with "
                  + how
                  + "NAME");
    }
    if (names.size() <= 1) {
      return names.isEmpty() ? null : names.get(0);
    }
    throw new IllegalArgumentException(
        "the store holds "
            + names.size()
            + " data sources ("
            + String.join(", ", names)
            + ") and they are never pooled: choose one with "
            + how
            + "NAME, e.g. "
            + how
            + names.get(0));
  }

  private static String listed(List<String> names) {
    return names.size() == 1 ? "only '" + names.get(0) + "'" : String.join(", ", names);
  }

  /**
   * A view of {@code store} whose queries read only {@code source} ({@code null}: every source, for
   * a store holding at most one). Closing the view closes the store.
   */
  public static EventStore scope(EventStore store, String source) {
    return new ScopedStore(store, source);
  }
}
