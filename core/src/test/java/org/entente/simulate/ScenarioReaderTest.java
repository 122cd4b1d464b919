package org.entente.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The streaming scenario reader against the reference it replaced: Jackson's data binding of the
 * {@link Scenario} records with {@link SimulateJson}'s mapper (snake_case keys), on the bundled
 * files and on variants of them.
 */
class ScenarioReaderTest {

  private static Scenario streaming(String json) throws IOException {
    return ScenarioReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static Scenario dataBinding(String json) throws IOException {
    return SimulateJson.mapper().readValue(json, Scenario.class);
  }

  /** A bundled scenario as a JSON tree, changed by {@code change}, as text. */
  private static String variant(String id, Consumer<ObjectNode> change) {
    ObjectNode n = (ObjectNode) SimulateJson.tree(Scenarios.find(id).orElseThrow());
    change.accept(n);
    return n.toString();
  }

  @Test
  void bundledFiles_readAsDataBindingReadsThem() throws IOException {
    for (String id : Scenarios.BUNDLED) {
      String json;
      try (var in = Scenarios.class.getResourceAsStream("scenarios/" + id + ".json")) {
        json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Scenario s = streaming(json);
      assertEquals(dataBinding(json), s, id);
      assertEquals(id, s.id());
      assertEquals(6, s.actors().size(), id);
    }
  }

  @Test
  void variants_leftOutNullCoercedAndReordered_readAsDataBindingReadsThem() throws IOException {
    List<String> variants =
        List.of(
            variant("prk-nuclear", n -> n.remove("notes")),
            variant("prk-nuclear", n -> n.putNull("title")),
            variant("prk-nuclear", n -> n.put("period", 2025)),
            variant("prk-nuclear", n -> n.put("period", true)),
            variant("prk-nuclear", n -> n.put("period", 2025.5)),
            variant("prk-nuclear", n -> ((ObjectNode) n.get("scale")).put("max", "100")),
            variant("prk-nuclear", n -> ((ObjectNode) n.get("scale")).put("min", "-1.5e1")),
            variant("prk-nuclear", n -> n.remove("scale")),
            variant("prk-nuclear", n -> n.remove("actors")),
            variant("prk-nuclear", n -> ((ObjectNode) n.get("actors").get(0)).put("capability", 1)),
            variant("prk-nuclear", n -> n.putArray("actors")),
            variant(
                "sanctions-enforcement",
                n -> {
                  ObjectNode scale = (ObjectNode) n.remove("scale");
                  n.set("scale", scale);
                }));
    for (String json : variants) {
      assertEquals(dataBinding(json), streaming(json), json);
    }
  }

  @Test
  void refusals_nameTheKeyAndTheProblem() {
    String unknown = variant("prk-nuclear", n -> n.put("nonsense", 1));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> streaming(unknown))
            .getMessage()
            .startsWith("unknown key \"nonsense\" in the scenario (its keys: actors,"));
    String actorKey =
        variant("prk-nuclear", n -> ((ObjectNode) n.get("actors").get(3)).put("weight", 1));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> streaming(actorKey))
            .getMessage()
            .startsWith("unknown key \"weight\" in actors[3] (its keys:"));
    String[][] cases = {
      {variant("prk-nuclear", n -> n.putArray("title")), "title: a text is expected, not a list"},
      {
        variant("prk-nuclear", n -> ((ObjectNode) n.get("scale")).put("max", "NaN")),
        "scale.max: a number is expected, not the text \"NaN\""
      },
      {
        variant("prk-nuclear", n -> ((ObjectNode) n.get("scale")).put("max", "0x1p6")),
        "scale.max: a number is expected, not the text \"0x1p6\""
      },
      {
        variant("prk-nuclear", n -> ((ObjectNode) n.get("actors").get(1)).put("position", true)),
        "actors[1].position: a number is expected, not true"
      },
      {
        variant("prk-nuclear", n -> ((ObjectNode) n.get("scale")).put("regions", "all")),
        "scale.regions: a list is expected, not the text \"all\""
      },
      {
        variant(
            "prk-nuclear",
            n -> ((com.fasterxml.jackson.databind.node.ArrayNode) n.get("actors")).addNull()),
        "actors[6]: an object is expected, not null"
      },
      {
        variant("prk-nuclear", n -> n.put("scale", 3)),
        "scale: an object is expected, not the number 3"
      },
      // every number is needed: these were read as 0, as data binding reads them
      {
        variant("prk-nuclear", n -> ((ObjectNode) n.get("scale")).remove("max")),
        "scale.max: missing; a number is needed"
      },
      {
        variant("prk-nuclear", n -> ((ObjectNode) n.get("scale")).putNull("min")),
        "scale.min: null; a number is needed"
      },
      {
        variant("prk-nuclear", n -> ((ObjectNode) n.get("actors").get(2)).remove("salience")),
        "actors[2].salience: missing; a number is needed"
      },
      {
        variant("prk-nuclear", n -> ((ObjectNode) n.get("actors").get(0)).remove("position")),
        "actors[0].position: missing; a number is needed"
      },
      {"[1, 2]", "a scenario is a JSON object, not a list"},
      {"", "the file is empty: a scenario is a JSON object"},
      {"{\"id\": \"x\"}\n{\"id\": \"y\"}", "more follows the scenario's object at line 2"},
    };
    for (String[] c : cases) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> streaming(c[0]), c[1]);
      assertTrue(e.getMessage().startsWith(c[1]), e.getMessage());
    }
  }

  /** The snake_case names of a record's components, as data binding names them. */
  private static java.util.Set<String> keysOf(Class<?> record) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (java.lang.reflect.RecordComponent c : record.getRecordComponents()) {
      out.add(c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT));
    }
    return out;
  }

  @Test
  void knownKeys_areTheRecordsComponents() {
    // a component added to a record must be added to the reader's keys too
    assertEquals(keysOf(Scenario.class), ScenarioReader.SCENARIO_KEYS);
    assertEquals(keysOf(Scenario.Scale.class), ScenarioReader.SCALE_KEYS);
    assertEquals(keysOf(Scenario.Region.class), ScenarioReader.REGION_KEYS);
    assertEquals(keysOf(Scenario.ScenarioActor.class), ScenarioReader.ACTOR_KEYS);
  }

  @Test
  void notJson_isJacksonsParseError() {
    assertThrows(
        com.fasterxml.jackson.core.JacksonException.class, () -> streaming("{\"id\": \"x\",}"));
  }
}
