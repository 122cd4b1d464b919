package org.entente.ingest.icews;

import static org.entente.ingest.Samples.icews;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.entente.cameo.Cameo;
import org.entente.cameo.QuadMapping;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.ActorResolver;
import org.entente.ingest.GdeltLines;
import org.entente.ingest.RecordingSink;
import org.entente.ingest.Samples;
import org.entente.model.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IcewsParserTest {
  private final Cameo cameo = Cameo.bundled();

  private IcewsParser parser(ActorFilter f, QuadMapping m) {
    return new IcewsParser(cameo, ActorResolver.NONE, f, m, Samples.ICEWS_HEADER);
  }

  private IcewsParser parser() {
    return parser(ActorFilter.all(), QuadMapping.GDELT);
  }

  @Test
  void parse_northAndSouthKoreaNames_becomePrkAndKorNeverConfused() {
    RecordingSink s =
        RecordingSink.feed(
            parser(),
            GdeltLines.lines(
                icews(
                    "1", "2018-06-01", "Government", "North Korea", "036", "4", "", "South Korea"),
                icews(
                    "2", "2018-06-01", "Government", "South Korea", "036", "4", "", "North Korea"),
                icews("3", "2018-06-01", "NA", "North Korea", "111", "-2", "NA", "United States")),
            2);
    assertEquals(3, s.events.size());
    assertEquals("PRK", s.events.get(0).actor1Country());
    assertEquals("KOR", s.events.get(0).actor2Country());
    assertEquals("KOR", s.events.get(1).actor1Country());
    assertEquals("PRK", s.events.get(1).actor2Country());
    assertEquals("PRK", s.events.get(2).actor1Country());
    assertEquals("USA", s.events.get(2).actor2Country());
  }

  @Test
  void parse_row_mapsFieldsAndTakesGoldsteinFromTheTable() {
    // ICEWS's own Intensity is kept apart; Goldstein comes from the CAMEO table (METHODS §1.3:
    // ICEWS differs from GDELT for 016, 022, 164, 165)
    Event e =
        RecordingSink.feed(
                parser(),
                icews(
                    "32889836",
                    "2018-06-01",
                    "Executive,Foreign Ministry,Government",
                    "Russian Federation",
                    "164",
                    "-7",
                    "Military,Government",
                    "North Korea"),
                2)
            .single();
    assertEquals("icews", e.source());
    assertEquals("32889836", e.sourceEventId());
    assertEquals(LocalDate.of(2018, 6, 1), e.date());
    assertEquals("RUS", e.actor1Country());
    assertEquals("GOV", e.actor1Type());
    assertEquals("RUSGOV", e.actor1Code());
    assertEquals("PRK", e.actor2Country());
    assertEquals("MIL", e.actor2Type());
    assertEquals("PRKMIL", e.actor2Code());
    assertEquals("164", e.eventCode());
    assertEquals("16", e.rootCode());
    assertEquals(4, e.quadClass());
    assertEquals(cameo.goldstein("164"), e.goldstein(), 0.0);
    assertEquals(-7.0, e.intensity(), 0.0);
    assertNull(e.numMentions());
    assertNull(e.isRoot());
    assertNull(e.sourceUrl());
  }

  @ParameterizedTest(name = "code {0}: GDELT quad {1}, ICEWS quad {2}")
  @CsvSource({"091, 2, 3", "141, 3, 4", "036, 1, 1", "190, 4, 4"})
  void parse_quadFromRoot_followsTheChosenMapping(String code, int gdelt, int icewsQuad) {
    String row = icews("1", "2018-06-01", "", "China", code, "1", "", "Japan");
    assertEquals(
        gdelt,
        RecordingSink.feed(parser(ActorFilter.all(), QuadMapping.GDELT), row, 2)
            .single()
            .quadClass());
    assertEquals(
        icewsQuad,
        RecordingSink.feed(parser(ActorFilter.all(), QuadMapping.ICEWS), row, 2)
            .single()
            .quadClass());
  }

  @Test
  void parse_unknownCountryName_isRejectedNamingTheColumn() {
    RecordingSink.Reject r =
        RecordingSink.feed(
                parser(), icews("1", "2018-06-01", "", "Korea", "036", "4", "", "Japan"), 5)
            .singleReject();
    assertEquals(5, r.line());
    assertEquals("unknown country", r.reason());
    assertTrue(r.detail().contains("Source Country") && r.detail().contains("Korea"), r.detail());
  }

  @Test
  void parse_missingCountry_isKeptWithoutAFilterAndFilteredWithOne() {
    String row = icews("1", "2018-06-01", "", "NA", "036", "4", "", "Japan");
    Event e = RecordingSink.feed(parser(), row, 2).single();
    assertNull(e.actor1Country());
    assertNull(e.actor1Code());
    RecordingSink s =
        RecordingSink.feed(parser(ActorFilter.of(Set.of("JPN", "CHN")), QuadMapping.GDELT), row, 2);
    assertEquals(1, s.filtered);
    assertEquals(1, s.total());
  }

  @Test
  void parse_missingCountryWithAKnownActorName_isResolvedThroughTheResolver() {
    ActorResolver registry =
        name -> name.equals("Source of 1") ? Optional.of("PRK") : Optional.empty();
    IcewsParser p =
        new IcewsParser(
            cameo, registry, ActorFilter.all(), QuadMapping.GDELT, Samples.ICEWS_HEADER);
    Event e =
        RecordingSink.feed(p, icews("1", "2018-06-01", "", "NA", "036", "4", "", "Japan"), 2)
            .single();
    assertEquals("PRK", e.actor1Country());
    assertEquals("JPN", e.actor2Country());
  }

  /**
   * A left-out row tells its month only if it is valid: June's first has an unknown CAMEO code, so
   * the month comes from the second; July's only row is invalid (no month).
   */
  @Test
  void parse_actorFilter_aMonthIsObservedByAValidLeftOutRowOnly() {
    RecordingSink s =
        readWithPrkRus(
            icews("1", "2018-06-01", "", "South Korea", "999", "4", "", "Japan"),
            icews("2", "2018-06-02", "", "South Korea", "036", "4", "", "Japan"),
            icews("3", "2018-07-01", "", "South Korea", "999", "4", "", "Japan"));
    assertEquals(3, s.filtered);
    assertEquals(java.util.List.of("icews:null", "icews:2018-06", "icews:null"), s.filteredMonths);
  }

  /** {@code rows} read as lines 2.. of a file with the actor filter PRK, RUS. */
  private RecordingSink readWithPrkRus(String... rows) {
    return RecordingSink.feed(
        parser(ActorFilter.of(Set.of("PRK", "RUS")), QuadMapping.GDELT), GdeltLines.lines(rows), 2);
  }

  @Test
  void parse_actorFilter_usesTheMappedCodes() {
    RecordingSink s =
        readWithPrkRus(
            icews("1", "2018-06-01", "", "North Korea", "036", "4", "", "Russian Federation"),
            icews("2", "2018-06-01", "", "South Korea", "036", "4", "", "Russian Federation"),
            icews("3", "2018-06-01", "", "Russia", "036", "4", "", "North Korea"));
    assertEquals(2, s.events.size());
    assertEquals(1, s.filtered);
    assertEquals(java.util.List.of("icews:2018-06"), s.filteredMonths);
  }

  @Test
  void parse_badRows_areRejectedWithReasons() {
    RecordingSink s =
        RecordingSink.feed(
            parser(),
            GdeltLines.lines(
                icews("1", "2018-6-1", "", "China", "036", "4", "", "Japan"),
                icews("2", "2018-06-31", "", "China", "036", "4", "", "Japan"),
                icews("3", "2018-06-01", "", "China", "36", "4", "", "Japan"),
                icews("4", "2018-06-01", "", "China", "036", "strong", "", "Japan"),
                icews("NA", "2018-06-01", "", "China", "036", "4", "", "Japan"),
                "5\t2018-06-01\ttoo few columns",
                ""),
            2);
    assertEquals(0, s.events.size());
    assertEquals(
        java.util.List.of(
            "bad date",
            "impossible date",
            "unknown event code",
            "not a number",
            "bad event id",
            "bad column count",
            "bad column count"),
        s.rejects.stream().map(RecordingSink.Reject::reason).toList());
  }

  @Test
  void parse_invalidUtf8_isRejected() {
    byte[] row =
        icews("1", "2018-06-01", "", "C\u00f4te d'Ivoire", "036", "4", "", "Japan")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertEquals("invalid UTF-8", RecordingSink.feed(parser(), row, 2).singleReject().reason());
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Executive,Foreign Ministry,Government|GOV",
        "Military,Government|MIL",
        "Army|MIL",
        "Air Force|MIL",
        "Legislative / Parliamentary,Government|GOV",
        "Cabinet|GOV",
        "Defense Ministry|GOV",
        "Paramilitary|",
        "Dissident,Protestors / Popular Opposition / Mobs|",
        "Business|"
      })
  void type_sectors_mapToGovMilOrNothing(String sectors, String expected) {
    assertEquals(expected, IcewsParser.type(sectors));
  }

  @Test
  void type_noSectors_isNull() {
    assertNull(IcewsParser.type(null));
  }

  @Test
  void constructor_headerWithoutCameoCode_throwsNamingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new IcewsParser(
                    cameo,
                    ActorResolver.NONE,
                    ActorFilter.all(),
                    QuadMapping.GDELT,
                    "Event ID\tEvent Date\tSource Country\tTarget Country"));
    assertTrue(e.getMessage().contains("cameo code"), e.getMessage());
  }

  @Test
  void looksLikeHeader_otherHeaders_areNotIcews() {
    assertTrue(IcewsParser.looksLikeHeader(Samples.ICEWS_HEADER));
    assertFalse(IcewsParser.looksLikeHeader(Samples.GDELT_CSV_HEADER));
    assertFalse(IcewsParser.looksLikeHeader(Samples.CHRONOLOGY_HEADER));
  }
}
