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

/**
 * The simulate stage's JSON: record components as snake_case keys, enum constants as their option
 * labels ({@link Choices#label}), doubles at full precision (the shortest text that reads back to
 * the same double), NaN and infinities as null. Thread-safe.
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
    SimpleModule module = new SimpleModule("simulate");
    StdSerializer<Double> doubles =
        new StdSerializer<>(Double.class) {
          private static final long serialVersionUID = 1L;

          @Override
          public void serialize(Double d, JsonGenerator g, SerializerProvider p)
              throws IOException {
            if (d.isNaN() || d.isInfinite()) {
              g.writeNull();
            } else {
              g.writeNumber(d);
            }
          }
        };
    module.addSerializer(Double.class, doubles);
    module.addSerializer(double.class, doubles);
    module.addSerializer(
        double[].class,
        new StdSerializer<>(double[].class) {
          private static final long serialVersionUID = 1L;

          @Override
          public void serialize(double[] a, JsonGenerator g, SerializerProvider p)
              throws IOException {
            g.writeStartArray();
            for (double d : a) {
              doubles.serialize(d, g, p);
            }
            g.writeEndArray();
          }
        });
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
