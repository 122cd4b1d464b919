package org.entente.simulate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The bundled scenarios (an explicit list, no classpath scanning) in {@code
 * org/entente/simulate/scenarios/ID.json}, and the reader for scenario files. Thread-safe.
 */
public final class Scenarios {
  /** Identifiers of the bundled scenarios, in display order. */
  public static final List<String> BUNDLED =
      List.of("sanctions-enforcement", "rus-prk-military", "prk-nuclear");

  private static final List<Scenario> ALL = BUNDLED.stream().map(Scenarios::loadBundled).toList();

  private Scenarios() {}

  /** All bundled scenarios, validated. */
  public static List<Scenario> bundled() {
    return ALL;
  }

  /** The bundled scenario with this id. */
  public static Optional<Scenario> find(String id) {
    return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /**
   * Reads and validates a scenario file.
   *
   * @throws ActorInputException when it is not a valid scenario (the message names the file)
   * @throws UncheckedIOException when it cannot be read
   */
  public static Scenario read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(file.toString(), in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The validated scenario in {@code in}; a text that is not one is an {@link ActorInputException}
   * naming {@code source} and the problem (package-private for the fuzz target).
   */
  static Scenario parse(String source, InputStream in) throws IOException {
    try {
      return ScenarioReader.read(in).validate();
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      String why = e.getOriginalMessage();
      if (why != null && why.startsWith("Non-standard token")) {
        // Jackson's own words name a feature to enable: say what JSON allows instead
        why = why.replaceFirst(":.*", "") + ": NaN and Infinity are not JSON numbers";
      }
      com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
      throw new ActorInputException(
          source
              + (at == null || at.getLineNr() < 1 ? "" : ": line " + at.getLineNr())
              + ": "
              + why,
          e);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ActorInputException(source + ": " + e.getMessage(), e);
    }
  }

  private static Scenario loadBundled(String id) {
    String name = "scenarios/" + id + ".json";
    try (InputStream in = Scenarios.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("bundled scenario missing: " + name);
      }
      Scenario s = parse(name, in);
      if (!s.id().equals(id)) {
        throw new IllegalStateException(name + ": id is " + s.id());
      }
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
