package org.entente.store;

import java.util.List;

/**
 * What a store holds: events per source, ingested files, events per undirected dyad of country
 * codes, and rejected rows by reason.
 */
public record StoreSummary(
    String location,
    List<Count> eventsBySource,
    List<StoredFile> files,
    List<DyadCount> eventsByDyad,
    List<Count> rejectsByReason,
    MonthRange extent) {

  /** A labelled count. */
  public record Count(String label, long count) {}

  /** Events of one undirected dyad, by direction. */
  public record DyadCount(String a, String b, long aToB, long bToA) {
    public long total() {
      return aToB + bToA;
    }
  }
}
