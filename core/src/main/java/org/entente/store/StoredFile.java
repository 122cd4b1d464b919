package org.entente.store;

import java.time.LocalDateTime;

/**
 * A file in the store's manifest of ingested files. Serializable: an engine ships the entries a
 * file might match to where it parses the file (the Spark engine's executors).
 */
public record StoredFile(
    int fileId,
    String path,
    long bytes,
    String checksum,
    String format,
    LocalDateTime ingestedAt,
    long rowsRead,
    long rowsStored,
    long rowsRejected,
    long rowsDuplicate,
    long rowsFiltered,
    String actorFilter)
    implements java.io.Serializable {}
