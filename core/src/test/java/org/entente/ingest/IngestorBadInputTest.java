package org.entente.ingest;

import static org.entente.ingest.GdeltLines.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.entente.cameo.Cameo;
import org.entente.cameo.QuadMapping;
import org.entente.ingest.FileReport.Status;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the whole ingest path into a DuckDB file: rows that fail validation are
 * rejected and kept with file, line, reason and raw text; files that cannot be read at all are
 * reported and leave nothing behind. Inputs are generated here from strings.
 */
class IngestorBadInputTest {
  @TempDir Path tmp;

  private Path db() {
    return tmp.resolve("store.duckdb");
  }

  private List<FileReport> ingest(IngestOptions o, Path... files) {
    try (DuckDbStore s = DuckDbStore.open(db())) {
      return new Ingestor(s, Cameo.bundled()).ingest(List.of(files), o, IngestListener.NONE);
    }
  }

  private FileReport ingest(Path file) {
    return ingest(IngestOptions.defaults(), file).get(0);
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(String name, byte[] data) throws IOException {
    Path p = tmp.resolve(name);
    Files.write(p, data);
    return p;
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(bo)) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bo.toByteArray();
  }

  /** n valid GDELT 1.0 daily rows with ids from {@code firstId}. */
  private static String validRows(int firstId, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(row(firstId + i, "20150101").counts(3, 1, 3).v1()).append('\n');
    }
    return sb.toString();
  }

  private static void assertConsistent(FileReport r) {
    assertEquals(
        r.read(), r.stored() + r.rejected() + r.duplicate() + r.filtered(), "read = sum: " + r);
  }

  private void assertFailedLeavingNothing(FileReport r, String messagePart) {
    assertEquals(Status.FAILED, r.status(), r.toString());
    assertTrue(r.message().contains(messagePart), r.message());
    assertTrue(r.message().contains("nothing of this file was kept"), r.message());
    assertEquals(0, r.stored());
    assertEquals(List.of(0L, 0L, 0L), StoreTables.tableCounts(db()));
  }

  @Test
  void ingestFile_truncatedGzipWithValidFirstPart_failsAndKeepsNothing() throws IOException {
    byte[] gz = gzip(validRows(1, 5000));
    Path p = write("events.tsv.gz", Arrays.copyOf(gz, gz.length / 2));
    FileReport r = ingest(p);
    assertFailedLeavingNothing(r, "truncated");
    assertTrue(r.path().endsWith("events.tsv.gz"), r.path());
    assertTrue(r.message().contains("after line"), "names the line reached: " + r.message());
  }

  @Test
  void ingestFile_gzipWithCorruptData_failsAndKeepsNothing() throws IOException {
    byte[] gz = gzip(validRows(1, 2000));
    for (int i = gz.length / 3; i < gz.length / 3 + 64; i++) {
      gz[i] = (byte) ~gz[i];
    }
    assertFailedLeavingNothing(ingest(write("corrupt.tsv.gz", gz)), "cannot read");
  }

  @Test
  void ingestFile_textFileNamedZip_failsAsNotAZipArchive() throws IOException {
    Path p = write("export.CSV.zip", validRows(1, 3));
    assertFailedLeavingNothing(ingest(p), "not a zip archive");
  }

  @Test
  void ingestFile_textFileNamedGz_failsAsNotGzip() throws IOException {
    Path p = write("export.CSV.gz", validRows(1, 3));
    assertFailedLeavingNothing(ingest(p), "not a gzip file");
  }

  @Test
  void ingestFile_truncatedZip_failsAndKeepsNothing() throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bo)) {
      z.putNextEntry(new ZipEntry("20150101.export.CSV"));
      z.write(validRows(1, 5000).getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    byte[] zip = bo.toByteArray();
    Path p = write("20150101.export.CSV.zip", Arrays.copyOf(zip, zip.length / 2));
    assertFailedLeavingNothing(ingest(p), "cannot read");
  }

  @Test
  void ingestFile_directory_failsAsUnreadable() throws IOException {
    Path d = Files.createDirectory(tmp.resolve("not-a-file.tsv"));
    assertFailedLeavingNothing(ingest(d), "cannot read");
  }

  @Test
  void ingestFile_fileWithoutReadPermission_failsAndKeepsNothing() throws IOException {
    Path p = write("locked.tsv", validRows(1, 3));
    try {
      Files.setPosixFilePermissions(p, java.util.Set.of());
    } catch (UnsupportedOperationException e) {
      assumeTrue(false, "skipped: no POSIX permissions on this file system");
    }
    assumeFalse(Files.isReadable(p), "skipped: the file stays readable (running as root)");
    assertFailedLeavingNothing(ingest(p), "cannot read");
  }

  @Test
  void ingestFile_missingFile_failsNamingIt() {
    FileReport r = ingest(tmp.resolve("missing.tsv"));
    assertEquals(Status.FAILED, r.status());
    assertTrue(r.path().endsWith("missing.tsv"), r.path());
    assertTrue(r.message().startsWith("cannot read"), r.message());
  }

  @Test
  void ingestFile_undetectableFormat_failsSuggestingFormatOption() throws IOException {
    Path p = write("notes.txt", "a\tb\tc\td\n" + validRows(1, 2));
    assertFailedLeavingNothing(ingest(p), "--format");
  }

  @Test
  void ingestFile_forcedFormatWithWrongHeader_failsNamingTheMissingColumn() throws IOException {
    Path p = write("events.tsv", validRows(1, 2));
    FileReport r =
        ingest(new IngestOptions(SourceFormat.ICEWS, ActorFilter.all(), QuadMapping.GDELT), p)
            .get(0);
    assertFailedLeavingNothing(r, "event id");
  }

  @Test
  void ingest_unreadableFileBetweenGoodOnes_othersAreLoaded() throws IOException {
    Path a = write("a.tsv", validRows(1, 3));
    byte[] gz = gzip(validRows(100, 3000));
    Path bad = write("b.tsv.gz", Arrays.copyOf(gz, gz.length - 40));
    Path c = write("c.tsv", validRows(10, 4));
    List<FileReport> r = ingest(IngestOptions.defaults(), a, bad, c);
    assertEquals(
        List.of(Status.LOADED, Status.FAILED, Status.LOADED),
        r.stream().map(FileReport::status).toList());
    assertEquals(List.of(7L, 0L, 2L), StoreTables.tableCounts(db()));
    assertEquals(
        List.of(List.of("a.tsv", "3"), List.of("c.tsv", "4")),
        StoreTables.rows(
            db(),
            "SELECT regexp_extract(path, '[^/\\\\]+$'), rows_stored FROM files ORDER BY path"));
  }

  @Test
  void ingestFile_emptyFile_loadsNothingWithoutError() throws IOException {
    FileReport r = ingest(write("empty.tsv", new byte[0]));
    assertEquals(Status.LOADED, r.status(), r.toString());
    assertTrue(r.message().contains("no rows"), r.message());
    assertEquals(0, r.read());
    assertEquals(List.of(0L, 0L, 1L), StoreTables.tableCounts(db()));
  }

  @Test
  void ingestFile_emptyGzip_loadsNothingWithoutError() throws IOException {
    FileReport r = ingest(write("empty.tsv.gz", gzip("")));
    assertEquals(Status.LOADED, r.status(), r.toString());
    assertEquals(0, r.read());
    assertEquals(0L, StoreTables.count(db(), "SELECT count(*) FROM events"));
  }

  @Test
  void ingestFile_zeroByteFileNamedGz_fails() throws IOException {
    assertFailedLeavingNothing(ingest(write("empty.tsv.gz", new byte[0])), "not a gzip file");
  }

  @Test
  void ingestFile_badRows_areRejectedWithFileLineReasonAndRawText() throws IOException {
    String wrongColumns = String.join("\t", Collections.nCopies(20, "x"));
    String text =
        GdeltLines.lines(
            row(1, "20150101").v1(), // 1 stored
            wrongColumns, // 2 bad column count
            row(3, "20150231").v1(), // 3 impossible date (31 February)
            row(4, "20150101").set(31, "abc").v1(), // 4 NumMentions not a number
            row(5, "20150101").set(30, "4,0").v1(), // 5 GoldsteinScale not a number
            row(6, "20150101").set(34, "x1").v1(), // 6 AvgTone not a number
            row(7, "20150101").set(26, "36").set(27, "").set(28, "").v1(), // 7 lost leading zero
            row(8, "18991231").v1(), // 8 year outside 1900..2100
            row(9, "2015-01-01").v1(), // 9 not YYYYMMDD
            row(10, "20150101").set(29, "5").v1(), // 10 quad class 5
            row(11, "20150101").set(30, "10.5").v1(), // 11 Goldstein outside −10..10
            row(12, "20150101").set(0, "").v1(), // 12 missing event id
            "", // 13 empty line
            row(14, "20150101").v2()); // 14 stored: a 2.0 row in an auto-detected file
    Path p = write("bad.tsv", text);
    FileReport r = ingest(p);
    assertEquals(Status.LOADED, r.status());
    assertEquals(14, r.read());
    assertEquals(2, r.stored());
    assertEquals(12, r.rejected());
    assertConsistent(r);
    List<List<String>> rejects =
        StoreTables.rows(db(), "SELECT file, line, reason FROM rejects ORDER BY line");
    assertEquals(
        List.of(
            List.of("bad.tsv", "2", "bad column count"),
            List.of("bad.tsv", "3", "impossible date"),
            List.of("bad.tsv", "4", "not a number"),
            List.of("bad.tsv", "5", "not a number"),
            List.of("bad.tsv", "6", "not a number"),
            List.of("bad.tsv", "7", "unknown event code"),
            List.of("bad.tsv", "8", "impossible date"),
            List.of("bad.tsv", "9", "bad date"),
            List.of("bad.tsv", "10", "bad quad class"),
            List.of("bad.tsv", "11", "out of range"),
            List.of("bad.tsv", "12", "bad event id"),
            List.of("bad.tsv", "13", "bad column count")),
        rejects);
    // the raw text is kept exactly, and the detail names the column and value
    String[] lines = text.split("\n", -1);
    for (List<String> rr :
        StoreTables.rows(db(), "SELECT line, raw, detail FROM rejects ORDER BY line")) {
      int line = Integer.parseInt(rr.get(0));
      assertEquals(lines[line - 1], rr.get(1), "raw text of line " + line);
    }
    assertEquals(
        "column 2 (SQLDATE): '20150231'",
        StoreTables.rows(db(), "SELECT detail FROM rejects WHERE line = 3").get(0).get(0));
    assertTrue(
        StoreTables.rows(db(), "SELECT detail FROM rejects WHERE line = 2")
            .get(0)
            .get(0)
            .contains("found 20"));
    assertTrue(
        StoreTables.rows(db(), "SELECT detail FROM rejects WHERE line = 4")
            .get(0)
            .get(0)
            .contains("NumMentions"));
    assertEquals(
        List.of(List.of("1", "14", "2", "12", "0")),
        StoreTables.rows(
            db(),
            "SELECT file_id, rows_read, rows_stored, rows_rejected, rows_filtered FROM files"));
    assertEquals(
        List.of(List.of("1", "1"), List.of("14", "14")),
        StoreTables.rows(db(), "SELECT source_event_id, line FROM events ORDER BY line"));
  }

  @Test
  void ingestFile_zipWithTwoEntries_namesTheEntryOfEachRowAndReject() throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bo)) {
      z.putNextEntry(new ZipEntry("20160728.export.CSV"));
      z.write(GdeltLines.lines(row(1, "20160728").v1(), "x\ty").getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
      z.putNextEntry(new ZipEntry("20160729.export.CSV"));
      z.write(GdeltLines.lines(row(2, "20160729").v1()).getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    FileReport r = ingest(write("two.zip", bo.toByteArray()));
    assertEquals(Status.LOADED, r.status(), r.toString());
    assertEquals(3, r.read());
    assertEquals(2, r.stored());
    assertEquals(
        List.of(List.of("two.zip!20160728.export.CSV", "2", "bad column count")),
        StoreTables.rows(db(), "SELECT file, line, reason FROM rejects"));
    assertEquals(
        List.of(
            List.of("1", "two.zip!20160728.export.CSV", "1"),
            List.of("2", "two.zip!20160729.export.CSV", "1")),
        StoreTables.rows(db(), "SELECT source_event_id, part, line FROM events ORDER BY 1"));
  }

  @Test
  void ingestFile_invalidUtf8_isRejectedAndKeptLeniently() throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    bo.write((row(1, "20150101").v1() + "\n").getBytes(StandardCharsets.UTF_8));
    // a Latin-1 é in the URL: not UTF-8
    bo.write(
        (row(2, "20150101").url("http://example.org/caf\u00e9").v1() + "\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    bo.write(
        (row(3, "20150101").url("http://example.org/caf\u00e9").v1() + "\n")
            .getBytes(StandardCharsets.UTF_8));
    FileReport r = ingest(write("latin1.tsv", bo.toByteArray()));
    assertEquals(3, r.read());
    assertEquals(2, r.stored());
    assertEquals(1, r.rejected());
    List<List<String>> rej = StoreTables.rows(db(), "SELECT line, reason, raw FROM rejects");
    assertEquals("2", rej.get(0).get(0));
    assertEquals("invalid UTF-8", rej.get(0).get(1));
    assertTrue(rej.get(0).get(2).endsWith("http://example.org/caf\uFFFD"), rej.get(0).get(2));
    assertEquals(
        "http://example.org/caf\u00e9",
        StoreTables.rows(db(), "SELECT source_url FROM events WHERE source_event_id = '3'")
            .get(0)
            .get(0));
  }
}
