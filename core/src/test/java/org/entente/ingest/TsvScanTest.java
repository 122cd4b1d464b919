package org.entente.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.entente.cameo.Cameo;
import org.entente.ingest.gdelt.GdeltTsvParser;
import org.entente.store.BulkTsvLoad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TsvScan} gives the same outcome whether it scans a file in one part or in many (parts of a
 * few hundred bytes here, against 16 MB in use): the lines, the rows left to the row parser with
 * their lines and ids, the ids' sum, whether they ascend by one, and the first problem with its
 * line number in the whole file.
 */
class TsvScanTest {
  @TempDir Path dir;

  private static final BulkRowGrammar GRAMMAR = grammar();

  private static BulkRowGrammar grammar() {
    List<BulkTsvLoad.Code> codes = new ArrayList<>();
    for (org.entente.cameo.CameoEventType t : Cameo.bundled().eventTypes()) {
      codes.add(new BulkTsvLoad.Code(t.code(), t.root(), t.goldstein(), 1));
    }
    return new BulkRowGrammar(GdeltTsvParser.v2Columns(), codes);
  }

  /**
   * 200 rows from id {@code from}, ids growing by {@code step}; rows 17, 80 and 81 with a bad quad.
   */
  private static List<String> rows(long from, int step) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      GdeltLines row = GdeltLines.row(from + (long) i * step, "20190115");
      if (i == 17 || i == 80 || i == 81) {
        row.set(29, "9");
      }
      out.add(row.v2());
    }
    return out;
  }

  private Path write(List<String> lines, String end) throws IOException {
    Path f = Files.createTempFile(dir, "scan", ".CSV");
    Files.writeString(f, String.join("\n", lines) + end, StandardCharsets.UTF_8);
    return f;
  }

  private static TsvScan.Result scan(Path f, long partBytes) throws IOException {
    return TsvScan.scan(f, 60, GRAMMAR, read -> {}, partBytes, 1);
  }

  /** The file in up to two, three, five and seven parts of 300 or 2,000 bytes or more. */
  private static void assertSameInParts(TsvScan.Result one, Path f) throws IOException {
    for (int parts : new int[] {2, 3, 5, 7}) {
      for (long bytes : new long[] {300, 2000}) {
        assertSame(one, TsvScan.scan(f, 60, GRAMMAR, read -> {}, bytes, parts));
      }
    }
  }

  private static void assertSame(TsvScan.Result one, TsvScan.Result many) {
    assertEquals(one.crc32c(), many.crc32c());
    assertEquals(one.lines(), many.lines());
    assertEquals(one.why(), many.why());
    assertEquals(one.idsAscend(), many.idsAscend());
    assertEquals(one.first(), many.first());
    assertEquals(one.firstId(), many.firstId());
    assertEquals(one.consecutiveIds(), many.consecutiveIds());
    assertArrayEquals(one.rowLines(), many.rowLines());
    assertArrayEquals(one.rowIds(), many.rowIds());
    assertEquals(one.keptIds(), many.keptIds());
    assertEquals(one.keptIdSum(), many.keptIdSum());
  }

  @Test
  void consecutiveIdsInManyParts() throws IOException {
    Path f = write(rows(5000, 1), "\n");
    TsvScan.Result one = scan(f, 1);
    assertNull(one.why());
    assertTrue(one.consecutiveIds());
    assertEquals(200, one.lines());
    assertArrayEquals(new long[] {18, 81, 82}, one.rowLines());
    assertArrayEquals(new long[] {5017, 5080, 5081}, one.rowIds());
    assertEquals(197, one.keptIds());
    long sum = 0;
    for (int i = 0; i < 200; i++) {
      sum += i == 17 || i == 80 || i == 81 ? 0 : 5000 + i;
    }
    assertEquals(sum, one.keptIdSum());
    CRC32C crc = new CRC32C();
    crc.update(Files.readAllBytes(f));
    assertEquals(crc.getValue(), one.crc32c());
    assertSameInParts(one, f);
  }

  @Test
  void idsWithGapsAndALastLineWithoutNewline() throws IOException {
    Path f = write(rows(10, 3), "");
    TsvScan.Result one = scan(f, 1);
    assertTrue(one.idsAscend());
    assertFalse(one.consecutiveIds());
    assertSameInParts(one, f);
  }

  /**
   * Ids 5000–5199, then 3000–3199, the first line 10 bytes longer than the others: split in two,
   * the file's middle falls inside line 200 and the second part starts at line 201, each part's ids
   * ascending; only the join of the parts sees them descend.
   */
  @Test
  void aPartStartingWithAnIdBelowThePartBefore() throws IOException {
    List<String> lines = rows(5000, 1);
    lines.set(0, lines.get(0) + "0123456789"); // a longer URL
    lines.addAll(rows(3000, 1));
    Path f = write(lines, "\n");
    TsvScan.Result one = scan(f, 1);
    assertFalse(one.idsAscend());
    assertSameInParts(one, f);
  }

  @Test
  void theFirstProblemIsNamedWithItsLineInTheWholeFile() throws IOException {
    List<String> lines = rows(1, 1);
    lines.set(150, lines.get(150) + "\tone more");
    lines.set(170, "");
    Path f = write(lines, "\n");
    TsvScan.Result one = scan(f, 1);
    assertEquals("line 151 has 61 TABs", one.why());
    assertSameInParts(one, f);
  }
}
