package org.entente.analyse.leadlag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Properties;

/**
 * Reads {@code analyse/statsmodels-reference.properties}: numbers computed with statsmodels 0.13.5;
 * how they were produced is written at the top of that file.
 */
final class StatsmodelsReference {

  private static final String RESOURCE = "/analyse/statsmodels-reference.properties";
  private static final Properties PROPERTIES = load();

  private StatsmodelsReference() {}

  private static Properties load() {
    try (InputStream in = StatsmodelsReference.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + RESOURCE);
      }
      Properties p = new Properties();
      p.load(in);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String key) {
    String value = PROPERTIES.getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException("no key " + key + " in " + RESOURCE);
    }
    return value.trim();
  }

  static double number(String key) {
    return Double.parseDouble(text(key));
  }

  static int integer(String key) {
    return (int) Math.round(number(key));
  }

  static double[] numbers(String key) {
    return Arrays.stream(text(key).split(",")).mapToDouble(Double::parseDouble).toArray();
  }

  static double[] series(String name) {
    return numbers("series." + name);
  }
}
