package org.entente.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {
  @Test
  void key_isIndependentOfParameterOrder() {
    assertEquals(
        ResponseCache.key("/api/series", Map.of("dyad", List.of("RUS-PRK"), "freq", List.of("y"))),
        ResponseCache.key(
            "/api/series",
            new java.util.LinkedHashMap<>(
                Map.of("freq", List.of("y"), "dyad", List.of("RUS-PRK")))));
  }

  @Test
  void keptBodiesComeBack_oversizedOnesAreNotKept() {
    ResponseCache c = new ResponseCache(1000);
    c.put("a", "x".repeat(100));
    assertEquals("x".repeat(100), c.get("a"));
    c.put("big", "y".repeat(251));
    assertNull(c.get("big"), "over a quarter of the bound");
    assertNull(c.get("never"));
  }

  @Test
  void totalCharactersStayWithinTheBound() {
    ResponseCache c = new ResponseCache(1000);
    for (int i = 0; i < 100; i++) {
      c.put("k" + i, "z".repeat(200));
    }
    int kept = 0;
    for (int i = 0; i < 100; i++) {
      if (c.get("k" + i) != null) {
        kept++;
      }
    }
    assertTrue(kept <= 5, "kept " + kept + " bodies of 200+ characters under a bound of 1000");
    assertTrue(kept >= 1);
  }
}
