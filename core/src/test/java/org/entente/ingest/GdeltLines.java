package org.entente.ingest;

import java.util.Arrays;
import org.entente.cameo.Cameo;
import org.entente.cameo.CameoEventType;

/**
 * Builds raw GDELT event lines for tests: TAB-separated, 58 columns (1.0 daily), 57 (1.0 backfile)
 * or 61 (2.0), with the fields Entente reads set from a few values and everything else empty.
 * QuadClass and GoldsteinScale default to the bundled CAMEO table's values for the event code, as
 * in real GDELT rows.
 */
public final class GdeltLines {
  private final String[] v = new String[61];

  private GdeltLines(long id, String day) {
    Arrays.fill(v, "");
    v[0] = Long.toString(id);
    day(day);
  }

  /** A row with this GLOBALEVENTID and SQLDATE (YYYYMMDD), actors USA→PRK, event 036. */
  public static GdeltLines row(long id, String day) {
    return new GdeltLines(id, day).actors("USA", "PRK").code("036");
  }

  /** Sets SQLDATE and the derived MonthYear, Year. */
  public GdeltLines day(String day) {
    v[1] = day;
    v[2] = day.length() >= 6 ? day.substring(0, 6) : "";
    v[3] = day.length() >= 4 ? day.substring(0, 4) : "";
    return this;
  }

  /** Sets Actor1/2 country codes (and actor codes equal to them plus the type). */
  public GdeltLines actors(String country1, String country2) {
    v[7] = country1;
    v[17] = country2;
    v[5] = country1 + v[12];
    v[15] = country2 + v[22];
    return this;
  }

  /** Sets Actor1/2 Type1Code. */
  public GdeltLines types(String type1, String type2) {
    v[12] = type1;
    v[22] = type2;
    v[5] = v[7] + type1;
    v[15] = v[17] + type2;
    return this;
  }

  /** Sets EventCode, EventBaseCode, EventRootCode, QuadClass and GoldsteinScale from the table. */
  public GdeltLines code(String code) {
    CameoEventType t = Cameo.bundled().event(code).orElseThrow();
    v[26] = code;
    v[27] = code.length() > 3 ? code.substring(0, 3) : code;
    v[28] = t.root();
    v[29] = Integer.toString(t.quad());
    v[30] = Double.toString(t.goldstein());
    return this;
  }

  /** Sets NumMentions, NumSources, NumArticles. */
  public GdeltLines counts(int mentions, int sources, int articles) {
    v[31] = Integer.toString(mentions);
    v[32] = Integer.toString(sources);
    v[33] = Integer.toString(articles);
    return this;
  }

  /** Sets NumMentions only. */
  public GdeltLines mentions(int mentions) {
    v[31] = Integer.toString(mentions);
    return this;
  }

  /** Sets IsRootEvent. */
  public GdeltLines root(boolean root) {
    v[25] = root ? "1" : "0";
    return this;
  }

  /** Sets the SOURCEURL (column 58 of 1.0 daily rows, 61 of 2.0 rows). */
  public GdeltLines url(String url) {
    v[60] = url;
    return this;
  }

  /** Overrides one raw field by its zero-based 2.0/1.0-common column index (0..34). */
  public GdeltLines set(int column, String value) {
    if (column > 34) {
      throw new IllegalArgumentException("columns after 34 differ between layouts: " + column);
    }
    v[column] = value;
    return this;
  }

  /** GDELT 1.0 daily layout: 58 columns, SOURCEURL last. */
  public String v1() {
    String[] f = Arrays.copyOf(v, 58);
    f[56] = "20160728";
    f[57] = v[60];
    return String.join("\t", f);
  }

  /** GDELT 1.0 backfile layout: 57 columns, no SOURCEURL. */
  public String v1Backfile() {
    String[] f = Arrays.copyOf(v, 57);
    f[56] = "20130203";
    return String.join("\t", f);
  }

  /** GDELT 2.0 layout: 61 columns with ADM2 fields, DATEADDED and SOURCEURL. */
  public String v2() {
    String[] f = v.clone();
    f[59] = "20191024143000";
    return String.join("\t", f);
  }

  /** Lines joined with LF, with a final LF. */
  public static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }
}
