package org.entente.ingest.gdelt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.entente.cameo.Cameo;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.GdeltLines;
import org.entente.ingest.RecordingSink;
import org.entente.ingest.Samples;
import org.entente.model.Event;
import org.junit.jupiter.api.Test;

class GdeltCsvParserTest {
  private final Cameo cameo = Cameo.bundled();

  /**
   * The 58 GDELT 1.0 names as R's write.csv writes them (quoted), as in the Georgia monthly files
   * (shared/data/gdelt-v1-georgia-monthly-undp/PROVENANCE.md).
   */
  private static final String R_HEADER =
      Arrays.stream(
              ("GLOBALEVENTID,SQLDATE,MonthYear,Year,FractionDate,Actor1Code,Actor1Name,"
                      + "Actor1CountryCode,Actor1KnownGroupCode,Actor1EthnicCode,"
                      + "Actor1Religion1Code,Actor1Religion2Code,Actor1Type1Code,Actor1Type2Code,"
                      + "Actor1Type3Code,Actor2Code,Actor2Name,Actor2CountryCode,"
                      + "Actor2KnownGroupCode,Actor2EthnicCode,Actor2Religion1Code,"
                      + "Actor2Religion2Code,Actor2Type1Code,Actor2Type2Code,Actor2Type3Code,"
                      + "IsRootEvent,EventCode,EventBaseCode,EventRootCode,QuadClass,"
                      + "GoldsteinScale,NumMentions,NumSources,NumArticles,AvgTone,"
                      + "Actor1Geo_Type,Actor1Geo_FullName,Actor1Geo_CountryCode,"
                      + "Actor1Geo_ADM1Code,Actor1Geo_Lat,Actor1Geo_Long,Actor1Geo_FeatureID,"
                      + "Actor2Geo_Type,Actor2Geo_FullName,Actor2Geo_CountryCode,"
                      + "Actor2Geo_ADM1Code,Actor2Geo_Lat,Actor2Geo_Long,Actor2Geo_FeatureID,"
                      + "ActionGeo_Type,ActionGeo_FullName,ActionGeo_CountryCode,"
                      + "ActionGeo_ADM1Code,ActionGeo_Lat,ActionGeo_Long,ActionGeo_FeatureID,"
                      + "DATEADDED,SOURCEURL")
                  .split(","))
          .map(n -> "\"" + n + "\"")
          .reduce((a, b) -> a + "," + b)
          .orElseThrow();

  /** A layout-A data row (58 fields) in R's style: quoted strings, unquoted NA. */
  private static String rRow(long id, String day, String c1, String c2, String code, String url) {
    String[] f = new String[58];
    Arrays.fill(f, "NA");
    f[0] = Long.toString(id);
    f[1] = day;
    f[2] = day.substring(0, 6);
    f[3] = day.substring(0, 4);
    f[5] = "\"" + c1 + "\"";
    f[6] = "\"NAME OF " + c1.strip() + "\"";
    f[7] = "\"" + c1 + "\"";
    f[15] = "\"" + c2 + "\"";
    f[17] = "\"" + c2 + "\"";
    f[25] = "1";
    f[26] = "\"" + code + "\"";
    f[27] = "\"" + (code.length() > 3 ? code.substring(0, 3) : code) + "\"";
    f[28] = "\"" + code.substring(0, 2) + "\"";
    f[29] = Integer.toString(Cameo.bundled().event(code).orElseThrow().quad());
    f[30] = Double.toString(Cameo.bundled().event(code).orElseThrow().goldstein());
    f[31] = "9";
    f[32] = "1";
    f[33] = "9";
    f[34] = "11.0778443113772";
    f[50] = "\"Tbilisi, Georgia (general), Georgia\"";
    f[51] = "\"GG\"";
    f[56] = "20130203";
    f[57] = "\"" + url + "\"";
    return String.join(",", f);
  }

  private GdeltCsvParser parser(String header) {
    return new GdeltCsvParser(cameo, ActorFilter.all(), header);
  }

  @Test
  void parse_layoutA_mapsFieldsByHeaderName() {
    Event e =
        RecordingSink.feed(parser(R_HEADER), rRow(71783144, "20110801", "USA", "RUS", "030", ""), 2)
            .single();
    assertEquals("gdelt1", e.source());
    assertEquals("71783144", e.sourceEventId());
    assertEquals(LocalDate.of(2011, 8, 1), e.date());
    assertEquals("USA", e.actor1Country());
    assertEquals("RUS", e.actor2Country());
    assertEquals("030", e.eventCode());
    assertEquals(1, e.quadClass());
    assertEquals(4.0, e.goldstein(), 0.0);
    assertEquals(9, e.numArticles());
    assertEquals(11.0778443113772, e.avgTone(), 0.0);
    assertNull(e.actor1Type()); // NA
    assertNull(e.sourceUrl()); // "" in backfile-era rows
  }

  @Test
  void parse_layoutBRowNamePrepended_isShiftedAndDatedCorrectly() {
    // layout B: a quoted R row number before every data row, 59 fields for 58 header names
    String row = "\"11783\"," + rRow(253472894, "20130401", " ARM", "GEO", "010", "http://a/b");
    RecordingSink s = RecordingSink.feed(parser(R_HEADER), row, 2);
    Event e = s.single();
    assertEquals("253472894", e.sourceEventId());
    assertEquals(LocalDate.of(2013, 4, 1), e.date());
    assertEquals("ARM", e.actor1Country()); // stray space stripped
    assertEquals("010", e.eventCode());
    assertEquals("http://a/b", e.sourceUrl());
  }

  @Test
  void parse_layoutCTrailingExtraField_isIgnored() {
    // layout C as a 58-name header with 59-field rows: an extra trailing "06"
    String row = rRow(125489286, "20110601", "BUS", "GEO", "042", "") + ",\"06\"";
    Event e = RecordingSink.feed(parser(R_HEADER), row, 2).single();
    assertEquals("125489286", e.sourceEventId());
    assertEquals(LocalDate.of(2011, 6, 1), e.date());
    assertEquals("042", e.eventCode());
  }

  @Test
  void parse_layoutCWithItsOwnMonthColumnInTheHeader_isRead() {
    // june2011.csv: the header itself has 59 names, the last one "month"
    String row = rRow(125489286, "20110601", "BUS", "GEO", "042", "") + ",\"06\"";
    Event e = RecordingSink.feed(parser(R_HEADER + ",\"month\""), row, 2).single();
    assertEquals(LocalDate.of(2011, 6, 1), e.date());
  }

  @Test
  void parse_extraFieldThatAlignsNeitherWay_isRejected() {
    // one field too many, but neither alignment makes SQLDATE agree with MonthYear
    String row = rRow(1, "20110601", "USA", "GEO", "042", "").replace(",201106,", ",201107,");
    RecordingSink.Reject r = RecordingSink.feed(parser(R_HEADER), row + ",\"x\"", 2).singleReject();
    assertEquals("bad column count", r.reason());
  }

  @Test
  void parse_quotedFieldWithComma_isOneField() {
    String text =
        GdeltLines.lines(
            Samples.gdeltCsv(1, "20170501", "A, B", "RUS", "PRK", "036", 1, 4.0),
            Samples.gdeltCsv(3, "20170503", "x", "USA", "PRK", "163", 4, -8.0));
    RecordingSink s = RecordingSink.feed(parser(Samples.GDELT_CSV_HEADER), text, 2);
    assertEquals(2, s.events.size(), s.rejects.toString());
    assertEquals(List.of(2L, 3L), s.eventLines);
  }

  @Test
  void parse_quoteOpenAtTheEndOfALine_rejectsThatLineOnlyAndTheNextLineParses() {
    // GDELT fields never hold newlines: a quote may not span lines, so one stray quote cannot
    // swallow the rest of a file (it did: 10 of 4,000 real rows were read)
    String text =
        GdeltLines.lines(
            Samples.gdeltCsv(1, "20170501", "ok", "RUS", "PRK", "036", 1, 4.0),
            Samples.gdeltCsv(2, "20170502", "two\nlines", "PRK", "KOR", "111", 3, -2),
            Samples.gdeltCsv(3, "20170503", "x", "USA", "PRK", "163", 4, -8.0));
    RecordingSink s = RecordingSink.feed(parser(Samples.GDELT_CSV_HEADER), text, 2);
    assertEquals(List.of(2L, 5L), s.eventLines, s.rejects.toString());
    assertEquals(2, s.rejects.size(), "both halves of the broken row are rejected");
    assertEquals(3, s.rejects.get(0).line());
    assertEquals("unterminated quote", s.rejects.get(0).reason());
    assertEquals(4, s.rejects.get(1).line());
  }

  @Test
  void parse_unterminatedQuoteAtEnd_isRejectedWithItsLine() {
    String text =
        Samples.gdeltCsv(1, "20170501", "ok", "RUS", "PRK", "036", 1, 4.0)
            + "\n2,20170502,\"never closed\n,more\n";
    RecordingSink s = RecordingSink.feed(parser(Samples.GDELT_CSV_HEADER), text, 2);
    assertEquals(1, s.events.size());
    assertEquals(2, s.rejects.size());
    assertEquals(3, s.rejects.get(0).line());
    assertEquals("unterminated quote", s.rejects.get(0).reason());
    assertTrue(s.rejects.get(0).raw().contains("never closed"));
    assertEquals(4, s.rejects.get(1).line());
  }

  @Test
  void parse_manyLinesAfterAStrayQuote_eachLineIsItsOwnRecord() {
    // 4,000 rows after one stray quote: every one is read, linear in the input
    StringBuilder sb = new StringBuilder("9,20170501,\"stray\n");
    for (int i = 0; i < 4000; i++) {
      sb.append(Samples.gdeltCsv(10 + i, "20170501", "x", "RUS", "PRK", "036", 1, 4.0))
          .append('\n');
    }
    RecordingSink s = RecordingSink.feed(parser(Samples.GDELT_CSV_HEADER), sb.toString(), 2);
    assertEquals(4000, s.events.size());
    assertEquals(1, s.rejects.size());
  }

  @Test
  void parse_quotedNaIsTextButBareNaIsMissing() {
    // a quoted "NA" is the text NA: as a country code it is kept (two upper-case letters)
    String bare = Samples.gdeltCsv(1, "20170501", "x", "RUS", "PRK", "036", 1, 4.0);
    String quoted = bare.replace(",PRK,PRK,", ",PRK,\"NA\",");
    String missing = bare.replace(",PRK,PRK,", ",PRK,NA,");
    RecordingSink s =
        RecordingSink.feed(parser(Samples.GDELT_CSV_HEADER), GdeltLines.lines(quoted, missing), 2);
    assertEquals("NA", s.events.get(0).actor2Country());
    assertNull(s.events.get(1).actor2Country());
  }

  @Test
  void parse_pandasStyleFloatsAndLeadingZeros_areRead() {
    String row =
        Samples.gdeltCsv(669666350, "20070704", "NEIGHBORHOOD", "USA", "PRK", "040", 1, 1.0)
            .replace(",-1.5,", ",-0.11641443538999001,");
    Event e = RecordingSink.feed(parser(Samples.GDELT_CSV_HEADER), row, 2).single();
    assertEquals("040", e.eventCode());
    assertEquals(-0.11641443538999001, e.avgTone(), 0.0);
    assertEquals(1.0, e.goldstein(), 0.0);
  }

  /** {@code rows} read as lines 2.. of an R-layout file with the actor filter USA, RUS. */
  private RecordingSink readWithUsaRus(String... rows) {
    return RecordingSink.feed(
        new GdeltCsvParser(cameo, ActorFilter.of(Set.of("USA", "RUS")), R_HEADER),
        GdeltLines.lines(rows),
        2);
  }

  @Test
  void parse_actorFilter_keepsOnlyDyadsInTheSet() {
    RecordingSink s =
        readWithUsaRus(
            rRow(1, "20121201", " USA", "RUS ", "036", ""),
            rRow(2, "20121201", "USA", "GEO", "036", ""),
            rRow(3, "20121201", "SUN", "USA", "036", ""));
    assertEquals(2, s.events.size());
    assertEquals(1, s.filtered);
    assertEquals(java.util.List.of("gdelt1:2012-12"), s.filteredMonths);
    assertEquals("RUS", s.events.get(1).actor1Country());
  }

  /**
   * A left-out row tells its month only if it is valid: the first of December has an unknown event
   * code, so the month comes from the second; January's only row is invalid (no month).
   */
  @Test
  void parse_actorFilter_aMonthIsObservedByAValidLeftOutRowOnly() {
    RecordingSink s =
        readWithUsaRus(
            rRow(1, "20121201", "USA", "GEO", "036", "").replace("\"036\"", "\"999\""),
            rRow(2, "20121202", "USA", "GEO", "036", ""),
            rRow(3, "20121203", "USA", "GEO", "036", ""),
            rRow(4, "20130101", "USA", "GEO", "036", "").replace("\"036\"", "\"999\""));
    assertEquals(4, s.filtered);
    assertEquals(
        java.util.List.of("gdelt1:null", "gdelt1:2012-12", "gdelt1:2012-12", "gdelt1:null"),
        s.filteredMonths);
  }

  @Test
  void parse_wrongFieldCount_isRejectedNamingBothCounts() {
    RecordingSink.Reject r =
        RecordingSink.feed(parser(Samples.GDELT_CSV_HEADER), "1,2,3", 9).singleReject();
    assertEquals(9, r.line());
    assertEquals("bad column count", r.reason());
    assertTrue(r.detail().contains("21") && r.detail().contains("found 3"), r.detail());
  }

  @Test
  void parse_badRows_areRejectedWithReasons() {
    String ok = Samples.gdeltCsv(1, "20170501", "x", "RUS", "PRK", "036", 1, 4.0);
    RecordingSink s =
        RecordingSink.feed(
            parser(Samples.GDELT_CSV_HEADER),
            GdeltLines.lines(
                ok.replace("20170501", "20170532"),
                ok.replace(",4,1,4,", ",many,1,4,"),
                ok.replace(",4.0,", ",x4,"),
                ok.replace(",036,036,03,", ",36,36,03,"),
                ok.replace(",036,036,03,", ",036,036,04,"),
                ok),
            2);
    assertEquals(
        List.of(
            "impossible date",
            "not a number",
            "not a number",
            "unknown event code",
            "inconsistent event code"),
        s.rejects.stream().map(RecordingSink.Reject::reason).toList());
    assertEquals(
        List.of(2L, 3L, 4L, 5L, 6L), s.rejects.stream().map(RecordingSink.Reject::line).toList());
    assertEquals(ok, s.rejects.get(0).raw().replace("20170532", "20170501"));
    assertEquals(1, s.events.size());
  }

  @Test
  void parse_invalidUtf8_isRejectedAndKeptLeniently() {
    byte[] row =
        Samples.gdeltCsv(1, "20170501", "caf\u00e9", "RUS", "PRK", "036", 1, 4.0)
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    RecordingSink.Reject r =
        RecordingSink.feed(parser(Samples.GDELT_CSV_HEADER), row, 2).singleReject();
    assertEquals("invalid UTF-8", r.reason());
    assertTrue(r.raw().contains("caf\uFFFD"), r.raw());
  }

  @Test
  void constructor_headerWithoutEventCode_throwsNamingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> parser("GLOBALEVENTID,SQLDATE,Actor1CountryCode,Actor2CountryCode"));
    assertTrue(e.getMessage().contains("Actor1Code"), e.getMessage());
  }

  @Test
  void looksLikeHeader_gdeltCsvHeaders_areRecognised() {
    assertTrue(GdeltCsvParser.looksLikeHeader(R_HEADER));
    assertTrue(GdeltCsvParser.looksLikeHeader(Samples.GDELT_CSV_HEADER.toLowerCase()));
    assertEquals(false, GdeltCsvParser.looksLikeHeader(Samples.ICEWS_HEADER));
  }

  @Test
  void split_rfc4180QuotingAndNa_giveFieldsAndNulls() {
    assertEquals(
        Arrays.asList("a", null, "b,c", "say \"hi\"", "NA", null, ""),
        CsvSplitter.split("a,NA,\"b,c\",\"say \"\"hi\"\"\",\"NA\",,\"\""));
    assertNull(CsvSplitter.split("a,\"open"));
  }
}
