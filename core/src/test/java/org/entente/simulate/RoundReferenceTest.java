package org.entente.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Round 1 under each preset and each single option changed from it, on three data sets, against
 * {@code core/src/test/resources/simulate/round1_reference.csv}, produced by the independent Python
 * implementation {@code round1_reference.py} next to it (written from METHODS §5 alone; Rg auto, Q
 * = 1).
 */
class RoundReferenceTest {
  private static final Map<String, List<Actor>> DATA =
      Map.of(
          "eu", EuExample.ACTORS,
          "three",
              List.of(
                  new Actor("A0", 7, 5, 0.9),
                  new Actor("A1", 7, 7, 1.0),
                  new Actor("A2", 2, 7, 0.1)),
          "sanctions", Scenarios.find("sanctions-enforcement").orElseThrow().modelActors());

  record Case(String data, String preset, String change, double[] positions) {
    @Override
    public String toString() {
      return data + " " + preset + " " + change;
    }
  }

  static Stream<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    try (InputStream in =
        RoundReferenceTest.class.getResourceAsStream("/simulate/round1_reference.csv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        String[] f = lines[i].split(",", 4);
        double[] x =
            Arrays.stream(f[3].trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
        out.add(new Case(f[0], f[1], f[2], x));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void roundOne_presetWithOneChange_matchesIndependentReference(Case c) {
    BdmOptions o =
        Preset.parse(c.preset()).options().withRange(Double.NaN).withStop(StopRule.fixed(1));
    if (!c.change().equals("-")) {
      String[] kv = c.change().split("=");
      o =
          switch (kv[0]) {
            case "den" ->
                o.withDenominator(Choices.parse(BdmOptions.Denominator.class, "den", kv[1]));
            case "num" -> o.withNumerator(Choices.parse(BdmOptions.Numerator.class, "num", kv[1]));
            case "votes" -> o.withVotes(Choices.parse(BdmOptions.Votes.class, "votes", kv[1]));
            case "sel" -> o.withSelection(Choices.parse(BdmOptions.Selection.class, "sel", kv[1]));
            case "persp" ->
                o.withPerspective(Choices.parse(BdmOptions.Perspective.class, "persp", kv[1]));
            case "cap" -> o.withCapitulation(Boolean.parseBoolean(kv[1]));
            case "rank" ->
                o.withCompromiseRank(Choices.parse(BdmOptions.CompromiseRank.class, "rank", kv[1]));
            default -> throw new IllegalArgumentException(c.change());
          };
    }
    BdmRun run = BdmModel.run(DATA.get(c.data()), o);
    double[] got = run.rounds().get(0).positions();
    assertEquals(c.positions().length, got.length);
    for (int i = 0; i < got.length; i++) {
      assertEquals(c.positions()[i], got[i], 1e-12, c + " actor " + i);
    }
  }
}
