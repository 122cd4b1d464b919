package org.entente.ingest.gdelt;

import static org.entente.ingest.GdeltLines.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import org.entente.cameo.Cameo;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.GdeltLines;
import org.entente.ingest.RecordingSink;
import org.entente.model.Event;
import org.junit.jupiter.api.Test;

class GdeltTsvParserTest {
  private final Cameo cameo = Cameo.bundled();

  private GdeltTsvParser auto() {
    return new GdeltTsvParser(cameo, ActorFilter.all(), true, true);
  }

  private static GdeltLines full() {
    return row(498803525, "20160728")
        .actors("RUS", "PRK")
        .types("GOV", "MIL")
        .code("1312")
        .counts(30, 4, 28)
        .root(true)
        .set(34, "-3.25")
        .url("http://example.org/a");
  }

  private static void assertFullEvent(Event e, String source, String url) {
    assertEquals(source, e.source());
    assertEquals("498803525", e.sourceEventId());
    assertEquals(LocalDate.of(2016, 7, 28), e.date());
    assertEquals("RUSGOV", e.actor1Code());
    assertEquals("RUS", e.actor1Country());
    assertEquals("GOV", e.actor1Type());
    assertEquals("PRKMIL", e.actor2Code());
    assertEquals("PRK", e.actor2Country());
    assertEquals("MIL", e.actor2Type());
    assertEquals("1312", e.eventCode());
    assertEquals("131", e.baseCode());
    assertEquals("13", e.rootCode());
    assertEquals(3, e.quadClass());
    assertEquals(-5.8, e.goldstein(), 0.0);
    assertEquals(30, e.numMentions());
    assertEquals(4, e.numSources());
    assertEquals(28, e.numArticles());
    assertEquals(-3.25, e.avgTone(), 0.0);
    assertEquals(Boolean.TRUE, e.isRoot());
    assertEquals(url, e.sourceUrl());
    assertNull(e.intensity());
  }

  @Test
  void parse_v1DailyRow58Columns_mapsEveryField() {
    String line = full().v1();
    assertEquals(58, line.split("\t", -1).length);
    assertFullEvent(RecordingSink.feed(auto(), line, 1).single(), "gdelt1", "http://example.org/a");
  }

  @Test
  void parse_v1BackfileRow57Columns_hasNoUrl() {
    String line = full().v1Backfile();
    assertEquals(57, line.split("\t", -1).length);
    assertFullEvent(RecordingSink.feed(auto(), line, 1).single(), "gdelt1", null);
  }

  @Test
  void parse_v2Row61Columns_mapsEveryField() {
    String line = full().v2();
    assertEquals(61, line.split("\t", -1).length);
    assertFullEvent(RecordingSink.feed(auto(), line, 1).single(), "gdelt2", "http://example.org/a");
  }

  @Test
  void parse_bothV1LayoutsInOneStream_areReadAndNamedGdelt1() {
    GdeltTsvParser p = new GdeltTsvParser(cameo, ActorFilter.all(), true, false);
    RecordingSink s =
        RecordingSink.feed(
            p, GdeltLines.lines(row(1, "20160728").v1(), row(2, "19820102").v1Backfile()), 1);
    assertEquals(2, s.events.size());
    assertEquals("gdelt1", p.formatName());
  }

  @Test
  void parse_v2RowWhenOnlyV1Allowed_isRejectedForItsColumnCount() {
    GdeltTsvParser p = new GdeltTsvParser(cameo, ActorFilter.all(), true, false);
    RecordingSink.Reject r = RecordingSink.feed(p, row(1, "20191024").v2(), 7).singleReject();
    assertEquals(7, r.line());
    assertEquals("bad column count", r.reason());
    assertTrue(r.detail().contains("found 61"), r.detail());
  }

  @Test
  void parse_v1RowWhenOnlyV2Allowed_isRejectedForItsColumnCount() {
    GdeltTsvParser p = new GdeltTsvParser(cameo, ActorFilter.all(), false, true);
    RecordingSink.Reject r = RecordingSink.feed(p, row(1, "20160728").v1(), 1).singleReject();
    assertTrue(r.detail().contains("found 58"), r.detail());
    assertEquals("gdelt2", p.formatName());
  }

  @Test
  void parse_mixedV1AndV2_formatNameSaysBoth() {
    GdeltTsvParser p = auto();
    RecordingSink.feed(p, GdeltLines.lines(row(1, "20160728").v1(), row(2, "20191024").v2()), 1);
    assertEquals("gdelt1+gdelt2", p.formatName());
  }

  @Test
  void parse_everyRowFiltered_formatNameStillSaysTheLayoutRead() {
    // the manifest's format is how a store tells which source a filtered file belonged to, when
    // none of its rows was kept (the volumes of that source are then incomplete)
    GdeltTsvParser v2 = new GdeltTsvParser(cameo, ActorFilter.of(Set.of("RUS", "PRK")), true, true);
    RecordingSink s =
        RecordingSink.feed(
            v2,
            GdeltLines.lines(
                row(1, "20191024").actors("USA", "CHN").v2(),
                row(2, "20191024").actors("JPN", "KOR").v2()),
            1);
    assertTrue(s.events.isEmpty());
    assertEquals(2, s.filtered);
    assertEquals(java.util.List.of("gdelt2:2019-10", "gdelt2:2019-10"), s.filteredMonths);
    assertEquals("gdelt2", v2.formatName(), "was gdelt1: the layout of kept rows only");
    GdeltTsvParser mixed =
        new GdeltTsvParser(cameo, ActorFilter.of(Set.of("RUS", "PRK")), true, true);
    RecordingSink.feed(
        mixed,
        GdeltLines.lines(
            row(1, "20160728").actors("RUS", "PRK").v1(),
            row(2, "20191024").actors("USA", "CHN").v2()),
        1);
    assertEquals("gdelt1+gdelt2", mixed.formatName());
  }

  /**
   * The month of each left-out row is its date's as the row parser reads it, also when the parser
   * reuses the previous row's month: a day the month does not have gives none.
   */
  @Test
  void parse_actorFilter_rowsLeftOutGiveTheMonthOfTheirDate() {
    GdeltTsvParser p = new GdeltTsvParser(cameo, ActorFilter.of(Set.of("RUS", "PRK")), true, true);
    String[] days = {
      "20150210",
      "20150228",
      "20150229",
      "20150301",
      " 20150302",
      "20150300",
      "2015030a",
      "20150331"
    };
    String[] rows = new String[days.length];
    for (int i = 0; i < days.length; i++) {
      rows[i] = row(i + 1, "20150101").actors("USA", "CHN").set(1, days[i]).v2();
    }
    RecordingSink s = RecordingSink.feed(p, GdeltLines.lines(rows), 1);
    assertEquals(days.length, s.filtered);
    assertEquals(
        java.util.List.of(
            "gdelt2:2015-02",
            "gdelt2:2015-02",
            "gdelt2:null",
            "gdelt2:2015-03",
            "gdelt2:2015-03",
            "gdelt2:null",
            "gdelt2:null",
            "gdelt2:2015-03"),
        s.filteredMonths);
  }

  @Test
  void parse_actorFilter_dropsOtherDyadsBeforeValidation() {
    GdeltTsvParser p = new GdeltTsvParser(cameo, ActorFilter.of(Set.of("RUS", "PRK")), true, true);
    RecordingSink s =
        RecordingSink.feed(
            p,
            GdeltLines.lines(
                row(1, "20160728").actors("RUS", "PRK").v1(),
                row(2, "20160728").actors("USA", "PRK").v1(),
                row(3, "20160728").actors("PRK", "PRK").v1(),
                row(4, "20160728").actors("", "PRK").v1(),
                row(5, "20150231").actors("CHN", "JPN").v1(), // filtered before its date is read
                row(6, "20150231").actors("PRK", "RUS").v1()), // kept, then rejected
            1);
    assertEquals(1, s.events.size());
    assertEquals(4, s.filtered);
    assertEquals(1, s.rejects.size());
    assertEquals(6, s.total());
    assertEquals("impossible date", s.rejects.get(0).reason());
    // the month each left-out row was observed in; none for the impossible date
    assertEquals(
        java.util.List.of("gdelt1:2016-07", "gdelt1:2016-07", "gdelt1:2016-07", "gdelt1:null"),
        s.filteredMonths);
  }

  @Test
  void parse_sunActor_isStoredAsRusAndPassesARusFilter() {
    GdeltTsvParser p = new GdeltTsvParser(cameo, ActorFilter.of(Set.of("RUS", "USA")), true, true);
    Event e =
        RecordingSink.feed(p, row(1, "19820102").actors("SUN", "USA").v1Backfile(), 1).single();
    assertEquals("RUS", e.actor1Country());
    assertEquals("USA", e.actor2Country());
  }

  @Test
  void parse_prkAndKor_areKeptApart() {
    RecordingSink s =
        RecordingSink.feed(
            auto(),
            GdeltLines.lines(
                row(1, "20160728").actors("PRK", "KOR").v1(),
                row(2, "20160728").actors("KOR", "PRK").v1()),
            1);
    assertEquals("PRK", s.events.get(0).actor1Country());
    assertEquals("KOR", s.events.get(0).actor2Country());
    assertEquals("KOR", s.events.get(1).actor1Country());
    assertEquals("PRK", s.events.get(1).actor2Country());
  }

  @Test
  void parse_missingOptionalFields_areNull() {
    Event e =
        RecordingSink.feed(
                auto(), row(1, "20160728").actors("", "").set(29, "").set(30, "").v1(), 1)
            .single();
    assertNull(e.actor1Country());
    assertNull(e.actor2Country());
    assertNull(e.numMentions());
    assertNull(e.isRoot());
    assertNull(e.sourceUrl());
    // without QuadClass and GoldsteinScale the CAMEO table gives them
    assertEquals(1, e.quadClass());
    assertEquals(4.0, e.goldstein(), 0.0);
  }

  @Test
  void parse_utf8Url_isDecodedAndLatin1IsRejected() {
    String url = "http://example.org/Тбилиси";
    Event e = RecordingSink.feed(auto(), row(1, "20160728").url(url).v1(), 1).single();
    assertEquals(url, e.sourceUrl());
    byte[] latin1 =
        row(2, "20160728")
            .url("http://example.org/caf\u00e9")
            .v1()
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    RecordingSink.Reject r = RecordingSink.feed(auto(), latin1, 1).singleReject();
    assertEquals("invalid UTF-8", r.reason());
    assertFalse(r.raw().isEmpty());
  }

  @Test
  void parse_rowWithManyMoreTabs_isRejectedNotAnError() {
    String line = row(1, "20160728").v2() + "\t".repeat(100);
    RecordingSink.Reject r = RecordingSink.feed(auto(), line, 1).singleReject();
    assertTrue(r.detail().contains("found 161"), r.detail());
  }
}
