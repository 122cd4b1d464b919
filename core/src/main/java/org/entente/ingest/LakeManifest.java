package org.entente.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * One load's entry in the manifest of a Spark engine lake ({@code LAKE/_manifest/NNNNNN.json}, see
 * {@code docs/spark.md}): the input file as ingested, its counts, and the lake's data files that
 * hold its rows (relative to the lake). The Spark engine writes it; {@link LakeImporter} reads it
 * to import a lake into the embedded store.
 */
public record LakeManifest(
    int fileId,
    String path,
    long bytes,
    String checksum,
    String format,
    String ingestedAt,
    long rowsRead,
    long rowsStored,
    long rowsRejected,
    long rowsDuplicate,
    long rowsFiltered,
    String actorFilter,
    List<String> eventFiles,
    List<String> rejectFiles,
    List<String> chronologyFiles) {

  /** The file that marks a directory as a lake. */
  public static final String MARKER = "_entente_lake";

  /** The lake's directory of manifest entries. */
  public static final String DIRECTORY = "_manifest";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads an entry.
   *
   * @throws IOException if it cannot be read or is not an entry
   */
  public static LakeManifest read(InputStream in) throws IOException {
    return JSON.readValue(in, LakeManifest.class);
  }

  /** Writes this entry as JSON. */
  public void write(OutputStream out) throws IOException {
    JSON.writeValue(out, this);
  }
}
