package org.entente.ingest.chronology;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.entente.cameo.Cameo;
import org.entente.cameo.CameoEventType;
import org.entente.cameo.QuadMapping;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.ActorResolver;
import org.entente.ingest.Fields;
import org.entente.ingest.RowParser;
import org.entente.ingest.RowRejected;
import org.entente.ingest.RowSink;
import org.entente.model.ChronologyEntry;
import org.entente.model.Event;

/**
 * The curated chronology format: TAB-separated, UTF-8, header {@code id date precision actor1
 * actor2 code title description source tags}, optionally followed by {@code goldstein} and {@code
 * quad} columns (which must then agree with the CAMEO table) and a {@code concerns} column (the
 * state an entry is about when it is neither actor: a known actor code, or empty). Lines starting
 * with {@code #} are comments.
 *
 * <p>Validation, each failure a rejected row naming the entry: unknown actor or event code; a
 * Goldstein or quad class that disagrees with the table; a missing title or source; a duplicate id;
 * a date that does not match its precision or lies outside 1945..today; actor1 = actor2. Goldstein
 * and quad come from the table. Entries become events of source {@code entente}; states get actor
 * type GOV, so {@code --state-only} keeps them.
 */
public final class ChronologyParser implements RowParser {
  static final List<String> COLUMNS =
      List.of(
          "id",
          "date",
          "precision",
          "actor1",
          "actor2",
          "code",
          "title",
          "description",
          "source",
          "tags");
  private static final int MIN_YEAR = 1945;
  private final Cameo cameo;
  private final ActorResolver actors;
  private final ActorFilter filter;
  private final LocalDate today;
  private final int columns;
  private final int goldsteinCol;
  private final int quadCol;
  private final int concernsCol;
  private final Set<String> ids = new HashSet<>();

  /**
   * @throws IllegalArgumentException if the header is not the chronology header
   */
  public ChronologyParser(Cameo cameo, ActorResolver actors, ActorFilter filter, String header) {
    this(cameo, actors, filter, header, LocalDate.now());
  }

  /** As above with an explicit "today" for the date check. */
  public ChronologyParser(
      Cameo cameo, ActorResolver actors, ActorFilter filter, String header, LocalDate today) {
    this.cameo = cameo;
    this.actors = actors;
    this.filter = filter;
    this.today = today;
    String[] h = header.split("\t", -1);
    if (h.length < COLUMNS.size() || !Arrays.asList(h).subList(0, COLUMNS.size()).equals(COLUMNS)) {
      throw new IllegalArgumentException(
          "the chronology header must start with: " + String.join(" ", COLUMNS));
    }
    Map<String, Integer> extra = new HashMap<>();
    for (int i = COLUMNS.size(); i < h.length; i++) {
      extra.put(h[i].strip().toLowerCase(Locale.ROOT), i);
    }
    columns = h.length;
    goldsteinCol = extra.getOrDefault("goldstein", -1);
    quadCol = extra.getOrDefault("quad", -1);
    concernsCol = extra.getOrDefault("concerns", -1);
  }

  /** Whether a first line is the chronology header. */
  public static boolean looksLikeHeader(String firstLine) {
    return firstLine.startsWith("id\tdate\tprecision\tactor1\tactor2\tcode\t");
  }

  @Override
  public void parse(byte[] b, int start, int end, long line, RowSink sink) {
    if (end == start || b[start] == '#') {
      sink.skipped();
      return;
    }
    if (!Fields.isUtf8(b, start, end)) {
      sink.reject(line, "invalid UTF-8", "the entry is not valid UTF-8", b, start, end);
      return;
    }
    String text = new String(b, start, end - start, StandardCharsets.UTF_8);
    String[] f = text.split("\t", -1);
    String id = f.length > 0 ? f[0].strip() : "";
    try {
      if (f.length != columns) {
        throw new RowRejected(
            "bad column count",
            "entry '" + id + "': expected " + columns + " tab-separated fields, found " + f.length);
      }
      ChronologyEntry e = entry(f);
      if (!ids.add(e.id())) {
        throw new RowRejected("duplicate id", "entry '" + e.id() + "' appears more than once");
      }
      if (!filter.keeps(e.actor1(), e.actor2())) {
        sink.filtered();
        return;
      }
      sink.entry(e, toEvent(e), line);
    } catch (RowRejected r) {
      sink.reject(line, r.reason(), r.detail(), b, start, end);
    }
  }

  /** Validates one entry's fields (split on TAB) and builds it. */
  ChronologyEntry entry(String[] f) throws RowRejected {
    String id = f[0].strip();
    if (!ID.matcher(id).matches()) {
      throw new RowRejected(
          "bad id", "entry '" + id + "': ids are lower-case letters, digits and hyphens");
    }
    String where = "entry '" + id + "': ";
    String precision = f[2].strip();
    LocalDate date = date(f[1].strip(), precision, where);
    String a1 = actor(f[3].strip(), where, "actor1");
    String a2 = actor(f[4].strip(), where, "actor2");
    if (a1.equals(a2)) {
      throw new RowRejected("same actor", where + "actor1 and actor2 are both " + a1);
    }
    String code = f[5].strip();
    CameoEventType t = cameo.event(code).orElse(null);
    if (t == null) {
      throw new RowRejected("unknown event code", where + "code '" + code + "'");
    }
    int quad = QuadMapping.GDELT.quadOf(t.root());
    if (goldsteinCol >= 0 && !f[goldsteinCol].isBlank()) {
      Double g = Fields.number(f[goldsteinCol].strip(), where + "goldstein");
      if (g == null || Math.abs(g - t.goldstein()) > 1e-9) {
        throw new RowRejected(
            "goldstein disagrees with table",
            where
                + "goldstein "
                + f[goldsteinCol]
                + " but the CAMEO table gives "
                + t.goldstein()
                + " for "
                + code);
      }
    }
    if (quadCol >= 0
        && !f[quadCol].isBlank()
        && !f[quadCol].strip().equals(Integer.toString(quad))) {
      throw new RowRejected(
          "quad disagrees with table",
          where + "quad " + f[quadCol] + " but root " + t.root() + " gives " + quad);
    }
    String title = f[6].strip();
    String source = f[8].strip();
    if (title.isEmpty()) {
      throw new RowRejected("missing title", where + "the title is empty");
    }
    if (source.isEmpty()) {
      throw new RowRejected("missing source", where + "every entry needs a source");
    }
    List<String> tags =
        Arrays.stream(f[9].split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    String concerns =
        concernsCol < 0 || f[concernsCol].isBlank()
            ? ""
            : actor(f[concernsCol].strip(), where, "concerns");
    return new ChronologyEntry(
        id,
        date,
        precision,
        a1,
        a2,
        code,
        t.goldstein(),
        quad,
        title,
        f[7].strip(),
        source,
        tags,
        concerns);
  }

  // compiled once: String.matches compiled each pattern again for every entry (two per entry, a
  // noticeable share of reading the ~800 bundled entries at every command's start)
  private static final java.util.regex.Pattern ID =
      java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final java.util.regex.Pattern DAY =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final java.util.regex.Pattern MONTH =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}");
  private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("\\d{4}");

  /** The digits of v[from, to) as a number (the pattern has checked they are ASCII digits). */
  private static int number(String v, int from, int to) {
    return Integer.parseInt(v, from, to, 10);
  }

  private LocalDate date(String v, String precision, String where) throws RowRejected {
    LocalDate d;
    try {
      d =
          switch (precision) {
            case "day" ->
                DAY.matcher(v).matches()
                    ? LocalDate.of(number(v, 0, 4), number(v, 5, 7), number(v, 8, 10))
                    : null;
            case "month" ->
                MONTH.matcher(v).matches()
                    ? LocalDate.of(number(v, 0, 4), number(v, 5, 7), 1)
                    : null;
            case "year" -> YEAR.matcher(v).matches() ? LocalDate.of(number(v, 0, 4), 1, 1) : null;
            default ->
                throw new RowRejected(
                    "bad precision", where + "precision '" + precision + "' (day, month or year)");
          };
    } catch (DateTimeException e) {
      throw new RowRejected("impossible date", where + "date '" + v + "'");
    }
    if (d == null) {
      throw new RowRejected(
          "bad date", where + "date '" + v + "' does not match precision " + precision);
    }
    if (d.getYear() < MIN_YEAR || d.isAfter(today)) {
      throw new RowRejected(
          "date out of range", where + "date '" + v + "' is outside " + MIN_YEAR + ".." + today);
    }
    return d;
  }

  /** The country of an actor code; {@code where + field} names it in a rejection only. */
  private String actor(String code, String where, String field) throws RowRejected {
    String c = Cameo.normaliseCountry(code);
    if (!cameo.isCountry(c)) {
      c = actors.stateOf(code).orElse(c);
    }
    if (!cameo.isCountry(c)) {
      throw new RowRejected(
          "unknown actor", where + field + " '" + code + "' is not a CAMEO actor code");
    }
    return c;
  }

  private static Event toEvent(ChronologyEntry e) {
    String t1 = e.actor1().startsWith("IGO") ? null : "GOV";
    String t2 = e.actor2().startsWith("IGO") ? null : "GOV";
    return new Event(
        SOURCE,
        e.id(),
        e.date(),
        e.actor1() + (t1 == null ? "" : t1),
        e.actor1(),
        t1,
        e.actor2() + (t2 == null ? "" : t2),
        e.actor2(),
        t2,
        e.code(),
        Fields.baseOf(e.code()),
        e.code().substring(0, 2),
        e.quad(),
        e.goldstein(),
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** The data source name of the curated chronology's events in a store. */
  public static final String SOURCE = "chronology";

  @Override
  public String formatName() {
    return "entente";
  }
}
