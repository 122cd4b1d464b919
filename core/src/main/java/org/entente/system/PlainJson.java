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
public final class PlainJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** How a number token becomes a value. */
  @FunctionalInterface
  public interface Numbers {
    /** The value of the number on which {@code p} stands. */
    Object read(JsonParser p) throws IOException;
  }

  /** The numbers of {@link #read}: the smallest integral type that holds one, else a double. */
  private static final Numbers PLAIN =
      p -> p.currentToken() == JsonToken.VALUE_NUMBER_INT ? p.getNumberValue() : p.getDoubleValue();

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
      Object v = value(p, PLAIN);
      if (p.nextToken() != null) {
        throw new IOException("content after the JSON value at " + p.currentLocation());
      }
      return v;
    }
  }

  /**
   * The value whose first token is the parser's current one, its numbers made by {@code numbers};
   * leaves the parser on its last token.
   *
   * @throws IOException on malformed JSON, or a token that JSON text does not have
   */
  public static Object value(JsonParser p, Numbers numbers) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT:
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          m.put(name, value(p, numbers));
        }
        return m;
      case START_ARRAY:
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(value(p, numbers));
        }
        return l;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return numbers.read(p);
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
