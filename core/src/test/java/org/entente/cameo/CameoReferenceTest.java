package org.entente.cameo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.entente.ingest.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Checks the bundled CAMEO reference against GDELT's published lookup tables in {@code
 * ../shared/data/cameo-gdelt-lookups} (origin in that folder's PROVENANCE.md). Skipped when the
 * folder is absent.
 */
class CameoReferenceTest {
  private static final String LOOKUPS = "cameo-gdelt-lookups";
  private final Cameo cameo = Cameo.bundled();

  /** Code → value of a two-column lookup with a header line; CR line ends tolerated. */
  private static Map<String, String> lookup(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (l.isBlank()) {
        continue;
      }
      String[] f = l.split("\t", -1);
      out.put(f[0].strip(), f.length > 1 ? f[1].strip() : "");
    }
    return out;
  }

  @Test
  void goldstein_everyGdeltLookupCode_isBundledWithTheSameWeight() throws IOException {
    Map<String, String> g = lookup(SharedData.file(LOOKUPS, "CAMEO.goldsteinscale.txt"));
    // 311 codes (cameo-gdelt-lookups/PROVENANCE.md)
    assertEquals(311, g.size());
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> e : g.entrySet()) {
      double expected = Double.parseDouble(e.getValue());
      if (!cameo.isEventCode(e.getKey())
          || cameo.event(e.getKey()).orElseThrow().goldstein() != expected) {
        wrong.add(e.getKey() + "=" + e.getValue());
      }
    }
    assertEquals(List.of(), wrong, "codes missing or with another Goldstein weight");
    Set<String> bundled = new TreeSet<>();
    cameo.eventTypes().forEach(t -> bundled.add(t.code()));
    assertEquals(new TreeSet<>(g.keySet()), bundled, "the bundled table has extra codes");
  }

  @Test
  void event_everyGdeltLookupCode_hasTheSameName() throws IOException {
    Map<String, String> names = lookup(SharedData.file(LOOKUPS, "CAMEO.eventcodes.txt"));
    assertEquals(311, names.size());
    List<String> wrong = new ArrayList<>();
    names.forEach(
        (code, name) -> {
          String ours = cameo.event(code).map(CameoEventType::name).orElse(null);
          if (ours == null || !ours.equalsIgnoreCase(name)) {
            wrong.add(code + ": '" + name + "' vs '" + ours + "'");
          }
        });
    assertEquals(List.of(), wrong);
  }

  @Test
  void event_crlfCopyWithMergedLine_agreesExceptTheSwallowedCode106() throws IOException {
    // CAMEO.eventcodes.current-crlf.txt: CRLF and one merged line "1056 ...106:[-5.0] ..." that
    // swallows code 106 → 310 parseable codes (cameo-gdelt-lookups/PROVENANCE.md)
    Map<String, String> crlf =
        lookup(SharedData.file(LOOKUPS, "CAMEO.eventcodes.current-crlf.txt"));
    assertEquals(310, crlf.size());
    Set<String> missing = new TreeSet<>();
    cameo.eventTypes().forEach(t -> missing.add(t.code()));
    missing.removeAll(crlf.keySet());
    assertEquals(Set.of("106"), missing);
    assertTrue(crlf.keySet().stream().allMatch(cameo::isEventCode));
  }

  @Test
  void countries_everyGdeltCountryCode_isBundledWithTheSameName() throws IOException {
    Map<String, String> countries = lookup(SharedData.file(LOOKUPS, "CAMEO.country.txt"));
    // 261 actor country/region codes (cameo-gdelt-lookups/PROVENANCE.md)
    assertEquals(261, countries.size());
    List<String> wrong = new ArrayList<>();
    countries.forEach(
        (code, name) -> {
          String ours = cameo.countryName(code).orElse(null);
          if (ours == null || !ours.equalsIgnoreCase(name)) {
            wrong.add(code + ": '" + name + "' vs '" + ours + "'");
          }
        });
    assertEquals(List.of(), wrong);
  }

  @Test
  void countryCodeForName_everyIcewsCountryName_resolvesAndSixStatesAgree() throws IOException {
    // openeventdata/text_to_CAMEO countrynames.txt: ICEWS name, CAMEO code, COW code; no header
    // (shared/data/icews-cameo-mapping-text_to_CAMEO/PROVENANCE.md)
    Path file = SharedData.file("icews-cameo-mapping-text_to_CAMEO", "countrynames.txt");
    List<String> unresolved = new ArrayList<>();
    Map<String, String> six = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.strip().split("\t");
      if (f.length < 2 || f[0].equals("NULL")) {
        continue;
      }
      String ours = cameo.countryCodeForName(f[0]).orElse(null);
      if (ours == null) {
        unresolved.add(f[0]);
      }
      if (Set.of("USA", "CHN", "RUS", "JPN", "KOR", "PRK").contains(f[1])) {
        six.put(f[0], f[1] + " vs " + ours);
      }
    }
    assertEquals(List.of(), unresolved);
    assertEquals(
        Map.of(
            "United States", "USA vs USA",
            "China", "CHN vs CHN",
            "Russian Federation", "RUS vs RUS",
            "Russia", "RUS vs RUS",
            "Japan", "JPN vs JPN",
            "North Korea", "PRK vs PRK",
            "South Korea", "KOR vs KOR"),
        six);
  }
}
