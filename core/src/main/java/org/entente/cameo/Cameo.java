package org.entente.cameo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CAMEO reference bundled in the jar: event codes with Goldstein weights and quad classes, and
 * actor country codes with names and the aliases ICEWS uses. Immutable and thread-safe; load once
 * with {@link #bundled()}.
 *
 * <p>Sources of the facts: the CAMEO codebook (Schrodt 2012), Goldstein (1992, JCR 36(2)) as
 * tabulated in GDELT's lookup tables, and ICEWS's country names. {@code CameoTest} checks the table
 * against GDELT's published lookups when {@code ../shared/data} is present.
 */
public final class Cameo {
  private static final String EVENTS = "/org/entente/cameo/event-codes.tsv";
  private static final String COUNTRIES = "/org/entente/cameo/countries.tsv";
  private static volatile Cameo bundled;

  private final Map<String, CameoEventType> events;
  private final Map<String, String> countryNames;
  private final Map<String, String> codeByName;

  private Cameo(
      Map<String, CameoEventType> events,
      Map<String, String> countryNames,
      Map<String, String> codeByName) {
    this.events = Collections.unmodifiableMap(events);
    this.countryNames = Collections.unmodifiableMap(countryNames);
    this.codeByName = Collections.unmodifiableMap(codeByName);
  }

  /** The reference bundled in the jar (loaded on first use). */
  public static Cameo bundled() {
    Cameo c = bundled;
    if (c == null) {
      synchronized (Cameo.class) {
        c = bundled;
        if (c == null) {
          c = load();
          bundled = c;
        }
      }
    }
    return c;
  }

  private static Cameo load() {
    Map<String, CameoEventType> events = new LinkedHashMap<>();
    for (String[] f : readTsv(EVENTS, 5)) {
      events.put(
          f[0],
          new CameoEventType(f[0], f[1], Double.parseDouble(f[2]), Integer.parseInt(f[3]), f[4]));
    }
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, String> byName = new LinkedHashMap<>();
    for (String[] f : readTsv(COUNTRIES, 2)) {
      names.put(f[0], f[1]);
      byName.putIfAbsent(f[1].toLowerCase(Locale.ROOT), f[0]);
      if (f.length > 2 && !f[2].isEmpty()) {
        for (String alias : f[2].split(";")) {
          byName.putIfAbsent(alias.trim().toLowerCase(Locale.ROOT), f[0]);
        }
      }
    }
    return new Cameo(events, names, byName);
  }

  private static java.util.List<String[]> readTsv(String resource, int minFields) {
    java.util.List<String[]> rows = new java.util.ArrayList<>();
    try (InputStream in = Cameo.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled resource missing: " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      boolean header = true;
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length < minFields) {
          throw new IllegalStateException(resource + ": malformed line: " + line);
        }
        rows.add(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** The event type of exactly this code, if the table has it. */
  public Optional<CameoEventType> event(String code) {
    return Optional.ofNullable(code == null ? null : events.get(code));
  }

  /** Whether the table lists exactly this code. */
  public boolean isEventCode(String code) {
    return code != null && events.containsKey(code);
  }

  /** All event codes in table order. */
  public java.util.Collection<CameoEventType> eventTypes() {
    return events.values();
  }

  /**
   * Goldstein weight of a code: the full code, else its three-digit base code, else its root
   * (METHODS §1.3).
   *
   * @throws IllegalArgumentException if neither the code nor its base or root is known
   */
  public double goldstein(String code) {
    CameoEventType t = events.get(code);
    if (t == null && code != null && code.length() > 3) {
      t = events.get(code.substring(0, 3));
    }
    if (t == null && code != null && code.length() >= 2) {
      t = events.get(code.substring(0, 2));
    }
    if (t == null) {
      throw new IllegalArgumentException("unknown CAMEO event code: " + code);
    }
    return t.goldstein();
  }

  /** Whether {@code code} is a CAMEO actor country, region or IGO code in the table. */
  public boolean isCountry(String code) {
    return code != null && countryNames.containsKey(code);
  }

  /** English name of a country code, if known. */
  public Optional<String> countryName(String code) {
    return Optional.ofNullable(countryNames.get(code));
  }

  /** All country codes with their names, in table order. */
  public Map<String, String> countries() {
    return countryNames;
  }

  /**
   * The CAMEO code for a country name or alias (case-insensitive), e.g. "North Korea" → PRK,
   * "Republic of Korea" → KOR, "Russian Federation" → RUS.
   */
  public Optional<String> countryCodeForName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(codeByName.get(name.trim().toLowerCase(Locale.ROOT)));
  }

  /**
   * Normalises a country code from an event source: historical codes map to their successors (SUN,
   * the USSR, → RUS, SYSTEM.md); anything else is returned unchanged.
   */
  public static String normaliseCountry(String code) {
    return "SUN".equals(code) ? "RUS" : code;
  }

  /** The country codes {@link #normaliseCountry} replaces, with what it replaces them by. */
  public static Map<String, String> countryAliases() {
    return Map.of("SUN", "RUS");
  }
}
