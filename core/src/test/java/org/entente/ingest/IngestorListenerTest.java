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
}
