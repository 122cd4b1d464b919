package org.entente.serve;

import io.javalin.http.Context;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.entente.analyse.series.Dyad;

/**
 * The validated query parameters of one request to one {@link Route}. Every getter rejects a bad
 * value with a {@link BadParameter} naming the parameter; a parameter the route does not declare,
 * or one given twice, is rejected when the query is built. Asking for an undeclared parameter is a
 * programming error ({@link IllegalStateException}).
 */
final class Query {
  private final Route route;
  private final Map<String, List<String>> raw;

  private Query(Route route, Map<String, List<String>> raw) {
    this.route = route;
    this.raw = raw;
  }

  /**
   * The query of a request.
   *
   * @throws BadParameter for an undeclared or repeated parameter
   */
  static Query of(Route route, Context ctx) {
    return of(route, decode(ctx.queryString()));
  }

  /**
   * The parameters of a raw query string ({@code a=1&b=x%20y}), decoded strictly: {@code +} is a
   * space, every {@code %} must start two hex digits, and the bytes must be UTF-8. (Javalin's own
   * map dropped a value with a broken escape, so {@code from=2020%} answered as if no {@code from}
   * had been given.) A part without {@code =} has the value "".
   *
   * @throws BadParameter naming the parameter whose name or value is not so encoded
   */
  static Map<String, List<String>> decode(String query) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String part : query.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String rawName = eq < 0 ? part : part.substring(0, eq);
      String name = strict(rawName, rawName);
      String value = eq < 0 ? "" : strict(part.substring(eq + 1), name);
      out.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
    }
    return out;
  }

  /** {@code s} percent-decoded as UTF-8, or a {@link BadParameter} for parameter {@code name}. */
  private static String strict(String s, String name) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
        int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
        if (hi < 0 || lo < 0 || s.charAt(i + 1) > 'f' || s.charAt(i + 2) > 'f') {
          throw new BadParameter(
              name,
              name
                  + ": '"
                  + (s.length() > 60 ? s.substring(0, 60) + "..." : s)
                  + "' is not URL-encoded: '%' must start two hex digits (write %25 for '%')");
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
      }
    }
    try {
      return java.nio.charset.StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new BadParameter(name, name + ": its %-escapes are not UTF-8 text");
    }
  }

  /** The decoded parameters, as given (for the response cache's key). */
  Map<String, List<String>> raw() {
    return raw;
  }

  /** The query of a parameter map (tests, the report). */
  static Query of(Route route, Map<String, List<String>> raw) {
    for (Map.Entry<String, List<String>> e : raw.entrySet()) {
      if (route.param(e.getKey()) == null) {
        List<String> known = route.params().stream().map(Param::name).toList();
        throw new BadParameter(
            e.getKey(),
            e.getKey()
                + ": unknown parameter for "
                + route.path()
                + (known.isEmpty() ? " (it takes none)" : " (known: " + String.join(", ", known))
                + (known.isEmpty() ? "" : ")"));
      }
      if (e.getValue().size() > 1) {
        throw new BadParameter(e.getKey(), e.getKey() + ": given more than once");
      }
    }
    return new Query(route, raw);
  }

  /** Whether the route declares parameter {@code name}. */
  boolean declares(String name) {
    return route.param(name) != null;
  }

  /** The raw value, or {@code null} if absent; a required parameter must be present. */
  String string(String name) {
    Param p = route.param(name);
    if (p == null) {
      throw new IllegalStateException(route.path() + " does not declare parameter " + name);
    }
    List<String> v = raw.get(name);
    String s = v == null || v.isEmpty() ? null : v.get(0).trim();
    if (p.required() && (s == null || s.isEmpty())) {
      throw new BadParameter(name, name + ": required" + example(p));
    }
    if (s != null && s.length() > 200) {
      throw new BadParameter(name, name + ": longer than 200 characters");
    }
    return s;
  }

  /** The value parsed by {@code parser}, whose {@link IllegalArgumentException} becomes a 400. */
  <T> T parsed(String name, String dflt, Function<String, T> parser) {
    String s = string(name);
    if (s == null || s.isEmpty()) {
      if (dflt == null) {
        return null;
      }
      s = dflt;
    }
    try {
      return parser.apply(s);
    } catch (IllegalArgumentException e) {
      throw new BadParameter(name, name + ": " + e.getMessage());
    }
  }

  /** A dyad {@code A-B} or {@code A>B}, or {@code null} if absent and optional. */
  Dyad dyad(String name) {
    String s = string(name);
    if (s == null || s.isEmpty()) {
      return null;
    }
    try {
      return Dyad.parseKnown(s);
    } catch (IllegalArgumentException e) {
      throw new BadParameter(name, name + ": " + e.getMessage());
    }
  }

  /**
   * A month {@code YYYY-MM} or a year {@code YYYY} (January, or December when {@code endOfYear}),
   * or {@code null} if absent.
   */
  YearMonth month(String name, boolean endOfYear) {
    String s = string(name);
    try {
      return org.entente.model.Months.parse(s, endOfYear);
    } catch (IllegalArgumentException e) {
      throw new BadParameter(name, name + ": " + e.getMessage());
    }
  }

  /** A boolean: {@code true}, {@code false}, {@code 1}, {@code 0}, or present and empty (true). */
  boolean flag(String name) {
    String s = string(name);
    if (s == null) {
      return false;
    }
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "", "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new BadParameter(name, name + ": '" + s + "' is not true or false");
    };
  }

  /** An integer in {@code [min, max]}, or {@code dflt} if absent. */
  int integer(String name, int dflt, int min, int max) {
    String s = string(name);
    if (s == null || s.isEmpty()) {
      return dflt;
    }
    int v;
    try {
      v = Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new BadParameter(
          name, name + ": '" + s + "' is not an integer from " + min + " to " + max);
    }
    if (v > max) {
      throw new BadParameter(
          name, name + ": " + v + " is above the cap of " + max + " on this server");
    }
    if (v < min) {
      throw new BadParameter(name, name + ": " + v + " is below the minimum of " + min);
    }
    return v;
  }

  /** A long integer, or {@code dflt} if absent. */
  long longInteger(String name, long dflt) {
    String s = string(name);
    if (s == null || s.isEmpty()) {
      return dflt;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new BadParameter(name, name + ": '" + s + "' is not an integer");
    }
  }

  /** A finite number in {@code [min, max]}, or {@code dflt} if absent. */
  double number(String name, double dflt, double min, double max) {
    String s = string(name);
    if (s == null || s.isEmpty()) {
      return dflt;
    }
    try {
      double v = Double.parseDouble(s);
      if (!(v >= min && v <= max)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new BadParameter(
          name, name + ": '" + s + "' is not a number from " + min + " to " + max);
    }
  }

  /**
   * A comma-separated list of distinct country codes (3 to 9 letters), upper-cased, or {@code dflt}
   * if absent.
   */
  List<String> actors(String name, List<String> dflt, int min, int max) {
    String s = string(name);
    if (s == null || s.isEmpty()) {
      return dflt;
    }
    List<String> out = new ArrayList<>();
    for (String part : s.split(",", -1)) {
      String c = part.trim().toUpperCase(Locale.ROOT);
      if (!c.matches("[A-Z]{3,9}")) {
        throw new BadParameter(name, name + ": '" + part + "' is not a country code");
      }
      try {
        out.add(Dyad.known(c));
      } catch (IllegalArgumentException e) {
        throw new BadParameter(name, name + ": " + e.getMessage());
      }
    }
    if (new LinkedHashSet<>(out).size() != out.size()) {
      throw new BadParameter(name, name + ": an actor is named twice");
    }
    if (out.size() < min || out.size() > max) {
      throw new BadParameter(
          name,
          name
              + ": expected "
              + (min == max ? Integer.toString(min) : min + " to " + max)
              + " country codes, got "
              + out.size());
    }
    return out;
  }

  /** Fails with a 400 naming {@code name} (a check that involves more than one value). */
  static BadParameter bad(String name, String message) {
    return new BadParameter(name, name + ": " + message);
  }

  private static String example(Param p) {
    return p.example() == null ? "" : " (e.g. " + p.name() + "=" + p.example() + ")";
  }
}
