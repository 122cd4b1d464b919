package org.entente.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
  @TempDir Path tmp;

  @BeforeEach
  void files() throws IOException {
    Files.createDirectories(tmp.resolve("sub"));
    for (String f : List.of("b.tsv", "a.tsv", "c.csv.gz", ".hidden.tsv", "sub/d.tsv")) {
      Files.writeString(tmp.resolve(f), "x");
    }
  }

  private List<String> names(List<Path> paths) {
    return paths.stream().map(p -> tmp.relativize(p).toString().replace('\\', '/')).toList();
  }

  @Test
  void expand_directory_givesItsRegularFilesRecursivelySortedWithoutHiddenOnes() {
    assertEquals(
        List.of("a.tsv", "b.tsv", "c.csv.gz", "sub/d.tsv"),
        names(InputFiles.expand(List.of(tmp.toString()))));
  }

  @Test
  void expand_glob_matchesInsideItsDirectoryOnly() {
    assertEquals(List.of("a.tsv", "b.tsv"), names(InputFiles.expand(List.of(tmp + "/*.tsv"))));
  }

  @Test
  void expand_repeatedArguments_giveEachFileOnceInArgumentOrder() {
    List<Path> p =
        InputFiles.expand(
            List.of(
                tmp.resolve("b.tsv").toString(), tmp.toString(), tmp.resolve("b.tsv").toString()));
    assertEquals(List.of("b.tsv", "a.tsv", "c.csv.gz", "sub/d.tsv"), names(p));
  }

  @Test
  void expand_missingFileOrEmptyGlob_throwsNamingTheArgument() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> InputFiles.expand(List.of(tmp.resolve("nope.tsv").toString())));
    assertTrue(e.getMessage().contains("nope.tsv"), e.getMessage());
    IllegalArgumentException g =
        assertThrows(
            IllegalArgumentException.class, () -> InputFiles.expand(List.of(tmp + "/*.zip")));
    assertTrue(g.getMessage().contains("*.zip"), g.getMessage());
  }

  @Test
  void scan_directoryHoldingAStore_skipsTheStoreItsLogAndItsSpillFolder() throws IOException {
    // "entente ingest ." in the folder of the store tried to load the store as events (exit 1)
    Path store = tmp.resolve("sub/entente.duckdb");
    org.entente.store.duckdb.DuckDbStore.open(store).close();
    Files.writeString(tmp.resolve("sub/entente.duckdb.wal"), "log");
    Files.createDirectories(tmp.resolve("sub/entente.duckdb.tmp"));
    Files.writeString(tmp.resolve("sub/entente.duckdb.tmp/spill-1.block"), "spilled");
    Files.writeString(tmp.resolve("sub/notes.wal"), "no store beside it: data as far as names go");
    InputFiles.Expansion x = InputFiles.scan(List.of(tmp.toString()));
    assertEquals(
        List.of("a.tsv", "b.tsv", "c.csv.gz", "sub/d.tsv", "sub/notes.wal"), names(x.files()));
    java.util.Map<String, String> why = new java.util.TreeMap<>();
    for (InputFiles.Skipped k : x.skipped()) {
      why.put(tmp.relativize(k.path()).toString().replace('\\', '/'), k.reason());
    }
    assertEquals("a DuckDB database (a store), not event data", why.get("sub/entente.duckdb"));
    assertEquals("a store's write-ahead log, not event data", why.get("sub/entente.duckdb.wal"));
    assertEquals("a store's temporary folder", why.get("sub/entente.duckdb.tmp"));
  }

  @Test
  void scan_aPipeNamedAsAnArgument_isRefusedSayingWhatItIs() throws Exception {
    // a FIFO was reported as "no such file or directory", <(cat f) as "broken link"
    Path fifo = tmp.resolve("events.fifo");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "no mkfifo");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> InputFiles.scan(List.of(fifo.toString())));
    assertTrue(e.getMessage().contains("is not a regular file (a pipe"), e.getMessage());
  }
}
