package org.entente.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonOutputTest {

  @Test
  void write_specialCharacters_areEscaped() {
    assertEquals("\"a\\\"b\\\\c\\nd\\te\\r\\u0001\"", JsonOutput.write("a\"b\\c\nd\te\r\u0001"));
    assertEquals("\"Тбилиси\"", JsonOutput.write("Тбилиси"));
  }

  @Test
  void write_scalars_renderWithNullForNonFinite() {
    assertEquals("null", JsonOutput.write(null));
    assertEquals("null", JsonOutput.write(Double.NaN));
    assertEquals("null", JsonOutput.write(Double.POSITIVE_INFINITY));
    assertEquals("null", JsonOutput.write(Float.NaN));
    // full double precision (shortest round-trip decimal), exponent below 1e-7
    assertEquals("-0.6666666666666666", JsonOutput.write(-2.0 / 3));
    assertEquals(-2.0 / 3, Double.parseDouble(JsonOutput.write(-2.0 / 3)), 0);
    assertEquals("3.2E-12", JsonOutput.write(3.2e-12));
    assertEquals("0.0001", JsonOutput.write(1e-4));
    assertEquals("0.25", JsonOutput.write(0.25));
    assertEquals("3", JsonOutput.write(3.0));
    assertEquals("42", JsonOutput.write(42L));
    assertEquals("true", JsonOutput.write(true));
    assertEquals("\"PRK\"", JsonOutput.write("PRK"));
    assertEquals("\"2017-08\"", JsonOutput.write(YearMonth.of(2017, 8)));
  }

  @Test
  void write_nestedListsAndMaps_keepIterationOrder() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dyad", "RUS-PRK");
    m.put("n", List.of(1, 2));
    m.put("s4", Arrays.asList(0.5, null, Double.NaN));
    m.put("empty", List.of());
    assertEquals(
        "{\"dyad\": \"RUS-PRK\", \"n\": [1, 2], \"s4\": [0.5, null, null], \"empty\": []}",
        JsonOutput.write(m));
    assertEquals(
        "{\"dyad\":\"RUS-PRK\",\"n\":[1,2],\"s4\":[0.5,null,null],\"empty\":[]}",
        JsonOutput.compact(m));
  }

  @Test
  void numbers_everyPath_sameFormat() {
    // primitive arrays, tree nodes and records go through the same number format
    assertEquals("[1, null, 1E-9]", JsonOutput.write(new double[] {1.0, Double.NaN, 1e-9}));
    ObjectNode n = JsonOutput.mapper().createObjectNode();
    n.put("x", 2.0);
    n.put("y", Double.NEGATIVE_INFINITY);
    assertEquals("{\"x\":2,\"y\":null}", JsonOutput.compact(n));
    record Point(double meanValue, Double other) {}
    assertEquals("{\"mean_value\":0.5,\"other\":null}", JsonOutput.compact(new Point(0.5, null)));
  }

  @Test
  void writeRows_depthOne_oneRowPerLineUnderTheKey() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("query", Map.of("dyad", "RUS-PRK"));
    m.put("rows", List.of(Map.of("n", 1), Map.of("n", 2)));
    StringWriter out = new StringWriter();
    JsonOutput.writeRows(m, 1, out);
    assertEquals(
        "{\"query\": {\"dyad\": \"RUS-PRK\"},\n\"rows\": [\n  {\"n\": 1},\n  {\"n\": 2}\n]}",
        out.toString());
  }

  /** A record: not plain, so it goes through data binding (snake_case keys). */
  record Row(String dyadName, double score) {}

  @Test
  void write_plainValues_streamingEqualsDataBinding() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("z", 1);
    inner.put("a", Arrays.asList(1.5, null, Double.NaN, -0.0, 1e21, 1e-8, 123456789012L));
    inner.put("month", YearMonth.of(2024, 2));
    inner.put("day", java.time.LocalDate.of(2024, 2, 29));
    inner.put("big", new java.math.BigInteger("123456789012345678901234567890"));
    inner.put("dec", new java.math.BigDecimal("0.10"));
    inner.put("doubles", new double[] {0.1, Double.NEGATIVE_INFINITY, 2});
    inner.put("ints", new int[] {1, -2});
    inner.put("longs", new long[] {3L});
    inner.put("f", 0.1f);
    inner.put("short", (short) 7);
    inner.put("set", new java.util.TreeSet<>(List.of("b", "a")));
    inner.put("text", "q\"\u2028\n");
    inner.put("flag", false);
    inner.put("empty", Map.of());
    inner.put("none", List.of());
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("inner", inner);
    outer.put("list", List.of(inner, List.of(List.of())));
    outer.put("nothing", null);
    for (Object v : List.of(outer, inner, List.of(1, "x"), "s", 2.5)) {
      assertEquals(true, JsonOutput.isPlain(v, 0), String.valueOf(v));
      assertEquals(JsonOutput.writeBound(v), JsonOutput.write(v));
    }
    // not plain: a record, a map with a non-string key, an enum; data binding writes them
    Map<Object, Object> intKeys = new LinkedHashMap<>();
    intKeys.put(1, "a");
    for (Object v :
        List.of(
            new Row("RUS-PRK", 0.5),
            intKeys,
            java.time.DayOfWeek.MONDAY,
            Map.of("r", new Row("a", 1)))) {
      assertEquals(false, JsonOutput.isPlain(v, 0), String.valueOf(v));
      assertEquals(JsonOutput.writeBound(v), JsonOutput.write(v));
    }
    assertEquals(
        "{\"dyad_name\": \"RUS-PRK\", \"score\": 0.5}", JsonOutput.write(new Row("RUS-PRK", 0.5)));
  }
}
