package org.entente.spark;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.TaskCompletionListener;
import org.entente.cameo.Cameo;
import org.entente.cameo.QuadMapping;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.ActorResolver;
import org.entente.ingest.FileReport;
import org.entente.ingest.IngestListener;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.ingest.SourceFormat;
import org.entente.model.ChronologyEntry;
import org.entente.model.Event;
import org.entente.store.CodeCount;
import org.entente.store.DyadQuery;
import org.entente.store.EventStore;
import org.entente.store.FileLoad;
import org.entente.store.FileMeta;
import org.entente.store.InputFile;
import org.entente.store.MonthRange;
import org.entente.store.PeriodAggregate;
import org.entente.store.RollupFrequency;
import org.entente.store.RollupRow;
import org.entente.store.SourceInfo;
import org.entente.store.StoreSummary;
import org.entente.store.StoredFile;
import org.entente.system.ActorRegistry;

/**
 * The parse step of a parallel ingest, run in Spark tasks ({@link ExecutorIngest}): each input file
 * goes through the ingest stage's own {@link Ingestor} (format detection, archives, row parsers,
 * validation, checksum, skipping a file the lake already holds) into a store that only turns what
 * it is given into rows of {@link LakeSchema#PARSED}: events, rejected rows, chronology entries,
 * and last the file's report. Deduplication and the commit are the driver's.
 *
 * <p>What crosses to the executors is small: this function holds plain option values and a
 * broadcast of the Hadoop settings; each task builds its parser, CAMEO table and actor registry
 * itself. The ingestor pushes rows while Spark pulls them: the file is parsed on a thread of the
 * task, handing rows over in chunks through a bounded queue, so memory stays bounded whatever the
 * file's size.
 */
final class ParseTask implements FlatMapFunction<Iterator<ParseTask.Input>, Row> {
  private static final long serialVersionUID = 1L;

  /** Rows handed from the parsing thread to the task in one chunk. */
  private static final int CHUNK = 1024;

  /** Chunks in flight between the two threads. */
  private static final int QUEUE = 16;

  /**
   * One file to parse, as it crosses to an executor.
   *
   * @param index its place in the wave (the order in which duplicates are decided)
   * @param uri where to open it (a qualified Hadoop path)
   * @param path the file as the manifest records it
   * @param name its own name (the part the rows of a plain file are attributed to)
   * @param size its size in bytes; -1 when the driver could not read it (the task then fails it)
   * @param priors the lake's loads of files of this size (the ingestor checks their checksums)
   * @param lakeFormats the formats of the files the lake holds (the ingestor refuses an ICEWS file
   *     under another quad mapping than the lake's ICEWS events)
   */
  record Input(
      int index,
      String uri,
      String path,
      String name,
      long size,
      List<StoredFile> priors,
      List<String> lakeFormats)
      implements Serializable {}

  private final Broadcast<byte[]> hadoop;
  private final SourceFormat format;
  private final List<String> actors;
  private final QuadMapping quads;
  private final boolean registry;

  /**
   * @param hadoop the driver's Hadoop settings ({@link #settings})
   * @param registry whether actors are resolved through the bundled actor registry (else none)
   */
  ParseTask(Broadcast<byte[]> hadoop, IngestOptions options, boolean registry) {
    this.hadoop = hadoop;
    this.format = options.format();
    this.actors = List.copyOf(options.actors().codes());
    this.quads = options.quadMapping();
    this.registry = registry;
  }

  /**
   * The Hadoop settings as bytes, to be broadcast (a {@link Configuration} is not Serializable).
   */
  static byte[] settings(Configuration conf) {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(b)) {
      conf.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  private Configuration configuration() {
    Configuration conf = new Configuration(false);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(hadoop.value()))) {
      conf.readFields(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return conf;
  }

  @Override
  public Iterator<Row> call(Iterator<Input> files) {
    Configuration conf = configuration();
    IngestOptions options = new IngestOptions(format, ActorFilter.of(Set.copyOf(actors)), quads);
    ActorResolver resolver = registry ? ActorRegistry.bundled() : ActorResolver.NONE;
    TaskContext task = TaskContext.get();
    String where = Thread.currentThread().getName();
    return new Iterator<>() {
      private Parse current;
      private Iterator<Row> chunk = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!chunk.hasNext()) {
          if (current == null) {
            if (!files.hasNext()) {
              return false;
            }
            current = new Parse(files.next(), conf, options, resolver, task, where);
          }
          List<Row> next = current.next();
          if (next == null) {
            current = null;
          } else {
            chunk = next.iterator();
          }
        }
        return true;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return chunk.next();
      }
    };
  }

  /** One file being parsed on its own thread, its rows handed over in chunks. */
  private static final class Parse {
    private static final List<Row> END = List.of();
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread thread;
    private volatile boolean cancelled;

    Parse(
        Input in,
        Configuration conf,
        IngestOptions options,
        ActorResolver resolver,
        TaskContext task,
        String where) {
      int stage = task == null ? -1 : task.stageId();
      long attempt = task == null ? -1 : task.taskAttemptId();
      thread =
          new Thread(
              () -> {
                try {
                  Sink sink = new Sink(in.index(), this::hand);
                  TaskStore store = new TaskStore(in, sink);
                  FileReport r =
                      new Ingestor(store, Cameo.bundled(), resolver)
                          .ingestFile(new TaskFile(in, conf), options, IngestListener.NONE);
                  sink.flush();
                  hand(
                      List.of(
                          RowFactory.create(
                              in.index(),
                              sink.seq,
                              "report",
                              null,
                              null,
                              null,
                              RowFactory.create(
                                  r.status().name(),
                                  r.format(),
                                  store.checksum,
                                  r.read(),
                                  r.stored(),
                                  r.rejected(),
                                  r.filtered(),
                                  r.nanos(),
                                  r.message(),
                                  stage,
                                  attempt,
                                  where,
                                  sink.entries,
                                  sink.months(),
                                  encodeMonths(sink.filteredMonths)))));
                  hand(END);
                } catch (CancellationException e) {
                  // the task ended first (killed or failed): nobody reads on
                } catch (Throwable t) {
                  try {
                    hand(t);
                  } catch (CancellationException e) {
                    // as above
                  }
                }
              },
              "entente-parse-" + in.name());
      thread.setDaemon(true);
      if (task != null) {
        task.addTaskCompletionListener(
            new TaskCompletionListener() {
              @Override
              public void onTaskCompletion(TaskContext context) {
                cancelled = true;
                thread.interrupt();
              }
            });
      }
      thread.start();
    }

    /** Hands a chunk (or the end, or a failure) to the task; gives up when the task is gone. */
    private void hand(Object chunk) {
      try {
        while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
          if (cancelled) {
            throw new CancellationException();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException();
      }
    }

    /** The next chunk of rows, or null at the end of the file. */
    @SuppressWarnings("unchecked")
    List<Row> next() {
      Object o;
      try {
        o = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancelled = true;
        throw new IllegalStateException("interrupted while parsing", e);
      }
      if (o instanceof Throwable t) {
        throw new IllegalStateException("parsing failed: " + t, t);
      }
      List<Row> rows = (List<Row>) o;
      return rows == END ? null : rows;
    }
  }

  /**
   * Months per event feed as a report's {@code filtered_months} field: {@code source:YYYY-MM,…} per
   * feed, feeds separated by {@code ;} (feed names hold neither character).
   */
  static String encodeMonths(
      java.util.Map<String, ? extends java.util.Collection<java.time.YearMonth>> months) {
    StringBuilder b = new StringBuilder();
    new java.util.TreeMap<>(months)
        .forEach(
            (source, ms) -> {
              b.append(b.length() == 0 ? "" : ";").append(source).append(':');
              b.append(
                  String.join(
                      ",", ms.stream().sorted().map(java.time.YearMonth::toString).toList()));
            });
    return b.toString();
  }

  /** {@link #encodeMonths} read back, as the manifest keeps them (months as {@code YYYY-MM}). */
  static java.util.Map<String, List<String>> decodeMonths(String text) {
    java.util.Map<String, List<String>> out = new java.util.TreeMap<>();
    if (text.isEmpty()) {
      return out;
    }
    for (String feed : text.split(";")) {
      int colon = feed.indexOf(':');
      String ms = feed.substring(colon + 1);
      out.put(feed.substring(0, colon), ms.isEmpty() ? List.of() : List.of(ms.split(",")));
    }
    return out;
  }

  /** Turns what the ingest stage gives into rows of {@link LakeSchema#PARSED}, in chunks. */
  private static final class Sink {
    private final int file;
    private final java.util.function.Consumer<Object> out;
    private List<Row> rows = new ArrayList<>(CHUNK);
    long seq;
    long events;
    long rejects;
    long entries;
    private final java.util.SortedSet<Integer> months = new java.util.TreeSet<>();

    /** Per event feed, the months of the rows the actor filter left out. */
    final java.util.Map<String, java.util.Set<java.time.YearMonth>> filteredMonths =
        new java.util.TreeMap<>();

    /** The months of the events, {@code yyyymm,…}. */
    String months() {
      return String.join(",", months.stream().map(String::valueOf).toList());
    }

    Sink(int file, java.util.function.Consumer<Object> out) {
      this.file = file;
      this.out = out;
    }

    void event(Event source, Row e) {
      events++;
      months.add(source.date().getYear() * 100 + source.date().getMonthValue());
      add(RowFactory.create(file, seq++, "event", e, null, null, null));
    }

    void reject(Row r) {
      rejects++;
      add(RowFactory.create(file, seq++, "reject", null, r, null, null));
    }

    void entry(Row c) {
      entries++;
      add(RowFactory.create(file, seq++, "entry", null, null, c, null));
    }

    private void add(Row r) {
      rows.add(r);
      if (rows.size() >= CHUNK) {
        flush();
      }
    }

    void flush() {
      if (!rows.isEmpty()) {
        out.accept(rows);
        rows = new ArrayList<>(CHUNK);
      }
    }
  }

  /** The input file as a task opens it, through the Hadoop file system of its URI. */
  private record TaskFile(Input in, Configuration conf) implements InputFile {
    @Override
    public String path() {
      return in.path();
    }

    @Override
    public String name() {
      return in.name();
    }

    @Override
    public long size() throws IOException {
      if (in.size() >= 0) {
        return in.size();
      }
      Path p = new Path(in.uri());
      return p.getFileSystem(conf).getFileStatus(p).getLen();
    }

    @Override
    public InputStream open() throws IOException {
      Path p = new Path(in.uri());
      FileSystem fs = p.getFileSystem(conf);
      return fs.open(p);
    }
  }

  /**
   * The store a task's ingestor loads into: it knows the lake's loads of files of this size (so
   * that the ingestor skips a file already loaded, as it does on any store) and takes one file's
   * rows into the {@link Sink}. It answers no queries.
   */
  private static final class TaskStore implements EventStore {
    private final Input in;
    private final Sink sink;
    String checksum;

    TaskStore(Input in, Sink sink) {
      this.in = in;
      this.sink = sink;
    }

    @Override
    public List<StoredFile> filesWithSize(long bytes) {
      return in.priors().stream().filter(f -> f.bytes() == bytes).toList();
    }

    @Override
    public List<StoredFile> filesWithChecksum(String sum) {
      return in.priors().stream().filter(f -> f.checksum().equals(sum)).toList();
    }

    @Override
    public List<String> formats() {
      return in.lakeFormats();
    }

    @Override
    public FileLoad beginFile(FileMeta file) {
      return new FileLoad() {
        @Override
        public void add(Event event, String part, long line) {
          sink.event(event, LakeSchema.event(event, in.index(), part, line));
        }

        @Override
        public void addEntry(ChronologyEntry entry) {
          sink.entry(LakeSchema.entry(entry, in.index()));
        }

        @Override
        public void addRollup(RollupRow row, String part, long line) {
          throw SparkFileLoad.noRollups(file.path());
        }

        @Override
        public void reject(String part, long line, String reason, String detail, String raw) {
          sink.reject(LakeSchema.reject(in.index(), part, line, reason, detail, raw));
        }

        @Override
        public void observed(String source, java.util.Set<java.time.YearMonth> months) {
          sink.filteredMonths.put(source, months);
        }

        @Override
        public LoadResult commit(String sum, String fmt, long rowsRead, long rowsFiltered) {
          checksum = sum;
          // staged, not yet stored: the driver decides duplicates over the whole wave
          return new LoadResult(sink.events, 0, sink.rejects);
        }

        @Override
        public void abort() {}

        @Override
        public void close() {}
      };
    }

    private static UnsupportedOperationException noQueries() {
      return new UnsupportedOperationException("a parse task's store answers no queries");
    }

    @Override
    public StoreSummary summary() {
      throw noQueries();
    }

    @Override
    public List<SourceInfo> sources() {
      throw noQueries();
    }

    @Override
    public List<PeriodAggregate> aggregate(DyadQuery query) {
      throw noQueries();
    }

    @Override
    public List<CodeCount> codeCounts(DyadQuery query) {
      throw noQueries();
    }

    @Override
    public Optional<MonthRange> extent(DyadQuery query) {
      throw noQueries();
    }

    @Override
    public org.entente.store.RollupExport exportRollup(
        RollupFrequency freq, boolean parquet, java.nio.file.Path file, boolean volumes) {
      throw noQueries();
    }

    @Override
    public List<ChronologyEntry> chronology() {
      throw noQueries();
    }

    @Override
    public void close() {}
  }
}
