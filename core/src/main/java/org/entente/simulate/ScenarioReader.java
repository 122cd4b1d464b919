package org.entente.simulate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.entente.system.PlainJson;

/**
 * Reads a scenario file (the JSON that {@link SimulateJson#write} gives of a {@link Scenario}: keys
 * in snake_case) with Jackson's streaming parser. Jackson's data binding would read the same file
 * in the same way, but its set-up and the introspection of the four record types cost about a tenth
 * of a second of every command that reads the bundled scenarios ({@code report}, {@code simulate
 * scenario}): 104–114 ms against 2–3 ms for the three files, cold, measured on the product jar.
 *
 * <p>The rules are data binding's defaults: an unknown key is refused, naming it; a key left out or
 * {@code null} is null for a text, a list or an object and 0 for a number (then {@link
 * Scenario#validate} says what is missing or wrong); a number or a boolean where a text is expected
 * is taken as its text. Stricter than those defaults: a number given as a string must be a plain
 * decimal number ({@code "0.4"}, not {@code "NaN"} nor a hexadecimal one), and nothing may follow
 * the scenario's object but white space.
 */
final class ScenarioReader {
  private static final JsonFactory JSON = new JsonFactory();

  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  static final Set<String> SCENARIO_KEYS =
      Set.of("id", "title", "question", "period", "scale", "capability_index", "actors", "notes");

  static final Set<String> SCALE_KEYS = Set.of("min", "max", "min_label", "max_label", "regions");

  static final Set<String> REGION_KEYS = Set.of("from", "to", "label");

  static final Set<String> ACTOR_KEYS =
      Set.of(
          "code",
          "name",
          "capability",
          "capability_source",
          "position",
          "position_source",
          "salience",
          "salience_source");

  private ScenarioReader() {}

  /**
   * The scenario in {@code in}, not yet validated.
   *
   * @throws com.fasterxml.jackson.core.JacksonException if the text is not JSON
   * @throws IllegalArgumentException naming the key and the problem if it is not a scenario
   */
  static Scenario read(InputStream in) throws IOException {
    Object value;
    try (JsonParser p = JSON.createParser(in)) {
      value = document(p);
    } catch (java.io.CharConversionException e) {
      // Jackson reads UTF-8, UTF-16 and UTF-32 by the first bytes; what fits none is not text
      throw new IllegalArgumentException("not JSON text: " + e.getMessage());
    }
    if (!(value instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("a scenario is a JSON object, not " + kind(value));
    }
    return scenario(fields(m, SCENARIO_KEYS, "the scenario"));
  }

  /** The one value of the document, with nothing after it. */
  private static Object document(JsonParser p) throws IOException {
    if (p.nextToken() == null) {
      throw new IllegalArgumentException("the file is empty: a scenario is a JSON object");
    }
    // numbers kept as written: converted where a number is expected, taken as text elsewhere
    Object value = PlainJson.value(p, n -> new JsonNumber(n.getText()));
    if (p.nextToken() != null) {
      throw new IllegalArgumentException(
          "more follows the scenario's object at line "
              + p.currentLocation().getLineNr()
              + ": one scenario per file");
    }
    return value;
  }

  private static Scenario scenario(Map<String, Object> m) {
    Map<String, Object> scale = object(m, "scale", SCALE_KEYS, "scale");
    List<Scenario.ScenarioActor> actors =
        objects(
            m,
            "actors",
            null,
            ACTOR_KEYS,
            (a, at) ->
                new Scenario.ScenarioActor(
                    text(a, "code", at),
                    text(a, "name", at),
                    number(a, "capability", at),
                    text(a, "capability_source", at),
                    number(a, "position", at),
                    text(a, "position_source", at),
                    number(a, "salience", at),
                    text(a, "salience_source", at)));
    return new Scenario(
        text(m, "id", null),
        text(m, "title", null),
        text(m, "question", null),
        text(m, "period", null),
        scale == null ? null : scale(scale),
        text(m, "capability_index", null),
        actors,
        text(m, "notes", null));
  }

  private static Scenario.Scale scale(Map<String, Object> m) {
    List<Scenario.Region> regions =
        objects(
            m,
            "regions",
            "scale",
            REGION_KEYS,
            (r, at) ->
                new Scenario.Region(
                    number(r, "from", at), number(r, "to", at), text(r, "label", at)));
    return new Scenario.Scale(
        number(m, "min", "scale"),
        number(m, "max", "scale"),
        text(m, "min_label", "scale"),
        text(m, "max_label", "scale"),
        regions);
  }

  /** A JSON number as written (converted where a number is expected, kept as text elsewhere). */
  private record JsonNumber(String text) {}

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fields(Map<?, ?> m, Set<String> known, String what) {
    for (Object k : m.keySet()) {
      if (!known.contains(k)) {
        throw new IllegalArgumentException(
            "unknown key \""
                + k
                + "\" in "
                + what
                + " (its keys: "
                + String.join(", ", known.stream().sorted().toList())
                + ")");
      }
    }
    return (Map<String, Object>) m;
  }

  private static String where(String at, String key) {
    return at == null ? key : at + "." + key;
  }

  private static String text(Map<String, Object> m, String key, String at) {
    Object v = m.get(key);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    if (v instanceof JsonNumber n) {
      return n.text();
    }
    if (v instanceof Boolean b) {
      return b.toString();
    }
    throw new IllegalArgumentException(where(at, key) + ": a text is expected, not " + kind(v));
  }

  private static double number(Map<String, Object> m, String key, String at) {
    Object v = m.get(key);
    if (v == null) {
      // every number of a scenario is needed (a missing position was read as 0, and the forecast
      // changed without a word)
      throw new IllegalArgumentException(
          where(at, key)
              + ": "
              + (m.containsKey(key) ? "null" : "missing")
              + "; a number is needed");
    }
    String s =
        v instanceof JsonNumber n
            ? n.text()
            : v instanceof String str && DECIMAL.matcher(str).matches() ? str : null;
    if (s == null) {
      throw new IllegalArgumentException(where(at, key) + ": a number is expected, not " + kind(v));
    }
    return Double.parseDouble(s);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> m, String key, String at) {
    Object v = m.get(key);
    if (v == null || v instanceof List) {
      return (List<Object>) v;
    }
    throw new IllegalArgumentException(where(at, key) + ": a list is expected, not " + kind(v));
  }

  private static Map<String, Object> object(
      Map<String, Object> m, String key, Set<String> known, String what) {
    return element(m.get(key), known, what);
  }

  /**
   * The list {@code key} of {@code m} (null if it is left out or null), each element an object with
   * {@code known} keys made into a value by {@code make}, which gets the element's place for its
   * messages ({@code actors[2]}, {@code scale.regions[0]}).
   */
  private static <T> List<T> objects(
      Map<String, Object> m,
      String key,
      String at,
      Set<String> known,
      java.util.function.BiFunction<Map<String, Object>, String, T> make) {
    List<Object> items = list(m, key, at);
    if (items == null) {
      return null;
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String place = where(at, key) + "[" + i + "]";
      out.add(make.apply(item(items.get(i), known, place), place));
    }
    return out;
  }

  /** An element of a list: an object, never null. */
  private static Map<String, Object> item(Object v, Set<String> known, String what) {
    if (v == null) {
      throw new IllegalArgumentException(what + ": an object is expected, not null");
    }
    return element(v, known, what);
  }

  private static Map<String, Object> element(Object v, Set<String> known, String what) {
    if (v == null) {
      return null;
    }
    if (v instanceof Map<?, ?> o) {
      return fields(o, known, what);
    }
    throw new IllegalArgumentException(what + ": an object is expected, not " + kind(v));
  }

  private static String kind(Object v) {
    if (v instanceof Map) {
      return "an object";
    }
    if (v instanceof List) {
      return "a list";
    }
    if (v instanceof String s) {
      return "the text \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
    }
    if (v instanceof JsonNumber n) {
      return "the number " + n.text();
    }
    return String.valueOf(v);
  }
}
