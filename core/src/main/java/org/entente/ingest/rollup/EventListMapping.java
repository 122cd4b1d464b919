package org.entente.ingest.rollup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entente.cameo.Cameo;

/**
 * How the rows of a researcher's dated, categorised event list become events (the mapping file of
 * {@code entente import event-list}, documented in {@code docs/event-lists/README.md}). Lines are
 * {@code key = value}; {@code #} starts a comment.
 *
 * <pre>
 * source          = csis-prk-rus          default source name (--source overrides it)
 * date.column     = date                  required
 * date.format     = yyyy-MM-dd | d-MMM-yy alternatives tried in order; yy is 1950–2049;
 *                                          a format without a day gives the 1st of the month
 * id.column       = id                    optional (default: the row's line number)
 * url.column      = source_url            optional
 * category.column = category              required
 * category.X      = RUS-PRK quad=2 code=062   X a category value (case-insensitive), or * for any
 * </pre>
 *
 * A dyad {@code A>B} is directed (A acts on B); {@code A-B} is undirected and stored as an event of
 * A on B, which undirected series count once. {@code quad} is the quad class 1–4; {@code code}, the
 * CAMEO event code, defaults to 040, 060, 110 or 150 (the first code of a root of that quad under
 * GDELT's mapping), and gives the event's Goldstein weight.
 *
 * @param source the default source name, or {@code null}
 * @param dateColumn the date column
 * @param dateFormats the date patterns, tried in order
 * @param idColumn the id column, or {@code null}
 * @param urlColumn the URL column, or {@code null}
 * @param categoryColumn the category column
 * @param categories per lower-case category value (or {@code *}), its event
 */
public record EventListMapping(
    String source,
    String dateColumn,
    List<String> dateFormats,
    String idColumn,
    String urlColumn,
    String categoryColumn,
    Map<String, Target> categories) {

  /**
   * What one category becomes.
   *
   * @param actor1 the acting country
   * @param actor2 the country acted on
   * @param directed whether the dyad was written {@code A>B}
   * @param quad quad class 1–4
   * @param code CAMEO event code
   */
  public record Target(String actor1, String actor2, boolean directed, int quad, String code) {}

  private static final String[] DEFAULT_CODE = {"040", "060", "110", "150"};

  /**
   * Reads a mapping file.
   *
   * @throws IllegalArgumentException naming the file, line and problem
   * @throws IOException if the file cannot be read
   */
  public static EventListMapping read(Path file, Cameo cameo) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, String> keys = new LinkedHashMap<>();
    Map<String, Target> categories = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      int hash = l.indexOf('#');
      String t = (hash >= 0 ? l.substring(0, hash) : l).strip();
      if (t.isEmpty()) {
        continue;
      }
      int eq = t.indexOf('=');
      if (eq <= 0) {
        throw bad(file, i, "expected key = value, found '" + t + "'");
      }
      String key = t.substring(0, eq).strip();
      String value = t.substring(eq + 1).strip();
      if (key.startsWith("category.") && !key.equals("category.column")) {
        String cat = key.substring("category.".length()).strip().toLowerCase(Locale.ROOT);
        try {
          if (categories.put(cat, target(value, cameo)) != null) {
            throw new IllegalArgumentException("category '" + cat + "' is mapped twice");
          }
        } catch (IllegalArgumentException e) {
          throw bad(file, i, e.getMessage());
        }
      } else if (List.of(
              "source", "date.column", "date.format", "id.column", "url.column", "category.column")
          .contains(key)) {
        if (keys.put(key, value) != null) {
          throw bad(file, i, "key '" + key + "' is given twice");
        }
      } else {
        throw bad(file, i, "unknown key '" + key + "'");
      }
    }
    for (String k : List.of("date.column", "category.column")) {
      if (!keys.containsKey(k)) {
        throw new IllegalArgumentException(file + ": the mapping has no '" + k + "'");
      }
    }
    if (categories.isEmpty()) {
      throw new IllegalArgumentException(
          file + ": the mapping maps no category (category.X = ...)");
    }
    List<String> formats = new ArrayList<>();
    for (String f : keys.getOrDefault("date.format", "yyyy-MM-dd").split("\\|")) {
      formats.add(f.strip());
      try {
        formatter(f.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            file + ": date.format '" + f.strip() + "' is not a date pattern: " + e.getMessage());
      }
    }
    return new EventListMapping(
        keys.get("source"),
        keys.get("date.column"),
        formats,
        keys.get("id.column"),
        keys.get("url.column"),
        keys.get("category.column"),
        categories);
  }

  private static IllegalArgumentException bad(Path file, int index, String problem) {
    return new IllegalArgumentException(file + ", line " + (index + 1) + ": " + problem);
  }

  private static Target target(String value, Cameo cameo) {
    String[] parts = value.split("\\s+");
    String dyad = parts[0];
    boolean directed = dyad.contains(">");
    String[] ab = dyad.split(directed ? ">" : "-");
    if (ab.length != 2
        || !cameo.isCountry(ab[0])
        || !cameo.isCountry(ab[1])
        || ab[0].equals(ab[1])) {
      throw new IllegalArgumentException(
          "'" + dyad + "' is not a dyad of two country codes (A>B or A-B)");
    }
    Integer quad = null;
    String code = null;
    for (int k = 1; k < parts.length; k++) {
      if (parts[k].startsWith("quad=")) {
        String q = parts[k].substring(5);
        if (!q.matches("[1-4]")) {
          throw new IllegalArgumentException("quad must be 1, 2, 3 or 4, found '" + q + "'");
        }
        quad = Integer.parseInt(q);
      } else if (parts[k].startsWith("code=")) {
        code = parts[k].substring(5);
      } else {
        throw new IllegalArgumentException(
            "expected quad=N or code=CAMEO after the dyad, found '" + parts[k] + "'");
      }
    }
    if (quad == null) {
      throw new IllegalArgumentException("the category has no quad=N");
    }
    code = code == null ? DEFAULT_CODE[quad - 1] : code;
    if (!code.matches("[0-9]{3,4}") || !cameo.isEventCode(code)) {
      throw new IllegalArgumentException("'" + code + "' is not a CAMEO event code");
    }
    return new Target(ab[0], ab[1], directed, quad, code);
  }

  /** The target of a category value, or {@code null} if neither it nor {@code *} is mapped. */
  public Target target(String category) {
    Target t = category == null ? null : categories.get(category.strip().toLowerCase(Locale.ROOT));
    return t != null ? t : categories.get("*");
  }

  /**
   * Parses a date with the mapping's formats.
   *
   * @throws DateTimeParseException if no format reads it
   */
  public LocalDate date(String text) {
    DateTimeParseException last = null;
    for (String f : dateFormats) {
      try {
        return LocalDate.from(formatter(f).parse(text.strip()));
      } catch (DateTimeParseException e) {
        last = e;
      }
    }
    throw last;
  }

  /**
   * A formatter for a pattern of {@code y}, {@code M} and {@code d} letters: a trailing two-letter
   * year reads 1950–2049; a pattern without a day reads the 1st of the month.
   */
  static DateTimeFormatter formatter(String pattern) {
    DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
    String p = pattern.replace('y', 'u');
    if (p.endsWith("uu") && !p.endsWith("uuu")) {
      b.appendPattern(p.substring(0, p.length() - 2));
      b.appendValueReduced(ChronoField.YEAR, 2, 2, 1950);
    } else {
      b.appendPattern(p);
    }
    if (!pattern.contains("d")) {
      b.parseDefaulting(ChronoField.DAY_OF_MONTH, 1);
    }
    return b.toFormatter(Locale.ENGLISH).withResolverStyle(java.time.format.ResolverStyle.STRICT);
  }
}
