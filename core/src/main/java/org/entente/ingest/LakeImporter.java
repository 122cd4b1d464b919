package org.entente.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.entente.model.Event;
import org.entente.store.EventStore;
import org.entente.store.FileLoad;
import org.entente.store.FileMeta;
import org.entente.store.StoredFile;
import org.entente.store.duckdb.ParquetRows;

/**
 * Imports a Spark engine lake in a local directory ({@code docs/spark.md}) into a store, load by
 * load: each manifest entry becomes one file load with the original input file's path, size,
 * checksum and actor filter, holding the lake's events, rejected rows and chronology entries of
 * that load. A load whose input file the store already holds (same checksum, an actor filter at
 * least as wide) is skipped, so a lake can be imported again after it grew, and a raw file ingested
 * later is recognised. The store's duplicate count of an imported load counts the lake's events it
 * already held; rows the lake itself counted as duplicates are not in the lake.
 */
public final class LakeImporter {
  private static final String EVENT_COLUMNS =
      "source, source_event_id, event_date, actor1_code, actor1_country, actor1_type, actor2_code,"
          + " actor2_country, actor2_type, event_code, base_code, root_code, quad_class, goldstein,"
          + " num_mentions, num_sources, num_articles, avg_tone, source_url, is_root, intensity,"
          + " part, line";

  private final EventStore store;

  public LakeImporter(EventStore store) {
    this.store = store;
  }

  /** Whether {@code dir} is a lake (a directory holding the lake marker). */
  public static boolean isLake(Path dir) {
    return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(LakeManifest.MARKER));
  }

  /**
   * The lake's manifest entries, oldest first.
   *
   * @throws IOException if the manifest cannot be read
   */
  public static List<LakeManifest> manifest(Path lake) throws IOException {
    List<LakeManifest> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(lake.resolve(LakeManifest.DIRECTORY))) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".json") && !name.startsWith("_") && !name.startsWith(".")) {
          try (InputStream in = Files.newInputStream(p)) {
            out.add(LakeManifest.read(in));
          }
        }
      }
    }
    out.sort(Comparator.comparingInt(LakeManifest::fileId));
    return out;
  }

  /** Imports every load of the lake; never throws for a bad lake: the reports say what happened. */
  public List<FileReport> importLake(Path lake, IngestListener l) {
    List<FileReport> out = new ArrayList<>();
    List<LakeManifest> entries;
    try {
      entries = manifest(lake);
    } catch (IOException e) {
      FileReport r =
          FileReport.failed(lake.toString(), 0, 0, "cannot read the lake's manifest: " + e);
      l.fileFinished(r);
      return List.of(r);
    }
    for (LakeManifest m : entries) {
      out.add(importLoad(lake, m, l));
    }
    return out;
  }

  private FileReport importLoad(Path lake, LakeManifest m, IngestListener l) {
    long t0 = System.nanoTime();
    l.fileStarted(m.path(), m.bytes());
    ActorFilter filter =
        m.actorFilter() == null
            ? ActorFilter.all()
            : ActorFilter.of(java.util.Set.of(m.actorFilter().split(",")));
    Optional<StoredFile> prior = Ingestor.covering(store.filesWithChecksum(m.checksum()), filter);
    FileReport r;
    if (prior.isPresent()) {
      r = Ingestor.skipped(m.path(), m.bytes(), t0, prior.get());
    } else {
      try (FileLoad load =
          store.beginFile(new FileMeta(m.path(), m.bytes(), m.checksum(), m.actorFilter()))) {
        ParquetRows.read(
            files(lake, m.eventFiles()),
            EVENT_COLUMNS,
            "part, line",
            rs -> {
              load.add(event(rs), rs.getString(22), rs.getLong(23));
            });
        ParquetRows.read(
            files(lake, m.rejectFiles()),
            "file, line, reason, detail, raw",
            "file, line",
            rs ->
                load.reject(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)));
        ParquetRows.read(
            files(lake, m.chronologyFiles()),
            "id, event_date, precision, actor1, actor2, event_code, goldstein, quad_class, title,"
                + " description, source, tags",
            "id",
            rs -> load.addEntry(ParquetRows.chronologyEntry(rs)));
        var months = m.filteredMonthSets();
        if (months != null) {
          months.forEach(load::observed);
        } else if (m.actorFilter() != null) {
          load.observed(null, null); // written before the lake recorded them: unknown
        }
        FileLoad.LoadResult res =
            load.commit(m.checksum(), m.format(), m.rowsRead(), m.rowsFiltered());
        r =
            new FileReport(
                m.path(),
                m.format(),
                FileReport.Status.LOADED,
                m.rowsRead(),
                res.stored(),
                res.rejected(),
                res.duplicates(),
                m.rowsFiltered(),
                m.bytes(),
                System.nanoTime() - t0,
                "imported from the lake " + lake);
      } catch (RuntimeException e) {
        r =
            FileReport.failed(
                m.path(),
                m.bytes(),
                System.nanoTime() - t0,
                "cannot import from the lake "
                    + lake
                    + ": "
                    + e.getMessage()
                    + "; nothing of this load was kept");
      }
    }
    l.fileFinished(r);
    return r;
  }

  private static List<Path> files(Path lake, List<String> rel) {
    return rel.stream().map(lake::resolve).toList();
  }

  private static Event event(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Event(
        rs.getString(1),
        rs.getString(2),
        rs.getObject(3, LocalDate.class),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12),
        rs.getInt(13),
        rs.getDouble(14),
        (Integer) rs.getObject(15),
        (Integer) rs.getObject(16),
        (Integer) rs.getObject(17),
        (Double) rs.getObject(18),
        rs.getString(19),
        (Boolean) rs.getObject(20),
        (Double) rs.getObject(21));
  }
}
