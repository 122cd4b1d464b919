package org.entente.serve;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.analyse.AnalysisException;
import org.entente.report.JsonOutput;
import org.entente.store.EventStore;

/**
 * Fuzz target for the API's parameter parsing and the handlers behind it (Jazzer), on the bundled
 * chronology. The property: for any query string a route answers a value (a 200), a {@link
 * BadParameter} (a 400 naming the parameter) or an {@link AnalysisException} (a 422); nothing else,
 * so no request can produce a 500. Runs over its seeds in {@code ApiParameterFuzzTestInputs/} in
 * every build and is fuzzed for a bounded time by the build's {@code fuzz-api} execution.
 */
class ApiParameterFuzzTest {
  private static final EventStore STORE = TestServer.chronologyStore();
  private static final List<Route> ROUTES = Routes.all(new Api(STORE));
  private static final String[] JUNK = {"x", "", "dyad ", "FROM", "bootstrap", "%00"};

  @FuzzTest(maxDuration = "10s")
  @DictionaryEntries({
    "RUS-PRK",
    "USA>RUS",
    "2019-01",
    "2024",
    "year",
    "quarter",
    "month",
    "s4",
    "s6",
    "sd",
    "mad",
    "zero",
    "rozman",
    "USA,CHN,RUS",
    "true",
    "999",
    "-1",
    "1e309",
    "XXX"
  })
  void anyQuery_isAnsweredOrRefusedWithA4xx(FuzzedDataProvider data) {
    Route r = ROUTES.get(data.consumeInt(0, ROUTES.size() - 1));
    Map<String, List<String>> raw = new LinkedHashMap<>();
    int n = data.consumeInt(0, 6);
    for (int i = 0; i < n; i++) {
      String name =
          !r.params().isEmpty() && data.consumeBoolean()
              ? r.params().get(data.consumeInt(0, r.params().size() - 1)).name()
              : JUNK[data.consumeInt(0, JUNK.length - 1)];
      String value = data.consumeString(40);
      // the leadlag resampling is the one costly parameter: keep the fuzzer's requests cheap
      if (name.equals("bootstrap")) {
        value = Integer.toString(data.consumeInt(-5, 50));
      }
      raw.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
    }
    try {
      if (data.consumeBoolean()) {
        // or a raw query string, as a request carries it (escapes decoded strictly)
        raw = Query.decode(data.consumeString(80));
      }
      Query q = Query.of(r, raw);
      Object body = r.handler().apply(q);
      assertNotNull(JsonOutput.compact(body));
    } catch (BadParameter | AnalysisException expected) {
      assertNotNull(expected.getMessage());
    }
  }
}
