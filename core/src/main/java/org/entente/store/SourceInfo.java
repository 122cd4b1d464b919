package org.entente.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One data source a store holds: raw events of one feed ({@code gdelt1}, {@code gdelt2}, {@code
 * icews}, {@code chronology}), or an imported aggregate under its name.
 *
 * @param name the source's name, as {@code --source} takes it
 * @param kind events or an aggregate
 * @param rows events, or aggregate rows
 * @param first first date with data, or {@code null} if the source is empty
 * @param last last date with data, or {@code null}
 * @param frequency the native frequency: {@code event} for event sources (any period), else {@code
 *     day}, {@code month} or {@code year}
 * @param dyads distinct undirected country pairs with data
 */
public record SourceInfo(
    String name,
    Kind kind,
    long rows,
    LocalDate first,
    LocalDate last,
    String frequency,
    long dyads) {

  /** Validates. */
  public SourceInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(frequency, "frequency");
  }

  /** What a source holds. */
  public enum Kind {
    /** Individual events (every period length can be computed). */
    EVENTS,
    /** Dyad-period aggregates at a native frequency (coarser periods only). */
    AGGREGATE;

    /** The lower-case word used in output. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
