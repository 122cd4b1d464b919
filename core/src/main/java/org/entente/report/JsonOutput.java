package org.entente.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.Instantiatable;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import org.entente.measure.Period;

/**
 * The one JSON configuration of every output (CLI, API, simulate), on Jackson:
 *
 * <ul>
 *   <li>numbers: a double or float is written as {@link Table#exact} (the shortest decimal that
 *       reads back to the same double, no trailing {@code .0}, an exponent only below 1e-7 or from
 *       1e21 on); NaN and infinities, which JSON cannot hold, as {@code null}; this holds on every
 *       path (boxed, primitive, {@code double[]}, tree nodes), since it is done in the generator;
 *   <li>nulls: written (a missing value is {@code null}, never an absent key);
 *   <li>key order: maps in iteration order, records in component order; record components as
 *       snake_case keys;
 *   <li>dates and periods: {@link YearMonth} and {@link LocalDate} as ISO text, {@link Period} as
 *       its label.
 * </ul>
 *
 * <p>Two layouts: {@link #mapper()} writes compact JSON (the API); {@link #write} writes the CLI's
 * layout, {@code {"k": v, "k2": [1, 2]}} on one line, and {@link #writeRows} puts each element of
 * one array on its own line (tables of rows). Thread-safe.
 */
public final class JsonOutput {
  /**
   * The generators' factory: every generator writes doubles through {@link FiniteNumbers} and
   * leaves its target open. Plain values are written with it directly ({@link #write}).
   */
  private static final JsonFactory FACTORY = newFactory();

  /**
   * The data-binding layer, made on first use: its set-up costs about a tenth of a second of a
   * command's start, which text output and plain values never pay.
   */
  private static final class Bound {
    static final ObjectMapper MAPPER = newMapper();
    static final ObjectWriter INLINE = MAPPER.writer(new Layout(-1));
  }

  private JsonOutput() {}

  /** The shared mapper, compact layout (shared; do not reconfigure). */
  public static ObjectMapper mapper() {
    return Bound.MAPPER;
  }

  /**
   * A new mapper with this configuration plus {@code modules} (for a stage that writes some of its
   * own types in its own way, e.g. simulate's option labels).
   */
  public static ObjectMapper newMapper(Module... modules) {
    JsonMapper.Builder b =
        JsonMapper.builder(newFactory())
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(datesAndPeriods());
    for (Module m : modules) {
      b.addModule(m);
    }
    return b.build();
  }

  private static JsonFactory newFactory() {
    return JsonFactory.builder()
        .addDecorator((f, g) -> new FiniteNumbers(g))
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        .build();
  }

  /** {@code value} in the compact layout (the API's). */
  public static String compact(Object value) {
    return text(Bound.MAPPER.writer(), value);
  }

  /**
   * {@code value} in the CLI's layout: one line, {@code ": "} and {@code ", "} separators. A plain
   * value ({@link #isPlain}) is written by the streaming generator, anything else through data
   * binding; both give the same text for a plain value.
   */
  public static String write(Object value) {
    if (isPlain(value, 0)) {
      StringWriter out = new StringWriter();
      try (JsonGenerator g = FACTORY.createGenerator(out)) {
        g.setPrettyPrinter(new Layout(-1));
        writePlain(g, value);
      } catch (IOException e) {
        throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
      }
      return out.toString();
    }
    return text(Bound.INLINE, value);
  }

  /** {@code value} in the CLI's layout through data binding (what {@link #write} must equal). */
  static String writeBound(Object value) {
    return text(Bound.INLINE, value);
  }

  /**
   * Whether {@code value} is made only of what the streaming path writes exactly as data binding
   * does: null, strings, booleans, boxed integers and floating-point numbers, {@link BigInteger},
   * {@link BigDecimal}, {@code double[]}, {@code int[]}, {@code long[]}, {@link Period}, {@link
   * YearMonth} and {@link LocalDate}, and maps with string keys and collections of these (nesting
   * up to 64 levels).
   */
  static boolean isPlain(Object value, int depth) {
    if (depth > 64) {
      return false;
    }
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof Double
        || value instanceof Float
        || value instanceof BigInteger
        || value instanceof BigDecimal
        || value instanceof double[]
        || value instanceof int[]
        || value instanceof long[]
        || value instanceof Period
        || value instanceof YearMonth
        || value instanceof LocalDate) {
      return true;
    }
    if (value instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String) || !isPlain(e.getValue(), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof Collection<?> c) {
      for (Object o : c) {
        if (!isPlain(o, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static void writePlain(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String x) {
      g.writeString(x);
    } else if (value instanceof Boolean x) {
      g.writeBoolean(x);
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      g.writeNumber(((Number) value).intValue());
    } else if (value instanceof Long x) {
      g.writeNumber(x);
    } else if (value instanceof Double x) {
      g.writeNumber(x.doubleValue());
    } else if (value instanceof Float x) {
      g.writeNumber(x.floatValue());
    } else if (value instanceof BigInteger x) {
      g.writeNumber(x);
    } else if (value instanceof BigDecimal x) {
      g.writeNumber(x);
    } else if (value instanceof double[] x) {
      g.writeArray(x, 0, x.length);
    } else if (value instanceof int[] x) {
      g.writeArray(x, 0, x.length);
    } else if (value instanceof long[] x) {
      g.writeArray(x, 0, x.length);
    } else if (value instanceof Period x) {
      g.writeString(x.label());
    } else if (value instanceof YearMonth || value instanceof LocalDate) {
      g.writeString(value.toString());
    } else if (value instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName((String) e.getKey());
        writePlain(g, e.getValue());
      }
      g.writeEndObject();
    } else {
      g.writeStartArray();
      for (Object o : (Collection<?>) value) {
        writePlain(g, o);
      }
      g.writeEndArray();
    }
  }

  /**
   * {@code value} as {@code writer} writes it.
   *
   * @throws IllegalStateException if it cannot be written (a type with no serializer: a bug)
   */
  public static String text(ObjectWriter writer, Object value) {
    try {
      return writer.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes {@code value} in the CLI's layout, except that the elements of the arrays at nesting
   * depth {@code rowsDepth} (0: the value itself is the array; 1: an array under a key of the
   * value) each go on their own line, indented by two spaces, and the entries of the object that
   * holds them are separated by line breaks. Does not close {@code out}.
   */
  public static void writeRows(Object value, int rowsDepth, Writer out) {
    try {
      Bound.MAPPER.writer(new Layout(rowsDepth)).writeValue(out, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SimpleModule datesAndPeriods() {
    SimpleModule m = new SimpleModule("dates-and-periods");
    m.addSerializer(Period.class, new TextSerializer<>(Period.class, Period::label));
    m.addSerializer(YearMonth.class, new TextSerializer<>(YearMonth.class, Object::toString));
    m.addSerializer(LocalDate.class, new TextSerializer<>(LocalDate.class, Object::toString));
    return m;
  }

  /** Writes a value as the string {@code text} gives. */
  private static final class TextSerializer<T> extends StdSerializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient Function<T, String> text;

    TextSerializer(Class<T> type, Function<T, String> text) {
      super(type);
      this.text = text;
    }

    @Override
    public void serialize(T value, JsonGenerator g, SerializerProvider p) throws IOException {
      g.writeString(text.apply(value));
    }
  }

  /** The number format, applied where every serializer and tree node writes a double. */
  private static final class FiniteNumbers extends JsonGeneratorDelegate {
    FiniteNumbers(JsonGenerator g) {
      // false: writeObject/writeTree serialize through this generator, not the delegate
      super(g, false);
    }

    @Override
    public void writeNumber(double d) throws IOException {
      if (Double.isFinite(d)) {
        delegate.writeNumber(Table.exact(d));
      } else {
        delegate.writeNull();
      }
    }

    @Override
    public void writeNumber(float f) throws IOException {
      writeNumber((double) f);
    }

    @Override
    public void writeArray(double[] array, int offset, int length) throws IOException {
      writeStartArray(array, length);
      for (int i = offset; i < offset + length; i++) {
        writeNumber(array[i]);
      }
      writeEndArray();
    }
  }

  /**
   * The CLI's layout: {@code ": "} after a key, {@code ", "} between entries and elements; arrays
   * at depth {@code rowsDepth} one element per line. Stateful (depth), so one instance per
   * generator ({@link Instantiatable}).
   */
  private static final class Layout implements PrettyPrinter, Instantiatable<Layout> {
    private final int rowsDepth;
    private int depth;

    Layout(int rowsDepth) {
      this.rowsDepth = rowsDepth;
    }

    @Override
    public Layout createInstance() {
      return new Layout(rowsDepth);
    }

    private boolean rows() {
      return depth - 1 == rowsDepth;
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(' ');
    }

    private void open(JsonGenerator g, char c) throws IOException {
      g.writeRaw(c);
      depth++;
    }

    private void close(JsonGenerator g, String text) throws IOException {
      g.writeRaw(text);
      depth--;
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
      open(g, '{');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
      close(g, "}");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(depth == rowsDepth ? ",\n" : ", ");
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
      open(g, '[');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      close(g, rows() && values > 0 ? "\n]" : "]");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(rows() ? ",\n  " : ", ");
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      if (rows()) {
        g.writeRaw("\n  ");
      }
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) {
      // nothing before the first key
    }
  }
}
