package org.entente.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.entente.cameo.Cameo;
import org.entente.ingest.FileReport;
import org.entente.ingest.GdeltLines;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.store.DyadQuery;
import org.entente.store.EventStore;
import org.entente.store.InputFile;
import org.entente.store.duckdb.DuckDbStore;
import org.entente.system.ActorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hadoop paths proven on a real HDFS (Hadoop's mini cluster: a name node and a data node in this
 * JVM): the input is read from hdfs://, the lake is written to hdfs://, a rerun skips the file, and
 * the lake, reopened read-only, answers as a DuckDB store of the same file does.
 */
class HdfsLakeTest {
  @TempDir Path dir;

  @Test
  void ingest_fromHdfsIntoALakeOnHdfs_queriesEqualDuckDb() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
    MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    try {
      cluster.waitActive();
      FileSystem fs = cluster.getFileSystem();
      String root = fs.getUri().toString();
      String rows =
          GdeltLines.lines(
              GdeltLines.row(1, "20240619").actors("RUS", "PRK").code("036").v2(),
              GdeltLines.row(2, "20240620").actors("PRK", "RUS").code("190").v2(),
              GdeltLines.row(3, "20240721").actors("RUS", "PRK").code("042").v2(),
              GdeltLines.row(1, "20240619").actors("RUS", "PRK").code("036").v2(),
              "not\ta\tgdelt\trow");
      org.apache.hadoop.fs.Path input =
          new org.apache.hadoop.fs.Path(root + "/in/20240619000000.export.CSV");
      try (OutputStream out = fs.create(input)) {
        out.write(rows.getBytes(StandardCharsets.UTF_8));
      }
      String lake = root + "/lakes/six";
      IngestOptions o =
          new IngestOptions(
              org.entente.ingest.SourceFormat.AUTO,
              org.entente.ingest.ActorFilter.all(),
              org.entente.cameo.QuadMapping.GDELT);
      try (EventStore s = SparkStore.open(SparkTests.session(), lake)) {
        List<InputFile> in = s.inputs(List.of(root + "/in/*.CSV")).orElseThrow();
        assertEquals(List.of(input.toString()), in.stream().map(InputFile::path).toList());
        Ingestor ingestor = new Ingestor(s, Cameo.bundled(), ActorRegistry.bundled());
        FileReport r = ingestor.ingestInputs(in, o, IngestListener.NONE).get(0);
        assertEquals(FileReport.Status.LOADED, r.status(), r.message());
        assertEquals(
            List.of(5L, 3L, 1L, 1L), List.of(r.read(), r.stored(), r.rejected(), r.duplicate()));
        FileReport again = ingestor.ingestInputs(in, o, IngestListener.NONE).get(0);
        assertEquals(FileReport.Status.SKIPPED, again.status(), "the manifest knows the file");
      }
      assertTrue(fs.exists(new org.apache.hadoop.fs.Path(lake + "/events/year=2024/month=6")));
      assertTrue(fs.exists(new org.apache.hadoop.fs.Path(lake + "/_manifest/000001.json")));

      Path local = dir.resolve("in.CSV");
      java.nio.file.Files.writeString(local, rows);
      try (EventStore s = SparkStore.openReadOnly(SparkTests.session(), lake);
          EventStore d = DuckDbStore.open(dir.resolve("d.duckdb"))) {
        new Ingestor(d, Cameo.bundled(), ActorRegistry.bundled())
            .ingestFile(local, o, IngestListener.NONE);
        DyadQuery q = DyadQuery.monthly("RUS", "PRK");
        SampleEquivalenceTest.assertSame(d.aggregate(q), s.aggregate(q), q.toString());
        assertEquals(2, s.aggregate(q).size());
        assertEquals(d.summary().rejectsByReason(), s.summary().rejectsByReason());
      }
    } finally {
      cluster.shutdown();
    }
  }
}
