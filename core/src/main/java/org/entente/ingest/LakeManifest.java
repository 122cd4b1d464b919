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
 *
 * <p>{@code filteredMonths}: per event feed, the months ({@code YYYY-MM}) of the rows the actor
 * filter left out ({@link org.entente.store.FileLoad#observed}); empty for a load without them,
 * null in entries written before 2026-12, which did not record them (the months such a filtered
 * load's feed observed are then unknown).
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
    List<String> chronologyFiles,
    java.util.Map<String, List<String>> filteredMonths) {

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

  /**
   * {@code months} per feed as the manifest writes them: each feed's months as {@code YYYY-MM},
   * ascending.
   */
  public static java.util.Map<String, List<String>> monthTexts(
      java.util.Map<String, ? extends java.util.Collection<java.time.YearMonth>> months) {
    java.util.Map<String, List<String>> out = new java.util.TreeMap<>();
    months.forEach(
        (source, ms) ->
            out.put(source, ms.stream().sorted().map(java.time.YearMonth::toString).toList()));
    return out;
  }

  /**
   * {@link #filteredMonths} read back (null when this entry did not record them).
   *
   * @throws IllegalArgumentException if a month is not {@code YYYY-MM}
   */
  public java.util.Map<String, java.util.SortedSet<java.time.YearMonth>> filteredMonthSets() {
    if (filteredMonths == null) {
      return null;
    }
    java.util.Map<String, java.util.SortedSet<java.time.YearMonth>> out = new java.util.TreeMap<>();
    filteredMonths.forEach(
        (source, ms) -> {
          java.util.SortedSet<java.time.YearMonth> set = new java.util.TreeSet<>();
          for (String m : ms) {
            try {
              set.add(java.time.YearMonth.parse(m));
            } catch (java.time.format.DateTimeParseException e) {
              throw new IllegalArgumentException(
                  "manifest entry " + fileId + ": '" + m + "' is not a month (YYYY-MM)", e);
            }
          }
          out.put(source, set);
        });
    return out;
  }

  /** Writes this entry as JSON. */
  public void write(OutputStream out) throws IOException {
    JSON.writeValue(out, this);
  }
}
