package org.entente.ingest.gdelt;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entente.ingest.Fields;
import org.entente.ingest.RowParser;
import org.entente.ingest.RowRejected;
import org.entente.ingest.RowSink;
import org.entente.model.Mention;

/**
 * The GDELT 2.0 Mentions table ({@code YYYYMMDDHHMMSS.mentions.CSV.zip}, and the translingual
 * {@code .translation.mentions.CSV.zip}): TAB-separated, no header, 16 columns (GDELT 2.0 Event
 * Codebook); or the same columns as comma-separated text with a header row (BigQuery, pandas),
 * mapped by name. Mentions carry no actors: which of them a filtered store keeps is decided when
 * the load commits, by whether their event is in the store.
 */
public final class GdeltMentionsParser implements RowParser {
  /** The columns in file order (GDELT 2.0 Event Codebook, Mentions table). */
  static final String[] NAMES = {
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras"
  };

  /** Columns a header must name (the others may be absent: blank for every row). */
  private static final int REQUIRED = 4;

  private static final int ID = 0;
  private static final int EVENT_TIME = 1;
  private static final int MENTION_TIME = 2;
  private static final int TYPE = 3;

  /** The format name recorded in the manifest. */
  public static final String FORMAT = "gdelt2-mentions";

  private final boolean csv;
  private final int headerSize;
  private final int[] index;
  private final String[] values = new String[NAMES.length];

  private GdeltMentionsParser(boolean csv, int headerSize, int[] index) {
    this.csv = csv;
    this.headerSize = headerSize;
    this.index = index;
  }

  /** The parser of raw Mentions files: TAB-separated, 16 columns, no header. */
  public static GdeltMentionsParser tsv() {
    int[] index = new int[NAMES.length];
    for (int i = 0; i < index.length; i++) {
      index[i] = i;
    }
    return new GdeltMentionsParser(false, NAMES.length, index);
  }

  /**
   * The parser of comma-separated Mentions with a header row, columns matched by name in any case.
   *
   * @throws IllegalArgumentException naming a required column the header lacks
   */
  public static GdeltMentionsParser csv(String header) {
    List<String> names = CsvSplitter.split(header);
    if (names == null) {
      throw new IllegalArgumentException("the header row has an unterminated quote");
    }
    Map<String, Integer> pos = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i) == null ? "" : names.get(i).strip().toLowerCase(Locale.ROOT);
      pos.putIfAbsent(n, i);
    }
    int[] index = new int[NAMES.length];
    for (int k = 0; k < NAMES.length; k++) {
      Integer i = pos.get(NAMES[k].toLowerCase(Locale.ROOT));
      if (i == null && k < REQUIRED) {
        throw new IllegalArgumentException(
            "the header has no column " + NAMES[k] + " (GDELT 2.0 Mentions need it)");
      }
      index[k] = i == null ? -1 : i;
    }
    return new GdeltMentionsParser(true, names.size(), index);
  }

  /** Whether a header line looks like a comma-separated Mentions header. */
  public static boolean looksLikeHeader(String firstLine) {
    String l = firstLine.toLowerCase(Locale.ROOT);
    return l.contains(",") && l.contains("globaleventid") && l.contains("mentiontimedate");
  }

  /**
   * Whether a first data line looks like a raw Mentions row: 16 TAB-separated fields whose first is
   * a number and whose second and third are 14-digit timestamps.
   */
  public static boolean looksLikeRow(String line) {
    String[] f = line.split("\t", -1);
    return f.length == NAMES.length
        && Fields.asciiDigits(f[ID])
        && f[EVENT_TIME].length() == 14
        && Fields.asciiDigits(f[EVENT_TIME])
        && f[MENTION_TIME].length() == 14
        && Fields.asciiDigits(f[MENTION_TIME]);
  }

  @Override
  public void parse(byte[] b, int start, int end, long line, RowSink sink) {
    String text = Fields.utf8OrReject(b, start, end, line, sink);
    if (text == null) {
      return;
    }
    List<String> f = csv ? CsvSplitter.splitOrReject(text, line, sink) : tabs(text);
    if (f == null) {
      return;
    }
    if (f.size() != headerSize) {
      sink.reject(
          line,
          "bad column count",
          csv
              ? "expected "
                  + headerSize
                  + " comma-separated fields as in the header, found "
                  + f.size()
              : "expected 16 tab-separated columns (GDELT 2.0 Mentions), found " + f.size(),
          text);
      return;
    }
    for (int k = 0; k < NAMES.length; k++) {
      values[k] = index[k] < 0 ? null : Fields.text(f.get(index[k]));
    }
    try {
      sink.mention(mention(values), line);
    } catch (RowRejected r) {
      sink.reject(line, r.reason(), r.detail(), text);
    }
  }

  private static List<String> tabs(String text) {
    List<String> out = new ArrayList<>(NAMES.length);
    int s = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\t') {
        out.add(text.substring(s, i));
        s = i + 1;
      }
    }
    out.add(text.substring(s));
    return out;
  }

  private Mention mention(String[] v) throws RowRejected {
    String id = v[ID];
    if (!Fields.asciiDigits(id) || id.length() > 18 || Long.parseLong(id) == 0) {
      throw new RowRejected("bad event id", label(ID) + ": '" + Fields.show(id) + "'");
    }
    LocalDateTime eventTime = Fields.yyyymmddhhmmss(v[EVENT_TIME], label(EVENT_TIME));
    LocalDateTime mentionTime = Fields.yyyymmddhhmmss(v[MENTION_TIME], label(MENTION_TIME));
    if (mentionTime.isBefore(eventTime)) {
      throw new RowRejected(
          "mention before its event",
          label(MENTION_TIME)
              + " "
              + v[MENTION_TIME]
              + " is earlier than "
              + label(EVENT_TIME)
              + " "
              + v[EVENT_TIME]);
    }
    Integer type = Fields.count(v[TYPE], label(TYPE));
    if (type == null || type < 1 || type > 6) {
      throw new RowRejected(
          "bad mention type", label(TYPE) + ": '" + Fields.show(v[TYPE]) + "' is not one of 1..6");
    }
    Integer confidence = Fields.count(v[11], label(11));
    if (confidence != null && confidence > 100) {
      throw new RowRejected("bad confidence", label(11) + ": '" + v[11] + "' is not 0..100");
    }
    return new Mention(
        Long.parseLong(id),
        eventTime,
        mentionTime,
        type,
        v[4],
        v[5],
        Fields.count(v[6], label(6)),
        offset(v[7], 7),
        offset(v[8], 8),
        offset(v[9], 9),
        Fields.flag(v[10], label(10)),
        confidence,
        Fields.count(v[12], label(12)),
        Fields.number(v[13], label(13)),
        v[14]);
  }

  /** A character offset: a count, or −1 for "not found". */
  private Integer offset(String v, int k) throws RowRejected {
    if ("-1".equals(v)) {
      return -1;
    }
    return Fields.count(v, label(k));
  }

  private String label(int k) {
    return csv ? NAMES[k] : "column " + (k + 1) + " (" + NAMES[k] + ")";
  }

  @Override
  public String formatName() {
    return FORMAT;
  }
}
