package org.entente.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.entente.cameo.Cameo;
import org.entente.cameo.QuadMapping;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.FileReport;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.ingest.LakeImporter;
import org.entente.ingest.SourceFormat;
import org.entente.store.CodeCount;
import org.entente.store.DyadQuery;
import org.entente.store.EventStore;
import org.entente.store.PeriodAggregate;
import org.entente.store.RollupFrequency;
import org.entente.store.StoreSummary;
import org.entente.store.duckdb.DuckDbStore;
import org.entente.system.ActorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public GDELT and ICEWS samples in ../shared/data (skipped when absent), ingested through the
 * same ingest stage into a lake and into a DuckDB store: the same counts per file, the same info
 * (sources, dyads, rejects by reason, extent), the same series for the busiest dyads under every
 * weighting and deduplication, the same code counts and the same export rollup; and the lake,
 * imported into DuckDB ({@code ingest --db FILE LAKEDIR}), gives the same store content.
 */
class SampleEquivalenceTest {
  @TempDir Path dir;

  /** One file of every GDELT 1.0, 2.0, GDELT CSV and ICEWS sample (one of the 23 Georgia files). */
  private static List<Path> samples() {
    List<Path> out = new ArrayList<>();
    add(out, "gdelt-v1-events-reed9999", "events.csv");
    add(out, "gdelt-v2-export-arekziobrowski", "20191024143000.export.CSV");
    add(out, "gdelt-v2-samples-gdeltPyR", "events2samps.csv");
    add(out, "gdelt-v1-georgia-monthly-undp", "aug2012.csv.gz");
    add(out, "icews-sample-andybega", "events.2018.sample.tab");
    assumeTrue(!out.isEmpty(), "skipped: no GDELT or ICEWS sample in shared/data (public data)");
    return out;
  }

  private static void add(List<Path> out, String folder, String file) {
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path c = p.resolve("shared").resolve("data").resolve(folder).resolve(file);
      if (Files.isRegularFile(c)) {
        out.add(c);
        return;
      }
    }
    System.out.println("skipped sample: shared/data/" + folder + "/" + file + " is absent");
  }

  private static List<FileReport> ingest(EventStore s, List<Path> files) {
    IngestOptions all = new IngestOptions(SourceFormat.AUTO, ActorFilter.all(), QuadMapping.GDELT);
    return new Ingestor(s, Cameo.bundled(), ActorRegistry.bundled())
        .ingest(files, all, IngestListener.NONE);
  }

  @Test
  void samples_inALakeAndInDuckDb_giveTheSameInfoSeriesRejectsAndRollup() throws IOException {
    List<Path> files = samples();
    try (EventStore lake = SparkStore.open(SparkTests.session(), dir.resolve("lake").toString());
        EventStore duck = DuckDbStore.open(dir.resolve("d.duckdb"))) {
      List<FileReport> a = ingest(lake, files);
      List<FileReport> b = ingest(duck, files);
      for (int i = 0; i < files.size(); i++) {
        assertEquals(FileReport.Status.LOADED, a.get(i).status(), a.get(i).message());
        assertEquals(counts(b.get(i)), counts(a.get(i)), files.get(i).toString());
      }
      StoreSummary x = lake.summary();
      StoreSummary y = duck.summary();
      assertEquals(y.eventsBySource(), x.eventsBySource());
      assertEquals(y.eventsByDyad(), x.eventsByDyad());
      assertEquals(y.rejectsByReason(), x.rejectsByReason());
      assertEquals(y.extent(), x.extent());
      assertEquals(duck.sources(), lake.sources());

      // the two busiest dyads: every weighting without deduplication, every deduplication
      // weighted by mentions (each query is a Spark job; the contract suite covers the rest)
      int compared = 0;
      for (StoreSummary.DyadCount d : y.eventsByDyad().subList(0, 2)) {
        List<DyadQuery> queries = new ArrayList<>();
        for (DyadQuery.Weighting w : DyadQuery.Weighting.values()) {
          if (w == DyadQuery.Weighting.ALLMENTIONS) {
            // no mentions in either store: both refuse, neither weighs the events 0
            DyadQuery m = query(d, w, DyadQuery.Dedup.NONE);
            org.junit.jupiter.api.Assertions.assertThrows(
                org.entente.store.UnsupportedQueryException.class, () -> duck.aggregate(m));
            org.junit.jupiter.api.Assertions.assertThrows(
                org.entente.store.UnsupportedQueryException.class, () -> lake.aggregate(m));
            continue;
          }
          queries.add(query(d, w, DyadQuery.Dedup.NONE));
        }
        for (DyadQuery.Dedup dd : DyadQuery.Dedup.values()) {
          if (dd != DyadQuery.Dedup.NONE) {
            queries.add(query(d, DyadQuery.Weighting.MENTIONS, dd));
          }
        }
        for (DyadQuery q : queries) {
          assertSame(duck.aggregate(q), lake.aggregate(q), q.toString());
          compared++;
        }
        DyadQuery q = DyadQuery.monthly(d.a(), d.b());
        assertEquals(duck.extent(q), lake.extent(q), q.toString());
        List<CodeCount> want = duck.codeCounts(q);
        List<CodeCount> got = lake.codeCounts(q);
        assertEquals(want.size(), got.size(), q.toString());
        for (int i = 0; i < want.size(); i++) {
          assertEquals(
              want.get(i).toString().replaceAll("weight=[^,]*,", ""),
              got.get(i).toString().replaceAll("weight=[^,]*,", ""));
          assertEquals(want.get(i).weight(), got.get(i).weight(), 1e-9);
        }
      }
      assertEquals(2 * (5 + 3), compared);

      // the lake imported into DuckDB holds what DuckDB holds from the raw files
      try (EventStore imported = DuckDbStore.open(dir.resolve("imported.duckdb"))) {
        List<FileReport> c =
            new LakeImporter(imported).importLake(dir.resolve("lake"), IngestListener.NONE);
        assertEquals(files.size(), c.size());
        for (int i = 0; i < files.size(); i++) {
          assertEquals(FileReport.Status.LOADED, c.get(i).status(), c.get(i).message());
          assertEquals(b.get(i).stored(), c.get(i).stored(), files.get(i).toString());
          assertEquals(b.get(i).rejected(), c.get(i).rejected(), files.get(i).toString());
        }
        StoreSummary z = imported.summary();
        assertEquals(y.eventsBySource(), z.eventsBySource());
        assertEquals(y.eventsByDyad(), z.eventsByDyad());
        assertEquals(y.rejectsByReason(), z.rejectsByReason());
        assertEquals(y.extent(), z.extent());
        assertEquals(duck.sources(), imported.sources());
        StoreSummary.DyadCount top = y.eventsByDyad().get(0);
        DyadQuery q = query(top, DyadQuery.Weighting.MENTIONS, DyadQuery.Dedup.URL);
        assertSame(duck.aggregate(q), imported.aggregate(q), "imported " + q);
        List<FileReport> again =
            new LakeImporter(imported).importLake(dir.resolve("lake"), IngestListener.NONE);
        assertTrue(
            again.stream().allMatch(r -> r.status() == FileReport.Status.SKIPPED),
            "a lake imported again adds nothing");
      }

      Path rd = dir.resolve("duck-rollup.csv");
      Path rs = dir.resolve("lake-rollup.csv");
      long nd = duck.exportRollup(RollupFrequency.MONTH, false, rd);
      long ns = lake.exportRollup(RollupFrequency.MONTH, false, rs);
      assertEquals(nd, ns);
      assertTrue(nd > 0);
      assertRollups(Files.readAllLines(rd), Files.readAllLines(rs));

      // unfiltered samples: global dyad rollups plus each state's volume, and the volumes of a
      // pair, equal on both engines
      Path vd = dir.resolve("duck-volumes.csv");
      Path vs = dir.resolve("lake-volumes.csv");
      org.entente.store.RollupExport xd = duck.exportRollup(RollupFrequency.MONTH, false, vd, true);
      org.entente.store.RollupExport xs = lake.exportRollup(RollupFrequency.MONTH, false, vs, true);
      assertEquals(xd, xs);
      assertTrue(xd.rows() > nd, "volume rows after the dyad rows");
      assertRollups(Files.readAllLines(vd), Files.readAllLines(vs));
      StoreSummary.DyadCount busiest = y.eventsByDyad().get(0);
      for (String source : xd.volumeSources()) {
        DyadQuery v =
            query(busiest, DyadQuery.Weighting.NONE, DyadQuery.Dedup.NONE)
                .withDataSource(source)
                .withRange(y.extent().first(), y.extent().last());
        assertEquals(duck.volumes(v), lake.volumes(v), source + " " + v.label());
      }
    }
  }

  private static DyadQuery query(
      StoreSummary.DyadCount d, DyadQuery.Weighting w, DyadQuery.Dedup dedup) {
    return new DyadQuery(
        d.a(), d.b(), false, null, null, DyadQuery.Frequency.MONTH, w, dedup, false, false, null);
  }

  private static List<Long> counts(FileReport r) {
    return List.of(r.read(), r.stored(), r.rejected(), r.duplicate(), r.filtered());
  }

  /** Equal periods and counts; sums equal to 1e-9 (Spark's sums are not compensated). */
  static void assertSame(List<PeriodAggregate> want, List<PeriodAggregate> got, String what) {
    assertEquals(
        want.stream().map(p -> p.periodStart() + " " + p.n()).toList(),
        got.stream().map(p -> p.periodStart() + " " + p.n()).toList(),
        what);
    for (int i = 0; i < want.size(); i++) {
      PeriodAggregate e = want.get(i);
      PeriodAggregate a = got.get(i);
      double[] ev = {e.w1(), e.w2(), e.w3(), e.w4(), e.goldsteinWeightedSum(), e.weightSum()};
      double[] av = {a.w1(), a.w2(), a.w3(), a.w4(), a.goldsteinWeightedSum(), a.weightSum()};
      for (int k = 0; k < ev.length; k++) {
        assertEquals(ev[k], av[k], 1e-9 * Math.max(1, Math.abs(ev[k])), what + " value " + k);
      }
    }
  }

  /** The same header and rows; numbers compared as numbers (DuckDB and Spark print them apart). */
  static void assertRollups(List<String> want, List<String> got) {
    assertEquals(want.get(0), got.get(0), "header");
    assertEquals(want.size(), got.size(), "rows");
    for (int i = 1; i < want.size(); i++) {
      String[] w = want.get(i).split(",", -1);
      String[] g = got.get(i).split(",", -1);
      assertEquals(w.length, g.length, "row " + i);
      for (int k = 0; k < w.length; k++) {
        if (w[k].matches("-?[0-9.eE+-]+") && !w[k].matches("\\d{4}(-\\d\\d)*")) {
          assertEquals(Double.parseDouble(w[k]), Double.parseDouble(g[k]), 1e-9, "row " + i);
        } else {
          assertEquals(w[k], g[k], "row " + i + " column " + k);
        }
      }
    }
  }
}
