package org.entente.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void quote_specialCharacters_areEscaped() {
    assertEquals("\"a\\\"b\\\\c\\nd\\te\\r\\u0001\"", Json.quote("a\"b\\c\nd\te\r\u0001"));
    assertEquals("\"Тбилиси\"", Json.quote("Тбилиси"));
  }

  @Test
  void value_scalars_renderWithNullForNonFinite() {
    assertEquals("null", Json.value(null));
    assertEquals("null", Json.value(Double.NaN));
    assertEquals("null", Json.value(Double.POSITIVE_INFINITY));
    assertEquals("null", Json.value(Float.NaN));
    // full double precision (shortest round-trip decimal), exponent below 1e-7
    assertEquals("-0.6666666666666666", Json.value(-2.0 / 3));
    assertEquals(-2.0 / 3, Double.parseDouble(Json.value(-2.0 / 3)), 0);
    assertEquals("3.2E-12", Json.value(3.2e-12));
    assertEquals("0.25", Json.value(0.25));
    assertEquals("3", Json.value(3.0));
    assertEquals("42", Json.value(42L));
    assertEquals("true", Json.value(true));
    assertEquals("\"PRK\"", Json.value("PRK"));
  }

  @Test
  void value_nestedListsAndMaps_keepIterationOrder() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dyad", "RUS-PRK");
    m.put("n", List.of(1, 2));
    m.put("s4", Arrays.asList(0.5, null, Double.NaN));
    assertEquals(
        "{\"dyad\": \"RUS-PRK\", \"n\": [1, 2], \"s4\": [0.5, null, null]}", Json.value(m));
  }
}
