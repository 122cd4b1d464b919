package org.entente.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The frequency tables bundled under {@code org/entente/bench/}, read once. Each file starts with
 * {@code #} comment lines saying how its counts were derived from the real GDELT samples, then a
 * header line, then TAB-separated rows. Immutable and thread-safe once loaded.
 */
final class GdeltTables {

  /** A CAMEO event code, its weight (rows observed) and its Goldstein value as GDELT writes it. */
  record EventCode(String code, long weight, String goldstein) {}

  /** A CAMEO actor country; {@code fips} is {@code null} for regions (AFR, EUR, ...). */
  record ActorCountry(String code, long weight, String fips, String name) {}

  /** A CAMEO actor type; {@code type} and {@code label} are {@code null} for "no type". */
  record ActorType(String type, long withCountry, long withoutCountry, String label) {}

  /** Joint state of the two actors: 'C' country, 'T' code only, '-' absent, '=' same country. */
  record PairState(char actor1, char actor2, long weight) {}

  /** A FIPS 10-4 geo country with the centroid GDELT uses for it, as written in GDELT. */
  record GeoCountry(String fips, long weight, String lat, String lon, String name) {}

  /** Weights of a Geo_Type (1..5) for locations in the US and elsewhere. */
  record GeoType(int type, long us, long other) {}

  /** A joint (NumMentions, NumSources, NumArticles) triple. */
  record MentionCounts(int mentions, int sources, int articles, long weight) {}

  final List<EventCode> eventCodes;
  final List<ActorCountry> actorCountries;
  final List<ActorType> actorTypes;
  final List<PairState> pairStates;
  final List<GeoCountry> geoCountries;
  final List<GeoType> geoTypes;
  final List<MentionCounts> mentionCounts;
  private final Map<String, Double> parameters;

  private static volatile GdeltTables instance;

  private GdeltTables() {
    eventCodes = new ArrayList<>();
    for (String[] r : readTsv("event-code-frequencies.tsv", 3)) {
      eventCodes.add(new EventCode(r[0], Long.parseLong(r[1]), r[2]));
    }
    actorCountries = new ArrayList<>();
    for (String[] r : readTsv("actor-country-frequencies.tsv", 4)) {
      actorCountries.add(new ActorCountry(r[0], Long.parseLong(r[1]), dash(r[2]), r[3]));
    }
    actorTypes = new ArrayList<>();
    for (String[] r : readTsv("actor-type-frequencies.tsv", 4)) {
      actorTypes.add(
          new ActorType(dash(r[0]), Long.parseLong(r[1]), Long.parseLong(r[2]), dash(r[3])));
    }
    pairStates = new ArrayList<>();
    for (String[] r : readTsv("actor-pair-states.tsv", 3)) {
      pairStates.add(new PairState(r[0].charAt(0), r[1].charAt(0), Long.parseLong(r[2])));
    }
    geoCountries = new ArrayList<>();
    for (String[] r : readTsv("geo-country-frequencies.tsv", 5)) {
      geoCountries.add(new GeoCountry(r[0], Long.parseLong(r[1]), r[2], r[3], r[4]));
    }
    geoTypes = new ArrayList<>();
    for (String[] r : readTsv("geo-type-frequencies.tsv", 3)) {
      geoTypes.add(new GeoType(Integer.parseInt(r[0]), Long.parseLong(r[1]), Long.parseLong(r[2])));
    }
    mentionCounts = new ArrayList<>();
    for (String[] r : readTsv("mention-count-frequencies.tsv", 4)) {
      mentionCounts.add(
          new MentionCounts(
              Integer.parseInt(r[0]),
              Integer.parseInt(r[1]),
              Integer.parseInt(r[2]),
              Long.parseLong(r[3])));
    }
    parameters = new HashMap<>();
    for (String[] r : readTsv("generator-parameters.tsv", 3)) {
      parameters.put(r[0], Double.parseDouble(r[1]));
    }
  }

  /** The tables, loaded on first use. */
  static GdeltTables get() {
    GdeltTables t = instance;
    if (t == null) {
      synchronized (GdeltTables.class) {
        t = instance;
        if (t == null) {
          t = new GdeltTables();
          instance = t;
        }
      }
    }
    return t;
  }

  /**
   * A scalar from {@code generator-parameters.tsv}.
   *
   * @throws IllegalStateException if the resource lacks it
   */
  double parameter(String name) {
    Double v = parameters.get(name);
    if (v == null) {
      throw new IllegalStateException("generator-parameters.tsv has no parameter " + name);
    }
    return v;
  }

  private static String dash(String s) {
    return "-".equals(s) ? null : s;
  }

  /**
   * Reads a bundled TSV: skips {@code #} lines and the header line, checks the field count.
   *
   * @throws UncheckedIOException if the resource is missing or unreadable
   * @throws IllegalStateException if a row has the wrong number of fields
   */
  static List<String[]> readTsv(String name, int fields) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = GdeltTables.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new UncheckedIOException(
            new IOException("missing resource org/entente/bench/" + name));
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      boolean header = true;
      int lineNo = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNo++;
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] r = line.split("\t", -1);
        if (r.length != fields) {
          throw new IllegalStateException(
              name + " line " + lineNo + ": expected " + fields + " fields, found " + r.length);
        }
        rows.add(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource org/entente/bench/" + name, e);
    }
    return rows;
  }
}
