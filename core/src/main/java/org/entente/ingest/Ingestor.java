package org.entente.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.entente.cameo.Cameo;
import org.entente.cameo.QuadMapping;
import org.entente.ingest.chronology.ChronologyParser;
import org.entente.ingest.gdelt.GdeltCsvParser;
import org.entente.ingest.gdelt.GdeltMentionsParser;
import org.entente.ingest.gdelt.GdeltTsvParser;
import org.entente.ingest.icews.IcewsParser;
import org.entente.model.Event;
import org.entente.store.BulkTsvLoad;
import org.entente.store.EventStore;
import org.entente.store.FileLoad;
import org.entente.store.FileMeta;
import org.entente.store.InputFile;
import org.entente.store.LoadBatch;
import org.entente.store.StoreException;
import org.entente.store.StoredFile;

/**
 * The ingest stage: reads event files, validates and normalises every row, and loads each file into
 * the store in one transaction. Every row is stored, rejected (kept with file, line, reason and raw
 * text), counted as a duplicate, or counted as filtered; a file that cannot be read at all leaves
 * nothing behind. Re-ingesting a file (same CRC-32C checksum and size) adds nothing.
 *
 * <p>Memory is bounded: rows stream from a fixed-size buffer into the engine's load.
 */
public final class Ingestor {
  private static final int BUFFER = 1 << 20;
  private static final long PROGRESS_EVERY = 1 << 16;

  /**
   * A file loaded alone from this size on has its rows stored on a thread of their own while the
   * next rows are parsed ({@link OverlappedLoad}); smaller files are not worth a thread.
   */
  static final long OVERLAP_FROM_BYTES = 16L << 20;

  private final EventStore store;

  /** From which file size a load alone overlaps parsing and storing (tests lower it). */
  private long overlapFromBytes = OVERLAP_FROM_BYTES;

  private final Cameo cameo;
  private final ActorResolver actors;

  /**
   * Overlaps parsing and storing for files loaded alone from {@code bytes} on (0: every such file,
   * {@code Long.MAX_VALUE}: none); for tests and benchmarks. Returns this ingestor.
   */
  public Ingestor overlapFromBytes(long bytes) {
    this.overlapFromBytes = bytes;
    return this;
  }

  /**
   * From which file size an unfiltered GDELT 2.0 export is read by the engine itself when it can
   * ({@link BulkTsvLoad}); smaller files go through the row path (and batches).
   */
  static final long BULK_FROM_BYTES = 16L << 20;

  private long bulkFromBytes = BULK_FROM_BYTES;

  /** Files the engine read itself so far (for tests). */
  private long bulkLoads;

  /** How many files the engine read itself ({@link #bulkFromBytes}) so far. */
  long bulkLoads() {
    return bulkLoads;
  }

  /**
   * Lets the engine read unfiltered GDELT 2.0 exports itself from {@code bytes} on ({@code
   * Long.MAX_VALUE}: never); for tests and benchmarks. Returns this ingestor.
   */
  public Ingestor bulkFromBytes(long bytes) {
    this.bulkFromBytes = bytes;
    return this;
  }

  /** {@code load} driven by a thread of its own if {@code wanted} and the engine allows it. */
  private static FileLoad overlapped(FileLoad load, boolean wanted) {
    return wanted && load.threadAgnostic() ? new OverlappedLoad(load) : load;
  }

  /** An ingestor that resolves actors through the CAMEO table only. */
  public Ingestor(EventStore store, Cameo cameo) {
    this(store, cameo, ActorResolver.NONE);
  }

  /**
   * An ingestor that also resolves actor names and codes the CAMEO table does not know (ICEWS
   * actors without a country, persons in the chronology) through {@code actors}.
   */
  public Ingestor(EventStore store, Cameo cameo, ActorResolver actors) {
    this.store = store;
    this.cameo = cameo;
    this.actors = actors;
  }

  /**
   * Ingests each file in turn; a failure in one file does not affect the others. Small files are
   * committed several at a time when the store can ({@link EventStore#beginBatch}), with the same
   * outcome as one by one: see {@link #ingestInputs}.
   */
  public List<FileReport> ingest(List<Path> files, IngestOptions options, IngestListener l) {
    List<InputFile> inputs = new ArrayList<>();
    for (Path p : files) {
      inputs.add(InputFile.local(p));
    }
    return ingestInputs(inputs, options, l);
  }

  /** Ingests one file. Never throws for bad input: the report says what happened. */
  public FileReport ingestFile(Path file, IngestOptions options, IngestListener l) {
    return ingestFile(InputFile.local(file), options, l);
  }

  /**
   * Ingests each input file in turn (e.g. files an engine listed on a Hadoop file system). Files of
   * up to {@value #BATCH_FILE_BYTES} bytes are committed several at a time when the store can
   * ({@link EventStore#beginBatch}): a batch closes at {@value #BATCH_FILES} files, {@value
   * #BATCH_BYTES} bytes or after {@value #BATCH_MILLIS} ms, and before a file of the same content
   * as one it holds (which a load one by one would skip). The reports, the store's contents and the
   * order of the listener's calls are those of a load one by one; a batched file is reported when
   * its batch commits. If anything fails in a batch, it is rolled back and its files are loaded
   * again one per transaction, so that a bad file fails alone.
   */
  public List<FileReport> ingestInputs(
      List<InputFile> files, IngestOptions options, IngestListener l) {
    Optional<List<FileReport>> parallel = inParallel(files, options, l);
    if (parallel.isPresent()) {
      return parallel.get();
    }
    if (files.size() < 2) {
      List<FileReport> out = new ArrayList<>();
      for (InputFile f : files) {
        out.add(ingestFile(f, options, l));
      }
      return out;
    }
    return new Batcher(options, l).run(files);
  }

  /**
   * The reports of a store that parses the files itself ({@link ParallelIngest}), or empty: then
   * this ingestor loads them one by one.
   */
  private Optional<List<FileReport>> inParallel(
      List<InputFile> files, IngestOptions options, IngestListener l) {
    return store instanceof ParallelIngest p
        ? p.ingestInParallel(files, options, cameo, actors, l)
        : Optional.empty();
  }

  /** Ingests one input file. Never throws for bad input: the report says what happened. */
  public FileReport ingestFile(InputFile file, IngestOptions options, IngestListener l) {
    Optional<List<FileReport>> parallel = inParallel(List.of(file), options, l);
    if (parallel.isPresent()) {
      return parallel.get().get(0);
    }
    String actors = options.actors().keepsAll() ? null : options.actors().toString();
    return loadFile(
        file,
        prior -> covering(prior, options.actors()),
        (first, n) -> detect(first, n, options),
        actors,
        l,
        options);
  }

  /**
   * Loads one file: reports a file that cannot be read, skips one a prior load (chosen by {@code
   * skip} among the loads of the same checksum) already covers, else loads it in one transaction.
   */
  private FileReport loadFile(
      InputFile file,
      java.util.function.Function<List<StoredFile>, Optional<StoredFile>> skip,
      Detector detector,
      String actors,
      IngestListener l,
      IngestOptions bulkOptions) {
    long t0 = System.nanoTime();
    String path = file.path();
    long size;
    try {
      size = file.size();
    } catch (IOException e) {
      FileReport r = FileReport.failed(path, 0, System.nanoTime() - t0, "cannot read: " + e);
      l.fileFinished(r);
      return r;
    }
    l.fileStarted(path, size);
    FileReport r;
    try {
      String known = null;
      if (!store.filesWithSize(size).isEmpty()) {
        known = checksum(file, size);
        Optional<StoredFile> prior = skip.apply(store.filesWithChecksum(known));
        if (prior.isPresent()) {
          r = skipped(path, size, t0, prior.get());
          l.fileFinished(r);
          return r;
        }
      }
      Optional<FileReport> bulk =
          bulkOptions == null ? Optional.empty() : bulk(file, size, bulkOptions, l, t0);
      r =
          bulk.isPresent()
              ? bulk.get()
              : load(
                  file.name(), file::open, path, size, known, detector, actors, l, t0, null, null);
    } catch (IOException e) {
      r = FileReport.failed(path, size, System.nanoTime() - t0, describe(e) + KEPT_NOTHING);
    }
    l.fileFinished(r);
    return r;
  }

  /**
   * Ingests an in-memory document (e.g. data bundled in the jar) as if it were a file named {@code
   * name}. Skipped if a file with the same checksum is already stored.
   */
  public FileReport ingestBytes(String name, byte[] data, IngestOptions options, IngestListener l) {
    long t0 = System.nanoTime();
    String sum = checksum(data);
    l.fileStarted(name, data.length);
    FileReport r;
    Optional<StoredFile> prior = covering(store.filesWithChecksum(sum), options.actors());
    if (prior.isPresent()) {
      r = skipped(name, data.length, t0, prior.get());
    } else {
      try {
        r =
            load(
                java.nio.file.Paths.get(name).getFileName().toString(),
                () -> new java.io.ByteArrayInputStream(data),
                name,
                data.length,
                sum,
                options,
                l,
                t0);
      } catch (IOException e) {
        r = FileReport.failed(name, data.length, System.nanoTime() - t0, e.toString());
      }
    }
    l.fileFinished(r);
    return r;
  }

  /**
   * A prior load of the same file whose actor filter kept at least what {@code current} keeps: then
   * the file is skipped. A file first loaded with a narrower --actors set is loaded again (its
   * events already stored count as duplicates).
   */
  static Optional<StoredFile> covering(List<StoredFile> prior, ActorFilter current) {
    for (StoredFile f : prior) {
      if (f.actorFilter() == null) {
        return Optional.of(f);
      }
      if (!current.keepsAll() && Set.of(f.actorFilter().split(",")).containsAll(current.codes())) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  private interface Opener {
    InputStream open() throws IOException;
  }

  private FileReport load(
      String file,
      Opener opener,
      String path,
      long size,
      String known,
      IngestOptions o,
      IngestListener l,
      long t0)
      throws IOException {
    String actors = o.actors().keepsAll() ? null : o.actors().toString();
    return load(
        file,
        opener,
        path,
        size,
        known,
        (first, n) -> detect(first, n, o),
        actors,
        l,
        t0,
        null,
        null);
  }

  /**
   * Loads one file alone, or with {@code batch} as the batch's next file: then a file read to its
   * end is finished into the batch, {@code finished} gets what its report needs once the batch
   * commits, and the result is null.
   */
  private FileReport load(
      String file,
      Opener opener,
      String path,
      long size,
      String known,
      Detector detector,
      String actors,
      IngestListener l,
      long t0,
      LoadBatch batch,
      List<Finished> finished)
      throws IOException {
    Counter counter = new Counter();
    FileMeta meta = new FileMeta(path, size, known, actors);
    try (FileLoad load =
            overlapped(
                batch != null ? batch.beginFile(meta) : store.beginFile(meta),
                batch == null && size >= overlapFromBytes);
        InputStream raw = opener.open()) {
      CountingStream counting = new CountingStream(raw);
      CheckedInputStream checked = new CheckedInputStream(counting, new CRC32C());
      Sink sink = new Sink(load, counter, counting, l);
      Set<String> formats = new LinkedHashSet<>();
      try {
        readAll(file, size, checked, detector, sink, formats);
        if (batch == null) {
          l.storing(counter.read);
        }
        if (load instanceof OverlappedLoad o) {
          o.flush(); // the engine's failures surface here, as they do inside readAll without it
        }
      } catch (IOException | RuntimeException e) {
        load.abort();
        if (e instanceof WrongFormatException w) {
          return FileReport.refused(
              path, size, System.nanoTime() - t0, w.getMessage() + KEPT_NOTHING);
        }
        if (e instanceof IOException io) {
          String where =
              sink.lastLine > 0 ? " after line " + sink.lastLine + " of " + sink.part : "";
          return FileReport.failed(
              path, size, System.nanoTime() - t0, describe(io) + where + KEPT_NOTHING);
        }
        String at =
            load instanceof OverlappedLoad o && o.failedAt() != null
                ? o.failedAt() // the engine's failure, rows behind the parser
                : "line " + sink.lastLine + " of " + sink.part;
        return FileReport.failed(
            path,
            size,
            System.nanoTime() - t0,
            "failed at " + at + ": " + e + StoreException.hint(e) + KEPT_NOTHING);
      }
      String sum = known != null ? known : checksumText(checked.getChecksum().getValue(), size);
      String format = formats.isEmpty() ? "empty" : String.join("+", formats);
      Finished f = new Finished(path, size, sum, format, counter.read, counter.filtered, sink);
      sink.observed();
      if (batch != null) {
        load.finish(sum, format, counter.read, counter.filtered);
        f.nanos = System.nanoTime() - t0;
        finished.add(f);
        return null;
      }
      FileLoad.LoadResult res = load.commit(sum, format, counter.read, counter.filtered);
      f.nanos = System.nanoTime() - t0;
      return f.report(res);
    }
  }

  /**
   * Loads {@code file} through the engine's own reader ({@link BulkTsvLoad}) when it can take it: a
   * local, uncompressed GDELT 2.0 export read without an actor filter, whose every line {@link
   * TsvScan} finds plain. The engine stores the rows it can prove the row parser would store alike;
   * the row parser reads the other lines, so the outcome (events, rejects with their lines and
   * reasons, counts, manifest) is that of the row path. Empty when the engine cannot take the file
   * or declines it (nothing of it kept): the row path then loads it.
   */
  private Optional<FileReport> bulk(
      InputFile file, long size, IngestOptions o, IngestListener l, long t0) throws IOException {
    if (!(store instanceof BulkTsvLoad.Engine engine)
        || size < bulkFromBytes
        || !o.actors().keepsAll()
        || !(o.format() == SourceFormat.AUTO || o.format() == SourceFormat.GDELT2)
        || file.localPath().isEmpty()
        || !BulkTsvLoad.literalPath(file.localPath().get().toString())
        // the row path reads these names as archives (and refuses them if they are not)
        || archiveName(file.name())) {
      return Optional.empty();
    }
    Path local = file.localPath().get();
    List<BulkTsvLoad.Code> codes = new ArrayList<>();
    for (org.entente.cameo.CameoEventType t : cameo.eventTypes()) {
      codes.add(
          new BulkTsvLoad.Code(
              t.code(), t.root(), t.goldstein(), QuadMapping.GDELT.quadOf(t.root())));
    }
    int[] columns = GdeltTsvParser.v2Columns();
    BulkRowGrammar grammar = new BulkRowGrammar(columns, codes);
    // the scan is about a fifth of the work, the engine's read the rest
    TsvScan.Result scan;
    try {
      scan = TsvScan.scan(local, 60, grammar, read -> l.progress(read / 5, 0));
    } catch (IOException e) {
      return Optional.empty(); // the row path meets the same problem and reports it
    }
    if (scan.why() != null || scan.lines() == 0 || !scan.idsAscend()) {
      // ids out of order: the engine could not tell the lines apart; declined before reading
      return Optional.empty();
    }
    Detected d = detect(scan.first(), 1, o);
    if (!(d.parser() instanceof GdeltTsvParser) || d.headerConsumed()) {
      return Optional.empty();
    }
    String sum = checksumText(scan.crc32c(), size);
    BulkTsvLoad.BulkTsvSpec spec =
        new BulkTsvLoad.BulkTsvSpec(
            local,
            file.name(),
            "gdelt2",
            61,
            scan.lines(),
            scan.firstId(),
            scan.consecutiveIds(),
            scan.rowLines(),
            scan.rowIds(),
            scan.keptIdSum(),
            columns,
            codes,
            Cameo.countryAliases());
    BulkTsvLoad load = engine.beginBulkTsv(new FileMeta(file.path(), size, sum, null));
    try (load) {
      long[] rest = scan.rowLines();
      try {
        readTsv(load, spec, l, size, scan.lines());
      } catch (BulkTsvLoad.Declined e) {
        load.abort();
        return Optional.empty();
      }
      Counter counter = new Counter();
      Sink sink;
      try (InputStream in = java.nio.file.Files.newInputStream(local)) {
        CountingStream counting = new CountingStream(in);
        sink = new Sink(load, counter, counting, IngestListener.NONE);
        sink.part = file.name();
        if (rest.length > 0) {
          LineReader r = new LineReader(counting, BUFFER);
          int k = 0;
          while (k < rest.length && r.next()) {
            if (r.lineNumber() == rest[k]) {
              sink.lastLine = r.lineNumber();
              d.parser().parse(r.buf, r.start, r.end, r.lineNumber(), sink);
              k++;
            }
          }
          if (k < rest.length) {
            throw new IOException(
                "the file changed while it was read: line " + rest[k] + " is gone");
          }
        }
        d.parser().finish(sink);
      }
      // the file was read two or three times: the manifest's checksum must be that of what was
      // stored (a file rewritten in place, same size and lines, was stored new and recorded old)
      if (java.nio.file.Files.size(local) != size || !checksum(local, size).equals(sum)) {
        throw new IOException(
            "the file changed while it was read; ingest it again once it is complete");
      }
      l.storing(scan.lines());
      FileLoad.LoadResult res = load.commit(sum, "gdelt2", scan.lines(), 0);
      Finished f = new Finished(file.path(), size, sum, "gdelt2", scan.lines(), 0, sink);
      f.nanos = System.nanoTime() - t0;
      bulkLoads++;
      return Optional.of(f.report(res));
    } catch (IOException | RuntimeException e) {
      load.abort();
      return Optional.of(
          FileReport.failed(
              file.path(),
              size,
              System.nanoTime() - t0,
              (e instanceof IOException io ? describe(io) : "failed: " + e + StoreException.hint(e))
                  + KEPT_NOTHING));
    }
  }

  /**
   * Runs {@code load.readTsv} on a thread of its own while this thread tells {@code l} how far the
   * engine has come (the listener is called on the ingesting thread only).
   */
  private static void readTsv(
      BulkTsvLoad load, BulkTsvLoad.BulkTsvSpec spec, IngestListener l, long size, long lines)
      throws BulkTsvLoad.Declined, IOException {
    java.util.concurrent.CompletableFuture<Void> done =
        new java.util.concurrent.CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                load.readTsv(spec);
                done.complete(null);
              } catch (Throwable e) {
                done.completeExceptionally(e);
              }
            },
            "entente-bulk-read");
    t.setDaemon(true);
    t.start();
    boolean interrupted = false;
    while (true) {
      try {
        done.get(250, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        return;
      } catch (java.util.concurrent.TimeoutException e) {
        double p = load.readProgress();
        if (p >= 0) {
          l.progress(size / 5 + (long) (p * (size - size / 5)), (long) (p * lines));
        }
      } catch (InterruptedException e) {
        // the statement runs on: the load may be aborted only once it has ended
        interrupted = true;
      } catch (java.util.concurrent.ExecutionException e) {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        Throwable c = e.getCause();
        if (c instanceof BulkTsvLoad.Declined dec) {
          throw dec;
        }
        if (c instanceof RuntimeException r) {
          throw r;
        }
        if (c instanceof Error err) {
          throw err;
        }
        throw new IOException(c);
      }
    }
  }

  /** A file read to its end: what its report needs besides the store's counts. */
  private static final class Finished {
    final String path;
    final long size;
    final String checksum;
    final String format;
    final long read;
    final long filtered;
    final Sink sink;
    long nanos;

    Finished(
        String path,
        long size,
        String checksum,
        String format,
        long read,
        long filtered,
        Sink sink) {
      this.path = path;
      this.size = size;
      this.checksum = checksum;
      this.format = format;
      this.read = read;
      this.filtered = filtered;
      this.sink = sink;
    }

    FileReport report(FileLoad.LoadResult res) {
      return new FileReport(
          path,
          format,
          FileReport.Status.LOADED,
          read,
          res.stored(),
          res.rejected(),
          res.duplicates(),
          filtered + res.filtered(),
          size,
          nanos,
          note(read, sink, res.filtered()));
    }
  }

  /** Files up to this size are loaded in batches. */
  static final long BATCH_FILE_BYTES = 8L << 20;

  /** A batch closes when it holds this many files, */
  static final int BATCH_FILES = 1000;

  /** or this many bytes, */
  static final long BATCH_BYTES = 64L << 20;

  /** or when it has been open this long (a kill loses at most this much work). */
  static final long BATCH_MILLIS = 5000;

  /**
   * {@link #BATCH_MILLIS} in nanoseconds; tests lift it to make a batch's size independent of time.
   */
  long batchNanos = BATCH_MILLIS * 1_000_000L;

  /**
   * Loads a list of files, the small ones in batches ({@link #ingestInputs}). Every file's report
   * waits in {@link #pending} until the files before it are reported: the listener hears of the
   * files in their order.
   */
  private final class Batcher {
    private final IngestOptions options;
    private final IngestListener l;
    private final String actors;
    private final List<FileReport> out = new ArrayList<>();

    /** Files not yet reported, in order: a report (a skipped file) or a file of the batch. */
    private final List<Object> pending = new ArrayList<>();

    private final List<InputFile> batched = new ArrayList<>();
    private final List<Finished> finished = new ArrayList<>();

    /**
     * Sizes of files the store may hold: ingested before this run (asked once), or loaded alone in
     * it. A file of such a size is looked up in the manifest by its checksum.
     */
    private final Set<Long> askSizes = new java.util.HashSet<>();

    /** Sizes and checksums of the files this run put in a batch (a copy of one is not loaded). */
    private final Set<Long> sizes = new java.util.HashSet<>();

    private final Set<String> checksums = new java.util.HashSet<>();
    private LoadBatch batch;
    private long bytes;
    private long opened;

    Batcher(IngestOptions options, IngestListener l) {
      this.options = options;
      this.l = l;
      this.actors = options.actors().keepsAll() ? null : options.actors().toString();
    }

    List<FileReport> run(List<InputFile> files) {
      batch = store.beginBatch().orElse(null);
      if (batch == null) {
        // the engine commits each file alone
        for (InputFile f : files) {
          out.add(ingestFile(f, options, l));
        }
        return out;
      }
      opened = System.nanoTime();
      try {
        batches(files);
      } catch (RuntimeException e) {
        // as one by one: the files before the failure are kept
        try {
          flush();
        } catch (RuntimeException f) {
          e.addSuppressed(f);
        }
        throw e;
      }
      return out;
    }

    private void batches(List<InputFile> files) {
      List<Long> all = new ArrayList<>();
      for (InputFile f : files) {
        try {
          all.add(f.size());
        } catch (IOException e) {
          // reported when the file's turn comes
        }
      }
      askSizes.addAll(store.sizesIngested(all));
      for (InputFile f : files) {
        add(f);
        if (pending.size() >= BATCH_FILES
            || bytes >= BATCH_BYTES
            || System.nanoTime() - opened >= batchNanos) {
          flush();
        }
      }
      flush();
    }

    /** Loads {@code f} of {@code size} bytes alone, after reporting every file before it. */
    private void alone(InputFile f, long size) {
      flush();
      askSizes.add(size);
      out.add(ingestFile(f, options, l));
    }

    private void add(InputFile f) {
      long t0 = System.nanoTime();
      long size = -1;
      String known = null;
      try {
        size = f.size();
        if (size > BATCH_FILE_BYTES) {
          alone(f, size);
          return;
        }
        boolean ask = askSizes.contains(size);
        if (ask || sizes.contains(size)) {
          known = checksum(f, size);
          if (checksums.contains(known)) {
            // a copy of a file of this run: stored first, it makes this one skipped
            alone(f, size);
            return;
          }
          Optional<StoredFile> prior =
              ask ? covering(store.filesWithChecksum(known), options.actors()) : Optional.empty();
          if (prior.isPresent()) {
            if (pending.isEmpty()) {
              opened = t0;
            }
            pending.add(skipped(f.path(), size, t0, prior.get()));
            return;
          }
        }
      } catch (IOException e) {
        alone(f, size); // reported as a load alone reports it
        return;
      }
      if (batch == null) {
        batch = store.beginBatch().orElseThrow();
        if (pending.isEmpty()) {
          opened = t0;
        }
      }
      int before = finished.size();
      try {
        load(
            f.name(),
            f::open,
            f.path(),
            size,
            known,
            (first, n) -> detect(first, n, options),
            actors,
            IngestListener.NONE,
            t0,
            batch,
            finished);
      } catch (IOException | RuntimeException e) {
        // reported below: the file is loaded again alone
      }
      if (finished.size() == before) {
        // the file failed, and with it the batch: every file of it again, one by one
        fallBack(f);
        return;
      }
      Finished done = finished.get(finished.size() - 1);
      pending.add(done);
      batched.add(f);
      sizes.add(size);
      checksums.add(done.checksum);
      bytes += size;
    }

    /** Rolls the batch back and loads its files, then {@code failed} if any, one by one. */
    private void fallBack(InputFile failed) {
      if (batch != null) {
        batch.abort();
        batch = null;
      }
      List<Object> todo = new ArrayList<>(pending);
      List<InputFile> again = new ArrayList<>(batched);
      clear();
      int k = 0;
      for (Object p : todo) {
        if (p instanceof FileReport r) {
          report(r);
        } else {
          out.add(ingestFile(again.get(k++), options, l));
        }
      }
      if (failed != null) {
        try {
          askSizes.add(failed.size());
        } catch (IOException e) {
          // its load reports it
        }
        out.add(ingestFile(failed, options, l));
      }
    }

    /** Commits the batch and reports every pending file. */
    private void flush() {
      List<FileLoad.LoadResult> res = List.of();
      if (batch != null) {
        long c0 = System.nanoTime();
        try {
          res = batch.commit();
        } catch (RuntimeException e) {
          fallBack(null); // aborts the batch first
          return;
        }
        batch = null;
        long share = (System.nanoTime() - c0) / Math.max(1, finished.size());
        for (Finished f : finished) {
          f.nanos += share;
        }
      }
      int k = 0;
      for (Object p : pending) {
        report(p instanceof FileReport r ? r : ((Finished) p).report(res.get(k++)));
      }
      clear();
    }

    private void report(FileReport r) {
      l.fileStarted(r.path(), r.bytes());
      l.fileFinished(r);
      out.add(r);
    }

    private void clear() {
      pending.clear();
      batched.clear();
      finished.clear();
      bytes = 0;
    }
  }

  private void readAll(
      String file, long size, InputStream in, Detector o, Sink sink, Set<String> formats)
      throws IOException {
    String name = file.toLowerCase(java.util.Locale.ROOT);
    BufferedInputStream b = new BufferedInputStream(in, bufferFor(size, 1 << 16));
    byte[] magic = peek(b, 4);
    boolean gz = isGzip(magic);
    boolean zip = isZip(magic);
    if (name.endsWith(".gz") && !gz) {
      throw new IOException("not a gzip file (it does not start with the gzip signature)");
    }
    if (name.endsWith(".zip") && !zip) {
      throw new IOException("not a zip archive (it does not start with the zip signature)");
    }
    if (zip) {
      // not closed here: closing would close the file, which the caller owns
      ZipInputStream z = new ZipInputStream(b, StandardCharsets.UTF_8);
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        if (e.isDirectory()) {
          continue;
        }
        String entry = e.getName();
        String why =
            entry.startsWith("__MACOSX/") || entry.contains("/.")
                ? "hidden file"
                : InputFiles.notDataReason(entry);
        if (why != null) {
          sink.skippedEntries.add(entry + " (" + why + ")");
          continue;
        }
        java.io.PushbackInputStream eb = new java.io.PushbackInputStream(z, 4);
        byte[] head = peek(eb, 4);
        if (isGzip(head) || isZip(head)) {
          throw new NestedArchiveException(
              "nested archive "
                  + entry
                  + " inside "
                  + file
                  + ": Entente does not read archives inside archives; unpack the outer one and"
                  + " ingest what it holds");
        }
        sink.part = file + "!" + entry;
        readStream(eb, BUFFER, o, sink, formats);
      }
    } else if (gz) {
      sink.part = file;
      java.io.PushbackInputStream gb =
          new java.io.PushbackInputStream(new GZIPInputStream(b, 1 << 16), 4);
      byte[] head = peek(gb, 4);
      if (isGzip(head) || isZip(head)) {
        throw new NestedArchiveException(
            "nested archive inside "
                + file
                + ": Entente does not read archives inside archives; unpack the outer one and"
                + " ingest what it holds");
      }
      readStream(gb, BUFFER, o, sink, formats);
    } else {
      sink.part = file;
      // the reader grows its buffer for a longer line
      readStream(b, bufferFor(size, BUFFER), o, sink, formats);
      return; // read to its end
    }
    // A zip reader stops before the archive's central directory, a gzip reader may stop before
    // trailing bytes: read the rest so that the file's checksum covers all of it.
    b.transferTo(java.io.OutputStream.nullOutputStream());
  }

  /**
   * A buffer's size for reading a file of {@code size} bytes: its size and one (so that one read
   * meets its end), at least 512 and at most {@code most}. Buffers sized for large files, allocated
   * for every file, took most of the time of 1,000 one-row files (a 1 MB line buffer about 0.5 s,
   * 64 KB for the input and for a checksum half of the rest).
   */
  private static int bufferFor(long size, int most) {
    return (int) Math.min(most, Math.max(512, size + 1));
  }

  /** Whether the row path reads a file of this name as an archive ({@link #readAll}). */
  private static boolean archiveName(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".gz") || n.endsWith(".zip");
  }

  private static boolean isGzip(byte[] magic) {
    return magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
  }

  private static boolean isZip(byte[] magic) {
    return magic.length >= 4
        && magic[0] == 'P'
        && magic[1] == 'K'
        && (magic[2] == 3 || magic[2] == 5)
        && (magic[3] == 4 || magic[3] == 6);
  }

  /** A file that is not of the format {@code entente import} was told: refused. */
  private static final class WrongFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    WrongFormatException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** An archive inside an archive: refused, the whole file fails. */
  private static final class NestedArchiveException extends IOException {
    private static final long serialVersionUID = 1L;

    NestedArchiveException(String message) {
      super(message);
    }
  }

  /** The first {@code n} bytes (fewer at the end), pushed back to be read again. */
  private static byte[] peek(java.io.PushbackInputStream p, int n) throws IOException {
    byte[] out = p.readNBytes(n);
    p.unread(out);
    return out;
  }

  private static byte[] peek(BufferedInputStream b, int n) throws IOException {
    b.mark(n);
    byte[] out = b.readNBytes(n);
    b.reset();
    return out;
  }

  private void readStream(InputStream in, int buffer, Detector o, Sink sink, Set<String> formats)
      throws IOException {
    LineReader r = new LineReader(in, buffer);
    int start;
    // the format is detected from the first data line: leading blank lines and # comments are
    // not data
    while (true) {
      if (!r.next()) {
        return;
      }
      start = r.start;
      if (r.lineNumber() == 1
          && r.end - start >= 3
          && (r.buf[start] & 0xff) == 0xEF
          && (r.buf[start + 1] & 0xff) == 0xBB
          && (r.buf[start + 2] & 0xff) == 0xBF) {
        start += 3;
      }
      if (!blankOrComment(r.buf, start, r.end)) {
        break;
      }
      sink.leadingSkipped++;
    }
    if (Bytes.indexOfNul(r.buf, start, r.end) >= 0) {
      throw new IOException(
          "line " + r.lineNumber() + ": a NUL byte in the first data line (a binary file?)");
    }
    String first = new String(r.buf, start, r.end - start, StandardCharsets.UTF_8);
    Detected d = o.detect(first, r.lineNumber());
    RowParser parser = d.parser();
    if (!d.headerConsumed()) {
      sink.lastLine = r.lineNumber();
      parser.parse(r.buf, start, r.end, r.lineNumber(), sink);
    }
    while (r.next()) {
      sink.lastLine = r.lineNumber();
      if (Bytes.indexOfNul(r.buf, r.start, r.end) >= 0) {
        sink.reject(
            r.lineNumber(),
            "NUL byte",
            "the row holds a NUL byte (0x00), which no text field may hold",
            r.buf,
            r.start,
            r.end);
        continue;
      }
      parser.parse(r.buf, r.start, r.end, r.lineNumber(), sink);
    }
    parser.finish(sink);
    formats.add(parser.formatName());
  }

  /** Whether a line is blank (spaces, tabs, CR only) or a {@code #} comment. */
  private static boolean blankOrComment(byte[] b, int start, int end) {
    for (int i = start; i < end; i++) {
      byte c = b[i];
      if (c == '#') {
        return true;
      }
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  private record Detected(RowParser parser, boolean headerConsumed) {}

  /** Chooses the parser of a stream from its first data line. */
  private interface Detector {
    Detected detect(String first, long lineNo) throws IOException;
  }

  /**
   * Imports one file whose layout {@code parsers} knows (the aggregate and event-list formats of
   * {@code entente import}), with the guarantees of {@link #ingestFile}: one transaction, every row
   * stored, rejected with its reason or counted as a duplicate, and a file already imported under
   * the same format name skipped. Never throws for bad input: the report says what happened.
   */
  public FileReport importFile(Path file, ParserFactory parsers, IngestListener l) {
    Detector d =
        (first, lineNo) -> {
          try {
            return new Detected(parsers.create(first), true);
          } catch (IllegalArgumentException e) {
            throw new WrongFormatException(
                "line "
                    + lineNo
                    + ": not "
                    + parsers.formatName().split(":")[0]
                    + ": "
                    + e.getMessage(),
                e);
          }
        };
    return loadFile(
        InputFile.local(file),
        prior -> prior.stream().filter(f -> parsers.formatName().equals(f.format())).findFirst(),
        d,
        null,
        l,
        null);
  }

  /**
   * An ICEWS parser under the options' quad mapping, refusing a file that would put a second
   * mapping into the store's ICEWS events: series would sum W3/W4 counted two ways (a file read
   * with --quad-mapping icews after one read with the default gave w3 4, w4 11 for PSE>ISR, the
   * whole file 7/8 under one mapping and 2/13 under the other).
   */
  private IcewsParser icews(IngestOptions o, String first) throws IOException {
    IcewsParser p = new IcewsParser(cameo, actors, o.actors(), o.quadMapping(), first);
    String other = o.quadMapping() == QuadMapping.GDELT ? "icews(quad:icews)" : "icews";
    if (store.formats().contains(other)) {
      throw new WrongFormatException(
          "the store's ICEWS events were read with the "
              + (o.quadMapping() == QuadMapping.GDELT ? "icews" : "gdelt")
              + " quad mapping; this file under --quad-mapping "
              + o.quadMapping().name().toLowerCase(java.util.Locale.ROOT)
              + " would mix two mappings in one source: ingest it with the store's mapping, or"
              + " into another store (--db)",
          null);
    }
    return p;
  }

  private Detected detect(String first, long lineNo, IngestOptions o) throws IOException {
    SourceFormat f = o.format();
    ActorFilter a = o.actors();
    try {
      switch (f) {
        case GDELT1:
          return new Detected(new GdeltTsvParser(cameo, a, true, false), false);
        case GDELT2:
          return new Detected(new GdeltTsvParser(cameo, a, false, true), false);
        case GDELT_CSV:
          return new Detected(new GdeltCsvParser(cameo, a, first), true);
        case ICEWS:
          return new Detected(icews(o, first), true);
        case ENTENTE:
          return new Detected(new ChronologyParser(cameo, actors, a, first), true);
        case GDELT2_MENTIONS:
          return GdeltMentionsParser.looksLikeHeader(first)
              ? new Detected(GdeltMentionsParser.csv(first), true)
              : new Detected(GdeltMentionsParser.tsv(), false);
        case AUTO:
        default:
          break;
      }
      if (IcewsParser.looksLikeHeader(first)) {
        return new Detected(icews(o, first), true);
      }
      if (GdeltMentionsParser.looksLikeHeader(first)) {
        return new Detected(GdeltMentionsParser.csv(first), true);
      }
      if (GdeltMentionsParser.looksLikeRow(first)) {
        return new Detected(GdeltMentionsParser.tsv(), false);
      }
      if (GdeltCsvParser.looksLikeHeader(first)) {
        return new Detected(new GdeltCsvParser(cameo, a, first), true);
      }
      if (ChronologyParser.looksLikeHeader(first)) {
        return new Detected(new ChronologyParser(cameo, actors, a, first), true);
      }
      int tabs = 0;
      for (int i = 0; i < first.length(); i++) {
        if (first.charAt(i) == '\t') {
          tabs++;
        }
      }
      if (tabs == 56 || tabs == 57 || tabs == 60) {
        return new Detected(new GdeltTsvParser(cameo, a, true, true), false);
      }
      throw new IOException(
          "cannot detect the format from line "
              + lineNo
              + ", the first data line ("
              + (tabs + 1)
              + " tab-separated fields, no known header); use --format");
    } catch (IllegalArgumentException e) {
      throw new IOException("line " + lineNo + ": " + e.getMessage(), e);
    }
  }

  private static final String KEPT_NOTHING = "; nothing of this file was kept";

  /** What the report says of a loaded file besides its counts, or null. */
  private static String note(long read, Sink sink, long unlinked) {
    List<String> n = new ArrayList<>();
    if (read == 0) {
      n.add("the file has no rows");
    }
    if (unlinked > 0) {
      n.add(
          unlinked
              + " mention(s) of events that are not in the store counted as filtered (with --actors,"
              + " mentions are kept only for stored GDELT 2.0 events: ingest each export file"
              + " before its mentions)");
    }
    if (sink.leadingSkipped > 0) {
      n.add(sink.leadingSkipped + " blank or comment line(s) before the data skipped");
    }
    if (sink.skipped > 0) {
      n.add(sink.skipped + " blank or comment line(s) among the data skipped");
    }
    if (!sink.skippedEntries.isEmpty()) {
      n.add("skipped inside the archive: " + String.join(", ", sink.skippedEntries));
    }
    return n.isEmpty() ? null : String.join("; ", n);
  }

  private static String describe(IOException e) {
    String what;
    if (e instanceof EOFException || String.valueOf(e.getMessage()).contains("Unexpected end")) {
      what = "truncated compressed stream (" + e.getMessage() + ")";
    } else if (e instanceof ZipException) {
      what = "corrupt archive (" + e.getMessage() + ")";
    } else if (e instanceof java.nio.file.AccessDeniedException) {
      what = "permission denied";
    } else {
      what = e.getMessage() == null ? e.toString() : e.getMessage();
    }
    return "cannot read: " + what;
  }

  /** The manifest checksum of an in-memory document, as {@link #ingestBytes} records it. */
  public static String checksum(byte[] data) {
    CRC32C crc = new CRC32C();
    crc.update(data);
    return checksumText(crc.getValue(), data.length);
  }

  private static String checksumText(long crc32c, long size) {
    return String.format("crc32c:%08x:%d", crc32c, size);
  }

  /** The report of a file skipped because {@code prior} already loaded it. */
  public static FileReport skipped(String path, long size, long t0, StoredFile prior) {
    return new FileReport(
        path,
        prior.format(),
        FileReport.Status.SKIPPED,
        0,
        0,
        0,
        0,
        0,
        size,
        System.nanoTime() - t0,
        "already ingested (file "
            + prior.fileId()
            + (prior.actorFilter() == null ? "" : ", actors " + prior.actorFilter())
            + ", "
            + prior.path()
            + ", "
            + prior.ingestedText()
            + ")");
  }

  /** CRC-32C of the whole file with its size, e.g. {@code crc32c:1a2b3c4d:855412}. */
  static String checksum(Path file, long size) throws IOException {
    CRC32C crc = new CRC32C();
    Bytes.readAll(file, crc::update);
    return checksumText(crc.getValue(), size);
  }

  /** As {@link #checksum(Path, long)}, for any input file. */
  static String checksum(InputFile file, long size) throws IOException {
    CRC32C crc = new CRC32C();
    try (InputStream in = file.open()) {
      byte[] buf = new byte[bufferFor(size, 1 << 16)];
      int n;
      while ((n = in.read(buf)) > 0) {
        crc.update(buf, 0, n);
      }
    }
    return checksumText(crc.getValue(), size);
  }

  private static final class Counter {
    long read;
    long filtered;
  }

  /** Counts the bytes read through it (also for {@link TsvScan}). */
  static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        count++;
      }
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  private static final class Sink implements RowSink {
    private final FileLoad load;
    private final Counter counter;
    private final CountingStream counting;
    private final IngestListener listener;
    String part;
    long lastLine;
    long leadingSkipped;

    /** Lines after the first data line that the parser found to hold no row. */
    long skipped;

    final List<String> skippedEntries = new ArrayList<>();

    /** Per event feed, the months of the rows the actor filter left out. */
    private final java.util.Map<String, java.util.SortedSet<java.time.YearMonth>> filteredMonths =
        new java.util.TreeMap<>();

    private java.time.YearMonth lastMonth;
    private String lastSource;

    Sink(FileLoad load, Counter counter, CountingStream counting, IngestListener listener) {
      this.load = load;
      this.counter = counter;
      this.counting = counting;
      this.listener = listener;
    }

    private void row() {
      if (++counter.read % PROGRESS_EVERY == 0) {
        listener.progress(counting.count, counter.read);
      }
    }

    @Override
    public void event(Event e, long line) {
      row();
      load.add(e, part, line);
    }

    @Override
    public void entry(org.entente.model.ChronologyEntry entry, Event e, long line) {
      row();
      load.add(e, part, line);
      load.addEntry(entry);
    }

    @Override
    public void reject(long line, String reason, String detail, byte[] raw, int start, int end) {
      row();
      load.reject(part, line, reason, detail, Fields.lenient(raw, start, end));
    }

    @Override
    public void reject(long line, String reason, String detail, String raw) {
      row();
      load.reject(part, line, reason, detail, raw.length() > 65536 ? raw.substring(0, 65536) : raw);
    }

    @Override
    public void mention(org.entente.model.Mention m, long line) {
      row();
      load.addMention(m, part, line);
    }

    @Override
    public void rollup(org.entente.store.RollupRow row, long line) {
      row();
      load.addRollup(row, part, line);
    }

    @Override
    public void volume(org.entente.store.VolumeRow row, long line) {
      row();
      load.addVolume(row, part, line);
    }

    @Override
    public void heldPair(String source, String actor1, String actor2, long line) {
      if (actor1 != null) {
        row(); // a rejected held row (null countries) is counted as rejected
      }
      load.addHeldPair(source, actor1, actor2, part, line);
    }

    @Override
    public void filtered() {
      row();
      counter.filtered++;
    }

    @Override
    public void filtered(String source, java.time.YearMonth month) {
      filtered();
      if (month != null) {
        // the parsers hand the same month object for a run of rows: a set lookup per change only
        if (month != lastMonth || !source.equals(lastSource)) {
          filteredMonths.computeIfAbsent(source, k -> new java.util.TreeSet<>()).add(month);
          lastMonth = month;
          lastSource = source;
        }
      }
    }

    /** Hands the months of the rows left out by the actor filter to the load, per feed. */
    void observed() {
      filteredMonths.forEach(load::observed);
    }

    @Override
    public void skipped() {
      skipped++;
    }
  }
}
