package org.entente.ingest;

import static org.entente.ingest.GdeltLines.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entente.cameo.Cameo;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestorListenerTest {
  @TempDir Path tmp;

  @Test
  void ingest_listener_hearsEveryFileFinishWithItsReport() throws IOException {
    Path good = tmp.resolve("good.tsv");
    Files.writeString(good, GdeltLines.lines(row(1, "20160728").v1()));
    Path notGzip = tmp.resolve("bad.tsv.gz");
    Files.writeString(notGzip, "plain text");
    List<String> heard = new ArrayList<>();
    List<FileReport> finished = new ArrayList<>();
    IngestListener l =
        new IngestListener() {
          @Override
          public void fileStarted(String path, long bytes) {
            heard.add("start " + Path.of(path).getFileName() + " " + bytes);
          }

          @Override
          public void fileFinished(FileReport r) {
            heard.add("finish " + Path.of(r.path()).getFileName() + " " + r.status());
            finished.add(r);
          }
        };
    List<FileReport> reports;
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      reports =
          new Ingestor(s, Cameo.bundled())
              .ingest(List.of(good, notGzip, good), IngestOptions.defaults(), l);
    }
    assertEquals(
        List.of(
            "start good.tsv " + Files.size(good),
            "finish good.tsv LOADED",
            "start bad.tsv.gz 10",
            "finish bad.tsv.gz FAILED",
            "start good.tsv " + Files.size(good),
            "finish good.tsv SKIPPED"),
        heard);
    assertEquals(reports, finished);
  }

  /** Records start, storing and finish, each as a short line. */
  private static IngestListener recording(List<String> heard) {
    return new IngestListener() {
      @Override
      public void fileStarted(String path, long bytes) {
        heard.add("start " + Path.of(path).getFileName());
      }

      @Override
      public void storing(long rows) {
        heard.add("storing " + rows);
      }

      @Override
      public void fileFinished(FileReport r) {
        heard.add("finish " + Path.of(r.path()).getFileName() + " " + r.status());
      }
    };
  }

  @Test
  void ingestFile_aFileLoadedAlone_saysStoringWithTheRowsRead_beforeItsFinish() throws IOException {
    Path good = tmp.resolve("good.tsv");
    Files.writeString(
        good,
        GdeltLines.lines(
            row(1, "20160728").v1(), row(2, "20160729").v1(), row(3, "20160730").v1()));
    List<String> heard = new ArrayList<>();
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      FileReport r =
          new Ingestor(s, Cameo.bundled())
              .ingestFile(good, IngestOptions.defaults(), recording(heard));
      assertEquals(3, r.stored(), r.toString());
    }
    assertEquals(List.of("start good.tsv", "storing 3", "finish good.tsv LOADED"), heard);
  }

  @Test
  void ingest_aRefusedFile_andSmallFilesOfABatch_neverSayStoring() throws IOException {
    Path notData = tmp.resolve("notes.tsv");
    Files.writeString(notData, "these are my notes, not GDELT\n");
    Path a = tmp.resolve("a.tsv");
    Files.writeString(a, GdeltLines.lines(row(1, "20160728").v1()));
    Path b = tmp.resolve("b.tsv");
    Files.writeString(b, GdeltLines.lines(row(2, "20160729").v1()));
    List<String> heard = new ArrayList<>();
    try (DuckDbStore s = DuckDbStore.inMemory()) {
      Ingestor in = new Ingestor(s, Cameo.bundled());
      in.ingestFile(notData, IngestOptions.defaults(), recording(heard));
      in.ingest(List.of(a, b), IngestOptions.defaults(), recording(heard));
    }
    assertEquals(
        List.of(
            "start notes.tsv",
            "finish notes.tsv FAILED",
            "start a.tsv",
            "finish a.tsv LOADED",
            "start b.tsv",
            "finish b.tsv LOADED"),
        heard);
  }
}
