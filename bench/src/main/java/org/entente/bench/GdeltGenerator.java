package org.entente.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a synthetic but realistic GDELT 2.0 events export for the ingest benchmark: 61
 * TAB-separated fields per row, LF line ends, no header, UTF-8, the real column semantics (GDELT
 * 2.0 codebook, {@code shared/data/gdelt-schema-gdeltPyR}). Every row is drawn afresh, so a reader
 * cannot profit from repetition.
 *
 * <p>Distributions come from frequency tables bundled under {@code org/entente/bench/}, counted
 * once on the real samples {@code gdelt-v2-export-arekziobrowski/20191024143000.export.CSV} (GDELT
 * 2.0, 2,111 rows) and {@code gdelt-v1-events-reed9999/events.csv} (GDELT 1.0, 710 rows); each
 * file's header comment says what was counted. They hold counts and lookup facts only, no sample
 * rows:
 *
 * <ul>
 *   <li>{@code event-code-frequencies.tsv}: EventCode weights (133 codes) with the Goldstein value
 *       of the GDELT lookup {@code CAMEO.goldsteinscale.txt}; base and root code are prefixes and
 *       QuadClass follows GDELT's mapping (roots 01-05 → 1, 06-09 → 2, 10-14 → 3, 15-20 → 4).
 *   <li>{@code actor-country-frequencies.tsv}, {@code actor-type-frequencies.tsv}, {@code
 *       actor-pair-states.tsv}: actor countries (about 55% of actor slots have one), type codes,
 *       and the joint presence of the two actors, including same-country (domestic) pairs. With
 *       these, about 1.7% of rows have two different countries among RUS, PRK, CHN, USA, KOR, JPN
 *       (1.56% in the real samples).
 *   <li>{@code geo-country-frequencies.tsv}, {@code geo-type-frequencies.tsv}: location countries
 *       (FIPS 10-4) with GDELT's country centroids, and Geo_Type weights; city and state names are
 *       invented ({@link SyntheticGazetteer}).
 *   <li>{@code mention-count-frequencies.tsv}: joint (NumMentions, NumSources, NumArticles).
 *   <li>{@code generator-parameters.tsv}: IsRootEvent share, same-article runs, AvgTone mean and
 *       SD, back-dated SQLDATE shares, location-country shares.
 * </ul>
 *
 * <p>DATEADDED runs through the year starting {@link #FIRST_DAY} in 15-minute steps, GLOBALEVENTID
 * counts up from 1,100,000,000; both increase with the row. The only source of randomness is a
 * {@link java.util.SplittableRandom} seeded with {@code seed} (and streams derived from it), so the
 * same arguments give a byte-identical file. The file is gzip-compressed when its name ends in
 * {@code .gz}. Thread-safe: calls share nothing mutable.
 */
public final class GdeltGenerator {

  /** First day of the DATEADDED year (UTC); the file covers this day and the 364 after it. */
  public static final LocalDate FIRST_DAY = GdeltRowWriter.FIRST_DAY;

  /** Rows between two progress calls. */
  public static final long PROGRESS_INTERVAL = 100_000;

  private static final int BUFFER_BYTES = 1 << 20;

  private GdeltGenerator() {}

  /**
   * What {@link #write} produced.
   *
   * @param rows rows written
   * @param seed the seed used
   * @param uncompressedBytes bytes of the TSV text
   * @param fileBytes size of the file on disk (equals {@code uncompressedBytes} unless gzipped)
   * @param elapsedNanos wall time of the whole call, closing the file included
   */
  public record Stats(
      long rows, long seed, long uncompressedBytes, long fileBytes, long elapsedNanos) {

    /** Rows per second of wall time. */
    public double rowsPerSecond() {
      return rows * 1e9 / Math.max(1, elapsedNanos);
    }

    /** Uncompressed megabytes (10^6 bytes) per second of wall time. */
    public double megabytesPerSecond() {
      return uncompressedBytes * 1e3 / Math.max(1, elapsedNanos);
    }
  }

  /**
   * Writes {@code rows} synthetic GDELT 2.0 event rows to {@code file}, replacing it if it exists.
   *
   * @param file target file; gzip-compressed when the name ends in {@code .gz} (any case); its
   *     directory must exist
   * @param rows number of rows, {@code >= 0}
   * @param seed seed of all randomness; same arguments give the same bytes
   * @param progress called with the number of rows written so far every {@link #PROGRESS_INTERVAL}
   *     rows and once at the end, on the calling thread; not null
   * @return counts and timing
   * @throws IllegalArgumentException if {@code rows < 0}
   * @throws IOException if the file cannot be written
   */
  public static Stats write(Path file, long rows, long seed, LongConsumer progress)
      throws IOException {
    return write(file, rows, seed, progress, PROGRESS_INTERVAL);
  }

  /** {@link #write(Path, long, long, LongConsumer)} reporting every {@code interval} rows. */
  static Stats write(Path file, long rows, long seed, LongConsumer progress, long interval)
      throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(progress, "progress");
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, got " + rows);
    }
    if (interval <= 0) {
      throw new IllegalArgumentException("interval must be > 0, got " + interval);
    }
    long start = System.nanoTime();
    boolean gzip = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    long uncompressed;
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out =
            gzip ? new GZIPOutputStream(new BufferedOutputStream(raw, 1 << 16), 1 << 16) : raw) {
      RowBuffer buffer = new RowBuffer(out, BUFFER_BYTES);
      if (rows > 0) {
        GdeltRowWriter writer = new GdeltRowWriter(buffer, rows, seed);
        for (long i = 0; i < rows; i++) {
          writer.writeRow(i);
          if ((i + 1) % interval == 0 && i + 1 < rows) {
            progress.accept(i + 1);
          }
        }
      }
      buffer.flush();
      uncompressed = buffer.bytesWritten();
    }
    progress.accept(rows);
    return new Stats(rows, seed, uncompressed, Files.size(file), System.nanoTime() - start);
  }

  /** {@link #write(Path, long, long, LongConsumer)} without progress reports. */
  public static Stats write(Path file, long rows, long seed) throws IOException {
    return write(file, rows, seed, n -> {});
  }
}
