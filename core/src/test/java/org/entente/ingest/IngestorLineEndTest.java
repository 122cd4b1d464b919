package org.entente.ingest;

import static org.entente.ingest.GdeltLines.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entente.cameo.Cameo;
import org.entente.ingest.FileReport.Status;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** CRLF line ends and a UTF-8 byte-order mark are tolerated by every input format. */
class IngestorLineEndTest {
  @TempDir Path tmp;

  enum Sample {
    GDELT_TSV(
        "gdelt1+gdelt2",
        GdeltLines.lines(
            row(1, "20150101").url("http://a.example/1").v1(),
            row(2, "19820102").actors("SUN", "USA").v1Backfile(),
            row(3, "20191024").actors("PRK", "KOR").url("http://a.example/3").v2())),
    GDELT_CSV(
        "gdelt-csv",
        GdeltLines.lines(
            Samples.GDELT_CSV_HEADER,
            Samples.gdeltCsv(1, "20170501", "MINISTRY, FOREIGN", "RUS", "PRK", "036", 1, 4.0),
            Samples.gdeltCsv(2, "20170502", "two, \"quoted\"", "PRK", "KOR", "1312", 3, -5.8),
            Samples.gdeltCsv(3, "20170503", "x", "USA", "PRK", "163", 4, -8.0))),
    ICEWS(
        "icews",
        GdeltLines.lines(
            Samples.ICEWS_HEADER,
            Samples.icews(
                "1", "2018-06-01", "Government", "North Korea", "036", "4", "NA", "South Korea"),
            Samples.icews(
                "2", "2018-06-02", "Military", "South Korea", "111", "-2", "", "North Korea"))),
    CHRONOLOGY(
        "entente",
        GdeltLines.lines(
            Samples.CHRONOLOGY_HEADER,
            Samples.chronology("a", "2000-07-19", "day", "RUS", "PRK", "057", "seed.tsv"),
            "# a comment",
            Samples.chronology("b", "2023-09", "month", "PRK", "RUS", "036", "seed.tsv")));

    final String format;
    final String text;

    Sample(String format, String text) {
      this.format = format;
      this.text = text;
    }
  }

  private List<List<String>> events(String name, byte[] data, String format) throws IOException {
    Path file = tmp.resolve(name);
    Files.write(file, data);
    Path db = tmp.resolve(name + ".duckdb");
    try (DuckDbStore s = DuckDbStore.open(db)) {
      FileReport r =
          new Ingestor(s, Cameo.bundled())
              .ingestFile(file, IngestOptions.defaults(), IngestListener.NONE);
      assertEquals(Status.LOADED, r.status(), r.toString());
      assertEquals(0, r.rejected(), name + ": " + r);
      assertEquals(format, r.format());
    }
    return StoreTables.rows(
        db,
        "SELECT * EXCLUDE (file_id, part) FROM events ORDER BY source, source_event_id,"
            + " event_date");
  }

  @ParameterizedTest
  @EnumSource(Sample.class)
  void ingestFile_crlfLineEnds_storeTheSameEventsAsLf(Sample s) throws IOException {
    List<List<String>> lf = events("lf", s.text.getBytes(StandardCharsets.UTF_8), s.format);
    List<List<String>> crlf =
        events("crlf", s.text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), s.format);
    assertFalse(lf.isEmpty());
    assertEquals(lf, crlf);
  }

  @ParameterizedTest
  @EnumSource(Sample.class)
  void ingestFile_utf8ByteOrderMark_isTolerated(Sample s) throws IOException {
    List<List<String>> plain = events("plain", s.text.getBytes(StandardCharsets.UTF_8), s.format);
    List<List<String>> bom =
        events("bom", ("\uFEFF" + s.text).getBytes(StandardCharsets.UTF_8), s.format);
    assertFalse(plain.isEmpty());
    assertEquals(plain, bom);
  }
}
