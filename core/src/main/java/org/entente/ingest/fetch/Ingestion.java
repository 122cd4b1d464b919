package org.entente.ingest.fetch;

import java.util.Objects;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.store.EventStore;

/**
 * {@code --ingest}: each verified file goes through the ingest stage right away.
 *
 * @param store the store the ingestor writes to (read by {@code --follow}'s alerts)
 * @param ingestor the ingest stage over {@code store}
 * @param options the same options as {@code entente ingest}
 * @param deleteAfter remove each raw file this run downloaded once it is ingested (or found already
 *     ingested); files that were there before are never removed
 */
public record Ingestion(
    EventStore store, Ingestor ingestor, IngestOptions options, boolean deleteAfter) {
  public Ingestion {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(ingestor, "ingestor");
    Objects.requireNonNull(options, "options");
  }
}
