package org.entente.cli;

import java.time.YearMonth;
import java.util.Locale;

/** Parsing of option values shared by the commands; mistakes become {@link UsageException}s. */
final class Options {
  private Options() {}

  /** {@code YYYY-MM} (or {@code YYYY}, meaning January for --from and December for --to). */
  static YearMonth month(String option, String v, boolean endOfYear) {
    if (v == null) {
      return null;
    }
    try {
      if (v.matches("\\d{4}")) {
        return YearMonth.of(Integer.parseInt(v), endOfYear ? 12 : 1);
      }
      return YearMonth.parse(v);
    } catch (java.time.DateTimeException e) {
      throw new UsageException(option + ": '" + v + "' is not a month (YYYY-MM)");
    }
  }

  /** A dyad {@code A-B} (undirected) or {@code A>B} (directed). */
  record Dyad(String a, String b, boolean directed) {}

  static Dyad dyad(String v) {
    String s = v.trim().toUpperCase(Locale.ROOT);
    boolean directed = s.contains(">");
    String[] parts = s.split(directed ? ">" : "-");
    if (parts.length != 2 || !parts[0].matches("[A-Z]{3,9}") || !parts[1].matches("[A-Z]{3,9}")) {
      throw new UsageException(
          "--dyad: '" + v + "' is not a dyad (write A-B for both directions, A>B for one)");
    }
    if (parts[0].equals(parts[1])) {
      throw new UsageException("--dyad: '" + v + "' names the same actor twice");
    }
    return new Dyad(parts[0], parts[1], directed);
  }
}
