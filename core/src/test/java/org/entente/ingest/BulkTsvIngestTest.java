package org.entente.ingest;

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
import org.entente.cameo.Cameo;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's own read of a GDELT 2.0 export ({@code BulkTsvLoad}, DuckDB's read_csv) leaves the
 * store exactly as the row path does: every table, cell for cell (events with their lines, rejects
 * with their reasons, the manifest but its time, the rollups), and the same reports. Files the
 * engine must not read (a blank line, a CR, a NUL, invalid UTF-8, ids out of order) go through the
 * row path, with the same outcome.
 */
class BulkTsvIngestTest {
  private static final Cameo CAMEO = Cameo.bundled();

  @TempDir Path dir;

  /** Rows each of which some grammar of the engine's read leaves to the row parser. */
  private static List<String> edgeRows(long id) {
    List<String> r = new ArrayList<>();
    r.add(GdeltLines.row(id++, "20191024").actors("SUN", "PRK").v2()); // alias
    r.add(GdeltLines.row(id++, "20191024").set(5, " USA").v2()); // padded actor code
    r.add(GdeltLines.row(id++, "20191024").set(5, "USA\u3000").v2()); // Unicode space
    r.add(GdeltLines.row(id++, "20191024").set(12, "GOVé").v2()); // non-ASCII end, kept
    r.add(GdeltLines.row(id++, "20190230").v2()); // impossible date
    r.add(GdeltLines.row(id++, "18991231").v2()); // year out of range
    r.add(GdeltLines.row(id++, "2019102").v2()); // short date
    r.add(
        GdeltLines.row(id++, "20191024")
            .set(26, "999")
            .set(27, "")
            .set(28, "")
            .v2()); // unknown code
    r.add(GdeltLines.row(id++, "20191024").set(26, " 036").v2()); // padded code
    r.add(GdeltLines.row(id++, "20191024").set(27, "04").v2()); // base disagrees
    r.add(GdeltLines.row(id++, "20191024").set(28, "05").v2()); // root disagrees
    r.add(GdeltLines.row(id++, "20191024").set(29, "").v2()); // quad from the root
    r.add(GdeltLines.row(id++, "20191024").set(29, "2.0").v2());
    r.add(GdeltLines.row(id++, "20191024").set(29, "5").v2()); // bad quad
    r.add(GdeltLines.row(id++, "20191024").set(30, "").v2()); // weight from the table
    r.add(GdeltLines.row(id++, "20191024").set(30, "-10.5").v2()); // out of range
    r.add(GdeltLines.row(id++, "20191024").set(30, "2.5e0").v2()); // exponent: row parser
    r.add(GdeltLines.row(id++, "20191024").set(30, ".5").v2());
    r.add(GdeltLines.row(id++, "20191024").set(30, "0x1p1").v2()); // hex float refused
    r.add(GdeltLines.row(id++, "20191024").set(34, "+1.25").v2());
    r.add(GdeltLines.row(id++, "20191024").set(34, "-0.0").v2());
    r.add(GdeltLines.row(id++, "20191024").set(34, "3.14159265358979323846").v2());
    r.add(GdeltLines.row(id++, "20191024").set(34, "NaN").v2());
    r.add(GdeltLines.row(id++, "20191024").set(31, "1234567890").v2()); // count too long
    r.add(GdeltLines.row(id++, "20191024").set(31, "٣").v2()); // Arabic-Indic digit
    r.add(GdeltLines.row(id++, "20191024").set(25, "TRUE").v2());
    r.add(GdeltLines.row(id++, "20191024").set(25, "yes").v2()); // not a flag
    r.add(GdeltLines.row(id++, "20191024").set(7, "usa").v2()); // lower-case country
    r.add(GdeltLines.row(id++, "20191024").set(17, "").v2()); // no second country
    r.add(GdeltLines.row(id++, "20191024").url(" https://example.org/a ").v2());
    r.add(GdeltLines.row(id++, "20191024").url("").v2());
    return r;
  }

  private Path write(String name, List<String> lines, String end) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, String.join("\n", lines) + end, StandardCharsets.UTF_8);
    return f;
  }

  /** Ingests {@code files} into a new store, the engine reading them itself or not. */
  private List<FileReport> ingest(Path db, boolean bulk, long[] bulkLoads, Path... files) {
    try (DuckDbStore s = DuckDbStore.open(db)) {
      Ingestor in = new Ingestor(s, CAMEO).bulkFromBytes(bulk ? 0 : Long.MAX_VALUE);
      List<FileReport> out = new ArrayList<>();
      for (Path f : files) {
        out.add(in.ingestFile(f, IngestOptions.defaults(), IngestListener.NONE));
      }
      bulkLoads[0] = in.bulkLoads();
      return out;
    }
  }

  /** Every table, sorted, the manifest without its time. */
  private static Map<String, List<List<String>>> tables(Path db) {
    Map<String, List<List<String>>> out = new TreeMap<>(StoreTables.snapshot(db));
    out.put(
        "files", StoreTables.rows(db, "SELECT * EXCLUDE (ingested_at) FROM files ORDER BY ALL"));
    return out;
  }

  private static String summary(List<FileReport> reports) {
    StringBuilder b = new StringBuilder();
    for (FileReport r : reports) {
      b.append(r.format())
          .append(' ')
          .append(r.status())
          .append(" read ")
          .append(r.read())
          .append(" stored ")
          .append(r.stored())
          .append(" rejected ")
          .append(r.rejected())
          .append(" duplicate ")
          .append(r.duplicate())
          .append(" note ")
          // a skipped file's note names when the store ingested it: the two stores' seconds differ
          .append(
              r.message() == null
                  ? null
                  : r.message().replaceAll("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+", "TIME"))
          .append('\n');
    }
    return b.toString();
  }

  /** Ingests both ways and checks the outcomes are identical; returns the bulk-read count. */
  private long same(Path... files) {
    long[] bulk = new long[1];
    long[] rows = new long[1];
    Path a = dir.resolve("bulk-" + System.nanoTime() + ".duckdb");
    Path b = dir.resolve("rows-" + System.nanoTime() + ".duckdb");
    String ra = summary(ingest(a, true, bulk, files));
    String rb = summary(ingest(b, false, rows, files));
    assertEquals(rb, ra);
    assertEquals(0, rows[0]);
    Map<String, List<List<String>>> ta = tables(a);
    Map<String, List<List<String>>> tb = tables(b);
    assertEquals(tb.keySet(), ta.keySet());
    for (String t : tb.keySet()) {
      assertEquals(tb.get(t), ta.get(t), "table " + t);
    }
    return bulk[0];
  }

  private static List<String> plainRows(long from, int n) {
    List<String> r = new ArrayList<>();
    String[] codes = {"036", "042", "0874", "112", "190", "057", "1823"};
    String[][] pairs = {{"USA", "PRK"}, {"RUS", "PRK"}, {"CHN", "KOR"}, {"JPN", "RUS"}};
    for (int i = 0; i < n; i++) {
      String[] p = pairs[i % pairs.length];
      r.add(
          // the date follows the id, so that files sharing ids share keys
          GdeltLines.row(from + i, "2019" + String.format("%02d", 1 + (from + i) % 12) + "15")
              .actors(p[0], p[1])
              .code(codes[i % codes.length])
              .counts(1 + i % 7, 1 + i % 3, 2 + i % 5)
              .set(34, Double.toString(-5 + (i % 100) / 9.0))
              .url("https://example.org/" + i)
              .v2());
    }
    return r;
  }

  @Test
  void edgeRowsStoreAndRejectAsTheRowPathDoes() throws IOException {
    List<String> lines = plainRows(1000, 200);
    lines.addAll(100, edgeRows(5000));
    // ids must ascend: renumber by line
    List<String> renumbered = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      renumbered.add((7000 + i) + lines.get(i).substring(lines.get(i).indexOf('\t')));
    }
    Path f = write("edge.export.CSV", renumbered, "\n");
    assertEquals(1, same(f));
  }

  /**
   * Ids that ascend with gaps: a stored row's line is then its id's rank among all the file's
   * lines, those left to the row parser included (which the engine does not store).
   */
  @Test
  void edgeRowsAmongIdsWithGapsKeepTheirLines() throws IOException {
    List<String> lines = edgeRows(5000);
    lines.addAll(plainRows(1000, 120)); // the edge rows stay below a quarter
    lines.addAll(0, plainRows(1000, 3));
    List<String> renumbered = new ArrayList<>();
    long id = 9000;
    for (int i = 0; i < lines.size(); i++) {
      id += 1 + (i % 3) * 5; // gaps of 0, 5 and 10
      renumbered.add(id + lines.get(i).substring(lines.get(i).indexOf('\t')));
    }
    Path f = write("gaps.export.CSV", renumbered, "\n");
    assertEquals(1, same(f));
  }

  /**
   * Random rows, each field now and then replaced by a value at the edge of the engine's grammars
   * (padded, signed, too long, out of range, not ASCII...), with ids that ascend by one or with
   * gaps: the engine's read and the row path leave identical stores. Fixed seeds, so a failure
   * repeats.
   */
  @Test
  void randomRowsStoreAsTheRowPathDoes() throws IOException {
    String[][] edges = {
      {
        "20191024",
        "20200229",
        "20190229",
        "19000101",
        "21001231",
        "2019102",
        "2019-10-24",
        "٢٠١٩١٠٢٤",
        "19000229",
        "20000229",
        "00000000"
      },
      {
        "USA",
        "",
        " USA",
        "USA ",
        "US A",
        "U\u00c9A",
        "usa",
        "ÉTAT",
        "~",
        "!X",
        "\u007f",
        "A\u007f",
        "\u00a0A",
        "A\u2028",
        "A\u0001B",
        "SUN",
        "\"Q\"",
        "#X",
        "A\\"
      },
      {"036", "0874", "", "999", "03", "0361", " 036", "036 "},
      {"1", "2.0", "", "0", "5", "1.5", " 1", "4.0"},
      {
        "3.4",
        "",
        "-10",
        "10",
        "10.0",
        "10.00000000000000000001",
        "10.000000000000002",
        "-10.5",
        ".5",
        "5.",
        "1e1",
        "+2",
        "0010",
        "1234567890123456",
        "NaN",
        "0x1p1",
        "-0"
      },
      {"7", "", "0", "123456789", "1234567890", "+1", "-1", "1.0", "٣"},
      {"1.25", "", "-0.0", "3.14159265358979323846", "+1", "1e-3", "-", "1.", "Infinity"},
      {"1", "0", "", "1.0", "0.0", "TRUE", "false", "yes", "True", " 1"},
      {"GOV", "", "GOV ", "GOVé", "gov", "\u3000GOV"}
    };
    int[][] columns = {
      {1}, {7, 17, 5, 15}, {26}, {29}, {30}, {31, 32, 33}, {34}, {25}, {12, 22, 60}
    };
    for (long seed = 1; seed <= 3; seed++) {
      java.util.Random r = new java.util.Random(seed);
      List<String> rows = plainRows(100, 300);
      List<String> out = new ArrayList<>();
      long id = 1_000_000;
      boolean gaps = seed != 2;
      for (String row : rows) {
        String[] f = row.split("\t", -1);
        if (r.nextInt(3) == 0) { // about one row in three altered: below the engine's limit
          int g = r.nextInt(edges.length);
          int[] cs = columns[g];
          f[cs[r.nextInt(cs.length)]] = edges[g][r.nextInt(edges[g].length)];
          if (g == 2 && r.nextBoolean()) { // base and root now and then cleared or off
            f[27] = r.nextBoolean() ? "" : "04";
            f[28] = r.nextBoolean() ? "" : "05";
          }
        }
        id += gaps ? 1 + r.nextInt(4) : 1;
        f[0] = Long.toString(id);
        out.add(String.join("\t", f));
      }
      Path file = write("random" + seed + ".export.CSV", out, "\n");
      assertEquals(1, same(file), "seed " + seed);
    }
  }

  /**
   * Ids of 18 digits, whose sum (checked against the engine's rows) passes 2^63: the ten stored
   * rows' ids add up to about 10^19, which a signed 64-bit sum would read as negative.
   */
  @Test
  void eighteenDigitIds() throws IOException {
    List<String> rows = plainRows(999_999_999_999_999_000L, 11);
    String[] f = rows.get(10).split("\t", -1);
    f[26] = "999"; // an unknown code: one row for the row parser
    rows.set(10, String.join("\t", f));
    assertEquals(1, same(write("big.export.CSV", rows, "\n")));
  }

  @Test
  void aLastLineWithoutNewlineAndARepeatedFile() throws IOException {
    Path f = write("a.export.CSV", plainRows(1, 50), "");
    Path g = write("b.export.CSV", plainRows(30, 50), "\n"); // 21 keys the first file holds
    assertEquals(2, same(f, g, f));
    long[] n = new long[1];
    List<FileReport> r = ingest(dir.resolve("dup.duckdb"), true, n, f, g);
    assertEquals(21, r.get(1).duplicate());
    assertEquals(29, r.get(1).stored());
  }

  @Test
  void filesTheEngineMustNotReadGoThroughTheRowPath() throws IOException {
    List<String> base = plainRows(1, 20);
    List<Path> files = new ArrayList<>();
    List<String> blank = new ArrayList<>(base);
    blank.add(5, "");
    files.add(write("blank.export.CSV", blank, "\n"));
    files.add(write("crlf.export.CSV", base, "\r\n"));
    List<String> nul = new ArrayList<>(base);
    nul.set(3, nul.get(3).replace("https://example.org/3", "https://exa\0mple.org/3"));
    files.add(write("nul.export.CSV", nul, "\n"));
    List<String> order = new ArrayList<>(base);
    order.add(2, order.remove(7));
    files.add(write("order.export.CSV", order, "\n"));
    List<String> cols = new ArrayList<>(base);
    cols.set(4, cols.get(4) + "\textra");
    files.add(write("cols.export.CSV", cols, "\n"));
    List<String> header = new ArrayList<>(base);
    header.add(0, "# a comment");
    files.add(write("comment.export.CSV", header, "\n"));
    // plain text under an archive's name: the row path refuses it (found by review)
    files.add(write("plain.export.CSV.gz", base, "\n"));
    files.add(write("plain.export.CSV.ZIP", base, "\n"));
    Path bad = dir.resolve("utf8.export.CSV");
    byte[] text = (String.join("\n", base) + "\n").getBytes(StandardCharsets.UTF_8);
    // an invalid byte in Actor1Name (column 7), a column the engine's reader does not keep
    String s = new String(text, StandardCharsets.ISO_8859_1);
    int at =
        s.indexOf(
                '\t',
                s.indexOf('\t', s.indexOf('\t', s.indexOf('\t', s.indexOf('\t', 0) + 1) + 1) + 1)
                    + 1)
            + 1;
    byte[] withBad = new byte[text.length + 1];
    System.arraycopy(text, 0, withBad, 0, at);
    withBad[at] = (byte) 0xff;
    System.arraycopy(text, at, withBad, at + 1, text.length - at);
    Files.write(bad, withBad);
    files.add(bad);
    for (Path f : files) {
      assertEquals(0, same(f), f.getFileName() + " must not be read by the engine");
    }
  }

  /**
   * A file most of whose rows the engine's grammars leave to the row parser (here every other row,
   * a QuadClass with a leading blank, which the row parser trims) is declined and read row by row:
   * the same outcome, without holding half a million line numbers or reading the file twice.
   */
  @Test
  void aFileMostlyForTheRowParserIsDeclined() throws IOException {
    List<String> rows = plainRows(1, 400);
    for (int i = 0; i < rows.size(); i += 2) {
      String[] f = rows.get(i).split("\t", -1);
      f[29] = " " + f[29];
      rows.set(i, String.join("\t", f));
    }
    assertEquals(0, same(write("half.export.CSV", rows, "\n")));
  }

  /**
   * A file rewritten in place (same size, same lines) while it is loaded: the load fails with
   * nothing kept, instead of storing one content under the checksum of another (the store would
   * then skip the original file as already ingested). The listener rewrites the first line's date
   * when the pre-scan reports its first 32 MB.
   */
  @Test
  void aFileRewrittenWhileReadFailsWithNothingKept() throws IOException {
    String pad = "/" + "x".repeat(400);
    List<String> rows = new ArrayList<>();
    for (int i = 1; i <= 90_000; i++) { // about 45 MB
      rows.add(GdeltLines.row(i, "20190115").url("https://example.org/" + i + pad).v2());
    }
    Path f = write("moving.export.CSV", rows, "\n");
    assumeTrue(Files.size(f) > 33L << 20, "the file must outgrow one progress step");
    Path db = dir.resolve("moving.duckdb");
    IngestListener rewrite =
        new IngestListener() {
          boolean done;

          @Override
          public void progress(long bytesRead, long rows) {
            if (done) {
              return;
            }
            done = true;
            try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
              // the first line's year, right after its id and TAB: 2019 becomes 2018
              byte[] head = new byte[16];
              raf.seek(0);
              raf.readFully(head);
              String h = new String(head, StandardCharsets.US_ASCII);
              int tab = h.indexOf('\t');
              raf.seek(tab + 1);
              raf.write("2018".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
        };
    FileReport r;
    try (DuckDbStore s = DuckDbStore.open(db)) {
      r = new Ingestor(s, CAMEO).bulkFromBytes(0).ingestFile(f, IngestOptions.defaults(), rewrite);
    }
    assertEquals(FileReport.Status.FAILED, r.status(), r.message());
    assertTrue(r.message().contains("changed while it was read"), r.message());
    assertEquals(0, StoreTables.count(db, "SELECT count(*) FROM events"));
    assertEquals(0, StoreTables.count(db, "SELECT count(*) FROM files"));
  }

  @Test
  void aRealExportMatchesCellForCell() {
    assumeTrue(
        SharedData.present("gdelt-v2-export-arekziobrowski"),
        "../shared/data/gdelt-v2-export-arekziobrowski is absent");
    Path f = SharedData.dir("gdelt-v2-export-arekziobrowski").resolve("20191024143000.export.CSV");
    assertEquals(1, same(f));
    Path db = dir.resolve("real.duckdb");
    long[] n = new long[1];
    List<FileReport> r = ingest(db, true, n, f);
    // 2,111 lines; the counts the row path gives (checked equal above) are all accounted for
    assertEquals(2111, r.get(0).read());
    assertTrue(r.get(0).stored() > 2000);
    assertEquals(r.get(0).read(), r.get(0).stored() + r.get(0).rejected() + r.get(0).duplicate());
  }
}
