package org.entente.cameo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuadMappingTest {

  @ParameterizedTest(name = "root {0}: GDELT {1}, ICEWS {2}")
  @CsvSource({
    // METHODS §1.2: GDELT 01–05 → 1, 06–09 → 2, 10–14 → 3, 15–20 → 4;
    // ICEWS tooling 01–05 → 1, 06–08 → 2, 09–13 → 3, 14–20 → 4
    "01, 1, 1",
    "05, 1, 1",
    "06, 2, 2",
    "08, 2, 2",
    "09, 2, 3",
    "10, 3, 3",
    "13, 3, 3",
    "14, 3, 4",
    "15, 4, 4",
    "20, 4, 4"
  })
  void quadOf_boundaryRoots_followBothMappings(String root, int gdelt, int icews) {
    assertEquals(gdelt, QuadMapping.GDELT.quadOf(root));
    assertEquals(icews, QuadMapping.ICEWS.quadOf(root));
  }

  @ParameterizedTest
  @ValueSource(strings = {"00", "21", "1", "010", "ab", ""})
  void quadOf_notARootCode_throws(String root) {
    assertThrows(IllegalArgumentException.class, () -> QuadMapping.GDELT.quadOf(root));
  }

  @Test
  void quadOf_null_throws() {
    assertThrows(IllegalArgumentException.class, () -> QuadMapping.ICEWS.quadOf(null));
  }
}
