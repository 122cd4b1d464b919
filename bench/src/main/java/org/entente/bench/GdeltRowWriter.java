package org.entente.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes synthetic GDELT 2.0 event rows (61 TAB-separated fields, LF) into a {@link RowBuffer}.
 *
 * <p>Model, every probability taken from the bundled tables (see {@link GdeltGenerator}):
 *
 * <ul>
 *   <li>Row {@code i} of {@code n} is added in 15-minute slot {@code floor(i * 35040 / n)} of the
 *       year starting {@link #FIRST_DAY}, so DATEADDED and GLOBALEVENTID both increase.
 *   <li>Consecutive rows belong to one article (same SOURCEURL and AvgTone) with the observed
 *       probability {@code sameArticle}; otherwise a new article starts.
 *   <li>SQLDATE is the day added, or (GDELT's back-dating artefacts) exactly a year, a month or 1-7
 *       days earlier.
 *   <li>The (Actor1, Actor2) state is drawn jointly (country / code only / absent / same country);
 *       countries are drawn from the observed marginal, two country actors of a "C C" row differ;
 *       the type code is drawn given whether the actor has a country; Actor code = country + type
 *       (e.g. RUSGOV), name = the country or the type label.
 *   <li>EventCode from the observed frequencies; base, root, QuadClass (GDELT mapping) and
 *       Goldstein follow from it. (NumMentions, NumSources, NumArticles) drawn jointly.
 *   <li>An actor's location is absent with the observed probability, else in its own country with
 *       the observed probability, else in a country drawn from the geo frequencies; Geo_Type is
 *       drawn from its observed frequencies in the US or elsewhere; ActionGeo repeats the Actor1 or
 *       Actor2 location with the observed probabilities.
 * </ul>
 *
 * Not thread-safe; one instance writes one file.
 */
final class GdeltRowWriter {

  /** First day of the DATEADDED year. */
  static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);

  /** GLOBALEVENTID of the first row. */
  static final long FIRST_ID = 1_100_000_000L;

  private static final int DAYS = 365;
  private static final int SLOTS_PER_DAY = 96;
  private static final long SLOTS = (long) DAYS * SLOTS_PER_DAY;
  private static final int BACK_DAYS = 400; // room for the one-year back-dating
  private static final int MAX_ROW_BYTES = 8192;

  private static final String[] SECTIONS =
      ("news world politics business international asia europe opinion local national economy "
              + "defence story article en")
          .split(" ");
  private static final String[] WORDS =
      ("president minister talks summit sanctions military border trade police court election "
              + "government foreign visit deal missile nuclear crisis protest security report warns "
              + "calls meets says new china russia korea japan us north south leader ties aid troops "
              + "army navy drill strike attack peace agreement plan rejects demands accuses urges backs "
              + "pledges investment economy market energy oil gas pipeline tariffs exports diplomat "
              + "embassy spy arrest charges vote parliament opposition rally workers students farmers "
              + "refugees health hospital school city state region officials week after over amid with "
              + "for against first talks joint statement response pressure relations cooperation "
              + "tensions threat alliance bilateral")
          .split(" ");
  private static final String[] TLDS =
      ("com com com com com com co.uk org net de in com.au ca ru jp co.kr cn fr it ae").split(" ");
  private static final int SITES = 3000;

  /** Actors with a code but neither country nor type: religious, ethnic and party codes. */
  private static final String[][] OTHER_ACTORS = {
    {"REL", "CLERGY", "", "", "", ""},
    {"MOS", "ISLAMIC", "", "", "MOS", ""},
    {"JEW", "JEWISH", "", "", "JEW", ""},
    {"CHRCTH", "CATHOLIC", "", "", "CHR", "CTH"},
    {"SIKREL", "SIKH", "", "", "SIK", ""},
    {"PTY", "POLITICIAN", "", "", "", ""},
    {"kur", "KURD", "", "kur", "", ""}
  };

  private static final byte[] EMPTY_ACTOR =
      "\t\t\t\t\t\t\t\t\t".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HTTPS = ascii("https://");
  private static final byte[] HTTP = ascii("http://");

  private final SplittableRandom random;
  private final RowBuffer out;
  private final long rows;
  private final long seed;
  private final GdeltTables tables;

  private final AliasSampler events;
  private final AliasSampler pairs;
  private final AliasSampler countries;
  private final AliasSampler typesWithCountry;
  private final AliasSampler typesWithoutCountry;
  private final AliasSampler usGeoTypes;
  private final AliasSampler otherGeoTypes;
  private final int[] geoTypeValues;
  private final AliasSampler geoCountries;
  private final AliasSampler mentions;

  private final byte[][] eventFields; // EventCode..GoldsteinScale (5 fields)
  private final byte[][] mentionFields; // NumMentions..NumArticles (3 fields)
  private final char[] pairActor1;
  private final char[] pairActor2;
  private final byte[][][][] countryActors; // [country][type][name variant], 10 fields
  private final byte[][] typeActors; // [type], 10 fields; null for "no type"
  private final byte[][] otherActors;
  private final int[] countryGeo; // actor country -> geo country index, -1 if none
  private final SyntheticGazetteer[] gazetteers;
  private final int usGeo;
  private final byte[][] dateFields; // [day index] SQLDATE..FractionDate (4 fields)
  private final byte[][] dayDigits; // [day index] YYYYMMDD
  private final int[] yearBefore;
  private final int[] monthBefore;
  private final byte[][] slotTimes; // HHMMSS of the 96 slots
  private final byte[][] sites;

  private final double isRootEvent;
  private final double sameArticle;
  private final double https;
  private final double toneZero;
  private final double toneMean;
  private final double toneSd;
  private final double lagYear;
  private final double lagMonth;
  private final double lagDays;
  private final double geoOwnCountry;
  private final double actionIsActor1;
  private final double actionIsActor2;
  private final double geoNoneActor1;
  private final double geoNoneActor2;
  private final double geoNoneAction;

  private final byte[] url = new byte[1024];
  private int urlLength;
  private double tone;

  GdeltRowWriter(RowBuffer out, long rows, long seed) {
    this.out = out;
    this.rows = rows;
    this.seed = seed;
    this.random = new SplittableRandom(seed);
    this.tables = GdeltTables.get();
    GdeltTables t = tables;

    int ne = t.eventCodes.size();
    long[] w = new long[ne];
    eventFields = new byte[ne][];
    for (int i = 0; i < ne; i++) {
      GdeltTables.EventCode e = t.eventCodes.get(i);
      w[i] = e.weight();
      String code = e.code();
      String base = code.length() > 3 ? code.substring(0, 3) : code;
      String root = code.substring(0, 2);
      eventFields[i] =
          ascii(code + '\t' + base + '\t' + root + '\t' + quadClass(root) + '\t' + e.goldstein());
    }
    events = new AliasSampler(w);

    List<GdeltTables.PairState> ps = t.pairStates;
    w = new long[ps.size()];
    pairActor1 = new char[ps.size()];
    pairActor2 = new char[ps.size()];
    for (int i = 0; i < ps.size(); i++) {
      w[i] = ps.get(i).weight();
      pairActor1[i] = ps.get(i).actor1();
      pairActor2[i] = ps.get(i).actor2();
    }
    pairs = new AliasSampler(w);

    List<GdeltTables.ActorType> types = t.actorTypes;
    long[] wWith = new long[types.size()];
    long[] wWithout = new long[types.size()];
    typeActors = new byte[types.size()][];
    for (int i = 0; i < types.size(); i++) {
      GdeltTables.ActorType at = types.get(i);
      wWith[i] = at.withCountry();
      wWithout[i] = at.withoutCountry();
      if (at.type() != null) {
        typeActors[i] = actorFields(at.type(), label(at), "", "", "", "", at.type());
      }
    }
    typesWithCountry = new AliasSampler(wWith);
    typesWithoutCountry = new AliasSampler(wWithout);
    otherActors = new byte[OTHER_ACTORS.length][];
    for (int i = 0; i < OTHER_ACTORS.length; i++) {
      String[] a = OTHER_ACTORS[i];
      otherActors[i] = actorFields(a[0], a[1], a[2], a[3], a[4], a[5], "");
    }

    List<GdeltTables.GeoCountry> geos = t.geoCountries;
    w = new long[geos.size()];
    int us = -1;
    for (int i = 0; i < geos.size(); i++) {
      w[i] = geos.get(i).weight();
      if ("US".equals(geos.get(i).fips())) {
        us = i;
      }
    }
    usGeo = us;
    geoCountries = new AliasSampler(w);
    gazetteers = new SyntheticGazetteer[geos.size()];

    List<GdeltTables.ActorCountry> cs = t.actorCountries;
    w = new long[cs.size()];
    countryActors = new byte[cs.size()][types.size()][][];
    countryGeo = new int[cs.size()];
    for (int i = 0; i < cs.size(); i++) {
      GdeltTables.ActorCountry c = cs.get(i);
      w[i] = c.weight();
      countryGeo[i] = -1;
      for (int g = 0; g < geos.size(); g++) {
        if (geos.get(g).fips().equals(c.fips())) {
          countryGeo[i] = g;
        }
      }
      for (int k = 0; k < types.size(); k++) {
        GdeltTables.ActorType at = types.get(k);
        if (at.type() == null) {
          countryActors[i][k] =
              concat(actorFields(c.code(), c.name(), c.code(), "", "", "", ""), null);
        } else {
          String code = c.code() + at.type();
          countryActors[i][k] =
              concat(
                  actorFields(code, c.name(), c.code(), "", "", "", at.type()),
                  actorFields(code, label(at), c.code(), "", "", "", at.type()));
        }
      }
    }
    countries = new AliasSampler(w);

    List<GdeltTables.GeoType> gts = t.geoTypes;
    long[] wUs = new long[gts.size()];
    long[] wOther = new long[gts.size()];
    geoTypeValues = new int[gts.size()];
    for (int i = 0; i < gts.size(); i++) {
      geoTypeValues[i] = gts.get(i).type();
      wUs[i] = gts.get(i).us();
      wOther[i] = gts.get(i).other();
    }
    usGeoTypes = new AliasSampler(wUs);
    otherGeoTypes = new AliasSampler(wOther);

    List<GdeltTables.MentionCounts> ms = t.mentionCounts;
    w = new long[ms.size()];
    mentionFields = new byte[ms.size()][];
    for (int i = 0; i < ms.size(); i++) {
      GdeltTables.MentionCounts m = ms.get(i);
      w[i] = m.weight();
      mentionFields[i] = ascii(m.mentions() + "\t" + m.sources() + '\t' + m.articles());
    }
    mentions = new AliasSampler(w);

    int days = BACK_DAYS + DAYS;
    dateFields = new byte[days][];
    dayDigits = new byte[days][];
    yearBefore = new int[days];
    monthBefore = new int[days];
    LocalDate origin = FIRST_DAY.minusDays(BACK_DAYS);
    for (int i = 0; i < days; i++) {
      LocalDate d = origin.plusDays(i);
      String ymd = String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
      // GDELT: YYYY.FFFF with FFFF = ((month - 1) * 30 + day) / 365, printed as a float.
      long frac = Math.round(((d.getMonthValue() - 1) * 30 + d.getDayOfMonth()) * 10_000.0 / 365);
      String fraction =
          new BigDecimal(d.getYear() * 10_000L + frac)
              .movePointLeft(4)
              .stripTrailingZeros()
              .toPlainString();
      dateFields[i] =
          ascii(ymd + '\t' + ymd.substring(0, 6) + '\t' + d.getYear() + '\t' + fraction);
      dayDigits[i] = ascii(ymd);
      yearBefore[i] = Math.max(0, i - (int) (d.toEpochDay() - d.minusYears(1).toEpochDay()));
      monthBefore[i] = Math.max(0, i - (int) (d.toEpochDay() - d.minusMonths(1).toEpochDay()));
    }
    slotTimes = new byte[SLOTS_PER_DAY][];
    for (int s = 0; s < SLOTS_PER_DAY; s++) {
      slotTimes[s] = ascii(String.format("%02d%02d00", s / 4, (s % 4) * 15));
    }

    SplittableRandom siteRandom = new SplittableRandom(seed ^ 0x5DEECE66DL);
    sites = new byte[SITES][];
    for (int i = 0; i < SITES; i++) {
      String name = SyntheticGazetteer.placeName(siteRandom).toLowerCase(Locale.ROOT);
      String kind =
          switch (siteRandom.nextInt(6)) {
            case 0 -> "times";
            case 1 -> "news";
            case 2 -> "post";
            case 3 -> "herald";
            default -> "";
          };
      String prefix = siteRandom.nextInt(4) == 0 ? "" : "www.";
      sites[i] = ascii(prefix + name + kind + '.' + TLDS[siteRandom.nextInt(TLDS.length)]);
    }

    isRootEvent = t.parameter("isRootEvent");
    sameArticle = t.parameter("sameArticle");
    https = t.parameter("httpsShare");
    toneZero = t.parameter("toneZero");
    toneMean = t.parameter("toneMean");
    toneSd = t.parameter("toneSd");
    lagYear = t.parameter("dayLagYear");
    lagMonth = t.parameter("dayLagMonth");
    lagDays = t.parameter("dayLagDays");
    geoOwnCountry = t.parameter("actorGeoOwnCountry");
    actionIsActor1 = t.parameter("actionGeoIsActor1Geo");
    actionIsActor2 = t.parameter("actionGeoIsActor2Geo");
    geoNoneActor1 = t.parameter("geoNoneActor1");
    geoNoneActor2 = t.parameter("geoNoneActor2");
    geoNoneAction = t.parameter("geoNoneAction");
  }

  /** GDELT's QuadClass for a two-digit root code: 01-05 → 1, 06-09 → 2, 10-14 → 3, 15-20 → 4. */
  static int quadClass(String root) {
    int r = Integer.parseInt(root);
    if (r < 1 || r > 20) {
      throw new IllegalArgumentException("not a CAMEO root code: " + root);
    }
    return r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4;
  }

  /** Writes row {@code i} (0-based) of the {@code rows} this writer was created for. */
  void writeRow(long i) throws IOException {
    SplittableRandom r = random;
    RowBuffer b = out;
    b.reserve(MAX_ROW_BYTES);

    long slot = i * SLOTS / rows;
    int addedDay = BACK_DAYS + (int) (slot / SLOTS_PER_DAY);
    if (i == 0 || r.nextDouble() >= sameArticle) {
      newArticle(addedDay);
    }

    // GLOBALEVENTID, SQLDATE, MonthYear, Year, FractionDate
    b.putLong(FIRST_ID + i);
    b.tab();
    double u = r.nextDouble();
    int day;
    if (u < lagYear) {
      day = yearBefore[addedDay];
    } else if (u < lagYear + lagMonth) {
      day = monthBefore[addedDay];
    } else if (u < lagYear + lagMonth + lagDays) {
      day = addedDay - 1 - r.nextInt(7);
    } else {
      day = addedDay;
    }
    b.put(dateFields[day]);
    b.tab();

    // Actor1 and Actor2 (10 fields each)
    int pair = pairs.sample(r);
    char s1 = pairActor1[pair];
    char s2 = pairActor2[pair];
    int c1 = -1;
    int c2 = -1;
    if (s1 == 'C') {
      c1 = countries.sample(r);
      putCountryActor(c1);
    } else if (s1 == 'T') {
      putTypeActor();
    } else {
      b.put(EMPTY_ACTOR);
    }
    b.tab();
    if (s2 == '=' && c1 >= 0) {
      c2 = c1;
      putCountryActor(c2);
    } else if (s2 == 'C' || s2 == '=') {
      do {
        c2 = countries.sample(r);
      } while (c2 == c1);
      putCountryActor(c2);
    } else if (s2 == 'T') {
      putTypeActor();
    } else {
      b.put(EMPTY_ACTOR);
    }
    b.tab();

    // IsRootEvent, EventCode, EventBaseCode, EventRootCode, QuadClass, GoldsteinScale
    b.put(r.nextDouble() < isRootEvent ? (byte) '1' : (byte) '0');
    b.tab();
    b.put(eventFields[events.sample(r)]);
    b.tab();
    // NumMentions, NumSources, NumArticles, AvgTone
    b.put(mentionFields[mentions.sample(r)]);
    b.tab();
    b.putTone(tone);
    b.tab();

    // Actor1Geo, Actor2Geo, ActionGeo (8 fields each)
    byte[] g1 = s1 == '-' ? SyntheticGazetteer.NONE : geo(geoNoneActor1, c1);
    byte[] g2 = s2 == '-' ? SyntheticGazetteer.NONE : geo(geoNoneActor2, c2);
    u = r.nextDouble();
    byte[] g3;
    if (u < actionIsActor1 && g1 != SyntheticGazetteer.NONE) {
      g3 = g1;
    } else if (u < actionIsActor1 + actionIsActor2 && g2 != SyntheticGazetteer.NONE) {
      g3 = g2;
    } else {
      g3 = geo(geoNoneAction, -1);
    }
    b.put(g1);
    b.tab();
    b.put(g2);
    b.tab();
    b.put(g3);
    b.tab();

    // DATEADDED, SOURCEURL
    b.put(dayDigits[addedDay]);
    b.put(slotTimes[(int) (slot % SLOTS_PER_DAY)]);
    b.tab();
    b.put(url, 0, urlLength);
    b.put((byte) '\n');
  }

  private void putCountryActor(int country) {
    byte[][] variants = countryActors[country][typesWithCountry.sample(random)];
    out.put(variants.length == 1 ? variants[0] : variants[random.nextInt(variants.length)]);
  }

  private void putTypeActor() {
    byte[] a = typeActors[typesWithoutCountry.sample(random)];
    out.put(a != null ? a : otherActors[random.nextInt(otherActors.length)]);
  }

  /**
   * A geo block: none with probability {@code none}; otherwise a location in the actor's own
   * country {@code actorCountry} (-1: none) with the observed probability, else in a country drawn
   * from the geo frequencies, at a Geo_Type drawn for that country (US or elsewhere).
   */
  private byte[] geo(double none, int actorCountry) {
    SplittableRandom r = random;
    if (r.nextDouble() < none) {
      return SyntheticGazetteer.NONE;
    }
    int g;
    if (actorCountry >= 0 && countryGeo[actorCountry] >= 0 && r.nextDouble() < geoOwnCountry) {
      g = countryGeo[actorCountry];
    } else {
      g = geoCountries.sample(r);
    }
    SyntheticGazetteer places = gazetteer(g);
    int type = geoTypeValues[(g == usGeo ? usGeoTypes : otherGeoTypes).sample(r)];
    return switch (type) {
      case 1 -> places.country();
      case 2, 5 -> places.state(r);
      default -> places.city(r);
    };
  }

  private SyntheticGazetteer gazetteer(int g) {
    SyntheticGazetteer z = gazetteers[g];
    if (z == null) {
      z = new SyntheticGazetteer(tables.geoCountries.get(g), seed);
      gazetteers[g] = z;
    }
    return z;
  }

  /**
   * Starts a new article: a tone and a URL. The tone is a GDELT-like ratio 100·k/words of a normal
   * draw with the observed mean and SD, or exactly 0 with the observed probability.
   */
  private void newArticle(int addedDay) {
    SplittableRandom r = random;
    if (r.nextDouble() < toneZero) {
      tone = 0;
    } else {
      double target = Math.max(-30, Math.min(30, toneMean + toneSd * r.nextGaussian()));
      int words = 80 + r.nextInt(1500);
      tone = 100.0 * Math.round(target * words / 100) / words;
    }
    urlLength = 0;
    appendUrl(r.nextDouble() < https ? HTTPS : HTTP);
    double v = r.nextDouble();
    appendUrl(sites[(int) (SITES * v * v * v)]);
    byte[] ymd = dayDigits[addedDay];
    switch (r.nextInt(4)) {
      case 0 -> {
        appendUrl('/');
        appendUrl(SECTIONS[r.nextInt(SECTIONS.length)]);
        appendUrl('/');
        appendUrl(ymd, 0, 4);
        appendUrl('/');
        appendUrl(ymd, 4, 2);
        appendUrl('/');
        appendUrl(ymd, 6, 2);
        appendSlug(r);
        appendNumber(r);
        appendUrl(".html");
      }
      case 1 -> {
        appendUrl('/');
        appendUrl(SECTIONS[r.nextInt(SECTIONS.length)]);
        appendSlug(r);
        appendNumber(r);
      }
      case 2 -> {
        appendUrl("/article/");
        appendNumber(r);
        appendSlug(r);
        appendUrl('/');
      }
      default -> {
        appendUrl('/');
        appendUrl(SECTIONS[r.nextInt(SECTIONS.length)]);
        appendUrl('/');
        appendUrl(SECTIONS[r.nextInt(SECTIONS.length)]);
        appendSlug(r);
        appendUrl(".html");
      }
    }
  }

  private void appendSlug(SplittableRandom r) {
    appendUrl('/');
    int n = 4 + r.nextInt(8);
    for (int k = 0; k < n; k++) {
      if (k > 0) {
        appendUrl('-');
      }
      appendUrl(WORDS[r.nextInt(WORDS.length)]);
    }
  }

  private void appendNumber(SplittableRandom r) {
    appendUrl('-');
    long n = 10_000 + r.nextInt(999_990_000);
    appendUrl(Long.toString(n));
  }

  private void appendUrl(String s) {
    for (int k = 0; k < s.length(); k++) {
      url[urlLength++] = (byte) s.charAt(k);
    }
  }

  private void appendUrl(byte[] s) {
    appendUrl(s, 0, s.length);
  }

  private void appendUrl(byte[] s, int off, int len) {
    System.arraycopy(s, off, url, urlLength, len);
    urlLength += len;
  }

  private void appendUrl(char c) {
    url[urlLength++] = (byte) c;
  }

  private static String label(GdeltTables.ActorType t) {
    return t.label() != null ? t.label() : t.type();
  }

  /** The ten actor fields, TAB-separated, without a leading or trailing TAB. */
  private static byte[] actorFields(
      String code,
      String name,
      String country,
      String ethnic,
      String religion1,
      String religion2,
      String type1) {
    // Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code,
    // Type1Code, Type2Code, Type3Code
    String s =
        code + '\t' + name + '\t' + country + "\t\t" + ethnic + '\t' + religion1 + '\t' + religion2
            + '\t' + type1 + "\t\t";
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[][] concat(byte[] a, byte[] b) {
    return b == null ? new byte[][] {a} : new byte[][] {a, b};
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
