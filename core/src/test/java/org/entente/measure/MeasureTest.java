package org.entente.measure;

import static org.entente.ingest.GdeltLines.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.entente.cameo.Cameo;
import org.entente.cameo.QuadMapping;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.FileReport;
import org.entente.ingest.GdeltLines;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.ingest.Samples;
import org.entente.ingest.SourceFormat;
import org.entente.store.DyadQuery;
import org.entente.store.DyadQuery.Dedup;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.DyadQuery.Weighting;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The measure stage end to end: GDELT rows ingested into an in-memory store, then {@link
 * Measure#series}. The worked example is METHODS §1.5.
 */
class MeasureTest {
  private DuckDbStore store;
  private Measure measure;

  @BeforeEach
  void openStore() {
    store = DuckDbStore.inMemory();
    measure = new Measure(store);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private void load(String name, String... lines) {
    FileReport r =
        new Ingestor(store, Cameo.bundled())
            .ingestBytes(
                name,
                GdeltLines.lines(lines).getBytes(StandardCharsets.UTF_8),
                IngestOptions.defaults(),
                IngestListener.NONE);
    assertEquals(0, r.rejected(), r.toString());
  }

  /**
   * METHODS §1.5 worked example, USA→PRK in August 2017 (one event a day, so that no deduplication
   * applies), plus events that must not count: PRK→USA, USA→CHN and USA→PRK in other months.
   */
  private void loadWorkedExample() {
    load(
        "example.tsv",
        row(1, "20170801").code("036").mentions(30).v2(),
        row(2, "20170802").code("111").mentions(20).v2(),
        row(3, "20170803").code("111").mentions(6).v2(),
        row(4, "20170804").code("1312").mentions(8).v2(),
        row(5, "20170805").code("163").mentions(15).v2(),
        row(6, "20170806").code("150").mentions(12).v2(),
        row(7, "20170807").actors("PRK", "USA").code("190").mentions(40).v2(),
        row(8, "20170808").actors("USA", "CHN").code("057").mentions(9).v2(),
        row(9, "20170601").code("057").mentions(2).v2(),
        row(10, "20171015").code("042").mentions(2).v2());
  }

  private static DyadQuery usaToPrk(Weighting w) {
    return new DyadQuery(
        "USA",
        "PRK",
        true,
        YearMonth.of(2017, 8),
        YearMonth.of(2017, 8),
        Frequency.MONTH,
        w,
        Dedup.NONE,
        false,
        false);
  }

  private DyadScore single(DyadQuery q) {
    List<DyadScore> s = measure.series(q).scores();
    assertEquals(1, s.size(), s.toString());
    return s.get(0);
  }

  @Test
  void series_methodsWorkedExampleUnweighted_matchesPublishedScores() {
    loadWorkedExample();
    DyadScore s = single(usaToPrk(Weighting.NONE));
    assertEquals("2017-08", s.period().label());
    assertEquals(6, s.n());
    // METHODS §1.5: S1 = −21.0; S2 = −3.50; C = 1, K = 5; S3 = −4; S4 = −0.667; S6 = −0.50
    assertEquals(-21.0, s.goldsteinSum(), 1e-9);
    assertEquals(-3.50, s.goldsteinMean(), 1e-9);
    assertEquals(1.0, s.w1() + s.w2(), 1e-12);
    assertEquals(5.0, s.w3() + s.w4(), 1e-12);
    assertEquals(-4, s.s3(), 1e-12);
    assertEquals(-0.667, s.s4(), 5e-4);
    assertEquals(-0.50, s.s6(), 1e-12);
  }

  @Test
  void series_methodsWorkedExampleByMentions_givesMinus2031() {
    loadWorkedExample();
    // METHODS §1.5: S2 weighted by mentions = −184.8/91 = −2.031
    DyadScore s = single(usaToPrk(Weighting.MENTIONS));
    assertEquals(-184.8, s.goldsteinSum(), 1e-9);
    assertEquals(-2.031, s.goldsteinMean(), 5e-4);
    assertEquals(6, s.n());
  }

  @Test
  void series_methodsWorkedExampleByLogMentions_givesMinus3110() {
    loadWorkedExample();
    // METHODS §1.5: by ln(1+NM) = −3.110
    assertEquals(-3.110, single(usaToPrk(Weighting.LOGMENTIONS)).goldsteinMean(), 5e-4);
  }

  @Test
  void series_workedExampleWithSameDayDuplicate_dailyDedupKeepsOne() {
    // the two 111 rows on the same day collapse under --dedup daily (weight = max articles)
    load(
        "dup.tsv",
        row(1, "20170801").code("036").counts(30, 1, 30).v2(),
        row(2, "20170802").code("111").counts(20, 1, 20).v2(),
        row(3, "20170802").code("111").counts(6, 1, 6).v2());
    DyadQuery q =
        new DyadQuery(
            "USA",
            "PRK",
            true,
            null,
            null,
            Frequency.MONTH,
            Weighting.ARTICLES,
            Dedup.DAILY,
            false,
            false);
    DyadScore s = single(q);
    assertEquals(2, s.n());
    assertEquals(30, s.w1(), 0.0);
    assertEquals(20, s.w3(), 0.0);
    assertEquals((30 * 4.0 - 20 * 2.0) / 50, s.goldsteinMean(), 1e-12);
  }

  @Test
  void series_rangeWiderThanEvents_hasEveryMonthWithEmptyOnesScoredAsMissing() {
    loadWorkedExample();
    DyadQuery q =
        new DyadQuery(
            "USA",
            "PRK",
            true,
            YearMonth.of(2017, 5),
            YearMonth.of(2017, 11),
            Frequency.MONTH,
            Weighting.NONE,
            Dedup.NONE,
            false,
            false);
    DyadSeries series = measure.series(q);
    List<DyadScore> s = series.scores();
    assertEquals(
        List.of("2017-05", "2017-06", "2017-07", "2017-08", "2017-09", "2017-10", "2017-11"),
        s.stream().map(d -> d.period().label()).toList());
    assertEquals(List.of(0L, 1L, 0L, 6L, 0L, 1L, 0L), s.stream().map(DyadScore::n).toList());
    for (DyadScore d : s) {
      if (d.n() == 0) {
        // the whole gdelt2 feed (read without --actors) has no event in these months: months it
        // did not observe, not months of zero events
        assertTrue(d.gap(), d.toString());
        assertEquals(0.0, d.coverage(), 0.0, d.toString());
        assertTrue(Double.isNaN(d.goldsteinMean()), d.toString());
        assertTrue(Double.isNaN(d.s4()), d.toString());
        assertTrue(Double.isNaN(d.s6()), d.toString());
      } else {
        assertEquals(1.0, d.coverage(), 0.0, d.toString());
      }
    }
    assertEquals(YearMonth.of(2017, 5), series.query().from());

    // a quarter observed in two of its months has their day-weighted share as coverage
    DyadScore q3 = first(Frequency.QUARTER, YearMonth.of(2017, 7), YearMonth.of(2017, 9));
    assertEquals(31.0 / 92, q3.coverage(), 1e-12, q3.toString());
    assertEquals(6, q3.n());
  }

  /** The first period of USA→PRK, unweighted, over {@code from..to}. */
  private DyadScore first(Frequency f, YearMonth from, YearMonth to) {
    return measure
        .series(
            new DyadQuery(
                "USA", "PRK", true, from, to, f, Weighting.NONE, Dedup.NONE, false, false))
        .scores()
        .get(0);
  }

  /**
   * The same months with a filtered ingest (--actors) added: the feed observed the months of the
   * rows the filter left out, so May 2017, where a France-Germany row was left out, is a month of
   * zero events (S6 = 0); July, where no file had a row, stays a gap.
   */
  @Test
  void series_filteredStore_monthsOfRowsLeftOutAreZeroMonths() {
    loadWorkedExample();
    FileReport r =
        new Ingestor(store, Cameo.bundled())
            .ingestBytes(
                "filtered.tsv",
                GdeltLines.lines(
                        row(99, "20171020").code("042").v2(),
                        row(100, "20170515").actors("FRA", "DEU").code("042").v2())
                    .getBytes(StandardCharsets.UTF_8),
                new IngestOptions(
                    SourceFormat.AUTO,
                    ActorFilter.of(java.util.Set.of("USA", "PRK")),
                    QuadMapping.GDELT),
                IngestListener.NONE);
    assertEquals(List.of(1L, 1L), List.of(r.stored(), r.filtered()), r.toString());
    DyadScore may = first(Frequency.MONTH, YearMonth.of(2017, 5), YearMonth.of(2017, 5));
    assertFalse(may.gap(), may.toString());
    assertEquals(0.0, may.s6(), 0.0);
    DyadScore july = first(Frequency.MONTH, YearMonth.of(2017, 7), YearMonth.of(2017, 7));
    assertTrue(july.gap(), july.toString());
  }

  @Test
  void series_openRange_runsFromTheFirstToTheLastEventMonth() {
    loadWorkedExample();
    DyadQuery q =
        new DyadQuery(
            "USA",
            "PRK",
            true,
            null,
            null,
            Frequency.MONTH,
            Weighting.NONE,
            Dedup.NONE,
            false,
            false);
    DyadSeries series = measure.series(q);
    assertEquals(5, series.scores().size()); // 2017-06 .. 2017-10
    assertEquals(YearMonth.of(2017, 6), series.query().from());
    assertEquals(YearMonth.of(2017, 10), series.query().to());
  }

  @Test
  void series_dyadWithoutEvents_isEmpty() {
    loadWorkedExample();
    DyadSeries s = measure.series(DyadQuery.monthly("JPN", "KOR"));
    assertTrue(s.isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "QUARTER, '2017-Q2,2017-Q3,2017-Q4', '1,6,1'",
    "YEAR, '2017', '8'",
  })
  void series_quarterAndYear_labelAndPoolTheirMonths(Frequency f, String labels, String ns) {
    loadWorkedExample();
    DyadQuery q =
        new DyadQuery("USA", "PRK", true, null, null, f, Weighting.NONE, Dedup.NONE, false, false);
    List<DyadScore> s = measure.series(q).scores();
    assertEquals(List.of(labels.split(",")), s.stream().map(d -> d.period().label()).toList());
    assertEquals(
        List.of(ns.split(",")).stream().map(Long::valueOf).toList(),
        s.stream().map(DyadScore::n).toList());
  }

  @Test
  void series_quarterlyRangeAcrossYears_hasEveryQuarterIncludingEmptyOnes() {
    load(
        "q.tsv",
        row(1, "20160115").v1(),
        row(2, "20170505").v1(),
        row(3, "20170506").code("190").v1());
    DyadQuery q =
        new DyadQuery(
            "USA",
            "PRK",
            false,
            null,
            null,
            Frequency.QUARTER,
            Weighting.NONE,
            Dedup.NONE,
            false,
            false);
    List<DyadScore> s = measure.series(q).scores();
    assertEquals(
        List.of("2016-Q1", "2016-Q2", "2016-Q3", "2016-Q4", "2017-Q1", "2017-Q2"),
        s.stream().map(d -> d.period().label()).toList());
    assertEquals(List.of(1L, 0L, 0L, 0L, 0L, 2L), s.stream().map(DyadScore::n).toList());
    assertEquals(0.0, s.get(5).s4(), 0.0);
  }

  @Test
  void series_undirected_poolsBothDirectionsBeforeTheFormula() {
    loadWorkedExample();
    DyadQuery pooled =
        new DyadQuery(
            "USA",
            "PRK",
            false,
            YearMonth.of(2017, 8),
            YearMonth.of(2017, 8),
            Frequency.MONTH,
            Weighting.NONE,
            Dedup.NONE,
            false,
            false);
    DyadScore s = single(pooled);
    // USA→PRK: C = 1, K = 5; PRK→USA: one 190 (quad 4, g = −10): pooled C = 1, K = 6
    assertEquals(7, s.n());
    assertEquals(-31.0, s.goldsteinSum(), 1e-9);
    assertEquals(-5.0 / 7, s.s4(), 1e-12);
    assertEquals("USA", s.source());
    assertEquals("PRK", s.target());
    DyadScore reverse =
        single(
            new DyadQuery(
                "PRK",
                "USA",
                true,
                YearMonth.of(2017, 8),
                YearMonth.of(2017, 8),
                Frequency.MONTH,
                Weighting.NONE,
                Dedup.NONE,
                false,
                false));
    assertEquals(1, reverse.n());
    assertEquals(-1.0, reverse.s4(), 0.0);
  }

  @Test
  void series_stateOnlyAndDropStatements_filterBeforeScoring() {
    load(
        "f.tsv",
        row(1, "20170801").types("GOV", "GOV").code("010").v1(),
        row(2, "20170802").types("GOV", "MIL").code("036").v1(),
        row(3, "20170803").types("BUS", "GOV").code("190").v1(),
        row(4, "20170804").code("190").v1());
    DyadQuery state =
        new DyadQuery(
            "USA",
            "PRK",
            true,
            null,
            null,
            Frequency.MONTH,
            Weighting.NONE,
            Dedup.NONE,
            true,
            false);
    DyadScore s = single(state);
    assertEquals(2, s.n());
    assertEquals(1.0, s.s4(), 0.0);
    DyadQuery both =
        new DyadQuery(
            "USA",
            "PRK",
            true,
            null,
            null,
            Frequency.MONTH,
            Weighting.NONE,
            Dedup.NONE,
            true,
            true);
    assertEquals(1, single(both).n());
    DyadQuery noStatements =
        new DyadQuery(
            "USA",
            "PRK",
            true,
            null,
            null,
            Frequency.MONTH,
            Weighting.NONE,
            Dedup.NONE,
            false,
            true);
    DyadScore d = single(noStatements);
    assertEquals(3, d.n());
    assertEquals(-1.0 / 3, d.s4(), 1e-12);
  }

  @Test
  void series_prkAndKor_areSeparateDyads() {
    load(
        "k.tsv",
        row(1, "20170801").actors("USA", "PRK").code("190").v1(),
        row(2, "20170801").actors("USA", "KOR").code("057").v1(),
        row(3, "20170802").actors("USA", "KOR").code("057").v1());
    DyadScore prk = single(DyadQuery.monthly("USA", "PRK"));
    DyadScore kor = single(DyadQuery.monthly("USA", "KOR"));
    assertEquals(1, prk.n());
    assertEquals(-1.0, prk.s4(), 0.0);
    assertEquals(2, kor.n());
    assertEquals(1.0, kor.s4(), 0.0);
    assertFalse(
        measure.series(DyadQuery.monthly("PRK", "KOR")).scores().stream().anyMatch(x -> x.n() > 0));
  }

  @Test
  void series_logMentionsOnSourcesWithoutMentions_weighsEachEventOne() {
    // README: events from sources without the field (ICEWS, the chronology) weigh 1, whatever the
    // weighting; an ICEWS event must not vanish from the scores under --weight logmentions
    load(
        "i.tab",
        Samples.ICEWS_HEADER,
        Samples.icews("1", "2018-06-01", "", "United States", "036", "4", "", "North Korea"),
        Samples.icews("2", "2018-06-01", "", "United States", "111", "-2", "", "North Korea"));
    for (Weighting w : Weighting.values()) {
      DyadQuery q =
          new DyadQuery(
              "USA", "PRK", true, null, null, Frequency.MONTH, w, Dedup.NONE, false, false);
      if (w == Weighting.ALLMENTIONS) {
        // weights from the Mentions table exist for GDELT 2.0 events only: refused, not 1 or 0
        org.junit.jupiter.api.Assertions.assertThrows(
            org.entente.store.UnsupportedQueryException.class, () -> single(q));
        continue;
      }
      DyadScore s = single(q);
      assertEquals(2, s.n(), w.toString());
      assertEquals(1.0, s.w1(), 0.0, w + ": weight of the 036 event");
      assertEquals(1.0, s.w3(), 0.0, w + ": weight of the 111 event");
      assertEquals(1.0, s.goldsteinMean(), 1e-12, w.toString()); // (4 − 2)/2
    }
  }
}
