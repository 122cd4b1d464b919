package org.entente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.entente.cameo.Cameo;
import org.entente.cameo.CameoEventType;
import org.entente.ingest.FileReport;
import org.entente.ingest.GdeltLines;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.model.Event;
import org.entente.system.ActorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine contract: what every {@link EventStore} must do, value for value. An engine's test
 * extends this class and says how to make an empty store; every case then runs on it. Expected
 * results come from the fixture itself and from {@link ReferenceAggregates} (plain Java written
 * from METHODS §1.4–1.5), never from another engine.
 *
 * <p>Covered: atomic file loads (commit, abort, duplicates by source, id and date, rejects kept),
 * the manifest (by size, by checksum), the summary and the sources, and every dyad query — each
 * frequency, weighting, deduplication, filter, direction, range and source — for {@code aggregate},
 * {@code extent} and {@code codeCounts}; and the ingest stage's counts on real rows through the
 * engine.
 */
public abstract class EventStoreTestBase {
  @TempDir protected Path dir;

  /** A new, empty, writable store of the engine under test, kept under {@code dir}. */
  protected abstract EventStore create(Path dir);

  /**
   * Every how many cases of the query matrix ({@link
   * #queries_everyOptionSourceAndRange_equalTheReference}, 960 cases) run: 1, the default, runs
   * all. An engine whose every query is a distributed job (Spark in local mode: ~0.1 s each) runs a
   * stride coprime to the matrix's dimensions (e.g. 7), which still covers every value of every
   * dimension — each pair, direction, frequency, weighting, deduplication and filter — though not
   * every combination.
   */
  protected int queryMatrixStride() {
    return 1;
  }

  private static final String[] COUNTRIES = {"RUS", "PRK", "USA", "CHN", null};
  private static final String[] TYPES = {"GOV", "MIL", "BUS", null};
  private static final String[] SOURCES = {"gdelt2", "icews", "chronology"};

  /**
   * Random events with everything the queries distinguish: three sources, missing countries and
   * types, repeated days and URLs (so daily and URL deduplication merge), root flags, counts.
   */
  static List<Event> fixture(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    List<CameoEventType> codes = List.copyOf(Cameo.bundled().eventTypes()).subList(0, 40);
    List<Event> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String source = SOURCES[r.nextInt(SOURCES.length)];
      boolean gdelt = source.equals("gdelt2");
      CameoEventType t = codes.get(r.nextInt(codes.size()));

      String c1 = COUNTRIES[r.nextInt(COUNTRIES.length)];
      String c2 = COUNTRIES[r.nextInt(COUNTRIES.length)];
      LocalDate day = LocalDate.of(2014, 1, 1).plusDays(r.nextInt(900));
      if (!out.isEmpty() && r.nextInt(3) == 0) {
        // a third repeat an earlier event's day, pair and code (another report of it), so daily
        // and URL deduplication have groups to merge
        Event like = out.get(r.nextInt(out.size()));
        day = like.date();
        c1 = like.actor1Country();
        c2 = like.actor2Country();
        t = Cameo.bundled().event(like.eventCode()).orElseThrow();
      }
      out.add(
          new Event(
              source,
              "e" + i,
              day,
              c1,
              c1,
              TYPES[r.nextInt(TYPES.length)],
              c2,
              c2,
              TYPES[r.nextInt(TYPES.length)],
              t.code(),
              t.code().length() > 3 ? t.code().substring(0, 3) : t.code(),
              t.root(),
              t.quad(),
              // reports of one event may carry different scores (ICEWS intensities, recoded rows)
              t.goldstein() + (r.nextInt(4) == 0 ? r.nextInt(5) - 2 : 0),
              gdelt ? r.nextInt(60) : null,
              gdelt ? r.nextInt(10) : null,
              gdelt ? r.nextInt(40) : null,
              gdelt ? -2.5 + r.nextInt(50) / 10.0 : null,
              // GDELT 1.0 files carry placeholders such as "BBC Monitoring" instead of a URL
              gdelt && r.nextInt(4) > 0
                  ? (r.nextInt(6) == 0 ? "BBC Monitoring" : "https://news.example/" + r.nextInt(12))
                  : null,
              gdelt ? Boolean.valueOf(r.nextBoolean()) : null,
              source.equals("icews") ? r.nextInt(100) / 10.0 : null));
    }
    return out;
  }

  /**
   * A GDELT 2.0 root event of Russia on North Korea, both actors of type {@code type}: base and
   * root code from {@code code}, NumArticles equal to NumMentions, no intensity.
   */
  public static Event rusPrk(
      String id,
      LocalDate day,
      String type,
      String code,
      int quad,
      double goldstein,
      int mentions,
      int sources,
      double tone,
      String url) {
    return new Event(
        "gdelt2",
        id,
        day,
        "RUS",
        "RUS",
        type,
        "PRK",
        "PRK",
        type,
        code,
        code.length() > 3 ? code.substring(0, 3) : code,
        code.substring(0, 2),
        quad,
        goldstein,
        mentions,
        sources,
        mentions,
        tone,
        url,
        true,
        null);
  }

  /**
   * Loads, as file {@code /b} ingested with {@code --actors PRK,RUS}, one gdelt2 event between
   * Russia and North Korea on the day and with the code of {@code like}.
   */
  static void loadFiltered(EventStore s, Event like) {
    try (FileLoad load = s.beginFile(new FileMeta("/b", 1, null, "PRK,RUS"))) {
      load.add(
          rusPrk(
              "filtered-1",
              like.date(),
              null,
              like.eventCode(),
              like.quadClass(),
              like.goldstein(),
              1,
              1,
              0.0,
              null),
          "b",
          1);
      load.commit("crc32c:b", "test", 1, 0);
    }
  }

  /**
   * Writes the GDELT {@code lines} ({@link GdeltLines}) as the file {@code name} under {@code dir}.
   */
  java.nio.file.Path export(String name, String... lines) throws java.io.IOException {
    return java.nio.file.Files.writeString(dir.resolve(name), GdeltLines.lines(lines));
  }

  /** Ingests {@code text} as the file {@code name} through the ingest stage. */
  static FileReport ingestText(Ingestor in, String name, String text, IngestOptions options) {
    return in.ingestBytes(
        name, text.getBytes(StandardCharsets.UTF_8), options, IngestListener.NONE);
  }

  /** Loads {@code events} as one file; returns the load's result. */
  static FileLoad.LoadResult load(EventStore s, String name, List<Event> events) {
    try (FileLoad load = s.beginFile(new FileMeta("/" + name, events.size(), null, null))) {
      long line = 0;
      for (Event e : events) {
        load.add(e, name, ++line);
      }
      return load.commit("crc32c:" + name, "test", events.size(), 0);
    }
  }

  @Test
  void exportRollup_volumes_countEachStatesEventsOnceWithAnyActor() throws Exception {
    List<Event> events = fixture(7, 400);
    // reference, computed here from the events: per (source, month, state) the events with the
    // state as either actor country (once), their quad counts and Goldstein sum
    Map<String, double[]> expected = new TreeMap<>();
    for (Event e : events) {
      if (e.source().equals("chronology")) {
        continue;
      }
      java.util.Set<String> states = new java.util.TreeSet<>();
      if (e.actor1Country() != null) {
        states.add(e.actor1Country());
      }
      if (e.actor2Country() != null) {
        states.add(e.actor2Country());
      }
      for (String st : states) {
        double[] v =
            expected.computeIfAbsent(
                e.source() + "," + YearMonth.from(e.date()) + "," + st, k -> new double[6]);
        v[0]++;
        v[e.quadClass()]++;
        v[5] += e.goldstein();
      }
    }
    try (EventStore s = create(dir)) {
      load(s, "a", events);
      Path csv = dir.resolve("volumes.csv");
      RollupExport x = s.exportRollup(RollupFrequency.MONTH, false, csv, true);
      assertEquals(List.of("gdelt2", "icews"), x.volumeSources());
      assertEquals(1, x.notes().size(), x.notes().toString());
      assertTrue(x.notes().get(0).contains("'chronology'"), x.notes().get(0));
      List<String> lines = java.nio.file.Files.readAllLines(csv);
      assertEquals(String.join(",", RollupRow.COLUMNS_V2), lines.get(0));
      assertEquals(x.rows(), lines.size() - 1L);
      Map<String, double[]> got = new TreeMap<>();
      long dyadRows = 0;
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",", -1);
        if (f[14].equals("dyad")) {
          dyadRows++;
          continue;
        }
        assertEquals("volume", f[14], line);
        assertEquals("", f[4] + f[5] + f[12] + f[13], "actor2, directed, score, coverage: " + line);
        got.put(
            f[0] + "," + f[2] + "," + f[3],
            new double[] {
              Double.parseDouble(f[6]),
              Double.parseDouble(f[7]),
              Double.parseDouble(f[8]),
              Double.parseDouble(f[9]),
              Double.parseDouble(f[10]),
              Double.parseDouble(f[11])
            });
      }
      assertEquals(expected.keySet(), got.keySet());
      for (Map.Entry<String, double[]> e : expected.entrySet()) {
        double[] g = got.get(e.getKey());
        for (int k = 0; k < 5; k++) {
          assertEquals(e.getValue()[k], g[k], e.getKey() + " column " + k);
        }
        assertEquals(e.getValue()[5], g[5], 1e-9, e.getKey() + " goldstein_sum");
      }
      // the dyad rows are those of the version 1 export
      long v1 = s.exportRollup(RollupFrequency.MONTH, false, dir.resolve("v1.csv"));
      assertEquals(v1, dyadRows);

      // a file of gdelt2 ingested with --actors: its volumes would miss the other states' events
      loadFiltered(s, events.stream().filter(e -> e.source().equals("gdelt2")).findFirst().get());
      RollupExport y =
          s.exportRollup(RollupFrequency.YEAR, false, dir.resolve("filtered.csv"), true);
      assertEquals(List.of("icews"), y.volumeSources());
      assertTrue(
          y.notes().stream().anyMatch(n -> n.contains("'gdelt2'") && n.contains("--actors")),
          y.notes().toString());
    }
  }

  /**
   * Plants in {@code dir}, as a process {@code pid} that has ended would have left it when stopped
   * half-way through an export, this engine's temporary entry for it, last written {@code
   * minutesAgo} ago; returns it.
   */
  protected abstract Path leftByAStoppedExport(Path dir, long pid, long minutesAgo)
      throws java.io.IOException;

  @Test
  void exportRollup_removesOldEntriesOfStoppedExports_andLeavesNoneOfItsOwn() throws Exception {
    Path out = java.nio.file.Files.createDirectory(dir.resolve("out"));
    Path users = TempFilesTest.file(out, "notes.txt", 60);
    long ended = TempFilesTest.endedProcess();
    Path orphan = leftByAStoppedExport(out, ended, 60);
    Path recent = leftByAStoppedExport(out, ended, 1);
    try (EventStore s = create(dir)) {
      load(s, "a", fixture(3, 50));
      for (boolean parquet : new boolean[] {false, true}) {
        Path file = out.resolve(parquet ? "r.parquet" : "r.csv");
        assertTrue(s.exportRollup(RollupFrequency.MONTH, parquet, file) > 0);
        assertTrue(java.nio.file.Files.size(file) > 0);
      }
    }
    assertFalse(java.nio.file.Files.exists(orphan), "left by a stopped export an hour ago");
    assertTrue(java.nio.file.Files.exists(recent), "a minute old: may still be written to");
    assertEquals("partial", java.nio.file.Files.readString(users));
    try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(out)) {
      assertEquals(
          new java.util.TreeSet<>(
              List.of("notes.txt", "r.csv", "r.parquet", recent.getFileName().toString())),
          s.map(p -> p.getFileName().toString())
              .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)),
          "nothing of this process's exports left beside them");
    }
  }

  @Test
  void volumes_ofEventsIngestedWithoutAFilter_countEitherStatesEventsOnce() {
    List<Event> events = fixture(7, 400);
    YearMonth from = YearMonth.of(2014, 2);
    YearMonth to = YearMonth.of(2016, 5);
    try (EventStore s = create(dir)) {
      load(s, "a", events);
      int compared = 0;
      for (String source : List.of("gdelt2", "icews")) {
        for (String[] pair : new String[][] {{"RUS", "PRK"}, {"USA", "CHN"}}) {
          for (DyadQuery.Frequency f : DyadQuery.Frequency.values()) {
            DyadQuery q =
                TestQueries.plain(pair[0], pair[1], f == DyadQuery.Frequency.MONTH, f, source)
                    .withRange(from, to);
            // reference: every period of the range, the events with either state as an actor
            Map<LocalDate, Long> expected = new TreeMap<>();
            int step =
                f == DyadQuery.Frequency.MONTH ? 1 : f == DyadQuery.Frequency.QUARTER ? 3 : 12;
            YearMonth first = from.minusMonths((from.getMonthValue() - 1) % step);
            for (YearMonth m = first; !m.isAfter(to); m = m.plusMonths(step)) {
              expected.put(m.atDay(1), 0L);
            }
            for (Event e : events) {
              YearMonth m = YearMonth.from(e.date());
              boolean either =
                  java.util.Arrays.asList(pair).contains(e.actor1Country())
                      || java.util.Arrays.asList(pair).contains(e.actor2Country());
              if (e.source().equals(source) && either && !m.isBefore(from) && !m.isAfter(to)) {
                expected.merge(
                    m.minusMonths((m.getMonthValue() - 1) % step).atDay(1), 1L, Long::sum);
              }
            }
            assertEquals(expected, s.volumes(q), q.label() + " " + source + " " + f);
            compared += expected.size();
          }
        }
      }
      assertTrue(compared > 60, "compared " + compared);
      DyadQuery plain =
          TestQueries.plain("RUS", "PRK", false, DyadQuery.Frequency.MONTH, "gdelt2")
              .withRange(from, to);
      org.junit.jupiter.api.Assertions.assertThrows(
          UnsupportedQueryException.class,
          () -> s.volumes(plain.withDataSource("chronology")),
          "the chronology is a selection");
      UnsupportedQueryException dedup =
          org.junit.jupiter.api.Assertions.assertThrows(
              UnsupportedQueryException.class,
              () ->
                  s.volumes(
                      TestQueries.monthly(
                          "RUS",
                          "PRK",
                          from,
                          to,
                          DyadQuery.Weighting.NONE,
                          DyadQuery.Dedup.DAILY,
                          "gdelt2")));
      assertTrue(dedup.getMessage().contains("--dedup daily"), dedup.getMessage());
      // one gdelt2 file ingested with --actors: gdelt2's volumes are unknown, icews's still known
      loadFiltered(s, events.get(0));
      UnsupportedQueryException filtered =
          org.junit.jupiter.api.Assertions.assertThrows(
              UnsupportedQueryException.class, () -> s.volumes(plain));
      assertTrue(filtered.getMessage().contains("--actors"), filtered.getMessage());
      assertFalse(s.volumes(plain.withDataSource("icews")).isEmpty());
    }
  }

  /**
   * Records a file ingested with {@code --actors} whose {@code rows} rows the filter all dropped.
   */
  static void loadAllFiltered(EventStore s, String name, String format, long rows) {
    try (FileLoad load = s.beginFile(new FileMeta("/" + name, rows, null, "PRK,RUS"))) {
      load.commit("crc32c:" + name, format, rows, rows);
    }
  }

  @Test
  void volumes_afterAFilteredFileThatKeptNoRow_areRefusedForItsSource() throws Exception {
    List<Event> events = fixture(7, 400);
    DyadQuery gdelt2 =
        TestQueries.plain("USA", "CHN", false, DyadQuery.Frequency.YEAR, "gdelt2")
            .withRange(YearMonth.of(2014, 1), YearMonth.of(2016, 12));
    try (EventStore s = create(dir)) {
      load(s, "a", events);
      assertFalse(s.volumes(gdelt2).isEmpty());
      // a GDELT 2.0 file whose every row lay outside --actors RUS,PRK: no event names its source,
      // but gdelt2's events of that file between other states are missing from the store
      loadAllFiltered(s, "b", "gdelt2", 12);
      UnsupportedQueryException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              UnsupportedQueryException.class, () -> s.volumes(gdelt2));
      assertTrue(e.getMessage().contains("'gdelt2'") && e.getMessage().contains("--actors"));
      assertFalse(s.volumes(gdelt2.withDataSource("icews")).isEmpty(), "icews is whole");
      RollupExport x =
          s.exportRollup(RollupFrequency.MONTH, false, dir.resolve("volumes.csv"), true);
      assertEquals(List.of("icews"), x.volumeSources());
      assertTrue(
          x.notes().stream().anyMatch(n -> n.contains("'gdelt2'") && n.contains("--actors")),
          x.notes().toString());
      // and an ICEWS file likewise
      loadAllFiltered(s, "c", "icews", 3);
      org.junit.jupiter.api.Assertions.assertThrows(
          UnsupportedQueryException.class, () -> s.volumes(gdelt2.withDataSource("icews")));
    }
  }

  @Test
  void load_commit_storesEveryEventAndListsEachSource() {
    List<Event> events = fixture(1, 600);
    try (EventStore s = create(dir)) {
      FileLoad.LoadResult r = load(s, "a", events);
      assertEquals(new FileLoad.LoadResult(600, 0, 0), r);
      Map<String, Long> expected = new ReferenceAggregates(events).rowsBySource();
      Map<String, Long> got = new TreeMap<>();
      for (SourceInfo i : s.sources()) {
        got.put(i.name(), i.rows());
        assertEquals(SourceInfo.Kind.EVENTS, i.kind());
        LocalDate first =
            events.stream()
                .filter(e -> e.source().equals(i.name()))
                .map(Event::date)
                .min(LocalDate::compareTo)
                .orElseThrow();
        assertEquals(first, i.first(), i.name());
      }
      assertEquals(expected, got);
      long total = s.summary().eventsBySource().stream().mapToLong(StoreSummary.Count::count).sum();
      assertEquals(600, total);
    }
  }

  /**
   * Goldstein scores 0.1, 0.2 and 0.3 in three files: a plain sum gives 0.6000000000000001 when the
   * files come in that order and 0.6 in the reverse order (so did the rollup before version 9 of
   * the DuckDB schema, and Spark's sum); the sums are exact, so every order gives the same bits,
   * those of the exact sum of the three doubles rounded once (0.6, computed here with BigDecimal).
   */
  @Test
  void sums_sameEventsInAnyOrderOfFilesOrRows_giveTheSameBitsAsTheExactSum() throws Exception {
    List<Event> events =
        List.of(
            rusPrk("s1", LocalDate.of(2020, 3, 2), "GOV", "042", 1, 0.1, 3, 1, 0, null),
            rusPrk("s2", LocalDate.of(2020, 3, 9), "GOV", "042", 1, 0.2, 5, 1, 0, null),
            rusPrk("s3", LocalDate.of(2020, 3, 16), "GOV", "042", 1, 0.3, 7, 1, 0, null));
    assertEquals(0.6000000000000001, (0.1 + 0.2) + 0.3, "the plain sum in this order");
    assertEquals(0.6, (0.3 + 0.2) + 0.1, "the plain sum in the reverse order");
    double exactG =
        events.stream()
            .map(e -> new java.math.BigDecimal(e.goldstein()))
            .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
            .doubleValue();
    double exactWg =
        events.stream()
            .map(e -> new java.math.BigDecimal(e.numArticles() * e.goldstein()))
            .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
            .doubleValue();
    List<List<Event>> orders =
        List.of(
            events,
            List.of(events.get(2), events.get(1), events.get(0)),
            List.of(events.get(1), events.get(2), events.get(0)));
    List<List<List<PeriodAggregate>>> results = new ArrayList<>();
    for (int k = 0; k < orders.size() + 1; k++) {
      Path sub = java.nio.file.Files.createDirectories(dir.resolve("order" + k));
      try (EventStore s = create(sub)) {
        if (k < orders.size()) {
          for (Event e : orders.get(k)) {
            load(s, e.sourceEventId(), List.of(e));
          }
        } else {
          load(s, "one", orders.get(1)); // all three in one file, in reverse order
        }
        List<List<PeriodAggregate>> got = new ArrayList<>();
        for (DyadQuery.Weighting w :
            List.of(
                DyadQuery.Weighting.NONE,
                DyadQuery.Weighting.ARTICLES,
                DyadQuery.Weighting.LOGMENTIONS)) {
          for (DyadQuery.Dedup d : List.of(DyadQuery.Dedup.NONE, DyadQuery.Dedup.DAILY)) {
            DyadQuery q =
                new DyadQuery(
                    "RUS", "PRK", false, null, null, DyadQuery.Frequency.MONTH, w, d, false, false);
            got.add(s.aggregate(q));
          }
        }
        PeriodAggregate plain = got.get(0).get(0);
        assertEquals(exactG, plain.goldsteinWeightedSum(), "Σg, order " + k);
        assertEquals(0.6, plain.goldsteinWeightedSum(), "Σg, order " + k);
        assertEquals(exactG, got.get(1).get(0).goldsteinWeightedSum(), "Σg daily, order " + k);
        assertEquals(exactWg, got.get(2).get(0).goldsteinWeightedSum(), "Σw·g, order " + k);
        results.add(got);
      }
    }
    for (int k = 1; k < results.size(); k++) {
      assertEquals(results.get(0), results.get(k), "order " + k + " against order 0");
    }
  }

  @Test
  void load_sameSourceIdAndDate_isADuplicateNotAnotherEvent() {
    List<Event> events = fixture(2, 100);
    try (EventStore s = create(dir)) {
      load(s, "a", events.subList(0, 60));
      FileLoad.LoadResult second = load(s, "b", events.subList(40, 100));
      assertEquals(40, second.stored());
      assertEquals(20, second.duplicates());
      ReferenceAggregates ref = new ReferenceAggregates(events);
      DyadQuery q = DyadQuery.monthly("RUS", "PRK");
      assertAggregates(ref.aggregate(q), s.aggregate(q), "after duplicates");
    }
  }

  @Test
  void load_sameKeyTwiceInOneFile_keepsTheFirstRead() {
    // two reports of one event in one file: the one read first is the event, whatever its score
    Event first =
        rusPrk(
            "7", LocalDate.of(2015, 3, 2), "GOV", "036", 1, 4.0, 3, 1, 1.5, "https://a.example/1");
    Event second =
        rusPrk(
            "7",
            LocalDate.of(2015, 3, 2),
            "GOV",
            "190",
            4,
            -10.0,
            9,
            2,
            -4.0,
            "https://b.example/1");
    Event other =
        rusPrk(
            "8", LocalDate.of(2015, 3, 2), "GOV", "036", 1, 4.0, 3, 1, 1.5, "https://a.example/2");
    try (EventStore s = create(dir)) {
      FileLoad.LoadResult r = load(s, "a", List.of(other, first, second));
      assertEquals(new FileLoad.LoadResult(2, 1, 0), r);
      FileLoad.LoadResult again = load(s, "b", List.of(second));
      assertEquals(new FileLoad.LoadResult(0, 1, 0), again, "the store's own copy stays");
      List<PeriodAggregate> a = s.aggregate(DyadQuery.monthly("RUS", "PRK"));
      assertAggregates(
          List.of(new PeriodAggregate(LocalDate.of(2015, 3, 1), 2, 2, 0, 0, 0, 8.0, 2)),
          a,
          "the first report of event 7 (036, +4.0) is stored, not the second (190, -10.0)");
    }
  }

  /**
   * --dedup url groups by web address only: GDELT 1.0's "BBC Monitoring" placeholder in SOURCEURL
   * merged distinct events months apart (CHN-KOR May 2013 read 1 event instead of 5 on the Georgia
   * files). Two placeholder events stay two; two events with one http address become one.
   */
  @Test
  void dedupUrl_placeholderSourceUrls_areNotGrouped() {
    List<Event> events =
        List.of(
            rusPrk(
                "1", LocalDate.of(2013, 4, 8), "GOV", "043", 1, 2.8, 3, 1, 1.0, "BBC Monitoring"),
            rusPrk(
                "2", LocalDate.of(2013, 5, 20), "GOV", "043", 1, 2.8, 3, 1, 1.0, "BBC Monitoring"),
            rusPrk(
                "3",
                LocalDate.of(2013, 5, 21),
                "GOV",
                "043",
                1,
                2.8,
                3,
                1,
                1.0,
                "https://x.example/a"),
            rusPrk(
                "4",
                LocalDate.of(2013, 5, 22),
                "GOV",
                "043",
                1,
                2.8,
                3,
                1,
                1.0,
                "https://x.example/a"));
    try (EventStore s = create(dir)) {
      load(s, "a", events);
      DyadQuery q =
          new DyadQuery(
              "RUS",
              "PRK",
              false,
              null,
              null,
              DyadQuery.Frequency.MONTH,
              DyadQuery.Weighting.NONE,
              DyadQuery.Dedup.URL,
              false,
              false,
              null);
      List<PeriodAggregate> got = s.aggregate(q);
      assertEquals(new ReferenceAggregates(events).aggregate(q).size(), got.size());
      assertEquals(LocalDate.of(2013, 4, 1), got.get(0).periodStart());
      assertEquals(1, got.get(0).n(), "April: event 1 alone");
      assertEquals(2, got.get(1).n(), "May: event 2 alone, events 3 and 4 one (one address)");
    }
  }

  /** The gdelt2 RUS-PRK months January to March 2015, through the measure stage. */
  private static List<org.entente.measure.DyadScore> firstQuarter2015(EventStore s) {
    return new org.entente.measure.Measure(SourceSelection.scope(s, "gdelt2"))
        .series(
            DyadQuery.monthly("RUS", "PRK")
                .withRange(java.time.YearMonth.of(2015, 1), java.time.YearMonth.of(2015, 3)))
        .scores();
  }

  /**
   * An unfiltered GDELT or ICEWS feed observed the months in which it has events; a month without
   * any is one no file covered (a missing monthly Georgia file read as zero events and made a
   * change point), and the measure stage makes it a gap. A filtered load whose left-out rows'
   * months are unknown makes every empty month a possible real zero again (unknown: null); so does
   * a sparse source.
   */
  @Test
  void monthsObserved_feedsByTheirEvents_unknownOnceAFilteredLoadOfUnknownMonthsIsHeld() {
    Event jan = rusPrk("1", LocalDate.of(2015, 1, 5), "GOV", "042", 1, 1.9, 1, 1, 0.0, null);
    Event mar = rusPrk("2", LocalDate.of(2015, 3, 7), "GOV", "042", 1, 1.9, 1, 1, 0.0, null);
    Event chronology =
        new Event(
            "chronology",
            "c1",
            LocalDate.of(2015, 2, 1),
            "RUS",
            "RUS",
            null,
            "PRK",
            "PRK",
            null,
            "042",
            "042",
            "04",
            1,
            1.9,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    try (EventStore s = create(dir)) {
      load(s, "a", List.of(jan, mar, chronology));
      assertEquals(
          java.util.Set.of(java.time.YearMonth.of(2015, 1), java.time.YearMonth.of(2015, 3)),
          s.monthsObserved("gdelt2"));
      assertEquals(null, s.monthsObserved("chronology"), "a sparse source: unknown");
      List<org.entente.measure.DyadScore> feb = firstQuarter2015(s);
      assertEquals(List.of(false, true, false), feb.stream().map(d -> d.gap()).toList());
      assertTrue(Double.isNaN(feb.get(1).s6()));
      loadFiltered(s, mar);
      assertEquals(
          java.util.Set.of(java.time.YearMonth.of(2015, 1), java.time.YearMonth.of(2015, 3)),
          s.monthsObserved("gdelt2"),
          "a filtered load that left out no row adds no month");
      try (FileLoad load = s.beginFile(new FileMeta("/c", 1, null, "PRK,RUS"))) {
        load.observed(null, null); // as a lake entry written before the months were recorded
        load.commit("crc32c:c", "test", 1, 1);
      }
      assertEquals(null, s.monthsObserved("gdelt2"), "a filtered load of unknown months");
      List<org.entente.measure.DyadScore> again = firstQuarter2015(s);
      assertEquals(0.0, again.get(1).s6(), 0.0, "a month of zero events again");
    }
  }

  /**
   * A feed read with {@code --actors} observed the months of the rows the filter left out too
   * (FileLoad#observed): a month whose rows were all left out is a month of zero events between the
   * states kept, a month no file covered is still a gap. Two files are read as a list (several to a
   * batch or a parallel wave, where the engine has them) and one alone (a row of May left out).
   */
  @Test
  void monthsObserved_filteredIngest_countsTheMonthsOfTheRowsLeftOut() throws Exception {
    java.nio.file.Path jan = dir.resolve("20150105000000.export.CSV");
    java.nio.file.Path feb = dir.resolve("20150210000000.export.CSV");
    java.nio.file.Files.writeString(
        jan,
        GdeltLines.lines(
            GdeltLines.row(1, "20150105").actors("RUS", "PRK").code("036").v2(),
            GdeltLines.row(2, "20150105").actors("FRA", "DEU").code("036").v2()));
    // February's rows are all left out by the filter; the one dated 2015-03-32 (no such day)
    // tells nothing of March
    java.nio.file.Files.writeString(
        feb,
        GdeltLines.lines(
            GdeltLines.row(3, "20150210").actors("FRA", "DEU").code("036").v2(),
            GdeltLines.row(4, "20150332").actors("FRA", "DEU").code("036").v2()));
    IngestOptions six = org.entente.ingest.Samples.sixStates();
    try (EventStore s = create(dir.resolve("store"))) {
      Ingestor in = new Ingestor(s, Cameo.bundled(), ActorRegistry.bundled());
      List<FileReport> r = in.ingest(List.of(jan, feb), six, IngestListener.NONE);
      assertEquals(
          List.of(List.of(2L, 1L, 1L), List.of(2L, 0L, 2L)),
          r.stream().map(x -> List.of(x.read(), x.stored(), x.filtered())).toList(),
          r.toString());
      FileReport apr =
          ingestText(
              in,
              "20150415000000.export.CSV",
              GdeltLines.lines(
                  GdeltLines.row(5, "20150415").actors("PRK", "RUS").code("036").v2(),
                  GdeltLines.row(6, "20150520").actors("FRA", "DEU").code("036").v2()),
              six);
      assertEquals(FileReport.Status.LOADED, apr.status(), apr.message());
      assertEquals(
          java.util.Set.of(
              YearMonth.of(2015, 1),
              YearMonth.of(2015, 2),
              YearMonth.of(2015, 4),
              YearMonth.of(2015, 5)),
          s.monthsObserved("gdelt2"),
          "January and April by their events, February and May by the rows left out");
      List<org.entente.measure.DyadScore> months =
          new org.entente.measure.Measure(SourceSelection.scope(s, "gdelt2"))
              .series(
                  DyadQuery.monthly("RUS", "PRK")
                      .withRange(YearMonth.of(2015, 1), YearMonth.of(2015, 4)))
              .scores();
      assertEquals(List.of(false, false, true, false), months.stream().map(d -> d.gap()).toList());
      assertEquals(0.0, months.get(1).s6(), 0.0, "February: zero events, observed");
      assertTrue(Double.isNaN(months.get(2).s6()), "March: no file covered it");
    }
  }

  /**
   * A month whose rows are all invalid is a gap whether or not the file is read with {@code
   * --actors} (it was observed when read with it: the months of the rows left out were taken
   * without checking the rest of the row). March's one row has an unknown event code, April's first
   * left-out row an impossible Goldstein value and its second is valid, May's row a Goldstein value
   * that is no number, June's row no second country (a valid row: stored unfiltered, and its month
   * observed in both stores, as the months of every stored event are, in both engines); every row
   * is left out by the filter except January's.
   */
  @Test
  void monthsObserved_monthOfInvalidRowsOnly_isAGapFilteredOrNot() throws Exception {
    String text =
        GdeltLines.lines(
            GdeltLines.row(1, "20150105").actors("RUS", "PRK").code("036").v2(),
            GdeltLines.row(2, "20150310").actors("FRA", "DEU").code("036").set(26, "999").v2(),
            GdeltLines.row(3, "20150402").actors("FRA", "DEU").code("036").set(30, "12").v2(),
            GdeltLines.row(4, "20150403").actors("FRA", "DEU").code("036").v2(),
            GdeltLines.row(5, "20150503").actors("FRA", "DEU").code("036").set(30, "x").v2(),
            GdeltLines.row(6, "20150604").actors("FRA", "").code("036").v2());
    java.util.Map<String, java.util.Set<YearMonth>> months = new java.util.TreeMap<>();
    java.util.Map<String, List<Long>> counts = new java.util.TreeMap<>();
    for (IngestOptions o :
        List.of(org.entente.ingest.Samples.sixStates(), IngestOptions.defaults())) {
      String name = o.actors().keepsAll() ? "unfiltered" : "filtered";
      try (EventStore s = create(dir.resolve(name))) {
        Ingestor in = new Ingestor(s, Cameo.bundled(), ActorRegistry.bundled());
        FileReport r = ingestText(in, "20150105000000.export.CSV", text, o);
        assertEquals(FileReport.Status.LOADED, r.status(), r.message());
        counts.put(name, List.of(r.stored(), r.rejected(), r.filtered()));
        months.put(name, s.monthsObserved("gdelt2"));
      }
    }
    // filtered, the invalid rows are left out uncounted as rejects (the filter comes first)
    assertEquals(List.of(1L, 0L, 5L), counts.get("filtered"), counts.toString());
    assertEquals(List.of(3L, 3L, 0L), counts.get("unfiltered"), counts.toString());
    assertEquals(
        java.util.Set.of(YearMonth.of(2015, 1), YearMonth.of(2015, 4), YearMonth.of(2015, 6)),
        months.get("unfiltered"),
        "March and May: invalid rows only; June: a valid event without a second country");
    assertEquals(months.get("unfiltered"), months.get("filtered"));
  }

  /**
   * A dyad that a file read with {@code --actors} left out is refused, not read as zero events (it
   * was: CHN-JPN n = 0 in every month of a store read with --actors RUS,PRK,USA); dyads of the set
   * are answered; the same file read again without a filter holds every dyad.
   */
  @Test
  void leftOut_dyadOutsideAFilteredFile_isRefusedNamingTheFileAndTheSet() throws Exception {
    java.nio.file.Path file = dir.resolve("20191024143000.export.CSV");
    java.nio.file.Files.writeString(
        file,
        GdeltLines.lines(
            GdeltLines.row(1, "20191024").actors("RUS", "PRK").code("036").v2(),
            GdeltLines.row(2, "20191024").actors("CHN", "JPN").code("036").v2(),
            GdeltLines.row(3, "20191024").actors("USA", "RUS").code("036").v2()));
    IngestOptions three = actors("RUS,PRK,USA");
    try (EventStore s = create(dir.resolve("store"))) {
      Ingestor in = new Ingestor(s, Cameo.bundled(), ActorRegistry.bundled());
      List<FileReport> r = in.ingest(List.of(file), three, IngestListener.NONE);
      assertEquals(List.of(2L), r.stream().map(FileReport::stored).toList(), r.toString());
      EventStore scoped = SourceSelection.scope(s, "gdelt2");
      DyadQuery chnJpn = DyadQuery.monthly("CHN", "JPN");
      UnsupportedQueryException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              UnsupportedQueryException.class, () -> scoped.aggregate(chnJpn));
      for (String part :
          new String[] {"'gdelt2'", "CHN-JPN", "--actors PRK,RUS,USA", file.toString()}) {
        assertTrue(e.getMessage().contains(part), e.getMessage());
      }
      assertEquals(e.getMessage(), scoped.leftOut(chnJpn).orElseThrow());
      org.junit.jupiter.api.Assertions.assertThrows(
          UnsupportedQueryException.class,
          () -> scoped.aggregate(DyadQuery.monthly("RUS", "JPN")),
          "one country in the set is not enough");
      assertEquals(java.util.Optional.empty(), scoped.leftOut(DyadQuery.monthly("RUS", "PRK")));
      assertEquals(1, scoped.aggregate(DyadQuery.monthly("RUS", "PRK")).get(0).n());
      // the file again without --actors: it now holds every dyad
      List<FileReport> again =
          in.ingest(List.of(file), IngestOptions.defaults(), IngestListener.NONE);
      assertEquals(List.of(1L), again.stream().map(FileReport::stored).toList(), again.toString());
      EventStore rescoped = SourceSelection.scope(s, "gdelt2");
      assertEquals(java.util.Optional.empty(), rescoped.leftOut(chnJpn));
      assertEquals(1, rescoped.aggregate(chnJpn).get(0).n());
    }
  }

  /**
   * An export of a store read with --actors lists the pairs it holds (rows of kind held, rollup
   * format version 3): the three pairs of RUS, PRK, USA for gdelt2, written after the dyad rows,
   * with an empty period and quantities, and dyad rows of those pairs only (a second file read with
   * RUS,PRK,USA,CHN holds CHN-RUS, which the first left out: its partial counts are not written); a
   * source whose files hold no pair in full (one file read with RUS,PRK, another with CHN,JPN) is
   * left out with a note.
   */
  @Test
  void exportRollup_filteredSources_listTheirHeldPairsAndLeaveOutASourceHoldingNone()
      throws Exception {
    java.nio.file.Path file =
        export(
            "20191024143000.export.CSV",
            GdeltLines.row(1, "20191024").actors("RUS", "PRK").code("036").v2(),
            GdeltLines.row(2, "20191024").actors("CHN", "JPN").code("036").v2(),
            GdeltLines.row(3, "20191024").actors("USA", "RUS").code("036").v2());
    java.nio.file.Path wider =
        export(
            "20191024150000.export.CSV",
            GdeltLines.row(8, "20191024").actors("RUS", "CHN").code("036").v2(),
            GdeltLines.row(9, "20191024").actors("RUS", "PRK").code("036").v2(),
            GdeltLines.row(10, "20191024").actors("KOR", "PRK").code("036").v2());
    java.nio.file.Path v1 =
        export(
            "20191024.export.CSV",
            GdeltLines.row(4, "20191024").actors("RUS", "PRK").code("036").v1(),
            GdeltLines.row(5, "20191024").actors("CHN", "JPN").code("036").v1());
    java.nio.file.Path v1b =
        export(
            "20191025.export.CSV",
            GdeltLines.row(6, "20191025").actors("RUS", "PRK").code("036").v1(),
            GdeltLines.row(7, "20191025").actors("CHN", "JPN").code("036").v1());
    try (EventStore s = create(dir.resolve("store"))) {
      Ingestor in = new Ingestor(s, Cameo.bundled(), ActorRegistry.bundled());
      in.ingest(List.of(file), actors("RUS,PRK,USA"), IngestListener.NONE);
      in.ingest(List.of(wider), actors("RUS,PRK,USA,CHN"), IngestListener.NONE);
      in.ingest(List.of(v1), actors("RUS,PRK"), IngestListener.NONE);
      in.ingest(List.of(v1b), actors("CHN,JPN"), IngestListener.NONE);
      java.nio.file.Path out = dir.resolve("r.csv");
      RollupExport r = s.exportRollup(RollupFrequency.MONTH, false, out, false);
      List<String> lines = java.nio.file.Files.readAllLines(out);
      assertEquals(
          "source,freq,period,actor1,actor2,directed,n,w1,w2,w3,w4,goldstein_sum,score,coverage,kind",
          lines.get(0));
      assertEquals(
          List.of(
              "gdelt2,month,,PRK,RUS,false,,,,,,,,,held",
              "gdelt2,month,,PRK,USA,false,,,,,,,,,held",
              "gdelt2,month,,RUS,USA,false,,,,,,,,,held"),
          lines.stream().filter(l -> l.endsWith(",held")).toList());
      List<String> dyads = lines.stream().filter(l -> l.endsWith(",dyad")).toList();
      assertEquals(2, dyads.size(), lines.toString());
      assertTrue(
          dyads.stream().anyMatch(l -> l.startsWith("gdelt2,month,2019-10,RUS,PRK,true,2,")),
          dyads.toString());
      assertTrue(dyads.stream().noneMatch(l -> l.contains("CHN")), dyads.toString());
      assertTrue(
          dyads.stream().allMatch(l -> l.startsWith("gdelt2,month,2019-10,")), dyads.toString());
      assertEquals(lines.size() - 1, r.rows());
      assertTrue(
          r.notes().stream()
              .anyMatch(n -> n.startsWith("source 'gdelt1' is left out") && n.contains("no pair")),
          r.notes().toString());
      assertTrue(
          r.notes().stream().anyMatch(n -> n.startsWith("source 'gdelt2' holds files read with")),
          r.notes().toString());
      // with --volumes every source is filtered: the refusal names the volumes' reasons only
      IllegalArgumentException v =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class,
              () -> s.exportRollup(RollupFrequency.MONTH, false, dir.resolve("v.csv"), true));
      assertTrue(
          v.getMessage().startsWith("no source of this store can give state volumes")
              && !v.getMessage().contains("kind 'held'"),
          v.getMessage());
    }
  }

  /**
   * A file loaded with two sets holds the dyads one load kept, not those of the sets' union; an
   * archive of a GDELT 2.0 and a GDELT 1.0 export restricts both sources; a GDELT CSV file (whose
   * layout its header decides) restricts its own source only. (Each file has rows the filter left
   * out: a filtered load that left none out kept every row, and restricts nothing.)
   */
  @Test
  void leftOut_loadsWithTwoSetsArchivesAndGdeltCsv_restrictTheirOwnDyadsAndSources()
      throws Exception {
    java.nio.file.Path file = dir.resolve("20190301000000.export.CSV");
    java.nio.file.Files.writeString(
        file,
        GdeltLines.lines(
            GdeltLines.row(1, "20190101").actors("RUS", "PRK").code("036").v2(),
            GdeltLines.row(2, "20190201").actors("RUS", "CHN").code("036").v2(),
            GdeltLines.row(3, "20190301").actors("CHN", "JPN").code("036").v2()));
    try (EventStore s = create(dir.resolve("store"))) {
      Ingestor in = new Ingestor(s, Cameo.bundled(), ActorRegistry.bundled());
      for (String set : new String[] {"RUS,PRK", "CHN,JPN"}) {
        List<FileReport> r = in.ingest(List.of(file), actors(set), IngestListener.NONE);
        assertEquals(List.of(1L), r.stream().map(FileReport::stored).toList(), r.toString());
      }
      EventStore g2 = SourceSelection.scope(s, "gdelt2");
      assertEquals(java.util.Optional.empty(), g2.leftOut(DyadQuery.monthly("RUS", "PRK")));
      assertEquals(java.util.Optional.empty(), g2.leftOut(DyadQuery.monthly("CHN", "JPN")));
      String why = g2.leftOut(DyadQuery.monthly("RUS", "CHN")).orElseThrow();
      assertTrue(why.contains("--actors PRK,RUS and CHN,JPN"), why);
    }

    // an archive with a GDELT 2.0 and a GDELT 1.0 export, read with --actors RUS,PRK
    java.nio.file.Path zip = dir.resolve("mixed.zip");
    try (java.util.zip.ZipOutputStream z =
        new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(zip))) {
      z.putNextEntry(new java.util.zip.ZipEntry("20190301000000.export.CSV"));
      z.write(
          GdeltLines.lines(
                  GdeltLines.row(1, "20190301").actors("RUS", "PRK").code("036").v2(),
                  GdeltLines.row(3, "20190301").actors("CHN", "JPN").code("036").v2())
              .getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new java.util.zip.ZipEntry("20190302.export.CSV"));
      z.write(
          GdeltLines.lines(
                  GdeltLines.row(2, "20190302").actors("RUS", "PRK").code("036").v1(),
                  GdeltLines.row(4, "20190302").actors("CHN", "JPN").code("036").v1())
              .getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    // a GDELT CSV file with the GDELT 1.0 layout, read with --actors RUS,PRK
    java.nio.file.Path csv = dir.resolve("bigquery.csv");
    java.nio.file.Files.writeString(
        csv,
        org.entente.ingest.Samples.GDELT_CSV_HEADER
            + "\n"
            + org.entente.ingest.Samples.gdeltCsv(7, "20190305", "x", "RUS", "PRK", "036", 1, 1.0)
            + "\n"
            + org.entente.ingest.Samples.gdeltCsv(8, "20190305", "y", "CHN", "JPN", "036", 1, 1.0)
            + "\n");
    try (EventStore s = create(dir.resolve("store2"))) {
      Ingestor in = new Ingestor(s, Cameo.bundled(), ActorRegistry.bundled());
      List<FileReport> r = in.ingest(List.of(zip), actors("RUS,PRK"), IngestListener.NONE);
      assertEquals(List.of(2L), r.stream().map(FileReport::stored).toList(), r.toString());
      for (String source : new String[] {"gdelt1", "gdelt2"}) {
        assertTrue(
            SourceSelection.scope(s, source).leftOut(DyadQuery.monthly("CHN", "JPN")).isPresent(),
            source + " of " + r.get(0).format());
      }
    }
    try (EventStore s = create(dir.resolve("store3"))) {
      Ingestor in = new Ingestor(s, Cameo.bundled(), ActorRegistry.bundled());
      List<FileReport> r = in.ingest(List.of(csv), actors("RUS,PRK"), IngestListener.NONE);
      assertEquals(List.of(1L), r.stream().map(FileReport::stored).toList(), r.toString());
      r = in.ingest(List.of(file), IngestOptions.defaults(), IngestListener.NONE);
      assertEquals(List.of(3L), r.stream().map(FileReport::stored).toList(), r.toString());
      assertTrue(
          SourceSelection.scope(s, "gdelt1").leftOut(DyadQuery.monthly("CHN", "JPN")).isPresent());
      assertEquals(
          java.util.Optional.empty(),
          SourceSelection.scope(s, "gdelt2").leftOut(DyadQuery.monthly("CHN", "JPN")),
          "the GDELT CSV file's rows are gdelt1: gdelt2 holds every dyad");
    }
  }

  private static IngestOptions actors(String set) {
    return new IngestOptions(
        org.entente.ingest.SourceFormat.AUTO,
        org.entente.ingest.ActorFilter.of(java.util.Set.of(set.split(","))),
        org.entente.cameo.QuadMapping.GDELT);
  }

  /** What a store answers that an engine may keep precomputed (its rollups). */
  private static List<Object> rollupAnswers(EventStore s) {
    List<Object> out = new ArrayList<>();
    for (String[] pair : new String[][] {{"RUS", "PRK"}, {"USA", "CHN"}}) {
      for (DyadQuery.Weighting w :
          List.of(DyadQuery.Weighting.NONE, DyadQuery.Weighting.ARTICLES)) {
        DyadQuery q =
            new DyadQuery(
                    pair[0],
                    pair[1],
                    false,
                    null,
                    null,
                    DyadQuery.Frequency.MONTH,
                    w,
                    DyadQuery.Dedup.NONE,
                    false,
                    false)
                .withDataSource("gdelt2");
        out.add(s.aggregate(q));
        out.add(s.extent(q));
        if (w == DyadQuery.Weighting.NONE) {
          out.add(s.codeCounts(q));
        }
      }
    }
    out.add(s.summary().eventsByDyad());
    out.add(s.sources());
    out.add(s.monthsObserved("gdelt2"));
    return out;
  }

  @Test
  void deferredRollups_answerTheSame_beforeAndAfterTheFold() throws java.io.IOException {
    List<Event> events = fixture(21, 400);
    List<Object> expected;
    java.nio.file.Files.createDirectories(dir.resolve("kept"));
    java.nio.file.Files.createDirectories(dir.resolve("deferred"));
    try (EventStore s = create(dir.resolve("kept"))) {
      load(s, "a", events.subList(0, 200));
      load(s, "b", events.subList(200, 400));
      assertEquals(0, s.rollupsPending());
      expected = rollupAnswers(s);
    }
    assertTrue(((List<?>) expected.get(0)).size() > 5, "months of RUS-PRK: " + expected.get(0));
    try (EventStore s = create(dir.resolve("deferred"))) {
      s.deferRollups(true);
      load(s, "a", events.subList(0, 200));
      load(s, "b", events.subList(200, 400));
      long pending = s.rollupsPending();
      // both files, or none in an engine without rollups
      assertTrue(pending == 2 || pending == 0, "pending " + pending);
      assertEquals(expected, rollupAnswers(s));
      assertEquals(pending, s.foldRollups());
      assertEquals(0, s.rollupsPending());
      assertEquals(0, s.foldRollups());
      assertEquals(expected, rollupAnswers(s));
    }
  }

  @Test
  void load_abort_leavesTheStoreAsItWas() {
    List<Event> events = fixture(3, 200);
    try (EventStore s = create(dir)) {
      load(s, "a", events.subList(0, 100));
      try (FileLoad load = s.beginFile(new FileMeta("/b", 1, null, null))) {
        long line = 0;
        for (Event e : events.subList(100, 200)) {
          load.add(e, "b", ++line);
        }
        load.reject("b", 101, "bad column count", "expected 61 columns, found 3", "x\ty\tz");
        load.abort();
      }
      assertEquals(100, s.sources().stream().mapToLong(SourceInfo::rows).sum());
      assertEquals(1, s.summary().files().size());
      assertTrue(s.summary().rejectsByReason().isEmpty());
    }
  }

  @Test
  void manifest_findsFilesBySizeAndChecksum() {
    try (EventStore s = create(dir)) {
      load(s, "a", fixture(4, 10));
      load(s, "b", fixture(5, 20));
      assertEquals(1, s.filesWithChecksum("crc32c:b").size());
      assertEquals("/b", s.filesWithChecksum("crc32c:b").get(0).path());
      assertEquals(20, s.filesWithSize(20).get(0).bytes());
      assertTrue(s.filesWithChecksum("crc32c:zzz").isEmpty());
    }
  }

  @Test
  void rejects_areKeptWithTheirReasonAndCommittedWithTheFile() {
    try (EventStore s = create(dir)) {
      try (FileLoad load = s.beginFile(new FileMeta("/r", 1, null, null))) {
        load.reject("r", 7, "impossible date", "20241331", "raw seven");
        load.reject("r", 9, "impossible date", "20240230", "raw nine");
        load.reject("r", 12, "unknown event code", "999", "raw twelve");
        FileLoad.LoadResult r = load.commit("crc32c:r", "test", 3, 0);
        assertEquals(3, r.rejected());
      }
      List<StoreSummary.Count> byReason = s.summary().rejectsByReason();
      assertEquals(
          List.of(
              new StoreSummary.Count("impossible date", 2),
              new StoreSummary.Count("unknown event code", 1)),
          byReason);
    }
  }

  @Test
  void queries_everyOptionSourceAndRange_equalTheReference() {
    List<Event> events = fixture(6, 1500);
    try (EventStore s = create(dir)) {
      load(s, "a", events.subList(0, 700));
      load(s, "b", events.subList(700, 1500));
      ReferenceAggregates ref = new ReferenceAggregates(events);
      int compared = 0;
      int index = 0;
      int stride = queryMatrixStride();
      java.util.Set<String> covered = new java.util.TreeSet<>();
      for (String[] pair : new String[][] {{"RUS", "PRK"}, {"USA", "CHN"}}) {
        for (boolean directed : new boolean[] {false, true}) {
          for (DyadQuery.Frequency f : DyadQuery.Frequency.values()) {
            for (DyadQuery.Weighting w : DyadQuery.Weighting.values()) {
              if (w == DyadQuery.Weighting.ALLMENTIONS) {
                continue; // needs mentions: its own case below
              }
              for (DyadQuery.Dedup d : DyadQuery.Dedup.values()) {
                for (int flags = 0; flags < 4; flags++) {
                  if (index++ % stride != 0) {
                    continue;
                  }
                  // sources and ranges vary with the flags, to keep the product small
                  String source = flags == 0 ? null : SOURCES[(flags - 1) % SOURCES.length];
                  YearMonth from = flags % 2 == 0 ? null : YearMonth.of(2014, 5);
                  YearMonth to = flags % 2 == 0 ? null : YearMonth.of(2015, 8);
                  DyadQuery q =
                      new DyadQuery(
                          pair[0],
                          pair[1],
                          directed,
                          from,
                          to,
                          f,
                          w,
                          d,
                          (flags & 1) != 0,
                          (flags & 2) != 0,
                          source);
                  assertAggregates(ref.aggregate(q), s.aggregate(q), q.toString());
                  assertEquals(ref.extent(q), s.extent(q), q.toString());
                  compared++;
                  covered.addAll(
                      List.of(
                          "pair " + pair[0],
                          "directed " + directed,
                          "freq " + f,
                          "weight " + w,
                          "dedup " + d,
                          "flags " + flags));
                }
              }
            }
          }
        }
      }
      int cases = 2 * 2 * 3 * 5 * 4 * 4;
      assertEquals((cases + stride - 1) / stride, compared);
      assertEquals(2 + 2 + 3 + 5 + 4 + 4, covered.size(), "every value of every dimension");
    }
  }

  @Test
  void codeCounts_everyDedupAndSource_equalTheReference() {
    List<Event> events = fixture(7, 1200);
    try (EventStore s = create(dir)) {
      load(s, "a", events);
      ReferenceAggregates ref = new ReferenceAggregates(events);
      for (DyadQuery.Dedup d : DyadQuery.Dedup.values()) {
        for (String source : new String[] {null, "gdelt2"}) {
          DyadQuery q =
              new DyadQuery(
                  "RUS",
                  "PRK",
                  false,
                  null,
                  null,
                  DyadQuery.Frequency.MONTH,
                  DyadQuery.Weighting.MENTIONS,
                  d,
                  false,
                  false,
                  source);
          List<CodeCount> want = ref.codeCounts(q);
          List<CodeCount> got = s.codeCounts(q);
          assertFalse(want.isEmpty(), q.toString());
          assertEquals(want.size(), got.size(), q.toString());
          for (int i = 0; i < want.size(); i++) {
            CodeCount a = want.get(i);
            CodeCount b = got.get(i);
            assertEquals(
                List.of(
                    a.month(), a.source(), a.target(), a.eventCode(), a.quadClass(), a.events()),
                List.of(
                    b.month(), b.source(), b.target(), b.eventCode(), b.quadClass(), b.events()),
                q + " row " + i);
            assertEquals(a.weight(), b.weight(), 1e-9 * Math.max(1, Math.abs(a.weight())));
            assertEquals(a.betweenGovernments(), b.betweenGovernments(), q + " row " + i);
          }
        }
      }
    }
  }

  @Test
  void ingest_realRowsThroughTheEngine_countsEveryRow() {
    // three valid GDELT 2.0 rows (one filtered out by --actors), one duplicate, one bad row
    String rows =
        GdeltLines.lines(
            GdeltLines.row(1, "20240619").actors("RUS", "PRK").code("036").v2(),
            GdeltLines.row(2, "20240620").actors("PRK", "RUS").code("190").v2(),
            GdeltLines.row(3, "20240620").actors("FRA", "DEU").code("036").v2(),
            GdeltLines.row(1, "20240619").actors("RUS", "PRK").code("036").v2(),
            "not\ta\tgdelt\trow");
    try (EventStore s = create(dir)) {
      Ingestor in = new Ingestor(s, Cameo.bundled(), ActorRegistry.bundled());
      IngestOptions six = org.entente.ingest.Samples.sixStates();
      FileReport r = ingestText(in, "20240619000000.export.CSV", rows, six);
      assertEquals(FileReport.Status.LOADED, r.status(), r.message());
      assertEquals(
          List.of(5L, 2L, 1L, 1L, 1L),
          List.of(r.read(), r.stored(), r.rejected(), r.duplicate(), r.filtered()));
      FileReport again = ingestText(in, "20240619000000.export.CSV", rows, six);
      assertEquals(FileReport.Status.SKIPPED, again.status(), "a file already ingested is skipped");
      assertEquals(List.of("gdelt2"), s.sources().stream().map(SourceInfo::name).toList());
      assertEquals(1, s.summary().rejectsByReason().size());
    }
  }

  @Test
  void ingest_twoFilesInOneBatchBothHoldingAKey_keepTheFirstReadAsOneByOne() throws Exception {
    // several small files in one ingest: an engine may commit them together (LoadBatch), with
    // the outcome of loading them one after another
    java.nio.file.Path a = dir.resolve("20240619000000.export.CSV");
    java.nio.file.Path b = dir.resolve("20240619001500.export.CSV");
    java.nio.file.Files.writeString(
        a,
        GdeltLines.lines(
            GdeltLines.row(1, "20240619").actors("RUS", "PRK").code("036").v2(),
            "not\ta\tgdelt\trow"));
    java.nio.file.Files.writeString(
        b,
        GdeltLines.lines(
            GdeltLines.row(1, "20240619").actors("RUS", "PRK").code("190").v2(),
            GdeltLines.row(2, "20240620").actors("PRK", "RUS").code("036").v2()));
    try (EventStore s = create(dir.resolve("store"))) {
      List<FileReport> r =
          new Ingestor(s, Cameo.bundled(), ActorRegistry.bundled())
              .ingest(List.of(a, b), org.entente.ingest.Samples.sixStates(), IngestListener.NONE);
      assertEquals(
          List.of(List.of(2L, 1L, 1L, 0L), List.of(2L, 1L, 0L, 1L)),
          r.stream().map(x -> List.of(x.read(), x.stored(), x.rejected(), x.duplicate())).toList(),
          r.toString());
      assertEquals(2, s.summary().files().size(), "each file its own manifest row");
      List<PeriodAggregate> june = s.aggregate(DyadQuery.monthly("RUS", "PRK"));
      assertEquals(1, june.size());
      assertEquals(2, june.get(0).n());
      assertEquals(
          0.0,
          june.get(0).w4(),
          "event 1 is stored as first read (036, verbal cooperation), not as 190 (material"
              + " conflict)");
      List<FileReport> again =
          new Ingestor(s, Cameo.bundled(), ActorRegistry.bundled())
              .ingest(List.of(a, b), org.entente.ingest.Samples.sixStates(), IngestListener.NONE);
      assertTrue(
          again.stream().allMatch(x -> x.status() == FileReport.Status.SKIPPED), again.toString());
    }
  }

  /**
   * Whether the engine keeps GDELT 2.0 mentions. One that does not must refuse a mentions file (the
   * load fails, nothing kept) — the mention cases are then skipped, saying so.
   */
  protected boolean keepsMentions() {
    return true;
  }

  @Test
  void mentions_linkedToStoredEvents_countEveryRowAndWeighAllMentions() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        keepsMentions(), "this engine does not keep GDELT 2.0 mentions");
    String events =
        GdeltLines.lines(
            GdeltLines.row(1, "20240619").actors("RUS", "PRK").code("036").v2(),
            GdeltLines.row(2, "20240620").actors("PRK", "RUS").code("190").v2(),
            GdeltLines.row(3, "20240620").actors("FRA", "DEU").code("036").v2());
    // event 1 twice in different articles plus an exact repeat, event 2 once, event 3 (not kept
    // by --actors) and an unknown event 99 once each, then a bad type and a mention dated before
    // its event
    String mentions =
        GdeltLines.lines(
            mention(1, "20191024143000", "http://a.example/1", 2),
            mention(1, "20191024143000", "http://b.example/1", 5),
            mention(1, "20191024143000", "http://a.example/1", 2),
            mention(2, "20191024143000", "http://a.example/2", 1),
            mention(3, "20191024143000", "http://a.example/3", 1),
            mention(99, "20191024143000", "http://a.example/99", 1),
            mention(2, "20191024143000", "http://a.example/2", 1)
                .replace("\t1\tx.example", "\t9\tx.example"),
            mention(2, "20191024140000", "http://c.example/2", 1));
    try (EventStore s = create(dir)) {
      Ingestor in = new Ingestor(s, Cameo.bundled(), ActorRegistry.bundled());
      IngestOptions six = org.entente.ingest.Samples.sixStates();
      FileReport e = ingestText(in, "20191024143000.export.CSV", events, six);
      assertEquals(FileReport.Status.LOADED, e.status(), e.message());
      FileReport m = ingestText(in, "20191024143000.mentions.CSV", mentions, six);
      assertEquals(FileReport.Status.LOADED, m.status(), m.message());
      assertEquals("gdelt2-mentions", m.format());
      // read, stored, rejected, duplicate, filtered
      assertEquals(
          List.of(8L, 3L, 2L, 1L, 2L),
          List.of(m.read(), m.stored(), m.rejected(), m.duplicate(), m.filtered()));
      assertTrue(m.message().contains("2 mention(s) of events that are not in the store"));
      DyadQuery june =
          TestQueries.monthly(
              "RUS",
              "PRK",
              YearMonth.of(2024, 6),
              YearMonth.of(2024, 6),
              DyadQuery.Weighting.ALLMENTIONS,
              DyadQuery.Dedup.NONE,
              "gdelt2");
      // event 1 (036, quad 1, g +4.0) weighs its 2 mentions, event 2 (190, quad 4, g -10.0) 1
      assertAggregates(
          List.of(new PeriodAggregate(LocalDate.of(2024, 6, 1), 2, 2, 0, 0, 1, -2.0, 3)),
          s.aggregate(june),
          "allmentions");
      // an event without mentions in range: refused, never weighed 0
      ingestText(
          in,
          "20191024150000.export.CSV",
          GdeltLines.lines(GdeltLines.row(4, "20240701").actors("RUS", "PRK").code("036").v2()),
          six);
      DyadQuery all =
          TestQueries.monthly(
              "RUS",
              "PRK",
              null,
              null,
              DyadQuery.Weighting.ALLMENTIONS,
              DyadQuery.Dedup.NONE,
              "gdelt2");
      UnsupportedQueryException refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              UnsupportedQueryException.class, () -> s.aggregate(all));
      assertTrue(refused.getMessage().contains("1 of the 3 events"), refused.getMessage());
      assertEquals(1, s.aggregate(june).size(), "the range without it still answers");
    }
  }

  /**
   * A raw GDELT 2.0 Mentions row: event first seen 2019-10-24 14:30 (its DATEADDED in {@link
   * GdeltLines#v2}), mentioned at {@code at}.
   */
  private static String mention(long event, String at, String url, int sentence) {
    return String.join(
        "\t",
        Long.toString(event),
        "20191024143000",
        at,
        "1",
        "x.example",
        url,
        Integer.toString(sentence),
        "10",
        "20",
        "15",
        "1",
        "100",
        "2500",
        "-1.25",
        "",
        "");
  }

  static void assertAggregates(
      List<PeriodAggregate> expected, List<PeriodAggregate> actual, String what) {
    assertEquals(
        expected.stream().map(PeriodAggregate::periodStart).toList(),
        actual.stream().map(PeriodAggregate::periodStart).toList(),
        what);
    for (int i = 0; i < expected.size(); i++) {
      PeriodAggregate e = expected.get(i);
      PeriodAggregate a = actual.get(i);
      assertEquals(e.n(), a.n(), what);
      double[] ev = {e.w1(), e.w2(), e.w3(), e.w4(), e.goldsteinWeightedSum(), e.weightSum()};
      double[] av = {a.w1(), a.w2(), a.w3(), a.w4(), a.goldsteinWeightedSum(), a.weightSum()};
      for (int k = 0; k < ev.length; k++) {
        assertEquals(ev[k], av[k], 1e-9 * Math.max(1, Math.abs(ev[k])), what + " value " + k);
      }
    }
  }
}
