package org.entente.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The bundled tables against the real samples they were counted from; the recount needs the shared
 * data and is skipped without it.
 */
class BenchTablesTest {

  private static final String V2 = "gdelt-v2-export-arekziobrowski/20191024143000.export.CSV";
  private static final String V1 = "gdelt-v1-events-reed9999/events.csv";

  private static List<String[]> sampleRows() throws IOException {
    Path v2 = SharedData.find(V2);
    Path v1 = SharedData.find(V1);
    assumeTrue(v2 != null && v1 != null, "shared GDELT samples not present: test skipped");
    List<String[]> rows = new ArrayList<>();
    for (Path p : List.of(v2, v1)) {
      for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
        rows.add(line.split("\t", -1));
      }
    }
    return rows;
  }

  @Test
  void eventCodeTable_countsEqualARecountOfTheSamples() throws IOException {
    Map<String, Long> recount = new TreeMap<>();
    for (String[] r : sampleRows()) {
      recount.merge(r[26], 1L, Long::sum);
    }
    Map<String, Long> table = new TreeMap<>();
    for (GdeltTables.EventCode e : GdeltTables.get().eventCodes) {
      table.put(e.code(), e.weight());
    }
    assertEquals(recount, table);
  }

  @Test
  void actorCountryTable_countsEqualARecountOfTheSamples() throws IOException {
    Map<String, Long> recount = new TreeMap<>();
    for (String[] r : sampleRows()) {
      for (int k : new int[] {7, 17}) {
        if (!r[k].isEmpty()) {
          recount.merge(r[k], 1L, Long::sum);
        }
      }
    }
    Map<String, Long> table = new TreeMap<>();
    for (GdeltTables.ActorCountry c : GdeltTables.get().actorCountries) {
      table.put(c.code(), c.weight());
    }
    assertEquals(recount, table);
  }

  @Test
  void tables_coverTheSixStatesWithTheirFipsCodes() {
    Map<String, String> fips = new TreeMap<>();
    for (GdeltTables.ActorCountry c : GdeltTables.get().actorCountries) {
      fips.put(c.code(), c.fips());
    }
    assertEquals("US", fips.get("USA"));
    assertEquals("CH", fips.get("CHN"));
    assertEquals("RS", fips.get("RUS"));
    assertEquals("JA", fips.get("JPN"));
    assertEquals("KS", fips.get("KOR"));
    assertEquals("KN", fips.get("PRK"));
  }

  @Test
  void pairStates_sumToTheSampleRows() {
    long sum = GdeltTables.get().pairStates.stream().mapToLong(GdeltTables.PairState::weight).sum();
    assertEquals(2_821, sum);
  }

  @Test
  void columnNames_matchTheGdelt2SchemaInSharedData() throws IOException {
    Path schema =
        SharedData.find(
            "gdelt-schema-gdeltPyR/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv");
    assumeTrue(schema != null, "shared GDELT schema not present: test skipped");
    List<String> lines = Files.readAllLines(schema, StandardCharsets.UTF_8);
    List<String> names = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        names.add(line.substring(0, line.indexOf(',')));
      }
    }
    assertEquals(61, names.size());
    for (int i = 0; i < 61; i++) {
      assertEquals(names.get(i), DuckDbBaseline.COLUMNS.get(i).getKey(), "column " + i);
    }
    assertTrue(names.contains("ActionGeo_ADM2Code"));
  }
}
