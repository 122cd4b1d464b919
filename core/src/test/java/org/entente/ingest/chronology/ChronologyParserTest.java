package org.entente.ingest.chronology;

import static org.entente.ingest.Samples.chronology;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.entente.cameo.Cameo;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.ActorResolver;
import org.entente.ingest.GdeltLines;
import org.entente.ingest.RecordingSink;
import org.entente.ingest.Samples;
import org.entente.model.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChronologyParserTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 2, 15);
  private final Cameo cameo = Cameo.bundled();

  private RecordingSink feedWithHeader(String header, String... lines) {
    ChronologyParser p =
        new ChronologyParser(cameo, ActorResolver.NONE, ActorFilter.all(), header, TODAY);
    return RecordingSink.feed(p, GdeltLines.lines(lines), 2);
  }

  private RecordingSink feed(String... lines) {
    return feedWithHeader(Samples.CHRONOLOGY_HEADER, lines);
  }

  @Test
  void parse_validEntry_becomesAGovernmentEventWithTableValues() {
    Event e =
        feed(chronology("putin-pyongyang-2000", "2000-07-19", "day", "RUS", "PRK", "057", "s.tsv"))
            .single();
    assertEquals("chronology", e.source());
    assertEquals("putin-pyongyang-2000", e.sourceEventId());
    assertEquals(LocalDate.of(2000, 7, 19), e.date());
    assertEquals("RUS", e.actor1Country());
    assertEquals("GOV", e.actor1Type());
    assertEquals("RUSGOV", e.actor1Code());
    assertEquals("PRKGOV", e.actor2Code());
    assertEquals("057", e.eventCode());
    assertEquals("05", e.rootCode());
    assertEquals(1, e.quadClass());
    assertEquals(8.0, e.goldstein(), 0.0);
  }

  @Test
  void parse_monthAndYearPrecision_dateTheFirstDay() {
    RecordingSink s =
        feed(
            chronology("a", "2023-09", "month", "PRK", "RUS", "036", "s"),
            chronology("b", "1961", "year", "PRK", "CHN", "057", "s"));
    assertEquals(LocalDate.of(2023, 9, 1), s.events.get(0).date());
    assertEquals(LocalDate.of(1961, 1, 1), s.events.get(1).date());
  }

  @Test
  void parse_commentsAndBlankLines_areNotRows() {
    RecordingSink s =
        feed("# a comment", "", chronology("a", "2000-07-19", "day", "RUS", "PRK", "057", "s"));
    assertEquals(1, s.total());
    assertEquals(List.of(4L), s.eventLines);
  }

  @Test
  void parse_igoActor_hasNoGovernmentType() {
    Event e = feed(chronology("a", "2006-10-14", "day", "IGOUNO", "PRK", "163", "s")).single();
    assertNull(e.actor1Type());
    assertEquals("IGOUNO", e.actor1Code());
    assertEquals("GOV", e.actor2Type());
  }

  @Test
  void parse_actorNamedByTheResolver_becomesItsState() {
    ActorResolver registry =
        name -> name.equals("LAVROV") ? java.util.Optional.of("RUS") : java.util.Optional.empty();
    ChronologyParser p =
        new ChronologyParser(cameo, registry, ActorFilter.all(), Samples.CHRONOLOGY_HEADER, TODAY);
    Event e =
        RecordingSink.feed(
                p, chronology("a", "2023-10-19", "day", "LAVROV", "PRK", "042", "s") + "\n", 2)
            .single();
    assertEquals("RUS", e.actor1Country());
  }

  @Test
  void parse_sunActor_isNormalisedToRus() {
    Event e = feed(chronology("a", "1961-07-06", "day", "SUN", "PRK", "057", "s")).single();
    assertEquals("RUS", e.actor1Country());
  }

  @ParameterizedTest(name = "{7}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bad-actor|2000-07-19|day|XXX|PRK|057|s.tsv|unknown actor",
        "bad-actor2|2000-07-19|day|RUS|KN|057|s.tsv|unknown actor",
        "bad-code|2000-07-19|day|RUS|PRK|999|s.tsv|unknown event code",
        "no-leading-zero|2000-07-19|day|RUS|PRK|57|s.tsv|unknown event code",
        "no-source|2000-07-19|day|RUS|PRK|057| |missing source",
        "too-early|1944-12-31|day|RUS|PRK|057|s.tsv|date out of range",
        "too-early-year|1944|year|RUS|PRK|057|s.tsv|date out of range",
        "future|2026-02-16|day|RUS|PRK|057|s.tsv|date out of range",
        "impossible|2000-02-30|day|RUS|PRK|057|s.tsv|impossible date",
        "not-leap|2001-02-29|day|RUS|PRK|057|s.tsv|impossible date",
        "month-13|2000-13|month|RUS|PRK|057|s.tsv|impossible date",
        "day-00|2000-07-00|day|RUS|PRK|057|s.tsv|impossible date",
        "arabic-digits|٢٠٠٠-07-19|day|RUS|PRK|057|s.tsv|bad date",
        "short-year|200-07-19|day|RUS|PRK|057|s.tsv|bad date",
        "year-as-month|2000|month|RUS|PRK|057|s.tsv|bad date",
        "wrong-precision|2000-07|day|RUS|PRK|057|s.tsv|bad date",
        "bad-precision|2000-07-19|week|RUS|PRK|057|s.tsv|bad precision",
        "self|2000-07-19|day|PRK|PRK|057|s.tsv|same actor",
        "self-sun|2000-07-19|day|SUN|RUS|057|s.tsv|same actor",
        "Bad_Id|2000-07-19|day|RUS|PRK|057|s.tsv|bad id"
      })
  void parse_invalidEntry_isRejectedWithAReasonNamingTheEntry(
      String id,
      String date,
      String prec,
      String a1,
      String a2,
      String code,
      String src,
      String reason) {
    RecordingSink.Reject r =
        feed(chronology(id, date, prec, a1, a2, code, src == null ? "" : src)).singleReject();
    assertEquals(reason, r.reason());
    assertTrue(r.detail().contains("entry '" + id + "'"), r.detail());
    assertEquals(2, r.line());
  }

  @Test
  void parse_boundaryDates_1945AndToday_areAccepted() {
    RecordingSink s =
        feed(
            chronology("first", "1945-01-01", "day", "USA", "JPN", "190", "s"),
            chronology("today", TODAY.toString(), "day", "USA", "PRK", "036", "s"));
    assertEquals(2, s.events.size());
  }

  @Test
  void parse_missingTitle_isRejectedNamingTheEntry() {
    String row = chronology("untitled", "2000-07-19", "day", "RUS", "PRK", "057", "s");
    RecordingSink.Reject r = feed(row.replace("Title of untitled", " ")).singleReject();
    assertEquals("missing title", r.reason());
    assertTrue(r.detail().contains("'untitled'"), r.detail());
  }

  @Test
  void parse_duplicateId_rejectsTheSecondEntry() {
    RecordingSink s =
        feed(
            chronology("same", "2000-07-19", "day", "RUS", "PRK", "057", "s"),
            chronology("same", "2001-08-04", "day", "RUS", "PRK", "057", "s"));
    assertEquals(1, s.events.size());
    assertEquals(LocalDate.of(2000, 7, 19), s.events.get(0).date());
    assertEquals("duplicate id", s.rejects.get(0).reason());
    assertEquals(3, s.rejects.get(0).line());
    assertTrue(s.rejects.get(0).detail().contains("'same'"));
  }

  @Test
  void parse_wrongFieldCount_isRejectedNamingTheEntry() {
    RecordingSink.Reject r = feed("short-one\t2000-07-19\tday\tRUS").singleReject();
    assertEquals("bad column count", r.reason());
    assertTrue(r.detail().contains("'short-one'"), r.detail());
  }

  @Test
  void parse_invalidUtf8_isRejected() {
    byte[] row =
        (chronology("latin1", "2000-07-19", "day", "RUS", "PRK", "057", "s") + " caf\u00e9\n")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    ChronologyParser p =
        new ChronologyParser(
            cameo, ActorResolver.NONE, ActorFilter.all(), Samples.CHRONOLOGY_HEADER, TODAY);
    assertEquals("invalid UTF-8", RecordingSink.feed(p, row, 2).singleReject().reason());
  }

  @Test
  void parse_goldsteinAndQuadColumns_mustAgreeWithTheTable() {
    String header = Samples.CHRONOLOGY_HEADER + "\tgoldstein\tquad";
    String base = chronology("ok", "2000-07-19", "day", "RUS", "PRK", "057", "s");
    RecordingSink s =
        feedWithHeader(
            header,
            base + "\t8.0\t1",
            base.replace("ok", "g-wrong") + "\t7.0\t1",
            base.replace("ok", "q-wrong") + "\t8.0\t2",
            base.replace("ok", "blank") + "\t\t");
    assertEquals(List.of("ok", "blank"), s.events.stream().map(Event::sourceEventId).toList());
    assertEquals(
        List.of("goldstein disagrees with table", "quad disagrees with table"),
        s.rejects.stream().map(RecordingSink.Reject::reason).toList());
    assertTrue(s.rejects.get(0).detail().contains("'g-wrong'"), s.rejects.get(0).detail());
    assertTrue(s.rejects.get(1).detail().contains("'q-wrong'"), s.rejects.get(1).detail());
  }

  @Test
  void parse_actorFilter_countsOtherDyadsAsFiltered() {
    ChronologyParser p =
        new ChronologyParser(
            cameo,
            ActorResolver.NONE,
            ActorFilter.of(Set.of("RUS", "PRK")),
            Samples.CHRONOLOGY_HEADER,
            TODAY);
    RecordingSink s =
        RecordingSink.feed(
            p,
            GdeltLines.lines(
                chronology("a", "2000-07-19", "day", "RUS", "PRK", "057", "s"),
                chronology("b", "2000-07-19", "day", "USA", "PRK", "057", "s")),
            2);
    assertEquals(1, s.events.size());
    assertEquals(1, s.filtered);
  }

  @Test
  void constructor_otherHeader_throwsListingTheColumns() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new ChronologyParser(
                    cameo,
                    ActorResolver.NONE,
                    ActorFilter.all(),
                    "id\tdate\tactor1\tactor2",
                    TODAY));
    assertTrue(e.getMessage().contains("precision"), e.getMessage());
    assertTrue(ChronologyParser.looksLikeHeader(Samples.CHRONOLOGY_HEADER));
  }
}
