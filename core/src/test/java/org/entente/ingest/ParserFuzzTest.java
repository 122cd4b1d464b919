package org.entente.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.entente.cameo.Cameo;
import org.entente.cameo.QuadMapping;
import org.entente.ingest.chronology.ChronologyParser;
import org.entente.ingest.gdelt.GdeltCsvParser;
import org.entente.ingest.gdelt.GdeltTsvParser;
import org.entente.ingest.icews.IcewsParser;
import org.entente.system.ActorRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz targets for every row parser (Jazzer). The property: whatever the bytes, a parser never
 * throws, and every physical line gets exactly one outcome (stored, rejected with a reason, or
 * filtered); nothing is dropped. Without {@code JAZZER_FUZZ} these run as regression tests over the
 * seed inputs in {@code ParserFuzzTestInputs/}; the build's {@code fuzz} executions fuzz each
 * target for a bounded number of runs (see the parent POM). A crash found becomes a regression test
 * by copying its input file into the target's seed folder.
 *
 * <p>The real samples in ../shared/data are a second seed corpus: {@link #sharedSamples} runs every
 * target over every one of their lines.
 */
class ParserFuzzTest {
  private static final Cameo CAMEO = Cameo.bundled();
  private static final ActorFilter SIX =
      ActorFilter.of(
          new java.util.LinkedHashSet<>(List.of("RUS", "PRK", "CHN", "USA", "KOR", "JPN")));

  /**
   * The number of data lines the ingest stage splits {@code body} into; with {@code comments},
   * empty lines and {@code #} comments (which the chronology format defines as not data) are left
   * out.
   */
  private static long lines(byte[] body, boolean comments) {
    LineReader r = new LineReader(new ByteArrayInputStream(body), 64);
    long n = 0;
    try {
      while (r.next()) {
        if (comments && (r.end == r.start || r.buf[r.start] == '#')) {
          continue;
        }
        n++;
      }
    } catch (IOException e) {
      // an over-long line: the ingest stage fails the file, as it should
      return -1;
    }
    return n;
  }

  private static void check(Supplier<RowParser> parser, byte[] body) {
    check(parser, body, false);
  }

  private static void check(Supplier<RowParser> parser, byte[] body, boolean comments) {
    long n = lines(body, comments);
    if (n < 0) {
      return;
    }
    RecordingSink s = RecordingSink.feed(parser.get(), body, 2);
    assertEquals(n, s.total(), "every line has exactly one outcome");
    for (RecordingSink.Reject r : s.rejects) {
      assertTrue(r.reason() != null && !r.reason().isBlank(), "a reject names its reason");
    }
  }

  @FuzzTest(maxDuration = "10s")
  @DictionaryEntries({"USA", "PRK", "RUS", "036", "0x1p3", "NaN", "20170801", "GOV"})
  void gdeltTsv(byte[] body) {
    check(() -> new GdeltTsvParser(CAMEO, ActorFilter.all(), true, true), body);
    check(() -> new GdeltTsvParser(CAMEO, SIX, true, true), body);
  }

  @FuzzTest(maxDuration = "10s")
  @DictionaryEntries({",NA,", "20170501", "RUS", "PRK", "036", "201705"})
  void gdeltCsv(byte[] body) {
    check(() -> new GdeltCsvParser(CAMEO, ActorFilter.all(), Samples.GDELT_CSV_HEADER), body);
    check(() -> new GdeltCsvParser(CAMEO, SIX, Samples.GDELT_CSV_HEADER), body);
  }

  @FuzzTest(maxDuration = "10s")
  @DictionaryEntries({"\t", "20191024143000", "-1", "100", "0x1p3", ",", "globaleventid"})
  void gdeltMentions(byte[] body) {
    check(org.entente.ingest.gdelt.GdeltMentionsParser::tsv, body);
    check(
        () ->
            org.entente.ingest.gdelt.GdeltMentionsParser.csv(
                "globaleventid,eventtimedate,mentiontimedate,mentiontype,mentionsourcename,"
                    + "mentionidentifier,sentenceid,actor1charoffset,actor2charoffset,"
                    + "actioncharoffset,inrawtext,confidence,mentiondoclen,mentiondoctone,"
                    + "mentiondoctranslationinfo,extras"),
        body);
  }

  @FuzzTest(maxDuration = "10s")
  @DictionaryEntries({"2018-06-01", "North Korea", "Russia", "Government", "036"})
  void icews(byte[] body) {
    check(
        () ->
            new IcewsParser(
                CAMEO,
                ActorRegistry.bundled(),
                ActorFilter.all(),
                QuadMapping.GDELT,
                Samples.ICEWS_HEADER),
        body);
  }

  @FuzzTest(maxDuration = "10s")
  @DictionaryEntries({"day", "month", "year", "2024-06-19", "RUS", "PRK", "057", "seed:"})
  void chronology(byte[] body) {
    check(
        () ->
            new ChronologyParser(
                CAMEO,
                ActorRegistry.bundled(),
                ActorFilter.all(),
                Samples.CHRONOLOGY_HEADER,
                LocalDate.of(2026, 12, 1)),
        body,
        true);
  }

  @FuzzTest(maxDuration = "10s")
  void numbers(byte[] body) {
    String v = new String(body, StandardCharsets.UTF_8);
    boolean decimal = Fields.isDecimal(v);
    try {
      Double d = Fields.number(v, "x");
      assertTrue(decimal, "accepted only in the decimal grammar: " + v);
      assertTrue(Double.isFinite(d));
    } catch (RowRejected e) {
      assertEquals("not a number", e.reason());
    }
  }

  static Stream<Arguments> sharedSamples() {
    List<Arguments> out = new java.util.ArrayList<>();
    String[][] files = {
      {"gdelt-v2-export-arekziobrowski", "20191024143000.export.CSV", "tsv"},
      {"gdelt-v1-events-reed9999", "events.csv", "tsv"},
      {"gdelt-v2-samples-gdeltPyR", "events2samps.csv", "csv"},
      {"icews-sample-andybega", "events.2018.sample.tab", "icews"}
    };
    for (String[] f : files) {
      out.add(Arguments.of(f[0], f[1], f[2]));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("sharedSamples")
  void sharedSamples(String dir, String file, String kind) {
    Path p = SharedData.file(dir, file);
    byte[] all;
    try {
      all = Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // the header-mapped formats take their header from the file; the body is every later line
    int nl = kind.equals("tsv") ? -1 : Bytes.indexOfNewline(all, 0, all.length);
    String header = nl < 0 ? null : new String(all, 0, nl, StandardCharsets.UTF_8).strip();
    byte[] body = java.util.Arrays.copyOfRange(all, nl + 1, all.length);
    Supplier<RowParser> parser =
        switch (kind) {
          case "tsv" -> () -> new GdeltTsvParser(CAMEO, ActorFilter.all(), true, true);
          case "csv" -> () -> new GdeltCsvParser(CAMEO, ActorFilter.all(), header);
          default ->
              () ->
                  new IcewsParser(
                      CAMEO, ActorRegistry.bundled(), ActorFilter.all(), QuadMapping.GDELT, header);
        };
    check(parser, body);
    RecordingSink s = RecordingSink.feed(parser.get(), body, 2);
    assertEquals(0, s.rejects.size(), "the real samples are clean: " + s.rejects);
  }
}
