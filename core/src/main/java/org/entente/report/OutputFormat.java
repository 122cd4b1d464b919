package org.entente.report;

import java.util.Locale;

/** How a command prints its result. */
public enum OutputFormat {
  TABLE,
  CSV,
  JSON;

  public static OutputFormat parse(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "table", "text" -> TABLE;
      case "csv" -> CSV;
      case "json" -> JSON;
      default ->
          throw new IllegalArgumentException(
              "unknown output format '" + s + "' (expected table, csv or json)");
    };
  }
}
