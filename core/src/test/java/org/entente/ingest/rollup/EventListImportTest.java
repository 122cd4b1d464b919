package org.entente.ingest.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entente.cameo.Cameo;
import org.entente.ingest.FileReport;
import org.entente.ingest.StoreTables;
import org.entente.store.DyadQuery;
import org.entente.store.EventStore;
import org.entente.store.SourceSelection;
import org.entente.store.UnsupportedQueryException;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import event-list}: each row of a categorised list becomes one event of the source through
 * the mapping; multi-line records are one row; unmapped categories and bad dates are rejected.
 * Fixtures {@code event-list-small.*} are synthetic.
 */
class EventListImportTest {
  @TempDir Path tmp;

  @Test
  void importFile_smallList_storesThreeEventsRejectsTwo() {
    Path db = tmp.resolve("s.duckdb");
    Path list = ImportFixtures.copy("event-list-small.csv", tmp);
    Path mapping = ImportFixtures.copy("event-list-small.mapping", tmp);
    Imports.Options o = new Imports.Options(ImportFormat.EVENT_LIST, null, mapping);
    try (DuckDbStore s = DuckDbStore.open(db)) {
      FileReport r = ImportFixtures.importFile(s, list, o);
      assertEquals(5, r.read(), r.toString());
      assertEquals(3, r.stored());
      assertEquals(2, r.rejected());
      assertEquals(FileReport.Status.SKIPPED, ImportFixtures.importFile(s, list, o).status());
    }
    assertEquals(
        List.of(
            List.of("test-list", "1", "2023-09-13", "RUS", "PRK", "040", "1", "2"),
            List.of("test-list", "2", "2023-09-20", "RUS", "PRK", "062", "2", "4"),
            List.of("test-list", "5", "2023-10-02", "RUS", "PRK", "062", "2", "7")),
        StoreTables.rows(
            db,
            "SELECT source, source_event_id, CAST(event_date AS VARCHAR), actor1_country,"
                + " actor2_country, event_code, quad_class, line FROM events ORDER BY line"));
    assertEquals(
        List.of(List.of("5", "bad date"), List.of("6", "unmapped category")),
        StoreTables.rows(db, "SELECT line, reason FROM rejects ORDER BY line"));
  }

  private static DyadQuery directed(String a, String b) {
    return new DyadQuery(
        a,
        b,
        true,
        null,
        null,
        DyadQuery.Frequency.MONTH,
        DyadQuery.Weighting.NONE,
        DyadQuery.Dedup.NONE,
        false,
        false);
  }

  /**
   * A pair the mapping writes without direction (RUS-PRK) is stored as RUS on PRK: a directed query
   * of it is refused (the CSIS timeline read 277 RUS>PRK events and none PRK>RUS, and a diffuse
   * reciprocity of 0). The file's format records the pair; a list whose pairs all have a direction
   * answers directed queries.
   */
  @Test
  void importFile_undirectedPair_directedQueriesRefused() throws Exception {
    Path list = ImportFixtures.copy("event-list-small.csv", tmp);
    Path mapping = ImportFixtures.copy("event-list-small.mapping", tmp);
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      ImportFixtures.importFile(
          s, list, new Imports.Options(ImportFormat.EVENT_LIST, null, mapping));
      assertTrue(s.formats().get(0).endsWith(";undirected=PRK-RUS"), s.formats().toString());
      EventStore scoped = SourceSelection.scope(s, "test-list");
      UnsupportedQueryException e =
          assertThrows(
              UnsupportedQueryException.class, () -> scoped.aggregate(directed("RUS", "PRK")));
      assertTrue(
          e.getMessage().startsWith("source 'test-list' records PRK-RUS without direction"),
          e.getMessage());
      assertThrows(UnsupportedQueryException.class, () -> scoped.aggregate(directed("PRK", "RUS")));
      assertEquals(
          3,
          scoped.aggregate(DyadQuery.monthly("RUS", "PRK")).stream().mapToLong(a -> a.n()).sum());
      // character keeps its other components and leaves the reciprocity ones undefined
      List<org.entente.analyse.CharacterReport.Window> w =
          new org.entente.analyse.CharacterAnalysis(scoped)
              .windows(
                  new org.entente.analyse.series.Dyad("RUS", "PRK", false),
                  List.of(
                      new org.entente.store.MonthRange(
                          java.time.YearMonth.of(2023, 9), java.time.YearMonth.of(2023, 10))),
                  2,
                  org.entente.analyse.series.SeriesOptions.defaults(DyadQuery.Frequency.MONTH));
      assertTrue(Double.isNaN(w.get(0).components().diffuseBalance()));
      assertTrue(Double.isNaN(w.get(0).components().specificReciprocity()));
      assertEquals(3, w.get(0).events());
    }
    Path directed = tmp.resolve("directed.mapping");
    Files.writeString(
        directed,
        Files.readString(mapping)
            .replace("category.diplomatic = RUS-PRK", "category.diplomatic = RUS>PRK"));
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      ImportFixtures.importFile(
          s, list, new Imports.Options(ImportFormat.EVENT_LIST, null, directed));
      assertFalse(s.formats().get(0).contains("undirected"), s.formats().toString());
      EventStore scoped = SourceSelection.scope(s, "test-list");
      assertEquals(
          3, scoped.aggregate(directed("RUS", "PRK")).stream().mapToLong(a -> a.n()).sum());
    }
  }

  @Test
  void importFile_changedMapping_importsTheSameFileAgain() throws Exception {
    Path list = ImportFixtures.copy("event-list-small.csv", tmp);
    Path mapping = ImportFixtures.copy("event-list-small.mapping", tmp);
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      ImportFixtures.importFile(
          s, list, new Imports.Options(ImportFormat.EVENT_LIST, null, mapping));
      Files.writeString(mapping, Files.readString(mapping) + "category.weather = RUS-PRK quad=3\n");
      FileReport r =
          ImportFixtures.importFile(
              s, list, new Imports.Options(ImportFormat.EVENT_LIST, null, mapping));
      assertEquals(FileReport.Status.LOADED, r.status());
      assertEquals(1, r.stored(), "only the newly mapped row is new: " + r);
    }
  }

  @Test
  void read_mappingWithUnknownKey_namesFileAndLine() throws Exception {
    Path m = tmp.resolve("bad.mapping");
    Files.writeString(m, "date.column = date\ncategory.column = c\ncolour = red\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> EventListMapping.read(m, Cameo.bundled()));
    assertEquals(m + ", line 3: unknown key 'colour'", e.getMessage());
  }

  @Test
  void date_twoDigitYearsAndMonthOnly_readAsTheCnsListWritesThem() throws Exception {
    Path m = tmp.resolve("d.mapping");
    Files.writeString(
        m,
        "date.column = Date\ndate.format = d-MMM-yy | MMM-yy\ncategory.column = t\n"
            + "category.* = PRK>JPN quad=4\n");
    EventListMapping mapping = EventListMapping.read(m, Cameo.bundled());
    assertEquals(java.time.LocalDate.of(1984, 4, 9), mapping.date("9-Apr-84"));
    assertEquals(java.time.LocalDate.of(2023, 4, 12), mapping.date("12-Apr-23"));
    assertEquals(java.time.LocalDate.of(1984, 9, 1), mapping.date("Sep-84"));
    assertTrue(mapping.target("anything").directed());
  }
}
