package org.entente.simulate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import org.entente.report.JsonNumbers;

/**
 * The simulate stage's JSON: record components as snake_case keys, enum constants as their option
 * labels ({@link Choices#label}), numbers as {@link JsonNumbers} writes them (full precision, NaN
 * and infinities as null). Thread-safe.
 */
public final class SimulateJson {
  private static final ObjectMapper MAPPER = build();

  private SimulateJson() {}

  /** The JSON text of {@code value}. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** {@code value} as a tree (to add keys before writing). */
  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** The configured mapper (shared; do not reconfigure). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static ObjectMapper build() {
    ObjectMapper m = new ObjectMapper();
    m.registerModule(JsonNumbers.finiteDoubles());
    SimpleModule module = new SimpleModule("simulate");
    module.addSerializer(
        (Class) Enum.class,
        new StdSerializer<Enum>(Enum.class) {
          private static final long serialVersionUID = 1L;

          @Override
          public void serialize(Enum e, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeString(Choices.label(e));
          }
        });
    m.registerModule(module);
    m.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    return m;
  }
}
