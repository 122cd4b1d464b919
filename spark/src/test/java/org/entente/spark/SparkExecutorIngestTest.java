package org.entente.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.sql.Row;
import org.entente.cameo.Cameo;
import org.entente.cameo.QuadMapping;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.FileReport;
import org.entente.ingest.GdeltLines;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.ingest.LakeManifest;
import org.entente.ingest.SourceFormat;
import org.entente.store.EventStore;
import org.entente.system.ActorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-file ingest at local[2] parses its files in Spark tasks ({@link ExecutorIngest}) and
 * gives the lake that loading the same files one by one on the driver gives: the same reports,
 * events (with their load ids, parts and lines), rejects and manifest counts. The files exercise
 * what spans files: duplicates within a file, against an earlier file and inside a zip; a file with
 * the checksum of an earlier one (skipped); a truncated gzip that fails after its first rows, whose
 * events a later file then stores.
 */
class SparkExecutorIngestTest {
  @TempDir Path dir;

  private static final IngestOptions ALL =
      new IngestOptions(SourceFormat.AUTO, ActorFilter.all(), QuadMapping.GDELT);

  private static String row(long id, String day, String a, String b) {
    return GdeltLines.row(id, day).actors(a, b).code("036").v2();
  }

  private List<Path> files() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    List<Path> out = new ArrayList<>();
    String a =
        GdeltLines.lines(
            row(1, "20240619", "RUS", "PRK"),
            row(2, "20240620", "PRK", "RUS"),
            row(1, "20240619", "RUS", "PRK"),
            "not\ta\tgdelt\trow");
    out.add(Files.writeString(in.resolve("20240619000000.export.CSV"), a));
    out.add(
        Files.writeString(
            in.resolve("20240620000000.export.CSV"),
            GdeltLines.lines(
                row(2, "20240620", "PRK", "RUS"),
                row(3, "20240721", "RUS", "PRK"),
                row(4, "20240722", "USA", "CHN"))));
    Path zip = in.resolve("20240721000000.export.CSV.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      z.putNextEntry(new ZipEntry("20240721000000.export.CSV"));
      z.write(
          GdeltLines.lines(row(5, "20240723", "RUS", "PRK"), row(3, "20240721", "RUS", "PRK"))
              .getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    out.add(zip);
    // the same bytes as the first file under another name: skipped as already ingested
    out.add(Files.writeString(in.resolve("20240619000000.copy.export.CSV"), a));
    // a gzip cut short after its first few thousand rows: it fails, nothing of it kept
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream g = new GZIPOutputStream(gz)) {
      String many =
          GdeltLines.lines(
              IntStream.range(1000, 6000)
                  .mapToObj(i -> row(i, "20240801", "RUS", "PRK"))
                  .toArray(String[]::new));
      g.write(many.getBytes(StandardCharsets.UTF_8));
    }
    byte[] whole = gz.toByteArray();
    out.add(
        Files.write(
            in.resolve("20240801000000.export.CSV.gz"),
            Arrays.copyOf(whole, whole.length * 2 / 3)));
    // an event of the failed file: stored here
    out.add(
        Files.writeString(
            in.resolve("20240802000000.export.CSV"),
            GdeltLines.lines(row(1000, "20240801", "RUS", "PRK"))));
    return out;
  }

  /** The store without its parallel ingest: the ingestor loads file by file on the driver. */
  private static EventStore oneByOne(SparkStore s) {
    return (EventStore)
        Proxy.newProxyInstance(
            EventStore.class.getClassLoader(),
            new Class<?>[] {EventStore.class},
            (proxy, m, args) -> {
              try {
                return m.invoke(s, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /**
   * The quad-mapping guard holds in Spark tasks too: the lake's file formats travel with each
   * task's input, so ICEWS files under another mapping than the lake's ICEWS events are refused.
   */
  @Test
  void ingest_icewsUnderASecondQuadMappingInTasks_refused() throws IOException {
    Path in = Files.createDirectories(dir.resolve("icews"));
    List<Path> first = new ArrayList<>();
    List<Path> second = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Path f =
          Files.writeString(
              in.resolve("icews-" + i + ".tab"),
              GdeltLines.lines(
                  org.entente.ingest.Samples.ICEWS_HEADER,
                  org.entente.ingest.Samples.icews(
                      "" + i,
                      "2018-06-0" + (i + 1),
                      "Government",
                      "North Korea",
                      "090",
                      "-2",
                      "",
                      "Russia")));
      (i < 2 ? first : second).add(f);
    }
    try (SparkStore a = SparkStore.open(SparkTests.session(), dir.resolve("q").toString())) {
      Ingestor ing = new Ingestor(a, Cameo.bundled(), ActorRegistry.bundled());
      List<FileReport> loaded = ing.ingest(first, ALL, IngestListener.NONE);
      assertTrue(
          loaded.stream().allMatch(r -> r.status() == FileReport.Status.LOADED), loaded.toString());
      List<FileReport> refused =
          ing.ingest(
              second,
              new IngestOptions(SourceFormat.AUTO, ActorFilter.all(), QuadMapping.ICEWS),
              IngestListener.NONE);
      assertTrue(
          refused.stream()
              .allMatch(
                  r ->
                      r.status() == FileReport.Status.REFUSED
                          && r.message().contains("would mix two mappings in one source")),
          refused.toString());
    }
  }

  @Test
  void ingest_manyFilesAtLocal2_parsesInTasksAndEqualsLoadingThemOneByOne() throws IOException {
    List<Path> files = files();
    List<String> started = new ArrayList<>();
    List<FileReport> parallel;
    List<FileReport> serial = new ArrayList<>();
    try (SparkStore a = SparkStore.open(SparkTests.session(), dir.resolve("a").toString());
        SparkStore b = SparkStore.open(SparkTests.session(), dir.resolve("b").toString())) {
      parallel =
          new Ingestor(a, Cameo.bundled(), ActorRegistry.bundled())
              .ingest(
                  files,
                  ALL,
                  new IngestListener() {
                    @Override
                    public void fileStarted(String path, long bytes) {
                      started.add(path);
                    }
                  });
      Ingestor driver = new Ingestor(oneByOne(b), Cameo.bundled(), ActorRegistry.bundled());
      for (Path f : files) {
        serial.add(driver.ingestFile(f, ALL, IngestListener.NONE));
      }
      // a later ingest: one event the lake holds (July), one new
      Path later =
          Files.writeString(
              dir.resolve("in").resolve("20240901000000.export.CSV"),
              GdeltLines.lines(row(3, "20240721", "RUS", "PRK"), row(7, "20240901", "RUS", "PRK")));
      FileReport again =
          new Ingestor(a, Cameo.bundled(), ActorRegistry.bundled())
              .ingestFile(later, ALL, IngestListener.NONE);
      assertEquals(counts(driver.ingestFile(later, ALL, IngestListener.NONE)), counts(again));
      assertEquals(List.of(2L, 1L, 0L, 1L, 0L), counts(again).subList(2, 7));

      // parsed in Spark tasks, one per file
      assertEquals(files.size() + 1, a.parsedBy().size(), a.parsedBy().toString());
      for (Path f : files) {
        String where = a.parsedBy().get(f.toAbsolutePath().toString());
        assertTrue(
            where != null && where.matches("stage \\d+ task \\d+ thread Executor task launch.*"),
            f + " was parsed in " + where);
      }
      assertTrue(b.parsedBy().isEmpty(), "the one-by-one load parsed on the driver");
      assertEquals(
          files.stream().map(p -> p.toAbsolutePath().toString()).toList(),
          started,
          "progress per file, in order");

      // the same reports
      assertEquals(
          List.of(
              FileReport.Status.LOADED,
              FileReport.Status.LOADED,
              FileReport.Status.LOADED,
              FileReport.Status.SKIPPED,
              FileReport.Status.FAILED,
              FileReport.Status.LOADED),
          parallel.stream().map(FileReport::status).toList());
      for (int i = 0; i < files.size(); i++) {
        FileReport p = parallel.get(i);
        FileReport s = serial.get(i);
        assertEquals(counts(s), counts(p), files.get(i).toString());
        if (p.status() != FileReport.Status.SKIPPED) {
          assertEquals(s.message(), p.message(), files.get(i).toString());
        } else {
          assertTrue(p.message().startsWith("already ingested (file 1, "), p.message());
        }
      }
      assertEquals(List.of(4L, 2L, 1L, 1L, 0L), counts(parallel.get(0)).subList(2, 7));
      assertEquals(List.of(3L, 2L, 0L, 1L, 0L), counts(parallel.get(1)).subList(2, 7));
      assertEquals(List.of(2L, 1L, 0L, 1L, 0L), counts(parallel.get(2)).subList(2, 7));
      assertEquals(List.of(1L, 1L, 0L, 0L, 0L), counts(parallel.get(5)).subList(2, 7));

      // the same lake content
      assertEquals(table(b.events()), table(a.events()));
      assertEquals(7, a.events().count(), "events 1, 2, 3, 4, 5, 1000 and 7");
      assertEquals(
          table(b.spark().sql("SELECT * FROM rejects")),
          table(a.spark().sql("SELECT * FROM rejects")));
      assertEquals(manifest(b), manifest(a));
      assertFalse(
          Files.exists(dir.resolve("a").resolve(Lake.STAGING).resolve("000001")),
          "staging cleared");
    }
  }

  private static List<Object> counts(FileReport r) {
    return List.of(
        r.status(),
        String.valueOf(r.format()),
        r.read(),
        r.stored(),
        r.rejected(),
        r.duplicate(),
        r.filtered());
  }

  /** Every row of a table, sorted, as text. */
  private static List<String> table(org.apache.spark.sql.Dataset<Row> d) {
    return d.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  /** The manifest entries without their times and data file names. */
  private static List<String> manifest(SparkStore s) {
    List<String> out = new ArrayList<>();
    for (LakeManifest e : s.lake().entries()) {
      out.add(
          List.of(
                  e.fileId(),
                  e.path(),
                  e.bytes(),
                  e.checksum(),
                  e.format(),
                  e.rowsRead(),
                  e.rowsStored(),
                  e.rowsRejected(),
                  e.rowsDuplicate(),
                  e.rowsFiltered(),
                  String.valueOf(e.actorFilter()),
                  e.eventFiles().size() > 0,
                  e.rejectFiles().size() > 0)
              .toString());
    }
    return out;
  }
}
