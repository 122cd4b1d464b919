package org.entente.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.entente.model.Event;
import org.entente.store.DyadQuery;
import org.entente.store.EventStore;
import org.entente.store.EventStoreTestBase;
import org.entente.store.FileLoad;
import org.entente.store.FileMeta;
import org.entente.store.NotAStoreException;
import org.entente.store.SourceInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a failed job leaves: data files that no manifest entry lists (a load that died after moving
 * its files, before committing) are never read, and a load's staging directory is cleared when the
 * lake is next opened for writing. A directory that is not a lake is refused untouched.
 */
class LakeAtomicityTest {
  @TempDir Path dir;

  private static Event event(String id, int day) {
    return EventStoreTestBase.rusPrk(
        id, java.time.LocalDate.of(2024, 6, day), "GOV", "036", 1, 4.0, 3, 1, 0.5, null);
  }

  private static void load(EventStore s, String name, List<Event> events) {
    try (FileLoad l = s.beginFile(new FileMeta("/" + name, 1, null, null))) {
      long line = 0;
      for (Event e : events) {
        l.add(e, name, ++line);
      }
      l.commit("crc32c:" + name, "test", events.size(), 0);
    }
  }

  @Test
  void uncommittedFiles_areInvisible_andStagingIsClearedOnOpen() throws Exception {
    Path lake = dir.resolve("lake");
    try (EventStore s = SparkStore.open(SparkTests.session(), lake.toString())) {
      load(s, "a", List.of(event("1", 1), event("2", 2)));
    }
    // a second load that died after moving its files into the lake, without a manifest entry
    Path month = lake.resolve("events/year=2024/month=6");
    Path committed;
    try (Stream<Path> files = Files.list(month)) {
      committed = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Files.copy(committed, month.resolve("000002-part-00000-orphan.parquet"));
    Path staging = Files.createDirectories(lake.resolve("_staging/000002/raw-events"));
    Files.writeString(staging.resolve("chunk"), "half written");

    try (EventStore s = SparkStore.open(SparkTests.session(), lake.toString())) {
      assertFalse(Files.exists(lake.resolve("_staging/000002")), "staging cleared");
      assertEquals(2, s.sources().stream().mapToLong(SourceInfo::rows).sum());
      assertEquals(1, s.aggregate(DyadQuery.monthly("RUS", "PRK")).size());
      assertEquals(2, s.aggregate(DyadQuery.monthly("RUS", "PRK")).get(0).n());
      // the next load takes id 2 and commits beside the orphan, which stays invisible
      load(s, "b", List.of(event("3", 3)));
      assertEquals(3, s.aggregate(DyadQuery.monthly("RUS", "PRK")).get(0).n());
      assertEquals(2, s.summary().files().size());
    }
  }

  @Test
  void open_aDirectoryThatIsNotALake_isRefusedUntouched() throws Exception {
    Path mine = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(mine.resolve("data.csv"), "a,b\n");
    assertThrows(
        NotAStoreException.class, () -> SparkStore.open(SparkTests.session(), mine.toString()));
    try (Stream<Path> files = Files.list(mine)) {
      assertEquals(List.of(mine.resolve("data.csv")), files.toList());
    }
    assertThrows(
        NotAStoreException.class,
        () -> SparkStore.openReadOnly(SparkTests.session(), dir.resolve("none").toString()));
    assertTrue(Files.exists(mine));
  }
}
