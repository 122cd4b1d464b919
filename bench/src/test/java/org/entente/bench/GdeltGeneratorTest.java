package org.entente.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GdeltGeneratorTest {

  static final Set<String> SIX = Set.of("RUS", "PRK", "CHN", "USA", "KOR", "JPN");
  private static final int ROWS = 20_000;
  private static final DateTimeFormatter YMD = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final DateTimeFormatter YMDHMS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  @TempDir static Path dir;
  private static GdeltGenerator.Stats stats;
  private static List<String> lines;
  private static List<String[]> rows;
  private static Map<String, String[]> codeTable;

  @BeforeAll
  static void generate() throws IOException {
    Path file = dir.resolve("events.tsv");
    stats = GdeltGenerator.write(file, ROWS, 20_240_601L);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertFalse(text.contains("\r"), "LF line ends only");
    assertTrue(text.endsWith("\n"));
    lines = List.of(text.substring(0, text.length() - 1).split("\n", -1));
    rows = new ArrayList<>();
    for (String line : lines) {
      rows.add(line.split("\t", -1));
    }
    codeTable = new HashMap<>();
    for (String[] r : GdeltTables.readTsv("event-code-frequencies.tsv", 3)) {
      codeTable.put(r[0], r);
    }
  }

  /** GDELT's QuadClass mapping (METHODS.md §1.2), written out independently of the generator. */
  private static int gdeltQuad(String root) {
    return switch (root) {
      case "01", "02", "03", "04", "05" -> 1;
      case "06", "07", "08", "09" -> 2;
      case "10", "11", "12", "13", "14" -> 3;
      case "15", "16", "17", "18", "19", "20" -> 4;
      default -> throw new AssertionError("bad root " + root);
    };
  }

  static boolean passesSixStateFilter(String[] r) {
    return SIX.contains(r[7]) && SIX.contains(r[17]) && !r[7].equals(r[17]);
  }

  @Test
  void write_sameSeed_byteIdenticalFileAndOtherSeedDiffers() throws IOException {
    Path a = dir.resolve("a.tsv");
    Path b = dir.resolve("b.tsv");
    Path c = dir.resolve("c.tsv");
    GdeltGenerator.write(a, 3_000, 99);
    GdeltGenerator.write(b, 3_000, 99);
    GdeltGenerator.write(c, 3_000, 100);
    assertEquals(-1, Files.mismatch(a, b));
    assertNotEquals(-1, Files.mismatch(a, c));
  }

  @Test
  void write_gzName_gzipOfTheSameText() throws IOException {
    Path plain = dir.resolve("p.tsv");
    Path gz = dir.resolve("p.tsv.gz");
    GdeltGenerator.Stats s1 = GdeltGenerator.write(plain, 2_000, 7);
    GdeltGenerator.Stats s2 = GdeltGenerator.write(gz, 2_000, 7);
    byte[] unzipped;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      unzipped = in.readAllBytes();
    }
    assertArrayEquals(Files.readAllBytes(plain), unzipped);
    assertEquals(s1.uncompressedBytes(), s2.uncompressedBytes());
    assertEquals(Files.size(gz), s2.fileBytes());
    assertTrue(s2.fileBytes() < s2.uncompressedBytes() / 2);
  }

  @Test
  void write_everyRow_has61Fields() throws IOException {
    assertEquals(ROWS, rows.size());
    assertEquals(ROWS, stats.rows());
    assertEquals(Files.size(dir.resolve("events.tsv")), stats.uncompressedBytes());
    assertEquals(stats.uncompressedBytes(), stats.fileBytes());
    for (String[] r : rows) {
      assertEquals(61, r.length, () -> String.join("|", r));
    }
    assertEquals(ROWS, Set.copyOf(lines).size(), "no row repeated");
  }

  @Test
  void write_idsAndDates_increasingAndConsistent() {
    long previousId = Long.MIN_VALUE;
    String previousAdded = "";
    LocalDate first = GdeltGenerator.FIRST_DAY;
    LocalDate last = first.plusDays(364);
    for (String[] r : rows) {
      long id = Long.parseLong(r[0]);
      assertTrue(id > previousId);
      previousId = id;
      assertEquals(14, r[59].length());
      LocalDateTime added = LocalDateTime.parse(r[59], YMDHMS);
      assertTrue(r[59].compareTo(previousAdded) >= 0, "DATEADDED never decreases");
      previousAdded = r[59];
      assertFalse(added.toLocalDate().isBefore(first) || added.toLocalDate().isAfter(last));
      assertEquals(0, added.getMinute() % 15);
      assertEquals(0, added.getSecond());
      LocalDate day = LocalDate.parse(r[1], YMD);
      assertFalse(day.isAfter(added.toLocalDate()), "event not after it was added");
      assertFalse(day.isBefore(added.toLocalDate().minusYears(1).minusDays(7)));
      assertEquals(r[1].substring(0, 6), r[2]);
      assertEquals(r[1].substring(0, 4), r[3]);
      double fraction =
          day.getYear() + ((day.getMonthValue() - 1) * 30 + day.getDayOfMonth()) / 365.0;
      assertEquals(fraction, Double.parseDouble(r[4]), 0.00006, r[4]);
    }
    String firstAdded = rows.get(0)[59].substring(0, 8);
    String lastAdded = rows.get(ROWS - 1)[59].substring(0, 8);
    assertEquals(first.format(YMD), firstAdded);
    assertEquals(last.format(YMD), lastAdded, "dates spread over the whole year");
  }

  @Test
  void write_eventCodes_fromTableWithLeadingZerosQuadAndGoldstein() {
    int leadingZero = 0;
    for (String[] r : rows) {
      String code = r[26];
      String[] entry = codeTable.get(code);
      assertTrue(entry != null, "code in the frequency table: " + code);
      assertTrue(code.length() == 3 || code.length() == 4, code);
      assertEquals(code.substring(0, 3), r[27]);
      assertEquals(code.substring(0, 2), r[28]);
      assertEquals(Integer.toString(gdeltQuad(r[28])), r[29]);
      assertEquals(entry[2], r[30], "Goldstein of " + code);
      if (code.startsWith("0")) {
        leadingZero++;
      }
    }
    // Roots 01-09 are 2,003 of the 2,821 real sample rows (71%).
    double share = leadingZero / (double) ROWS;
    assertTrue(share > 0.66 && share < 0.76, "leading-zero codes kept: " + share);
  }

  @Test
  void write_eventCodeShares_followTheTable() {
    Map<String, Integer> counts = new HashMap<>();
    for (String[] r : rows) {
      counts.merge(r[26], 1, Integer::sum);
    }
    long total = 0;
    for (String[] e : codeTable.values()) {
      total += Long.parseLong(e[1]);
    }
    for (String code : List.of("010", "042", "190", "111")) {
      double expected = Long.parseLong(codeTable.get(code)[1]) / (double) total;
      double observed = counts.getOrDefault(code, 0) / (double) ROWS;
      // 5 standard errors of a binomial share with n = 20,000.
      double tolerance = 5 * Math.sqrt(expected * (1 - expected) / ROWS);
      assertEquals(expected, observed, tolerance, code);
    }
  }

  @Test
  void write_goldstein_matchesTheGdeltLookupInSharedData() throws IOException {
    Path lookup = SharedData.find("cameo-gdelt-lookups/CAMEO.goldsteinscale.txt");
    assumeTrue(lookup != null, "shared/data/cameo-gdelt-lookups not present: test skipped");
    Map<String, Double> goldstein = new HashMap<>();
    for (String line : Files.readAllLines(lookup).subList(1, 312)) {
      String[] f = line.split("\t");
      goldstein.put(f[0], Double.parseDouble(f[1]));
    }
    for (String[] r : rows) {
      assertEquals(goldstein.get(r[26]), Double.parseDouble(r[30]), 0.0, r[26]);
    }
  }

  @Test
  void write_actors_codeNameAndTypeConsistentWithCountry() {
    int withCountry = 0;
    int domestic = 0;
    for (String[] r : rows) {
      for (int a : new int[] {5, 15}) {
        String code = r[a];
        String country = r[a + 2];
        String type1 = r[a + 7];
        if (code.isEmpty()) {
          for (int k = a; k < a + 10; k++) {
            assertEquals("", r[k], "absent actor has no fields");
          }
          continue;
        }
        assertFalse(r[a + 1].isEmpty(), "actor has a name");
        if (!country.isEmpty()) {
          withCountry++;
          assertEquals(3, country.length());
          assertEquals(country + type1, code);
        }
      }
      if (!r[7].isEmpty() && r[7].equals(r[17])) {
        domestic++;
      }
    }
    double share = withCountry / (2.0 * ROWS);
    assertTrue(share > 0.45 && share < 0.65, "share of actors with a country: " + share);
    // Real samples: 178 of 2,821 rows are domestic (same country on both sides).
    assertTrue(domestic > ROWS * 0.04 && domestic < ROWS * 0.09, "domestic rows " + domestic);
  }

  @Test
  void write_sixStateFilter_keepsAFewPercent() {
    long kept = rows.stream().filter(GdeltGeneratorTest::passesSixStateFilter).count();
    double share = kept / (double) ROWS;
    // The real samples keep 44 of 2,821 rows (1.56%).
    assertTrue(share > 0.008 && share < 0.03, "six-state share " + share);
    assertTrue(rows.stream().anyMatch(r -> r[7].equals("PRK") || r[17].equals("PRK")));
  }

  @Test
  void write_countsAndRootFlag_skewedSmallIntegers() {
    int root = 0;
    List<Integer> articles = new ArrayList<>();
    for (String[] r : rows) {
      assertTrue(r[25].equals("0") || r[25].equals("1"));
      root += r[25].equals("1") ? 1 : 0;
      int mentions = Integer.parseInt(r[31]);
      int sources = Integer.parseInt(r[32]);
      int numArticles = Integer.parseInt(r[33]);
      assertTrue(mentions >= numArticles && numArticles >= sources && sources >= 1);
      articles.add(numArticles);
    }
    articles.sort(null);
    assertTrue(articles.get(ROWS / 2) <= 5, "median NumArticles small");
    assertTrue(articles.get(ROWS - 1) > 20, "a long tail");
    assertTrue(root > ROWS * 0.55 && root < ROWS * 0.66, "IsRootEvent share");
  }

  @Test
  void write_toneAndUrl_plausibleAndSharedWithinAnArticle() {
    String[] previous = null;
    int sameUrl = 0;
    for (String[] r : rows) {
      double tone = Double.parseDouble(r[34]);
      assertTrue(tone >= -100 && tone <= 100);
      assertFalse(r[34].contains("E"), "no exponent notation");
      assertTrue(r[60].matches("https?://[a-z.]+\\.[a-z]+/[A-Za-z0-9/._-]+"), r[60]);
      if (previous != null && previous[60].equals(r[60])) {
        sameUrl++;
        assertEquals(previous[34], r[34], "one tone per article");
      }
      previous = r;
    }
    // Real GDELT 2.0 sample: 34.5% of rows repeat the previous row's URL.
    assertTrue(sameUrl > ROWS * 0.30 && sameUrl < ROWS * 0.40, "same-URL runs " + sameUrl);
  }

  @Test
  void write_geoBlocks_wellFormed() {
    for (String[] r : rows) {
      for (int g : new int[] {35, 43, 51}) {
        String type = r[g];
        if (type.equals("0")) {
          for (int k = g + 1; k < g + 8; k++) {
            assertEquals("", r[k]);
          }
          continue;
        }
        String name = r[g + 1];
        String country = r[g + 2];
        assertEquals(2, country.length(), "FIPS code");
        assertTrue(r[g + 3].startsWith(country), "ADM1 starts with the country");
        double lat = Double.parseDouble(r[g + 5]);
        double lon = Double.parseDouble(r[g + 6]);
        assertTrue(Math.abs(lat) <= 90 && Math.abs(lon) <= 180);
        assertFalse(r[g + 7].isEmpty(), "feature id");
        switch (type) {
          case "1" -> assertEquals(country, r[g + 7]);
          case "2" -> {
            assertEquals("US", country);
            assertTrue(name.endsWith(", United States"), name);
          }
          case "3" -> {
            assertEquals("US", country);
            assertEquals(2, name.split(", ").length - 1, name);
            assertTrue(name.endsWith(", United States"), name);
          }
          case "4", "5" -> {
            assertNotEquals("US", country);
            assertTrue(name.split(", ").length >= 3, name); // "Bahamas, The" has its own comma
            Long.parseLong(r[g + 7]);
          }
          default -> throw new AssertionError("Geo_Type " + type);
        }
      }
    }
  }

  @Test
  void write_progress_countsUpToRows() throws IOException {
    List<Long> calls = new ArrayList<>();
    GdeltGenerator.write(dir.resolve("progress.tsv"), 2_501, 3, calls::add, 1_000);
    assertEquals(List.of(1_000L, 2_000L, 2_501L), calls);
  }

  @Test
  void write_zeroRows_emptyFile() throws IOException {
    Path file = dir.resolve("empty.tsv");
    assertEquals(0, GdeltGenerator.write(file, 0, 1).rows());
    assertEquals(0, Files.size(file));
  }

  @Test
  void write_negativeRows_throws() {
    assertThrows(
        IllegalArgumentException.class, () -> GdeltGenerator.write(dir.resolve("x.tsv"), -1, 1));
  }
}
