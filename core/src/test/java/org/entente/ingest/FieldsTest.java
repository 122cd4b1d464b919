package org.entente.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.entente.cameo.Cameo;
import org.entente.cameo.QuadMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldsTest {
  private final Cameo cameo = Cameo.bundled();

  /**
   * The month of a left-out row's date is that of the date the row parser would read, or none where
   * it would reject the date; the byte fast path agrees with the string path on every case.
   */
  @ParameterizedTest
  @CsvSource(
      delimiterString = "|",
      value = {
        "20120229|2012-02",
        "20130229|",
        "20121301|",
        "20120100|",
        "20120132|",
        "18991231|",
        "19000101|1900-01",
        "' 20120105'|2012-01",
        "'20120105 '|2012-01",
        "' 20120105'|2012-01",
        "2012010|",
        "201201050|",
        "2012-01-05|",
        "'٢٠١٢٠١٠٥'|",
        "''|"
      })
  void monthOf_asTheRowParserReadsTheDate(String v, String month) throws RowRejected {
    java.time.YearMonth want = month == null ? null : java.time.YearMonth.parse(month);
    byte[] b = ("x\t" + v + "\ty").getBytes(StandardCharsets.UTF_8);
    int end = b.length - 2;
    assertEquals(want, Fields.monthOf(b, 2, end), v);
    assertEquals(want, Fields.monthOf(v, false), v);
    if (want != null) {
      assertEquals(want, java.time.YearMonth.from(Fields.yyyymmdd(Fields.text(v), "SQLDATE")));
    } else {
      assertThrows(RowRejected.class, () -> Fields.yyyymmdd(Fields.text(v), "SQLDATE"));
    }
  }

  @Test
  void monthOf_isoDate_asTheIcewsParserReadsIt() {
    assertEquals(java.time.YearMonth.of(2018, 6), Fields.monthOf("2018-06-30", true));
    assertNull(Fields.monthOf("2018-06-31", true));
    assertNull(Fields.monthOf("20180630", true));
    assertNull(Fields.monthOf(null, true));
  }

  @Test
  void yyyymmdd_validDate_parses() throws RowRejected {
    assertEquals(LocalDate.of(2012, 2, 29), Fields.yyyymmdd("20120229", "SQLDATE"));
    assertEquals(LocalDate.of(1900, 1, 1), Fields.yyyymmdd("19000101", "SQLDATE"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "20150231, impossible date",
    "20130229, impossible date",
    "20151301, impossible date",
    "20150100, impossible date",
    "18991231, impossible date",
    "21010101, impossible date",
    "2015023, bad date",
    "2015-02-03, bad date",
    "2015O203, bad date",
    "'', bad date"
  })
  void yyyymmdd_badOrImpossible_rejectsWithReasonAndColumn(String v, String reason) {
    RowRejected r =
        assertThrows(
            RowRejected.class, () -> Fields.yyyymmdd(v.isEmpty() ? null : v, "column 2 (SQLDATE)"));
    assertEquals(reason, r.reason());
    assertTrue(r.detail().startsWith("column 2 (SQLDATE)"), r.detail());
  }

  @Test
  void isoDate_validAndImpossible_parseOrReject() throws RowRejected {
    assertEquals(LocalDate.of(2018, 6, 1), Fields.isoDate("2018-06-01", "Event Date"));
    assertEquals(
        "impossible date",
        assertThrows(RowRejected.class, () -> Fields.isoDate("2018-06-31", "Event Date")).reason());
    assertEquals(
        "bad date",
        assertThrows(RowRejected.class, () -> Fields.isoDate("2018-6-1", "Event Date")).reason());
    assertEquals(
        "bad date",
        assertThrows(RowRejected.class, () -> Fields.isoDate("20180601", "Event Date")).reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-1", "1.5", "1e3", "1234567890", " 3"})
  void count_notANonNegativeInteger_rejects(String v) {
    RowRejected r = assertThrows(RowRejected.class, () -> Fields.count(v, "NumMentions"));
    assertEquals("not a number", r.reason());
  }

  @Test
  void count_missingOrDigits_parses() throws RowRejected {
    assertNull(Fields.count(null, "NumMentions"));
    assertEquals(0, Fields.count("0", "NumMentions"));
    assertEquals(123456789, Fields.count("123456789", "NumMentions"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1,5", "NaN", "Infinity", "1.0d", "2f", "--1", ""})
  void number_notAFiniteNumber_rejects(String v) {
    assertEquals(
        "not a number",
        assertThrows(RowRejected.class, () -> Fields.number(v, "AvgTone")).reason());
  }

  @Test
  void number_decimalAndExponent_parse() throws RowRejected {
    assertEquals(-0.11641443538999001, Fields.number("-0.11641443538999001", "AvgTone"), 0.0);
    assertEquals(0.0025, Fields.number("2.5e-3", "AvgTone"), 0.0);
    assertNull(Fields.number(null, "AvgTone"));
  }

  @Test
  void flag_zeroOneAndTextForms_parseAndOthersReject() throws RowRejected {
    assertEquals(Boolean.TRUE, Fields.flag("1", "IsRootEvent"));
    assertEquals(Boolean.FALSE, Fields.flag("0.0", "IsRootEvent"));
    assertEquals(Boolean.TRUE, Fields.flag("TRUE", "IsRootEvent"));
    assertNull(Fields.flag(null, "IsRootEvent"));
    assertEquals(
        "not a flag",
        assertThrows(RowRejected.class, () -> Fields.flag("2", "IsRootEvent")).reason());
  }

  @Test
  void quad_missing_derivesFromRootUnderTheMapping() throws RowRejected {
    assertEquals(2, Fields.quad(null, "09", QuadMapping.GDELT, "QuadClass"));
    assertEquals(3, Fields.quad(null, "09", QuadMapping.ICEWS, "QuadClass"));
    assertEquals(4, Fields.quad("4.0", "09", QuadMapping.GDELT, "QuadClass"));
    assertEquals(
        "bad quad class",
        assertThrows(RowRejected.class, () -> Fields.quad("5", "09", QuadMapping.GDELT, "Q"))
            .reason());
  }

  @Test
  void goldstein_outOfRangeRejectsAndMissingComesFromTable() throws RowRejected {
    assertEquals(-5.8, Fields.goldstein(cameo, null, "1312", "GoldsteinScale"), 0.0);
    assertEquals(3.4, Fields.goldstein(cameo, "3.4", "1312", "GoldsteinScale"), 0.0);
    assertEquals(
        "out of range",
        assertThrows(RowRejected.class, () -> Fields.goldstein(cameo, "-10.5", "190", "G"))
            .reason());
  }

  @Test
  void eventCode_inconsistentBaseOrRoot_rejects() throws RowRejected {
    assertEquals("13", Fields.eventCode(cameo, "1312", "131", "13", "EventCode").root());
    assertEquals(
        "inconsistent event code",
        assertThrows(RowRejected.class, () -> Fields.eventCode(cameo, "1312", "131", "14", "E"))
            .reason());
    assertEquals(
        "inconsistent event code",
        assertThrows(RowRejected.class, () -> Fields.eventCode(cameo, "1312", "132", "13", "E"))
            .reason());
    assertEquals(
        "unknown event code",
        assertThrows(RowRejected.class, () -> Fields.eventCode(cameo, "36", null, null, "E"))
            .reason());
    assertEquals(
        "missing event code",
        assertThrows(RowRejected.class, () -> Fields.eventCode(cameo, null, null, null, "E"))
            .reason());
  }

  @Test
  void country_upperCaseLettersOnly_andSunBecomesRus() throws RowRejected {
    assertEquals("RUS", Fields.country("SUN", "Actor1CountryCode"));
    assertEquals("IGOUNO", Fields.country("IGOUNO", "Actor1CountryCode"));
    assertNull(Fields.country(null, "Actor1CountryCode"));
    assertEquals(
        "bad country code",
        assertThrows(RowRejected.class, () -> Fields.country("usa", "Actor1CountryCode")).reason());
    assertEquals(
        "bad country code",
        assertThrows(RowRejected.class, () -> Fields.country("US1", "Actor1CountryCode")).reason());
  }

  @Test
  void isUtf8_validMultibyteAndInvalidBytes_areToldApart() {
    byte[] ok = "Tbilisi, Georgia — Грузия".getBytes(StandardCharsets.UTF_8);
    assertTrue(Fields.isUtf8(ok, 0, ok.length));
    byte[] bad = {'a', (byte) 0xC3, 'b'};
    assertFalse(Fields.isUtf8(bad, 0, bad.length));
    byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);
    assertFalse(Fields.isUtf8(latin1, 0, latin1.length));
    assertEquals("caf\uFFFD", Fields.lenient(latin1, 0, latin1.length));
  }

  @Test
  void text_blankIsNullAndOtherValuesAreStripped() {
    assertNull(Fields.text("   "));
    assertNull(Fields.text(null));
    assertEquals("ARM", Fields.text(" ARM"));
  }

  @Test
  void baseOf_rootBaseAndFourDigitCodes() {
    assertEquals("131", Fields.baseOf("1312"));
    assertEquals("036", Fields.baseOf("036"));
    assertEquals("01", Fields.baseOf("01"));
  }
}
