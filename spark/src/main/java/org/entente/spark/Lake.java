package org.entente.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.entente.ingest.LakeManifest;
import org.entente.store.NotAStoreException;
import org.entente.store.StoreException;

/**
 * The lake's layout on a Hadoop file system, and its manifest: the one place that says which files
 * hold committed data.
 *
 * <pre>
 * LAKE/_entente_lake                       marker: this directory is an Entente lake
 * LAKE/events/year=Y/month=M/NNNNNN-*.parquet  events of load NNNNNN
 * LAKE/rejects/NNNNNN-*.parquet            its rejected rows
 * LAKE/chronology/NNNNNN-*.parquet         its curated chronology entries
 * LAKE/_manifest/NNNNNN.json               load NNNNNN: the input file, checksum, counts, and
 *                                          the data files above
 * LAKE/_staging/NNNNNN/                    a load in progress (never read)
 * </pre>
 *
 * A load is committed when its manifest entry exists (written under a temporary name, then
 * renamed): readers read only the data files that manifest entries list, so a load that failed —
 * before, during or after moving its files out of staging — leaves nothing visible. One writer at a
 * time.
 */
final class Lake {
  static final String MARKER = LakeManifest.MARKER;
  static final String MANIFEST = LakeManifest.DIRECTORY;
  static final String STAGING = "_staging";
  static final String EVENTS = "events";
  static final String REJECTS = "rejects";
  static final String CHRONOLOGY = "chronology";

  private final Path root;
  private final FileSystem fs;

  private Lake(Path root, FileSystem fs) {
    this.root = root;
    this.fs = fs;
  }

  /**
   * The lake at {@code location}, which must exist and be one.
   *
   * @throws NotAStoreException if there is nothing there or it is not a lake
   */
  static Lake existing(String location, Configuration conf) {
    Lake l = at(location, conf);
    try {
      if (!l.fs.exists(l.root)) {
        throw new NotAStoreException(
            "no lake at "
                + location
                + ": create one with 'entente ingest --engine spark --lake "
                + location
                + " FILE...'");
      }
      if (!l.fs.exists(new Path(l.root, MARKER))) {
        throw new NotAStoreException(location + " is not an Entente lake (no " + MARKER + ")");
      }
    } catch (IOException e) {
      throw new StoreException("cannot read the lake " + location + ": " + e.getMessage(), e);
    }
    return l;
  }

  /**
   * The lake at {@code location}, created if absent or an empty directory.
   *
   * @throws NotAStoreException if it holds anything else (left untouched)
   */
  static Lake createOrOpen(String location, Configuration conf) {
    Lake l = at(location, conf);
    try {
      Path marker = new Path(l.root, MARKER);
      if (l.fs.exists(l.root)) {
        if (!l.fs.getFileStatus(l.root).isDirectory()) {
          throw new NotAStoreException(
              location + " is a file, not a lake directory; --lake names a directory");
        }
        if (!l.fs.exists(marker) && l.fs.listStatus(l.root).length > 0) {
          throw new NotAStoreException(
              location
                  + " is a directory that is not an Entente lake (no "
                  + MARKER
                  + "); it is left untouched: choose a new or empty directory");
        }
      }
      if (!l.fs.exists(marker)) {
        l.fs.mkdirs(l.root);
        try (OutputStream out = l.fs.create(marker, false)) {
          out.write("{\"format\":\"entente-lake\",\"version\":1}\n".getBytes("UTF-8"));
        }
      }
      l.fs.mkdirs(new Path(l.root, MANIFEST));
      l.dropStaging();
    } catch (IOException e) {
      throw new StoreException("cannot open the lake " + location + ": " + e.getMessage(), e);
    }
    return l;
  }

  private static Lake at(String location, Configuration conf) {
    try {
      Path p = new Path(location);
      FileSystem fs = p.getFileSystem(conf);
      return new Lake(fs.makeQualified(p), fs);
    } catch (IOException | IllegalArgumentException e) {
      throw new StoreException("cannot reach the lake " + location + ": " + e.getMessage(), e);
    }
  }

  /** Removes what failed loads left in staging (only this lake's own directory). */
  private void dropStaging() throws IOException {
    Path staging = new Path(root, STAGING);
    if (fs.exists(staging)) {
      fs.delete(staging, true);
    }
  }

  Path root() {
    return root;
  }

  FileSystem fs() {
    return fs;
  }

  /** A directory of the lake. */
  Path dir(String name) {
    return new Path(root, name);
  }

  /** The staging directory of load {@code fileId}. */
  Path staging(int fileId) {
    return new Path(new Path(root, STAGING), id(fileId));
  }

  static String id(int fileId) {
    return String.format(java.util.Locale.ROOT, "%06d", fileId);
  }

  /** The committed loads, oldest first. */
  List<LakeManifest> entries() {
    List<LakeManifest> out = new ArrayList<>();
    try {
      for (FileStatus s : fs.listStatus(new Path(root, MANIFEST))) {
        String name = s.getPath().getName();
        if (!name.endsWith(".json") || name.startsWith("_") || name.startsWith(".")) {
          continue;
        }
        try (InputStream in = fs.open(s.getPath())) {
          out.add(LakeManifest.read(in));
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot read the manifest of " + root + ": " + e.getMessage(), e);
    }
    out.sort(Comparator.comparingInt(LakeManifest::fileId));
    return out;
  }

  /**
   * Moves the data files a load wrote under {@code staged} (a directory of Spark output) into
   * {@code table}, keeping their partition directories and prefixing their names with the load id.
   *
   * @return the moved files, relative to the lake
   */
  List<String> publish(Path staged, String table, int fileId) throws IOException {
    List<String> out = new ArrayList<>();
    if (!fs.exists(staged)) {
      return out;
    }
    String base = staged.toUri().getPath();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(staged, true);
    List<Path> files = new ArrayList<>();
    while (it.hasNext()) {
      Path p = it.next().getPath();
      if (p.getName().endsWith(".parquet") && !p.getName().startsWith(".")) {
        files.add(p);
      }
    }
    for (Path p : files) {
      String parent = p.getParent().toUri().getPath().substring(base.length());
      String rel = table + parent + "/" + id(fileId) + "-" + p.getName();
      Path target = new Path(root, rel);
      fs.mkdirs(target.getParent());
      if (!fs.rename(p, target)) {
        throw new IOException("cannot move " + p + " to " + target);
      }
      out.add(rel);
    }
    return out;
  }

  /**
   * What a load's manifest entry says besides its data files.
   *
   * @param checksum the input file's checksum ({@code crc32c:…:size})
   * @param actorFilter the {@code --actors} codes, or null for every actor
   * @param filteredMonths per event feed, the months ({@code YYYY-MM}) of the rows the actor filter
   *     left out ({@link LakeManifest#filteredMonths})
   */
  record Load(
      int fileId,
      String path,
      long bytes,
      String checksum,
      String format,
      long read,
      long stored,
      long rejected,
      long duplicates,
      long filtered,
      String actorFilter,
      java.util.Map<String, List<String>> filteredMonths) {}

  /**
   * Moves a load's staged data files (the Spark output directories {@code events}, {@code rejects}
   * and {@code entries}; each may be absent) into the lake and commits its manifest entry. On
   * failure the files it moved are deleted again: the load stays invisible.
   *
   * @return the committed entry
   */
  LakeManifest commit(Load load, Path events, Path rejects, Path entries) throws IOException {
    List<String> published = new ArrayList<>();
    try {
      List<String> eventFiles = publish(events, EVENTS, load.fileId());
      published.addAll(eventFiles);
      List<String> rejectFiles = publish(rejects, REJECTS, load.fileId());
      published.addAll(rejectFiles);
      List<String> entryFiles = publish(entries, CHRONOLOGY, load.fileId());
      published.addAll(entryFiles);
      LakeManifest e =
          new LakeManifest(
              load.fileId(),
              load.path(),
              load.bytes(),
              load.checksum(),
              load.format(),
              java.time.LocalDateTime.now().toString(),
              load.read(),
              load.stored(),
              load.rejected(),
              load.duplicates(),
              load.filtered(),
              load.actorFilter(),
              eventFiles,
              rejectFiles,
              entryFiles,
              load.filteredMonths());
      commit(e);
      return e;
    } catch (IOException | RuntimeException e) {
      for (String rel : published) {
        fs.delete(new Path(root, rel), false);
      }
      throw e;
    }
  }

  /** Commits a load: writes its manifest entry under a temporary name, then renames it. */
  private void commit(LakeManifest e) throws IOException {
    Path tmp = new Path(new Path(root, MANIFEST), "_" + id(e.fileId()) + ".json.tmp");
    Path done = new Path(new Path(root, MANIFEST), id(e.fileId()) + ".json");
    if (fs.exists(done)) {
      throw new IOException(
          "load " + id(e.fileId()) + " is already in the manifest (two writers?)");
    }
    try (OutputStream out = fs.create(tmp, true)) {
      e.write(out);
    }
    if (!fs.rename(tmp, done)) {
      fs.delete(tmp, false);
      throw new IOException("cannot commit the manifest entry " + done);
    }
  }

  /** Deletes files of a failed load (relative to the lake) and its staging directory. */
  void discard(int fileId, List<String> published) {
    try {
      for (String rel : published) {
        fs.delete(new Path(root, rel), false);
      }
      fs.delete(staging(fileId), true);
    } catch (IOException e) {
      // invisible either way: no manifest entry lists them
    }
  }

  /** Absolute paths of data files, for a reader. */
  String[] qualified(List<String> rel) {
    return rel.stream().map(r -> new Path(root, r).toString()).toArray(String[]::new);
  }
}
