package org.entente.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActorFilterTest {
  private static final ActorFilter SIX =
      ActorFilter.of(Set.of("RUS", "PRK", "CHN", "USA", "KOR", "JPN"));

  @Test
  void of_lowerCaseAndBlanksAndSun_areNormalised() {
    ActorFilter f = ActorFilter.of(Set.of(" usa ", "sun", "Prk"));
    assertEquals(Set.of("PRK", "RUS", "USA"), f.codes());
    assertEquals("PRK,RUS,USA", f.toString());
    assertFalse(f.keepsAll());
  }

  @Test
  void of_blankCode_throws() {
    assertThrows(IllegalArgumentException.class, () -> ActorFilter.of(Set.of("USA", " ")));
  }

  @Test
  void of_emptySet_keepsEverything() {
    assertSame(ActorFilter.all(), ActorFilter.of(Set.of()));
    assertTrue(ActorFilter.all().keepsAll());
    assertTrue(ActorFilter.all().keeps(null, null));
    assertTrue(ActorFilter.all().keeps("GEO", "GEO"));
    assertEquals("all", ActorFilter.all().toString());
  }

  @ParameterizedTest(name = "{0}->{1}: {2}")
  @CsvSource({
    "USA, PRK, true",
    "PRK, KOR, true",
    "KOR, PRK, true",
    "RUS, RUS, false", // the two actors must differ
    "USA, GEO, false", // both must be in the set
    "GEO, USA, false",
    "GEO, ARM, false",
    "SUN, USA, true", // SUN is normalised to RUS before the check
    "SUN, RUS, false", // ... and then equals RUS
    "KN, USA, false", // FIPS code of North Korea is not a CAMEO actor code
    "USAGOV, PRK, false",
    "usa, PRK, false"
  })
  void keeps_dyadCodes_bytePathAgreesWithStringPath(String c1, String c2, boolean kept) {
    assertEquals(kept, SIX.keeps(norm(c1), norm(c2)), "string path");
    byte[] b = ("x\t" + c1 + "\t" + c2).getBytes(StandardCharsets.US_ASCII);
    int s1 = 2;
    int e1 = s1 + c1.length();
    int s2 = e1 + 1;
    assertEquals(kept, SIX.keeps(b, s1, e1, s2, b.length), "byte path");
  }

  private static String norm(String c) {
    return org.entente.cameo.Cameo.normaliseCountry(c);
  }

  @Test
  void keeps_missingCountry_isNotKept() {
    assertFalse(SIX.keeps(null, "USA"));
    assertFalse(SIX.keeps("USA", null));
    byte[] b = "\tUSA".getBytes(StandardCharsets.US_ASCII);
    assertFalse(SIX.keeps(b, 0, 0, 1, 4));
  }

  @Test
  void keeps_codeOfOtherLength_usesTheFullCode() {
    ActorFilter f = ActorFilter.of(Set.of("IGOUNO", "USA"));
    byte[] b = "IGOUNO USA".getBytes(StandardCharsets.US_ASCII);
    assertTrue(f.keeps(b, 0, 6, 7, 10));
    assertTrue(f.keeps("IGOUNO", "USA"));
    assertFalse(f.keeps(b, 0, 3, 7, 10)); // "IGO" alone is not in the set
  }

  @Test
  void codes_sixStates_areSortedForTheManifest() {
    assertEquals(List.of("CHN", "JPN", "KOR", "PRK", "RUS", "USA"), List.copyOf(SIX.codes()));
  }
}
