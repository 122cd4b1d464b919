package org.entente.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The streaming reader gives what Jackson's data binding gives (the reference it replaced). */
class PlainJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Object plain(String json) throws IOException {
    return PlainJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static Object bound(String json) throws IOException {
    return MAPPER.convertValue(MAPPER.readTree(json), Object.class);
  }

  @Test
  void equalsDataBinding_onScalarsNestingAndNumberKinds() throws IOException {
    String doc =
        "{\"a\":1,\"b\":-2.5e-3,\"c\":[true,false,null,\"x\\u00e9\\n\"],"
            + "\"d\":{\"e\":{\"f\":[[],{}]}},\"big\":12345678901,"
            + "\"huge\":123456789012345678901234567890,\"z\":0.1,\"neg\":-0}";
    Object p = plain(doc);
    assertEquals(bound(doc), p);
    // the same Java types, not only equal values (Integer vs Long vs BigInteger vs Double)
    var m = (java.util.Map<?, ?>) p;
    var r = (java.util.Map<?, ?>) bound(doc);
    for (Object k : r.keySet()) {
      assertEquals(
          r.get(k) == null ? null : r.get(k).getClass(),
          m.get(k) == null ? null : m.get(k).getClass(),
          String.valueOf(k));
    }
    assertEquals(java.util.List.copyOf(r.keySet()), java.util.List.copyOf(m.keySet()), "order");
  }

  @Test
  void equalsDataBinding_onTheBundledPropositions() throws IOException {
    byte[] b;
    try (InputStream in = Propositions.class.getResourceAsStream(Propositions.RESOURCE)) {
      b = in.readAllBytes();
    }
    String doc = new String(b, StandardCharsets.UTF_8);
    assertEquals(bound(doc), plain(doc));
  }

  @Test
  void refusesMalformedEmptyAndTrailingContent() {
    assertThrows(IOException.class, () -> plain("{\"a\":"));
    assertThrows(IOException.class, () -> plain(""));
    assertThrows(IOException.class, () -> plain("{} {}"));
  }
}
