package org.entente.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The essays' propositions as data, bundled in the jar ({@value #RESOURCE}), each with an
 * operationalisation written down before any result was seen. The analysis stage evaluates them.
 */
public final class Propositions {
  public static final String RESOURCE = "/org/entente/system/propositions.json";

  /** Test kinds the analysis stage knows how to run. */
  public static final Set<String> TESTS =
      Set.of(
          "leadlag",
          "conditional_means",
          "changepoints",
          "difference_of_means",
          "character",
          "event_occurrence",
          "triangle");

  /** Verdict rules of a pre-registered proposition (v1). */
  private static final Set<String> VERDICTS = Set.of("supported", "not_supported", "inconclusive");

  /** Verdict rules of a revision (v2 on), in the vocabulary of docs/analysis.md. */
  private static final Set<String> REVISED_VERDICTS =
      Set.of("supported", "contradicted", "inconclusive");

  private static volatile List<Proposition> bundled;

  private Propositions() {}

  /** The bundled propositions, P1..P10 in order, each version (v1 first) in turn. */
  public static List<Proposition> bundled() {
    List<Proposition> b = bundled;
    if (b == null) {
      try (InputStream in = Propositions.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the bundled propositions are missing");
        }
        b = read(in);
        bundled = b;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return b;
  }

  /**
   * The proposition with this id (case-insensitive), in its first (pre-registered) version.
   *
   * @throws IllegalArgumentException naming the known ids
   */
  public static Proposition byId(String id) {
    return versions(id).get(0);
  }

  /**
   * Every version of the proposition with this id (case-insensitive), v1 first.
   *
   * @throws IllegalArgumentException naming the known ids
   */
  public static List<Proposition> versions(String id) {
    List<Proposition> out = new ArrayList<>();
    for (Proposition p : bundled()) {
      if (p.id().equalsIgnoreCase(id)) {
        out.add(p);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("unknown proposition '" + id + "' (known: P1..P10)");
    }
    return List.copyOf(out);
  }

  /**
   * Reads and validates a propositions document.
   *
   * @throws IllegalArgumentException naming the proposition and the problem: a missing id, claim,
   *     seed or verdict rule, a duplicate id, or an unknown test kind
   */
  public static List<Proposition> read(InputStream in) throws IOException {
    Object root = PlainJson.read(in);
    Object list = root instanceof Map<?, ?> r ? r.get("propositions") : null;
    if (!(list instanceof List<?> items)) {
      throw new IllegalArgumentException("propositions: no 'propositions' array");
    }
    List<Proposition> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Object item : items) {
      Map<?, ?> p = item instanceof Map<?, ?> o ? o : Map.of();
      String id = text(p.get("id"));
      String where = "proposition '" + id + "': ";
      int version = p.get("version") instanceof Number n ? n.intValue() : 1;
      if (id.isEmpty() || !ids.add(id + " v" + version)) {
        throw new IllegalArgumentException(where + "missing or duplicate id and version");
      }
      if (version > 1
          && (text(p.get("revised")).isEmpty() || text(p.get("revision_reason")).isEmpty())) {
        throw new IllegalArgumentException(
            where + "version " + version + " needs 'revised' (a date) and 'revision_reason'");
      }
      String claim = text(p.get("claim"));
      String test = text(p.get("test"));
      if (claim.isEmpty()) {
        throw new IllegalArgumentException(where + "no claim");
      }
      if (!TESTS.contains(test)) {
        throw new IllegalArgumentException(where + "unknown test '" + test + "'");
      }
      List<String> seeds = new ArrayList<>();
      if (p.get("seeds") instanceof List<?> s) {
        s.forEach(x -> seeds.add(text(x)));
      }
      if (seeds.isEmpty()) {
        throw new IllegalArgumentException(where + "no seed");
      }
      Map<String, String> rules = new LinkedHashMap<>();
      if (p.get("verdict") instanceof Map<?, ?> v) {
        v.forEach((k, x) -> rules.put((String) k, text(x)));
      }
      if (version == 1 && !rules.keySet().equals(VERDICTS)) {
        throw new IllegalArgumentException(
            where + "verdict rules must be exactly supported, not_supported, inconclusive");
      }
      if (version > 1 && !rules.keySet().equals(REVISED_VERDICTS)) {
        throw new IllegalArgumentException(
            where
                + "a revision's verdict rules must be exactly supported, contradicted, inconclusive");
      }
      Map<String, Object> op = new LinkedHashMap<>();
      p.forEach(
          (k, x) -> {
            if (!Set.of("id", "claim", "seeds", "test", "verdict").contains(k)) {
              op.put((String) k, x);
            }
          });
      out.add(
          new Proposition(
              id,
              claim,
              List.copyOf(seeds),
              test,
              java.util.Collections.unmodifiableMap(op),
              java.util.Collections.unmodifiableMap(rules)));
    }
    return List.copyOf(out);
  }

  /**
   * A scalar as text, as Jackson's {@code asText("")} gave it: a string itself, a number or boolean
   * in its JSON spelling, anything else (missing, null, object, array) empty.
   */
  private static String text(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Number || v instanceof Boolean) {
      return String.valueOf(v);
    }
    return "";
  }
}
