package org.entente.serve;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bodies of successful API responses (a Caffeine cache bounded by their total length in
 * characters; a body larger than a quarter of the bound is not kept). Sound because the served
 * store does not change: the server opens it read-only and the engine lets no process write it
 * while it is open. Thread-safe.
 */
final class ResponseCache {
  private final long maxChars;
  private final Cache<String, String> bodies;

  ResponseCache(long maxChars) {
    this.maxChars = maxChars;
    this.bodies =
        Caffeine.newBuilder()
            .maximumWeight(maxChars)
            .weigher((String k, String v) -> k.length() + v.length())
            // evict on the request's own thread: the bound holds as soon as put returns
            .executor(Runnable::run)
            .build();
  }

  /** A key for a route and its parameters, independent of their order. */
  static String key(String path, Map<String, List<String>> params) {
    return path + "?" + new TreeMap<>(params);
  }

  String get(String key) {
    return bodies.getIfPresent(key);
  }

  void put(String key, String body) {
    if (body.length() > maxChars / 4) {
      return;
    }
    bodies.put(key, body);
  }
}
