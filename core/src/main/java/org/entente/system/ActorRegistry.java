package org.entente.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.entente.cameo.Cameo;

/**
 * The actor registry bundled in the jar ({@value #RESOURCE}): states with names and aliases,
 * leaders and officials with their years in office mapped to their state, historical successions
 * (the USSR → RUS) and IGOs. Lookups are case-insensitive and ignore hyphens and extra spaces, so
 * "Kim Jong-un", "KIM JONG UN" and "Kim Jong Un" are one name. Immutable and thread-safe.
 */
public final class ActorRegistry implements org.entente.ingest.ActorResolver {
  public static final String RESOURCE = "/org/entente/system/actors.tsv";
  private static volatile ActorRegistry bundled;
  private final List<Actor> actors;
  private final Map<String, Actor> byKey;

  private ActorRegistry(List<Actor> actors) {
    this.actors = List.copyOf(actors);
    Map<String, Actor> m = new LinkedHashMap<>();
    for (Actor a : actors) {
      m.putIfAbsent(key(a.code()), a);
    }
    for (Actor a : actors) {
      m.putIfAbsent(key(a.name()), a);
      for (String al : a.aliases()) {
        m.putIfAbsent(key(al), a);
      }
    }
    this.byKey = Collections.unmodifiableMap(m);
  }

  /** The registry bundled in the jar. */
  public static ActorRegistry bundled() {
    ActorRegistry r = bundled;
    if (r == null) {
      try (InputStream in = ActorRegistry.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the bundled actor registry is missing");
        }
        r = read(in, Cameo.bundled());
        bundled = r;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return r;
  }

  /**
   * Reads a registry (header {@code code kind name state from to aliases}). An IGO's state is its
   * own code when left empty; IGO codes (IGO...) need not be in the CAMEO country table.
   *
   * @throws IllegalArgumentException naming the line of a malformed entry, an unknown kind, or a
   *     state code that is not a CAMEO country or IGO code
   */
  public static ActorRegistry read(InputStream in, Cameo cameo) throws IOException {
    List<Actor> out = new ArrayList<>();
    for (TsvRows.Row row :
        TsvRows.read(
            in,
            "actor registry",
            List.of("code", "kind", "name", "state", "from", "to", "aliases"))) {
      int n = row.line();
      String[] f = row.fields();
      String kind = f[1].strip();
      if (!List.of("state", "igo", "person").contains(kind)) {
        throw new IllegalArgumentException(
            "actor registry line " + n + ": unknown kind '" + kind + "'");
      }
      String code = f[0].strip();
      String state = Cameo.normaliseCountry(f[3].strip());
      if (kind.equals("igo") && state.isEmpty()) {
        state = code;
      }
      boolean igoCode = kind.equals("igo") && state.startsWith("IGO");
      if (!cameo.isCountry(state) && !igoCode) {
        throw new IllegalArgumentException(
            "actor registry line " + n + ": state '" + state + "' is not a CAMEO code");
      }
      List<String> aliases =
          Arrays.stream(f[6].split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
      out.add(new Actor(code, kind, f[2].strip(), state, year(f[4], n), year(f[5], n), aliases));
    }
    return new ActorRegistry(out);
  }

  private static Integer year(String v, int line) {
    String s = v.strip();
    if (s.isEmpty()) {
      return null;
    }
    if (s.length() != 4 || !org.entente.ingest.Fields.asciiDigits(s)) {
      throw new IllegalArgumentException("actor registry line " + line + ": bad year '" + s + "'");
    }
    return Integer.valueOf(s);
  }

  /** All entries in file order. */
  public List<Actor> actors() {
    return actors;
  }

  /** The entry a code, name or alias refers to. */
  public Optional<Actor> lookup(String nameOrCode) {
    return nameOrCode == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(nameOrCode)));
  }

  /**
   * The state a code, name or alias maps to ("Lavrov" → RUS, "Kim Yo Jong" → PRK, "USSR" → RUS).
   */
  @Override
  public Optional<String> stateOf(String nameOrCode) {
    return lookup(nameOrCode).map(Actor::state);
  }

  static String key(String s) {
    return s.toLowerCase(Locale.ROOT)
        .replace('-', ' ')
        .replace('.', ' ')
        .strip()
        .replaceAll("\\s+", " ");
  }
}
