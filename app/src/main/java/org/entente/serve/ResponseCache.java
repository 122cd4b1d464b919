package org.entente.serve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bodies of successful API responses, least recently used first out, bounded in entries and
 * characters. Sound because the served store does not change: the server never writes to it, and
 * DuckDB lets no other process open the file for writing while the server holds it. Thread-safe.
 */
final class ResponseCache {
  private final int maxEntries;
  private final long maxChars;
  private final LinkedHashMap<String, String> bodies = new LinkedHashMap<>(64, 0.75f, true);
  private long chars;

  ResponseCache(int maxEntries, long maxChars) {
    this.maxEntries = maxEntries;
    this.maxChars = maxChars;
  }

  /** A key for a route and its parameters, independent of their order. */
  static String key(String path, Map<String, List<String>> params) {
    return path + "?" + new TreeMap<>(params);
  }

  synchronized String get(String key) {
    return bodies.get(key);
  }

  synchronized void put(String key, String body) {
    if (body.length() > maxChars / 4) {
      return;
    }
    String old = bodies.put(key, body);
    chars += body.length() - (old == null ? 0 : old.length());
    var it = bodies.entrySet().iterator();
    while ((bodies.size() > maxEntries || chars > maxChars) && it.hasNext()) {
      chars -= it.next().getValue().length();
      it.remove();
    }
  }
}
