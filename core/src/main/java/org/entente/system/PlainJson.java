package org.entente.system;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON document into plain Java values with Jackson's streaming parser: objects as
 * insertion-ordered maps, arrays as lists, strings, {@code Integer}/{@code Long}/{@code BigInteger}
 * for integral numbers (the smallest that holds the value), {@code Double} for the others, {@code
 * Boolean} and {@code null} — what {@code ObjectMapper.convertValue(node, Object.class)} gives,
 * without the data-binding layer, whose first use costs about a fifth of a second of every
 * command's start (the bundled propositions are read by every {@code test}).
 */
final class PlainJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private PlainJson() {}

  /**
   * The document's value.
   *
   * @throws IOException on malformed JSON (Jackson's message, with line and column) or trailing
   *     content after the value
   */
  static Object read(InputStream in) throws IOException {
    try (JsonParser p = FACTORY.createParser(in)) {
      if (p.nextToken() == null) {
        throw new IOException("empty JSON document");
      }
      Object v = value(p);
      if (p.nextToken() != null) {
        throw new IOException("content after the JSON value at " + p.currentLocation());
      }
      return v;
    }
  }

  /** The value whose first token is the parser's current one; leaves the parser on its last. */
  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT:
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          m.put(name, value(p));
        }
        return m;
      case START_ARRAY:
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(value(p));
        }
        return l;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getNumberValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected " + t + " at " + p.currentLocation());
    }
  }
}
