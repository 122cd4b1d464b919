package org.entente.ingest.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code entente fetch gdelt} downloads and how.
 *
 * @param version 2 (15-minute files from {@code gdeltv2/masterfilelist.txt}) or 1 (daily, monthly
 *     and yearly files from {@code events/md5sums} and {@code events/filesizes})
 * @param tables {@code export} and/or {@code mentions} (GDELT 2.0 only)
 * @param from first instant, inclusive (UTC)
 * @param to last instant, inclusive (UTC)
 * @param dir where files land, mirroring the URL path
 * @param base the server; listed URLs keep their path and are resolved against it
 * @param jobs downloads at the same time, at least 1
 * @param retries further attempts after a timeout, a reset, a 5xx or a wrong checksum
 * @param connectTimeout how long a connection may take
 * @param readTimeout how long the server may stay silent (before the headers and between body
 *     bytes)
 * @param backoff the wait before the first retry; it doubles with each further one
 */
public record FetchRequest(
    int version,
    List<String> tables,
    LocalDateTime from,
    LocalDateTime to,
    Path dir,
    URI base,
    int jobs,
    int retries,
    Duration connectTimeout,
    Duration readTimeout,
    Duration backoff) {

  /** GDELT's public server. */
  public static final URI GDELT = URI.create("http://data.gdeltproject.org");

  private static final Set<String> TABLES = Set.of("export", "mentions");

  /**
   * @throws IllegalArgumentException for a version other than 1 or 2, an unknown table, mentions
   *     with GDELT 1.0, {@code from} after {@code to}, fewer than one job or negative retries
   */
  public FetchRequest {
    Objects.requireNonNull(tables, "tables");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(backoff, "backoff");
    tables = List.copyOf(tables);
    if (version != 1 && version != 2) {
      throw new IllegalArgumentException("--version must be 2 or 1, not " + version);
    }
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("--tables names no table (expected export[,mentions])");
    }
    for (String t : tables) {
      if (!TABLES.contains(t)) {
        throw new IllegalArgumentException(
            "unknown table '" + t + "' in --tables (expected export or mentions)");
      }
    }
    if (version == 1 && !tables.equals(List.of("export"))) {
      throw new IllegalArgumentException(
          "GDELT 1.0 has only the events (export) table; --tables mentions needs --version 2");
    }
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("--from " + from + " is after --to " + to);
    }
    if (jobs < 1) {
      throw new IllegalArgumentException("--jobs must be at least 1, not " + jobs);
    }
    if (retries < 0) {
      throw new IllegalArgumentException("--retries must be 0 or more, not " + retries);
    }
    String scheme = base.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new IllegalArgumentException("--base-url must be an http or https URL: " + base);
    }
  }

  /** The request with GDELT's defaults for timeouts (10 s connect, 60 s read) and backoff (1 s). */
  public static FetchRequest of(
      int version,
      List<String> tables,
      LocalDateTime from,
      LocalDateTime to,
      Path dir,
      URI base,
      int jobs,
      int retries) {
    return new FetchRequest(
        version,
        tables,
        from,
        to,
        dir,
        base,
        jobs,
        retries,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Duration.ofSeconds(1));
  }

  /** The same request with other timeouts and backoff. */
  public FetchRequest withTimeouts(Duration connect, Duration read, Duration firstBackoff) {
    return new FetchRequest(
        version, tables, from, to, dir, base, jobs, retries, connect, read, firstBackoff);
  }

  /** The same request over another range. */
  public FetchRequest withRange(LocalDateTime newFrom, LocalDateTime newTo) {
    return new FetchRequest(
        version,
        tables,
        newFrom,
        newTo,
        dir,
        base,
        jobs,
        retries,
        connectTimeout,
        readTimeout,
        backoff);
  }

  /**
   * Parses a {@code --from}/{@code --to} value: {@code YYYY-MM-DD} or {@code YYYY-MM-DDThh:mm}
   * (UTC). A bare date means the day's first minute, or for the end of a range ({@code end}) the
   * whole day.
   *
   * @throws IllegalArgumentException naming the option and the accepted forms
   */
  public static LocalDateTime parseTime(String option, String s, boolean end) {
    try {
      if (s.length() == 10) {
        LocalDate d = LocalDate.parse(s);
        return end ? d.atTime(23, 59, 59) : d.atStartOfDay();
      }
      return LocalDateTime.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option + " '" + s + "' is not a time (expected YYYY-MM-DD or YYYY-MM-DDThh:mm, UTC)");
    }
  }
}
