package org.entente.cameo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CameoTest {
  private final Cameo cameo = Cameo.bundled();

  @Test
  void bundled_resources_areInTheJarAndLoadedOnce() {
    assertNotNull(Cameo.class.getResource("/org/entente/cameo/event-codes.tsv"));
    assertNotNull(Cameo.class.getResource("/org/entente/cameo/countries.tsv"));
    assertSame(cameo, Cameo.bundled());
  }

  @Test
  void eventTypes_bundledTable_has311CodesOver20Roots() {
    // 311 codes = 20 root + 147 three-digit + 144 four-digit
    // (shared/data/cameo-gdelt-lookups/PROVENANCE.md, CAMEO.eventcodes.txt)
    assertEquals(311, cameo.eventTypes().size());
    assertEquals(20, cameo.eventTypes().stream().filter(t -> t.code().length() == 2).count());
    assertEquals(147, cameo.eventTypes().stream().filter(t -> t.code().length() == 3).count());
    assertEquals(144, cameo.eventTypes().stream().filter(t -> t.code().length() == 4).count());
  }

  @ParameterizedTest(name = "root {0}: quad {1}, Goldstein {2}")
  @CsvSource({
    // METHODS §1.1: root codes with the quad class GDELT assigns and the root-level Goldstein
    "01, 1, 0.0", "02, 1, 3.0", "03, 1, 4.0", "04, 1, 1.0", "05, 1, 3.5",
    "06, 2, 6.0", "07, 2, 7.0", "08, 2, 5.0", "09, 2, -2.0", "10, 3, -5.0",
    "11, 3, -2.0", "12, 3, -4.0", "13, 3, -6.0", "14, 3, -6.5", "15, 4, -7.2",
    "16, 4, -4.0", "17, 4, -7.0", "18, 4, -9.0", "19, 4, -10.0", "20, 4, -10.0"
  })
  void event_rootCode_matchesMethodsTable(String root, int quad, double goldstein) {
    CameoEventType t = cameo.event(root).orElseThrow();
    assertEquals(root, t.root());
    assertEquals(quad, t.quad());
    assertEquals(goldstein, t.goldstein(), 0.0);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    // METHODS §1.3 per-code values
    "042, 1.9", "043, 2.8", "046, 7.0", "057, 8.0", "061, 6.4", "062, 7.4",
    "111, -2.0", "1312, -5.8", "150, -7.2", "163, -8.0", "190, -10.0", "0874, 10.0"
  })
  void goldstein_methodsCodes_matchPublishedValues(String code, double expected) {
    assertEquals(expected, cameo.goldstein(code), 0.0);
  }

  @Test
  void goldstein_unlistedFourDigitCode_fallsBackToBaseCode() {
    assertFalse(cameo.isEventCode("1319"));
    assertEquals(cameo.goldstein("131"), cameo.goldstein("1319"), 0.0);
  }

  @Test
  void goldstein_unlistedBaseCode_fallsBackToRoot() {
    assertFalse(cameo.isEventCode("199"));
    assertEquals(-10.0, cameo.goldstein("199"), 0.0);
  }

  @Test
  void goldstein_unknownRoot_throws() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> cameo.goldstein("99"));
    assertTrue(e.getMessage().contains("99"), e.getMessage());
  }

  @Test
  void event_codeWithoutLeadingZero_isADifferentCode() {
    // METHODS: "010" ≠ "10"
    assertEquals("01", cameo.event("010").orElseThrow().root());
    assertEquals("10", cameo.event("10").orElseThrow().root());
    assertFalse(cameo.isEventCode("36"));
    assertTrue(cameo.isEventCode("036"));
    assertEquals(Optional.empty(), cameo.event(null));
  }

  @ParameterizedTest(name = "{0} is quad 1 with Goldstein < 0")
  @CsvSource({"011", "012", "016", "0241", "0252"})
  void event_quadIsNotTheSignOfGoldstein_negativeQuad1Codes(String code) {
    // METHODS §1.2: 011, 012, 016, 024x, 025x are quad 1 with negative Goldstein
    CameoEventType t = cameo.event(code).orElseThrow();
    assertEquals(1, t.quad());
    assertTrue(t.goldstein() < 0, code + " " + t.goldstein());
  }

  @Test
  void eventTypes_maximumGoldstein_is0874AndSignAgreementIsQuad1() {
    // METHODS §1.2: 057 "Sign formal agreement" is quad 1; the maximum +10 is 0874
    CameoEventType max =
        cameo.eventTypes().stream()
            .max(java.util.Comparator.comparingDouble(CameoEventType::goldstein))
            .orElseThrow();
    assertEquals("0874", max.code());
    assertEquals(1, cameo.event("057").orElseThrow().quad());
  }

  @Test
  void eventTypes_everyQuad_followsTheGdeltMappingOfItsRoot() {
    for (CameoEventType t : cameo.eventTypes()) {
      assertEquals(t.code().substring(0, 2), t.root(), t.code());
      assertEquals(QuadMapping.GDELT.quadOf(t.root()), t.quad(), t.code());
      assertTrue(t.goldstein() >= -10 && t.goldstein() <= 10, t.code());
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "North Korea|PRK",
        "north korea|PRK",
        "Democratic People's Republic of Korea|PRK",
        "DPRK|PRK",
        "Korea, North|PRK",
        "South Korea|KOR",
        "Republic of Korea|KOR",
        "ROK|KOR",
        "Korea, South|KOR",
        "Russian Federation|RUS",
        "Russia|RUS",
        "Soviet Union|RUS",
        "United States|USA",
        "China|CHN",
        "Japan|JPN",
        "  Japan  |JPN"
      })
  void countryCodeForName_sixStateNames_mapToCameoCodes(String name, String code) {
    assertEquals(Optional.of(code), cameo.countryCodeForName(name));
  }

  @Test
  void countryCodeForName_koreaWithoutNorthOrSouth_isNotGuessed() {
    assertEquals(Optional.empty(), cameo.countryCodeForName("Korea"));
    assertEquals(Optional.empty(), cameo.countryCodeForName("Atlantis"));
    assertEquals(Optional.empty(), cameo.countryCodeForName(null));
  }

  @Test
  void countryName_prkAndKor_areNorthAndSouthKorea() {
    assertEquals(Optional.of("North Korea"), cameo.countryName("PRK"));
    assertEquals(Optional.of("South Korea"), cameo.countryName("KOR"));
    assertTrue(cameo.isCountry("PRK"));
    assertTrue(cameo.isCountry("KOR"));
    assertFalse(cameo.isCountry("KN")); // FIPS 10-4 code of North Korea, not a CAMEO actor code
  }

  @Test
  void normaliseCountry_sun_becomesRusAndOthersAreUnchanged() {
    assertEquals("RUS", Cameo.normaliseCountry("SUN"));
    assertEquals("PRK", Cameo.normaliseCountry("PRK"));
    assertNull(Cameo.normaliseCountry(null));
  }
}
