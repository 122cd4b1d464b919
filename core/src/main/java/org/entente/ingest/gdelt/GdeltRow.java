package org.entente.ingest.gdelt;

import org.entente.cameo.Cameo;
import org.entente.cameo.CameoEventType;
import org.entente.cameo.QuadMapping;
import org.entente.ingest.Fields;
import org.entente.ingest.RowRejected;
import org.entente.model.Event;

/**
 * Maps the GDELT event fields Entente keeps (in the logical order of {@link #NAMES}) to an {@link
 * Event}, validating each. Shared by the TSV and the CSV readers.
 */
final class GdeltRow {
  static final int ID = 0;
  static final int DAY = 1;
  static final int A1_CODE = 2;
  static final int A1_COUNTRY = 3;
  static final int A1_TYPE = 4;
  static final int A2_CODE = 5;
  static final int A2_COUNTRY = 6;
  static final int A2_TYPE = 7;
  static final int IS_ROOT = 8;
  static final int CODE = 9;
  static final int BASE = 10;
  static final int ROOT = 11;
  static final int QUAD = 12;
  static final int GOLDSTEIN = 13;
  static final int MENTIONS = 14;
  static final int SOURCES = 15;
  static final int ARTICLES = 16;
  static final int TONE = 17;
  static final int URL = 18;

  /** GDELT's column names for the logical fields, as in its header row and codebook. */
  static final String[] NAMES = {
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Code",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "SOURCEURL"
  };

  /** Zero-based positions in the raw TSV layouts (identical for 1.0 and 2.0 up to column 34). */
  static final int[] TSV_INDEX = {
    0, 1, 5, 7, 12, 15, 17, 22, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34
  };

  private GdeltRow() {}

  /**
   * Builds the event.
   *
   * @param v values in logical order, {@code null} where missing; {@code v[URL]} may be null
   * @param label column label for messages, by logical index
   */
  static Event toEvent(
      String source, String[] v, Cameo cameo, java.util.function.IntFunction<String> label)
      throws RowRejected {
    String id = Fields.text(v[ID]);
    if (!Fields.asciiDigits(id)) {
      throw new RowRejected("bad event id", label.apply(ID) + ": '" + (id == null ? "" : id) + "'");
    }
    var date = Fields.yyyymmdd(Fields.text(v[DAY]), label.apply(DAY));
    String code = Fields.text(v[CODE]);
    CameoEventType t =
        Fields.eventCode(
            cameo, code, Fields.text(v[BASE]), Fields.text(v[ROOT]), label.apply(CODE));
    int quad = Fields.quad(Fields.text(v[QUAD]), t.root(), QuadMapping.GDELT, label.apply(QUAD));
    double g = Fields.goldstein(cameo, Fields.text(v[GOLDSTEIN]), code, label.apply(GOLDSTEIN));
    return new Event(
        source,
        id,
        date,
        Fields.text(v[A1_CODE]),
        Fields.country(Fields.text(v[A1_COUNTRY]), label.apply(A1_COUNTRY)),
        Fields.text(v[A1_TYPE]),
        Fields.text(v[A2_CODE]),
        Fields.country(Fields.text(v[A2_COUNTRY]), label.apply(A2_COUNTRY)),
        Fields.text(v[A2_TYPE]),
        code,
        Fields.baseOf(code),
        t.root(),
        quad,
        g,
        Fields.count(Fields.text(v[MENTIONS]), label.apply(MENTIONS)),
        Fields.count(Fields.text(v[SOURCES]), label.apply(SOURCES)),
        Fields.count(Fields.text(v[ARTICLES]), label.apply(ARTICLES)),
        Fields.number(Fields.text(v[TONE]), label.apply(TONE)),
        Fields.text(v[URL]),
        Fields.flag(Fields.text(v[IS_ROOT]), label.apply(IS_ROOT)),
        null);
  }
}
