package org.entente.simulate;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzz target of the scenario reader (Jazzer), the parser of the files {@code simulate scenario
 * FILE} reads. The property: whatever the bytes, reading gives a validated scenario or an {@link
 * ActorInputException} naming the file and the problem, never another exception. Without {@code
 * JAZZER_FUZZ} this runs as a regression test over the seeds in {@code ScenarioFuzzTestInputs/}
 * (the three bundled scenarios and two broken ones); the build's {@code fuzz-scenario} execution
 * fuzzes it for a bounded time (core POM).
 */
class ScenarioFuzzTest {

  @FuzzTest(maxDuration = "10s")
  @DictionaryEntries({
    "\"scale\"", "\"regions\"", "\"actors\"", "\"salience\"", "\"position\"", "\"capability\"",
    "\"0.4\"", "\"NaN\"", "null", "true", "1e308", "-0"
  })
  void scenario(byte[] body) throws IOException {
    try {
      Scenario s = Scenarios.parse("f.json", new ByteArrayInputStream(body));
      assertNotNull(s.id());
      assertTrue(s.actors().size() >= 2, "validated");
      assertNotNull(s.region(s.scale().min()));
    } catch (ActorInputException e) {
      assertTrue(e.getMessage().startsWith("f.json: "), e.getMessage());
      assertTrue(e.getMessage().length() > "f.json: ".length(), "names the problem");
    }
  }
}
