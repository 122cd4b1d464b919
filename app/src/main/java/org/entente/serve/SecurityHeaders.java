package org.entente.serve;

import java.util.Map;

/**
 * Headers sent with every response, API, dashboard files and errors alike: a
 * Content-Security-Policy that allows only the server's own scripts and styles (ECharts draws with
 * inline styles and exports charts as data: images), no MIME sniffing, no referrer, and no framing
 * by other sites.
 */
final class SecurityHeaders {
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri"
          + " 'none'; form-action 'self'; frame-ancestors 'none'";

  static final Map<String, String> HEADERS =
      Map.of(
          "Content-Security-Policy",
          CSP,
          "X-Content-Type-Options",
          "nosniff",
          "Referrer-Policy",
          "no-referrer",
          "X-Frame-Options",
          "DENY");

  private SecurityHeaders() {}
}
