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
}
