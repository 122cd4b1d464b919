package org.entente;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the data flow, checked on the sources: the event model depends on no stage,
 * and the store and measure stages use the model, never the ingest stage (issue 10's seam).
 */
class ArchitectureTest {
  private static final Path SRC = Path.of("src", "main", "java", "org", "entente");
  private static final Pattern REF = Pattern.compile("org\\.entente\\.([a-z]+)(\\.[a-z]+)*");

  /** Every org.entente package named in the sources of {@code pkg} (imports and full names). */
  private static List<String> referencesFrom(String pkg) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SRC.resolve(pkg))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(f)) {
          if (line.startsWith("package ")) {
            continue;
          }
          Matcher m = REF.matcher(line);
          while (m.find()) {
            out.add(SRC.relativize(f) + " -> " + m.group(1));
          }
        }
      }
    }
    return out;
  }

  @Test
  void theModel_dependsOnNoStage() throws IOException {
    List<String> refs = referencesFrom("model");
    assertEquals(
        List.of(), refs.stream().filter(r -> !r.endsWith("-> model")).toList(), "model imports");
  }

  @Test
  void storeAndMeasure_useTheModelNotTheIngestStage() throws IOException {
    for (String pkg : List.of("store", "measure")) {
      List<String> refs = referencesFrom(pkg);
      assertTrue(refs.size() > 0, pkg + " has sources");
      List<String> bad =
          refs.stream()
              .filter(
                  r ->
                      r.endsWith("-> ingest")
                          || r.endsWith("-> analyse")
                          || r.endsWith("-> report")
                          || r.endsWith("-> simulate"))
              .toList();
      assertEquals(List.of(), bad, pkg + " must not import these stages");
    }
  }
}
