package org.entente.analyse.verdict;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.entente.system.Proposition;

/**
 * Typed reading of a proposition's operationalisation (parsed JSON: maps, lists, strings, numbers,
 * booleans, nulls) by dotted path. A missing or mistyped field is a defect of the bundled
 * propositions and fails with {@link IllegalStateException} naming the proposition and the path.
 */
final class Spec {
  private final String id;
  private final Map<String, Object> root;
  private final String prefix;

  Spec(Proposition p) {
    this(p.id(), p.operationalisation(), "");
  }

  private Spec(String id, Map<String, Object> root, String prefix) {
    this.id = id;
    this.root = root;
    this.prefix = prefix;
  }

  /** A nested object as a spec of its own. */
  Spec sub(String path) {
    return new Spec(id, map(path), prefix + path + ".");
  }

  /** An element of a list of objects as a spec. */
  @SuppressWarnings("unchecked")
  Spec element(String path, int i) {
    Object o = list(path).get(i);
    if (!(o instanceof Map<?, ?>)) {
      throw fail(path + "[" + i + "]", "an object");
    }
    return new Spec(id, (Map<String, Object>) o, prefix + path + "[" + i + "].");
  }

  boolean has(String path) {
    return raw(path) != null;
  }

  Object raw(String path) {
    Object cur = root;
    for (String part : path.split("\\.")) {
      if (!(cur instanceof Map<?, ?> m)) {
        return null;
      }
      cur = m.get(part);
    }
    return cur;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> map(String path) {
    Object o = raw(path);
    if (!(o instanceof Map<?, ?>)) {
      throw fail(path, "an object");
    }
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  List<Object> list(String path) {
    Object o = raw(path);
    if (!(o instanceof List<?>)) {
      throw fail(path, "a list");
    }
    return (List<Object>) o;
  }

  String string(String path) {
    Object o = raw(path);
    if (!(o instanceof String s)) {
      throw fail(path, "a string");
    }
    return s;
  }

  double number(String path) {
    Object o = raw(path);
    if (!(o instanceof Number n)) {
      throw fail(path, "a number");
    }
    return n.doubleValue();
  }

  int integer(String path) {
    double d = number(path);
    if (d != Math.rint(d)) {
      throw fail(path, "an integer");
    }
    return (int) d;
  }

  /** A month {@code YYYY-MM}, or {@code null} when the field is JSON null (an open end). */
  YearMonth monthOrNull(String path) {
    Object o = raw(path);
    if (o == null) {
      return null;
    }
    if (!(o instanceof String s)) {
      throw fail(path, "a month YYYY-MM or null");
    }
    try {
      return YearMonth.parse(s);
    } catch (DateTimeParseException e) {
      throw fail(path, "a month YYYY-MM or null");
    }
  }

  /** A required month. */
  YearMonth month(String path) {
    YearMonth m = monthOrNull(path);
    if (m == null) {
      throw fail(path, "a month YYYY-MM");
    }
    return m;
  }

  IllegalStateException fail(String path, String expected) {
    return new IllegalStateException(
        "proposition "
            + id
            + ": operationalisation field '"
            + prefix
            + path
            + "' must be "
            + expected);
  }
}
