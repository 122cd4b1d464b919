package org.entente.ingest.icews;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.entente.cameo.Cameo;
import org.entente.cameo.CameoEventType;
import org.entente.cameo.QuadMapping;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.ActorResolver;
import org.entente.ingest.Fields;
import org.entente.ingest.RowParser;
import org.entente.ingest.RowRejected;
import org.entente.ingest.RowSink;
import org.entente.model.Event;

/**
 * ICEWS coded event files: TAB-separated with a header row ({@code Event ID}, {@code Event Date},
 * {@code Source Name}, {@code Source Sectors}, {@code Source Country}, ..., {@code CAMEO Code},
 * {@code Intensity}, ...); {@code NA} or empty for missing values.
 *
 * <p>Normalisation (METHODS §1.2–1.4): country names map to CAMEO codes through the bundled table
 * (North Korea → PRK, South Korea → KOR: never confused); Goldstein comes from the CAMEO table and
 * the quad class from the root code under the chosen mapping (GDELT's by default), while ICEWS's
 * own {@code Intensity} is kept in {@code intensity}. The actor type is derived from the sectors:
 * An actor without a country (or with a name the table lacks) is resolved through the actor
 * registry by its name ("Kim Jong-Un" → PRK). MIL if a sector names the military, else GOV if one
 * names a government body (executive, cabinet, ministries, legislature, judiciary), else none. The
 * actor code is the country code followed by that type (e.g. {@code PRKGOV}). An unknown country
 * name rejects the row rather than losing the actor.
 */
public final class IcewsParser implements RowParser {
  private static final String[] REQUIRED = {
    "event id", "event date", "source country", "cameo code", "target country"
  };
  private final Cameo cameo;
  private final ActorResolver actors;
  private final ActorFilter filter;
  private final QuadMapping quadMapping;
  private final int columns;
  private final int id;
  private final int date;
  private final int srcName;
  private final int tgtName;
  private final int srcSectors;
  private final int srcCountry;
  private final int code;
  private final int intensity;
  private final int tgtSectors;
  private final int tgtCountry;
  private final String[] f;
  private final org.entente.ingest.ObservedMonths observed =
      new org.entente.ingest.ObservedMonths();

  /**
   * @throws IllegalArgumentException naming a required column the header lacks
   */
  public IcewsParser(
      Cameo cameo,
      ActorResolver actors,
      ActorFilter filter,
      QuadMapping quadMapping,
      String header) {
    this.cameo = cameo;
    this.actors = actors;
    this.filter = filter;
    this.quadMapping = quadMapping;
    String[] names = header.split("\t", -1);
    columns = names.length;
    Map<String, Integer> pos = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      pos.putIfAbsent(names[i].strip().toLowerCase(Locale.ROOT), i);
    }
    for (String r : REQUIRED) {
      if (!pos.containsKey(r)) {
        throw new IllegalArgumentException("the ICEWS header has no column '" + r + "'");
      }
    }
    id = pos.get("event id");
    date = pos.get("event date");
    srcName = pos.getOrDefault("source name", -1);
    tgtName = pos.getOrDefault("target name", -1);
    srcSectors = pos.getOrDefault("source sectors", -1);
    srcCountry = pos.get("source country");
    code = pos.get("cameo code");
    intensity = pos.getOrDefault("intensity", -1);
    tgtSectors = pos.getOrDefault("target sectors", -1);
    tgtCountry = pos.get("target country");
    f = new String[columns];
  }

  /** Whether a first line looks like an ICEWS header. */
  public static boolean looksLikeHeader(String firstLine) {
    String l = firstLine.toLowerCase(Locale.ROOT);
    return l.startsWith("event id\t") && l.contains("\tcameo code");
  }

  @Override
  public void parse(byte[] b, int start, int end, long line, RowSink sink) {
    String text = Fields.utf8OrReject(b, start, end, line, sink);
    if (text == null) {
      return;
    }
    int n = 0;
    int s = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\t') {
        if (n < columns) {
          String v = text.substring(s, i).strip();
          f[n] = v.isEmpty() || v.equals("NA") ? null : v;
        }
        n++;
        s = i + 1;
      }
    }
    if (n != columns) {
      sink.reject(
          line,
          "bad column count",
          "expected " + columns + " tab-separated columns as in the header, found " + n,
          b,
          start,
          end);
      return;
    }
    try {
      String c1 = country(f[srcCountry], srcName < 0 ? null : f[srcName], "Source Country");
      String c2 = country(f[tgtCountry], tgtName < 0 ? null : f[tgtName], "Target Country");
      if (!filter.keeps(c1, c2)) {
        java.time.YearMonth month = Fields.monthOf(f[date], true);
        if (month != null && !observed.seen("icews", month)) {
          // the month's first left-out row, parsed in full: an invalid row observes no month
          month = observed.check("icews", month, () -> toEvent(c1, c2));
        }
        sink.filtered("icews", month);
        return;
      }
      sink.event(toEvent(c1, c2), line);
    } catch (RowRejected r) {
      sink.reject(line, r.reason(), r.detail(), b, start, end);
    }
  }

  private Event toEvent(String c1, String c2) throws RowRejected {
    String eventId = f[id];
    if (eventId == null) {
      throw new RowRejected("bad event id", "Event ID is empty");
    }
    if (!Fields.plainId(eventId)) {
      throw new RowRejected(
          "bad event id", "Event ID '" + eventId + "' holds digits of another script or controls");
    }
    LocalDate d = Fields.isoDate(f[date], "Event Date");
    String c = f[code];
    CameoEventType t = Fields.eventCode(cameo, c, null, null, "CAMEO Code");
    String type1 = type(srcSectors < 0 ? null : f[srcSectors]);
    String type2 = type(tgtSectors < 0 ? null : f[tgtSectors]);
    Double own = intensity < 0 ? null : Fields.number(f[intensity], "Intensity");
    return new Event(
        "icews",
        eventId,
        d,
        actorCode(c1, type1),
        c1,
        type1,
        actorCode(c2, type2),
        c2,
        type2,
        c,
        Fields.baseOf(c),
        t.root(),
        quadMapping.quadOf(t.root()),
        cameo.goldstein(c),
        null,
        null,
        null,
        null,
        null,
        null,
        own);
  }

  /**
   * The CAMEO code of a country name; for a missing or unknown name, the state the actor's own name
   * resolves to in the registry; a country name neither knows rejects the row.
   */
  private String country(String name, String actorName, String column) throws RowRejected {
    if (name == null) {
      return actorName == null ? null : actors.stateOf(actorName).orElse(null);
    }
    java.util.Optional<String> c = cameo.countryCodeForName(name);
    if (c.isEmpty()) {
      c = actors.stateOf(name);
    }
    return c.map(Cameo::normaliseCountry)
        .orElseThrow(() -> new RowRejected("unknown country", column + ": '" + name + "'"));
  }

  private static String actorCode(String country, String type) {
    if (country == null) {
      return null;
    }
    return type == null ? country : country + type;
  }

  /** CAMEO actor type from ICEWS sectors (comma-separated). */
  static String type(String sectors) {
    if (sectors == null) {
      return null;
    }
    boolean gov = false;
    for (String raw : sectors.split(",")) {
      String s = raw.strip().toLowerCase(Locale.ROOT);
      if ((s.contains("military") && !s.contains("paramilitary"))
          || s.equals("army")
          || s.equals("navy")
          || s.equals("air force")
          || s.equals("marines")) {
        return "MIL";
      }
      if (s.equals("government")
          || s.startsWith("executive")
          || s.equals("cabinet")
          || s.endsWith("ministry")
          || s.startsWith("legislative")
          || s.equals("upper house")
          || s.equals("lower house")
          || s.equals("judicial")) {
        gov = true;
      }
    }
    return gov ? "GOV" : null;
  }

  @Override
  public String formatName() {
    return quadMapping == QuadMapping.GDELT ? "icews" : "icews(quad:icews)";
  }
}
