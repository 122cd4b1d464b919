package org.entente.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * The number format of every Jackson JSON output: doubles at full precision (Double.toString: text
 * that reads back to the same double), NaN and infinities, which JSON cannot hold, as {@code null};
 * the same for {@code double[]} elements.
 */
public final class JsonNumbers {
  private JsonNumbers() {}

  /** A module with the serializers for {@code double}, {@code Double} and {@code double[]}. */
  public static SimpleModule finiteDoubles() {
    SimpleModule module = new SimpleModule("finite-doubles");
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
    return module;
  }
}
