package org.entente.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Function;
import org.entente.measure.Period;
import org.entente.report.JsonNumbers;

/**
 * Writes the API's values as JSON: maps (in iteration order), lists, strings, numbers, booleans and
 * null. NaN and infinite doubles, which JSON cannot hold, are written as {@code null}. Thread-safe.
 */
public final class JsonWriter {
  private static final ObjectMapper MAPPER = mapper();

  private JsonWriter() {}

  /** The JSON text of {@code value}. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The shared mapper (also used by tests to read responses). */
  static ObjectMapper mapper() {
    ObjectMapper m = new ObjectMapper();
    m.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    m.registerModule(JsonNumbers.finiteDoubles());
    SimpleModule finite = new SimpleModule("dates-and-periods");
    finite.addSerializer(Period.class, new ToStringSerializer<>(Period.class, Period::label));
    finite.addSerializer(
        YearMonth.class, new ToStringSerializer<>(YearMonth.class, Object::toString));
    finite.addSerializer(
        LocalDate.class, new ToStringSerializer<>(LocalDate.class, Object::toString));
    m.registerModule(finite);
    // stage records nested in a response (test statistics, components) get snake_case keys
    m.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    return m;
  }

  /** Writes a value as the string {@code text} gives. */
  private static final class ToStringSerializer<T> extends StdSerializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient Function<T, String> text;

    ToStringSerializer(Class<T> type, Function<T, String> text) {
      super(type);
      this.text = text;
    }

    @Override
    public void serialize(T value, JsonGenerator g, SerializerProvider p) throws IOException {
      g.writeString(text.apply(value));
    }
  }
}
