package org.entente.ingest;

import static org.entente.ingest.GdeltLines.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.entente.cameo.Cameo;
import org.entente.ingest.FileReport.Status;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs as users have them (issue 12): notes beside and inside archives, blank lines before the
 * data, archives in archives, NUL bytes, hexadecimal floats and digits of other scripts, and a
 * stray quote in a comma-separated GDELT file. Nothing is lost in silence: every physical data line
 * is read and stored or rejected with its reason, every file passed over is named.
 */
class IngestorRobustnessTest {
  @TempDir Path tmp;

  private Path db() {
    return tmp.resolve("store.duckdb");
  }

  private FileReport ingest(Path file) {
    try (DuckDbStore s = DuckDbStore.open(db())) {
      return new Ingestor(s, Cameo.bundled())
          .ingest(List.of(file), IngestOptions.defaults(), IngestListener.NONE)
          .get(0);
    }
  }

  private long count(String sql) {
    return StoreTables.count(db(), sql);
  }

  private Path write(String name, byte[] data) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, data);
    return p;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] zip(String[] names, byte[][] contents) throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bo)) {
      for (int i = 0; i < names.length; i++) {
        z.putNextEntry(new ZipEntry(names[i]));
        z.write(contents[i]);
        z.closeEntry();
      }
    }
    return bo.toByteArray();
  }

  private static String rows(int first, int n) {
    String[] l = new String[n];
    for (int i = 0; i < n; i++) {
      l[i] = row(first + i, "20170801").v2();
    }
    return GdeltLines.lines(l);
  }

  @Test
  void blankLinesAndCommentsBeforeTheData_doNotDecideTheFormat() throws IOException {
    Path f = write("lead.CSV", utf8("\n   \n# exported 2017-08-02\n" + rows(1, 3)));
    FileReport r = ingest(f);
    assertEquals(Status.LOADED, r.status(), r.toString());
    assertTrue(r.format().startsWith("gdelt"), r.format());
    assertEquals(3, r.read());
    assertEquals(3, r.stored());
    assertTrue(r.message().contains("3 blank or comment line"), r.message());
  }

  @Test
  void readmeInsideAZip_isSkippedAndNamed_theDataEntryLoads() throws IOException {
    Path f =
        write(
            "bundle.zip",
            zip(
                new String[] {"README.txt", "data/20170801.export.CSV", "__MACOSX/._x"},
                new byte[][] {utf8("About this archive\n"), utf8(rows(1, 4)), utf8("junk")}));
    FileReport r = ingest(f);
    assertEquals(Status.LOADED, r.status(), r.toString());
    assertEquals(4, r.stored());
    assertTrue(r.message().contains("README.txt (not a data file"), r.message());
    assertTrue(r.message().contains("__MACOSX/._x (hidden file)"), r.message());
  }

  @Test
  void zipInsideAZip_failsTheWholeFileAndKeepsNothing() throws IOException {
    byte[] inner = zip(new String[] {"a.CSV"}, new byte[][] {utf8(rows(1, 2))});
    Path f =
        write(
            "outer.zip",
            zip(new String[] {"first.CSV", "inner.zip"}, new byte[][] {utf8(rows(10, 3)), inner}));
    FileReport r = ingest(f);
    assertEquals(Status.FAILED, r.status());
    assertTrue(r.message().contains("nested archive inner.zip"), r.message());
    assertTrue(r.message().contains("nothing of this file was kept"), r.message());
    assertEquals(0, count("SELECT count(*) FROM events"));
    assertEquals(0, count("SELECT count(*) FROM files"));
  }

  @Test
  void nulByteInARow_rejectsThatRowWithItsReason() throws IOException {
    String bad = row(2, "20170801").v2().replace("USA\t", "US\u0000A\t");
    Path f =
        write(
            "nul.CSV",
            utf8(GdeltLines.lines(row(1, "20170801").v2(), bad, row(3, "20170801").v2())));
    FileReport r = ingest(f);
    assertEquals(3, r.read());
    assertEquals(2, r.stored());
    assertEquals(1, r.rejected());
    assertEquals(1, count("SELECT count(*) FROM rejects WHERE reason = 'NUL byte' AND line = 2"));
  }

  @Test
  void hexFloatGoldsteinAndOtherScriptsDigitsInIds_areRejected() throws IOException {
    String hex = row(2, "20170801").set(30, "0x1p1").v2();
    String arabicIndic = row(3, "20170801").v2().replaceFirst("^3", "\u0663");
    String typeSuffix = row(4, "20170801").set(30, "1.0d").v2();
    Path f =
        write(
            "strict.CSV",
            utf8(GdeltLines.lines(row(1, "20170801").v2(), hex, arabicIndic, typeSuffix)));
    FileReport r = ingest(f);
    assertEquals(4, r.read());
    assertEquals(1, r.stored());
    assertEquals(2, count("SELECT count(*) FROM rejects WHERE reason = 'not a number'"));
    assertEquals(1, count("SELECT count(*) FROM rejects WHERE reason = 'bad event id'"));
  }

  @Test
  void strayQuoteInRealGdeltCsv_rejectsOneLineAndReadsEveryOther() throws IOException {
    Path sample = SharedData.file("gdelt-v2-samples-gdeltPyR", "events2samps.csv");
    List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
    // PROVENANCE.md: 6,090 data rows after the header
    assertEquals(6091, lines.size());
    String broken = lines.get(10).replaceFirst(",", ",\"");
    lines.set(10, broken);
    Path f = write("quoted.csv", utf8(String.join("\n", lines) + "\n"));
    FileReport r = ingest(f);
    assertEquals(Status.LOADED, r.status(), r.toString());
    assertEquals(6090, r.read(), "every physical data line is read");
    assertEquals(1, r.rejected());
    assertEquals(6089, r.stored() + r.duplicate());
    assertEquals(
        1, count("SELECT count(*) FROM rejects WHERE reason = 'unterminated quote' AND line = 11"));
  }

  @Test
  void sampleFolderWithItsProvenanceNotes_loadsTheDataAndListsTheNotes() {
    Path dir = SharedData.dir("gdelt-v2-export-arekziobrowski");
    InputFiles.Expansion x = InputFiles.scan(List.of(dir.toString()));
    assertEquals(1, x.files().size(), x.toString());
    assertTrue(x.files().get(0).getFileName().toString().endsWith(".export.CSV"));
    assertEquals(1, x.skipped().size());
    assertEquals("PROVENANCE.md", x.skipped().get(0).path().getFileName().toString());
    FileReport r = ingest(x.files().get(0));
    // 2,111 rows (PROVENANCE.md and wc -l)
    assertEquals(2111, r.stored());
  }

  @Test
  void scan_listsHiddenFilesBrokenLinksAndNotes_andTakesNamedFilesAsGiven() throws IOException {
    write("d/a.CSV", utf8("x"));
    write("d/.hidden.CSV", utf8("x"));
    write("d/.git/config", utf8("x"));
    write("d/PROVENANCE.md", utf8("x"));
    write("d/md5sums", utf8("x"));
    Files.createSymbolicLink(tmp.resolve("d/gone.CSV"), tmp.resolve("d/nowhere.CSV"));
    InputFiles.Expansion x = InputFiles.scan(List.of(tmp.resolve("d").toString()));
    assertEquals(List.of(tmp.resolve("d/a.CSV")), x.files());
    List<String> why =
        x.skipped().stream()
            .map(s -> s.path().getFileName() + ": " + s.reason().replaceAll(" \\(.*", ""))
            .toList();
    assertEquals(
        List.of(
            ".git: hidden directory",
            ".hidden.CSV: hidden file",
            "PROVENANCE.md: not a data file",
            "gone.CSV: broken link",
            "md5sums: not a data file"),
        why);
    // a file named on the command line is taken even if its name looks like notes
    InputFiles.Expansion named =
        InputFiles.scan(List.of(tmp.resolve("d/PROVENANCE.md").toString()));
    assertEquals(1, named.files().size());
    assertFalse(named.files().isEmpty());
  }
}
