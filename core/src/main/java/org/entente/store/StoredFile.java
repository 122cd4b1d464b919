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
    implements java.io.Serializable {

  private static final java.time.format.DateTimeFormatter SECONDS =
      java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  /**
   * When the file was ingested, to the second and always with the seconds ({@code
   * LocalDateTime.toString()} drops {@code :00}), as {@code info} and the API print it; null when
   * unknown.
   */
  public String ingestedText() {
    return ingestedAt == null ? null : SECONDS.format(ingestedAt);
  }
}
