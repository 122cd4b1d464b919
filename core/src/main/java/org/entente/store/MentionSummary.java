package org.entente.store;

import java.time.LocalDateTime;

/**
 * What a store holds of the GDELT 2.0 Mentions table.
 *
 * @param rows mention rows stored
 * @param events distinct events mentioned
 * @param linked of those, events the store holds (source {@code gdelt2}); the others' mentions were
 *     kept by an unfiltered load before (or without) their export file
 * @param first the earliest update (MentionTimeDate) stored, null if none
 * @param last the latest update stored, null if none
 */
public record MentionSummary(
    long rows, long events, long linked, LocalDateTime first, LocalDateTime last) {
  /** A store without mentions. */
  public static final MentionSummary NONE = new MentionSummary(0, 0, 0, null, null);
}
