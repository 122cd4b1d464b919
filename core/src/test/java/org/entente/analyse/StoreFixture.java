package org.entente.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.entente.cameo.Cameo;
import org.entente.ingest.FileReport;
import org.entente.ingest.GdeltLines;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.store.duckdb.DuckDbStore;

/**
 * Builds a store for the analysis tests from generated GDELT 2.0 rows (61 columns, quad class and
 * Goldstein from the bundled CAMEO table), loaded through the real ingest path. Events between GOV
 * actors unless stated.
 */
public final class StoreFixture {
  private final List<String> lines = new ArrayList<>();
  private long id = 1;

  /** One event on a day (YYYYMMDD) from {@code a} to {@code b} with a CAMEO code. */
  public StoreFixture event(String day, String a, String b, String code) {
    lines.add(
        GdeltLines.row(id++, day).types("GOV", "GOV").actors(a, b).code(code).root(true).v2());
    return this;
  }

  /** One event between actors of the given types. */
  public StoreFixture event(String day, String a, String b, String code, String t1, String t2) {
    lines.add(GdeltLines.row(id++, day).types(t1, t2).actors(a, b).code(code).root(true).v2());
    return this;
  }

  /** {@code count} events with one code in one month (on the 1st..28th, cycling). */
  public StoreFixture events(YearMonth m, String a, String b, String code, int count) {
    for (int i = 0; i < count; i++) {
      event(String.format("%04d%02d%02d", m.getYear(), m.getMonthValue(), 1 + i % 28), a, b, code);
    }
    return this;
  }

  /**
   * {@code coop} cooperative (042, quad 1) and {@code conflict} conflictual (111, quad 3) events in
   * one month, alternating directions a→b and b→a.
   */
  public StoreFixture mix(YearMonth m, String a, String b, int coop, int conflict) {
    for (int i = 0; i < coop; i++) {
      boolean ab = i % 2 == 0;
      event(day(m, i), ab ? a : b, ab ? b : a, "042");
    }
    for (int i = 0; i < conflict; i++) {
      boolean ab = i % 2 == 0;
      event(day(m, coop + i), ab ? a : b, ab ? b : a, "111");
    }
    return this;
  }

  private static String day(YearMonth m, int i) {
    return String.format("%04d%02d%02d", m.getYear(), m.getMonthValue(), 1 + i % 28);
  }

  /** The rows as a GDELT 2.0 export file. */
  public Path write(Path file) throws java.io.IOException {
    Files.writeString(file, GdeltLines.lines(lines.toArray(String[]::new)), StandardCharsets.UTF_8);
    return file;
  }

  /** An in-memory store holding the rows (every row must load). */
  public DuckDbStore build() {
    return build(IngestOptions.defaults());
  }

  /**
   * The store as if ingested with {@code --actors} (the six core states and {@code more}) from a
   * feed that covered every month from the rows' first to their last: each month also has a row
   * between two states outside the filter, which the filter leaves out but which tells the store
   * the feed observed the month ({@link org.entente.store.EventStore#monthsObserved}). Its months
   * without kept events are then months of zero events, where an unfiltered feed's months without
   * any row would be months it did not observe.
   */
  public DuckDbStore buildFiltered(String... more) {
    java.util.Set<String> actors =
        new java.util.TreeSet<>(java.util.List.of("RUS", "PRK", "CHN", "USA", "KOR", "JPN"));
    actors.addAll(java.util.List.of(more));
    return buildWith(actors);
  }

  /**
   * {@link #buildFiltered} with exactly {@code actors} as the filter: the rows of other dyads are
   * left out (and the store refuses queries of them, {@link org.entente.store.EventStore#leftOut}).
   */
  public DuckDbStore buildWith(java.util.Set<String> actors) {
    List<String> filler = new ArrayList<>();
    if (!lines.isEmpty()) {
      java.util.SortedSet<YearMonth> months = new java.util.TreeSet<>();
      for (String l : lines) {
        String day = l.split("\t", 3)[1];
        months.add(
            YearMonth.of(
                Integer.parseInt(day.substring(0, 4)), Integer.parseInt(day.substring(4, 6))));
      }
      List<String> outside =
          java.util.stream.Stream.of("FRA", "DEU", "NOR", "SWE", "BRA", "ARG")
              .filter(c -> !actors.contains(c))
              .limit(2)
              .toList();
      long fillerId = 1_000_000_000L;
      for (YearMonth m = months.first(); !m.isAfter(months.last()); m = m.plusMonths(1)) {
        filler.add(
            GdeltLines.row(fillerId++, day(m, 0))
                .actors(outside.get(0), outside.get(1))
                .code("042")
                .v2());
      }
    }
    return build(
        new IngestOptions(
            org.entente.ingest.SourceFormat.AUTO,
            org.entente.ingest.ActorFilter.of(actors),
            org.entente.cameo.QuadMapping.GDELT),
        filler);
  }

  private DuckDbStore build(IngestOptions o) {
    return build(o, List.of());
  }

  private DuckDbStore build(IngestOptions o, List<String> filtered) {
    DuckDbStore s = DuckDbStore.inMemory();
    if (lines.isEmpty()) {
      return s;
    }
    List<String> all = new ArrayList<>(lines);
    all.addAll(filtered);
    FileReport r =
        new Ingestor(s, Cameo.bundled())
            .ingestBytes(
                "fixture.export.CSV",
                GdeltLines.lines(all.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8),
                o,
                IngestListener.NONE);
    assertEquals(lines.size(), r.stored() + r.filtered() - filtered.size(), r.toString());
    assertEquals(0, r.rejected(), r.toString());
    return s;
  }
}
