package org.entente.ingest.rollup;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.entente.cameo.Cameo;
import org.entente.ingest.Fields;
import org.entente.ingest.RowRejected;
import org.entente.ingest.RowSink;
import org.entente.model.Event;

/**
 * A researcher's dated, categorised event list (CSV with a header), read through an {@link
 * EventListMapping}: each row becomes one event of the source, between the dyad its category maps
 * to, with the category's quad class and CAMEO code. A row whose category the mapping does not map,
 * or whose date no format reads, is rejected with its reason.
 */
final class EventListParser extends CsvImportParser {
  private final EventListMapping mapping;
  private final String source;
  private final Cameo cameo;
  private final SourceRules rules;
  private final int date;
  private final int category;
  private final int id;
  private final int url;
  private final String fingerprint;

  EventListParser(
      String header,
      EventListMapping mapping,
      String source,
      Cameo cameo,
      SourceRules rules,
      String fingerprint) {
    super(header);
    this.fingerprint = fingerprint;
    this.mapping = mapping;
    this.source = source;
    this.cameo = cameo;
    this.rules = rules;
    date = required(mapping.dateColumn());
    category = required(mapping.categoryColumn());
    id = mapping.idColumn() == null ? -1 : required(mapping.idColumn());
    url = mapping.urlColumn() == null ? -1 : required(mapping.urlColumn());
  }

  @Override
  void record(List<String> f, long line, RowSink sink) throws RowRejected {
    rules.events(source);
    String d = value(f, date);
    if (d == null) {
      throw new RowRejected("missing date", mapping.dateColumn() + " is empty");
    }
    LocalDate day;
    try {
      day = mapping.date(d);
    } catch (DateTimeParseException e) {
      throw new RowRejected(
          "bad date",
          mapping.dateColumn()
              + ": '"
              + d
              + "' matches none of "
              + String.join(" | ", mapping.dateFormats()));
    }
    if (day.getYear() < Fields.MIN_YEAR || day.getYear() > Fields.MAX_YEAR) {
      throw new RowRejected("impossible date", mapping.dateColumn() + ": '" + d + "'");
    }
    String cat = value(f, category);
    EventListMapping.Target t = mapping.target(cat);
    if (t == null) {
      throw new RowRejected(
          "unmapped category",
          mapping.categoryColumn()
              + ": '"
              + (cat == null ? "" : cat)
              + "' is not mapped (add category."
              + (cat == null ? "X" : cat.toLowerCase(java.util.Locale.ROOT))
              + " = ... or category.* to the mapping)");
    }
    String eventId = id >= 0 ? value(f, id) : null;
    if (id >= 0 && eventId == null) {
      throw new RowRejected("missing id", mapping.idColumn() + " is empty");
    }
    String code = t.code();
    sink.event(
        new Event(
            source,
            eventId != null ? eventId : "line-" + line,
            day,
            t.actor1(),
            t.actor1(),
            null,
            t.actor2(),
            t.actor2(),
            null,
            code,
            code.substring(0, 3),
            code.substring(0, 2),
            t.quad(),
            cameo.goldstein(code),
            null,
            null,
            null,
            null,
            url >= 0 ? value(f, url) : null,
            null,
            null),
        line);
  }

  @Override
  public String formatName() {
    return "event-list:" + source + fingerprint;
  }
}
