package org.entente.ingest.fetch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.entente.ingest.FileReport;
import org.entente.ingest.IngestListener;
import org.entente.measure.Period;
import org.entente.measure.Scores;
import org.entente.store.DyadQuery;
import org.entente.store.PeriodAggregate;

/**
 * {@code entente fetch gdelt}: selects the GDELT files of a range from GDELT's file lists,
 * downloads what is missing or bad with bounded parallelism and integrity checks ({@link
 * Downloader}), hands each verified file to the ingest stage, and records every listed file and
 * every empty slot in {@code DIR/fetch-audit.csv}. {@link #follow} then polls {@code
 * gdeltv2/lastupdate.txt} and alerts when a six-state dyad leaves its control band.
 *
 * <p>Not thread-safe: one run at a time per instance and per directory. Ingest and alerts run on
 * the calling thread (the store is used from one thread).
 */
public final class GdeltFetcher {
  /** The six states whose fifteen dyads {@code --follow} watches. */
  public static final List<String> SIX = List.of("RUS", "PRK", "CHN", "USA", "KOR", "JPN");

  /** Days before the current one that a control band rests on. */
  public static final int WINDOW_DAYS = 90;

  /** Days with a defined S4 a band needs (S4 is undefined on days without events). */
  static final int MIN_S4_DAYS = 10;

  /** Waits between retries and polls; tests pass one that does not wait. */
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    /** Sleeps on the current thread. */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());
  }

  private final Clock clock;
  private final Sleeper sleeper;
  private final FetchListener listener;

  /**
   * @param clock times progress and ETA
   * @param sleeper waits between retries and between polls
   * @param listener receives progress, warnings, ingest reports and alerts
   */
  public GdeltFetcher(Clock clock, Sleeper sleeper, FetchListener listener) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.listener = listener;
  }

  /**
   * Fetches the request's files, ingesting each verified one when {@code ingestion} is not null,
   * and writes the audit.
   *
   * @throws UncheckedIOException when a file list cannot be read or the audit cannot be read or
   *     written (nothing else stops a run: a file's problem is its audit row)
   * @throws InterruptedException if interrupted; files already verified stay
   */
  public FetchOutcome fetch(FetchRequest r, Ingestion ingestion) throws InterruptedException {
    return fetch(r, ingestion, Integer.MAX_VALUE);
  }

  /**
   * {@link #fetch(FetchRequest, Ingestion)} that refuses, before downloading anything or writing
   * the audit, a range with more than {@code maxDownloads} files to download (listed, in range, and
   * not already on disk or ingested and deleted): a mistyped year lists hundreds of thousands.
   *
   * @throws TooManyFiles if more than {@code maxDownloads} files would be downloaded
   */
  public FetchOutcome fetch(FetchRequest r, Ingestion ingestion, int maxDownloads)
      throws InterruptedException {
    HttpClient client = client(r);
    Map<String, AuditRow> prior = Audit.read(r.dir());
    Downloader d = new Downloader(client, r, sleeper, new AtomicLong());
    FileLists.Selection sel = select(r, d);
    sel.warnings().forEach(listener::warning);
    List<AuditRow> rows = new ArrayList<>(sel.broken());
    rows.addAll(sel.unlisted());
    Run run = download(r, client, sel.files(), prior, ingestion, maxDownloads);
    rows.addAll(run.rows);
    Audit.write(r.dir(), prior, rows);
    rows.sort(java.util.Comparator.comparing(AuditRow::slot).thenComparing(AuditRow::table));
    return new FetchOutcome(rows, run.ingestFailures, sel.warnings());
  }

  private FileLists.Selection select(FetchRequest r, Downloader d) throws InterruptedException {
    try {
      if (r.version() == 2) {
        try (BufferedReader in = d.text("gdeltv2/masterfilelist.txt")) {
          return FileLists.gdelt2("masterfilelist.txt", in, r, true);
        }
      }
      try (BufferedReader md5s = d.text("events/md5sums");
          BufferedReader sizes = d.text("events/filesizes")) {
        return FileLists.gdelt1("md5sums", md5s, "filesizes", sizes, r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the file list: " + e.getMessage(), e);
    }
  }

  private static HttpClient client(FetchRequest r) {
    return HttpClient.newBuilder()
        .connectTimeout(r.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  private static final class Run {
    final List<AuditRow> rows = new ArrayList<>();
    final Set<LocalDate> newDays = new TreeSet<>();
    int ingestFailures;

    /**
     * Raw files ingested and due for deletion, by the index of their row in {@link #rows}: they are
     * deleted only after the audit recording them is on disk, so a run killed at any point never
     * loses the checksum of a file it deleted (a rerun would fetch it again).
     */
    final Map<Integer, Path> pendingDelete = new java.util.LinkedHashMap<>();

    /**
     * The downloads of runs with --delete-after-ingest not deleted yet (this one's and killed
     * ones').
     */
    PendingDeletes downloadedToDelete;

    long lastCheckpoint;
  }

  /** Files ingested between two audit checkpoints (and at most this long apart, in ms). */
  private static final int CHECKPOINT_FILES = 64;

  private static final long CHECKPOINT_MS = 10_000;

  /**
   * Writes the audit with every row so far, then deletes the raw files it records as deleted. A
   * file that cannot be deleted gets its row corrected (the next write records it).
   */
  private void checkpoint(FetchRequest r, Map<String, AuditRow> prior, Run run) {
    run.lastCheckpoint = clock.millis();
    if (run.pendingDelete.isEmpty()) {
      return;
    }
    Audit.write(r.dir(), prior, run.rows);
    List<Path> deleted = new ArrayList<>();
    for (Map.Entry<Integer, Path> e : run.pendingDelete.entrySet()) {
      try {
        Files.deleteIfExists(e.getValue());
        deleted.add(e.getValue());
      } catch (IOException ex) {
        AuditRow row = run.rows.get(e.getKey());
        run.rows.set(
            e.getKey(),
            row.withDetail(row.detail().replace(Audit.DELETED, "ingested; cannot delete: " + ex)));
      }
    }
    run.pendingDelete.clear();
    if (run.downloadedToDelete != null) {
      try {
        run.downloadedToDelete.removeAll(deleted);
      } catch (IOException ex) {
        // the files are deleted; a stale line names a file that is gone, dropped when next read
        listener.warning(
            "cannot update " + r.dir().resolve(PendingDeletes.NAME) + ": " + ex.getMessage());
      }
    }
  }

  /** Downloads (or verifies) the files with {@code jobs} threads; ingests on this thread. */
  private Run download(
      FetchRequest r,
      HttpClient client,
      List<ListedFile> files,
      Map<String, AuditRow> prior,
      Ingestion ingestion,
      int maxDownloads)
      throws InterruptedException {
    Run run = new Run();
    AtomicLong bytes = new AtomicLong();
    if (ingestion != null && ingestion.deleteAfter()) {
      run.downloadedToDelete = PendingDeletes.load(r.dir());
      if (run.downloadedToDelete.unreadable() > 0) {
        listener.warning(
            r.dir().resolve(PendingDeletes.NAME)
                + ": "
                + run.downloadedToDelete.unreadable()
                + " line(s) could not be read and are dropped (their files, if any, are kept)");
      }
    } else {
      try {
        // this run keeps its raw files: those a stopped run left are kept too, as already there
        PendingDeletes.discard(r.dir());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot remove " + r.dir().resolve(PendingDeletes.NAME) + ": " + e.getMessage(), e);
      }
    }
    Downloader d = new Downloader(client, r, sleeper, bytes, run.downloadedToDelete);
    List<ListedFile> todo = new ArrayList<>();
    long expected = 0;
    int downloads = 0;
    List<ListedFile> deleted = new ArrayList<>();
    for (ListedFile f : files) {
      AuditRow before = prior.get(f.key());
      if (before != null
          && before.status() == AuditRow.Status.OK
          && before.detail().startsWith(Audit.DELETED)
          && before.md5().equalsIgnoreCase(f.md5())
          && !Files.exists(d.target(f))) {
        deleted.add(f);
      }
    }
    java.util.Set<String> held = heldBy(ingestion, d, deleted);
    for (ListedFile f : files) {
      if (held.contains(f.key())) {
        run.rows.add(AuditRow.of(f, AuditRow.Status.OK, prior.get(f.key()).detail()));
        continue;
      }
      todo.add(f);
      if (!Files.exists(d.target(f))) {
        expected += Math.max(0, f.size());
        downloads++;
      }
    }
    if (downloads > maxDownloads) {
      throw new TooManyFiles(downloads, expected, maxDownloads);
    }
    // Files are ingested in (slot, table) order whatever order their downloads finish in: a
    // slot's events (export) before its mentions, so that a filtered store links each mention to
    // its event; a file waits for the ones before it.
    todo.sort(
        java.util.Comparator.comparing(ListedFile::slot)
            .thenComparing(ListedFile::table)
            .thenComparing(ListedFile::url));
    long t0 = clock.millis();
    run.lastCheckpoint = t0;
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(r.jobs(), Math.max(1, todo.size())),
            task -> {
              Thread t = new Thread(task, "fetch");
              t.setDaemon(true);
              return t;
            });
    try {
      ExecutorCompletionService<Finished> cs = new ExecutorCompletionService<>(pool);
      for (int i = 0; i < todo.size(); i++) {
        ListedFile f = todo.get(i);
        int index = i;
        cs.submit(() -> new Finished(index, d.fetch(f)));
      }
      java.util.TreeMap<Integer, Downloader.Result> waiting = new java.util.TreeMap<>();
      int next = 0;
      long lastReport = 0;
      for (int done = 0; done < todo.size(); ) {
        Future<Finished> fut = cs.poll(1, TimeUnit.SECONDS);
        long now = clock.millis();
        if (fut != null) {
          done++;
          Finished res;
          try {
            res = fut.get();
          } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a download failed unexpectedly", e.getCause());
          }
          waiting.put(res.index(), res.result());
          while (waiting.containsKey(next)) {
            run.rows.add(afterVerify(waiting.remove(next), d, ingestion, run));
            next++;
            // due after each file ingested, also when several are ingested in a row (downloads
            // that finished out of order): when checkpoints come must not depend on that order
            if (run.pendingDelete.size() >= CHECKPOINT_FILES
                || clock.millis() - run.lastCheckpoint >= CHECKPOINT_MS) {
              checkpoint(r, prior, run);
            }
          }
        }
        if (fut == null || now - lastReport >= 1000 || done == todo.size()) {
          lastReport = now;
          listener.progress(
              new FetchListener.Progress(
                  done, todo.size(), bytes.get(), expected, Duration.ofMillis(now - t0)));
        }
      }
    } finally {
      pool.shutdownNow();
      checkpoint(r, prior, run);
    }
    return run;
  }

  /**
   * The keys of those of {@code files} the store being ingested into holds (by its manifest: the
   * same absolute path and size), read in one question to the store. An audit row that says a raw
   * file was ingested and deleted is taken as done only then: it may record another store's ingest,
   * or a store since removed, and without the raw file the slot must be fetched again. A plain
   * fetch (no ingest) wants the raw files, so it fetches such a slot again too.
   */
  private static java.util.Set<String> heldBy(
      Ingestion ingestion, Downloader d, List<ListedFile> files) {
    java.util.Set<String> out = new java.util.HashSet<>();
    List<Long> sizes = new ArrayList<>();
    for (ListedFile f : files) {
      if (f.size() >= 0) {
        sizes.add(f.size());
      }
    }
    if (ingestion == null || sizes.isEmpty()) {
      return out;
    }
    java.util.Set<String> stored = new java.util.HashSet<>();
    for (org.entente.store.StoredFile s : ingestion.store().filesWithSizes(sizes)) {
      stored.add(s.bytes() + " " + s.path());
    }
    for (ListedFile f : files) {
      String path = d.target(f).toAbsolutePath().normalize().toString();
      if (f.size() >= 0 && stored.contains(f.size() + " " + path)) {
        out.add(f.key());
      }
    }
    return out;
  }

  /** The longest gap {@code --follow} backfills on its own. */
  private static final Duration MAX_BACKFILL = Duration.ofDays(7);

  /** GDELT 2.0's update interval. */
  private static final Duration UPDATE = Duration.ofMinutes(15);

  /** A finished download and its place in the ingest order. */
  private record Finished(int index, Downloader.Result result) {}

  /** Hands a verified file to the ingest stage and, if asked, removes the raw file. */
  private AuditRow afterVerify(Downloader.Result res, Downloader d, Ingestion ing, Run run) {
    AuditRow row = res.row();
    if (row.status() != AuditRow.Status.OK || ing == null) {
      return row;
    }
    if (res.downloaded() && row.slot().length() >= 8) {
      // (a GDELT 1.0 monthly or yearly file has no day: its slot is YYYYMM or YYYY)
      run.newDays.add(
          LocalDate.parse(row.slot().substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE));
    }
    Path file =
        d.target(
            new ListedFile(row.url(), row.file(), row.table(), row.slot(), row.size(), row.md5()));
    FileReport rep = ing.ingestor().ingestFile(file, ing.options(), IngestListener.NONE);
    listener.ingested(rep);
    if (rep.status() == FileReport.Status.FAILED) {
      run.ingestFailures++;
      return row.withDetail(row.detail() + "; ingest failed: " + rep.message());
    }
    String ingested = rep.status() == FileReport.Status.LOADED ? "ingested" : "already ingested";
    if (ing.deleteAfter() && (res.downloaded() || run.downloadedToDelete.contains(file))) {
      // downloaded by this run, or by one killed before the checkpoint that would have deleted it
      // deleted at the next checkpoint, once the audit records it (this row's index in run.rows)
      run.pendingDelete.put(run.rows.size(), file);
      return row.withDetail(Audit.DELETED + " (" + row.detail() + ")");
    }
    return row.withDetail(row.detail() + "; " + ingested);
  }

  /**
   * {@code --follow}: polls {@code gdeltv2/lastupdate.txt} every {@code f.interval()}, fetches and
   * ingests each new file of the request's tables, adds its rows to the audit and reports an {@link
   * Alert} when a six-state dyad's daily event count or S4 on the day of a new file leaves its
   * control band against the previous {@value #WINDOW_DAYS} days. Each (day, dyad, measure) alerts
   * once. Returns after {@code f.maxPolls()} polls (never when it is 0).
   *
   * @return the alerts raised
   * @throws UncheckedIOException when {@code lastupdate.txt} cannot be read after all retries or
   *     the audit cannot be written
   */
  public List<Alert> follow(FetchRequest r, Ingestion ing, FollowOptions f)
      throws InterruptedException {
    return follow(r, ing, f, null);
  }

  /**
   * {@link #follow(FetchRequest, Ingestion, FollowOptions)} after a catch-up whose newest slot was
   * {@code caughtUp} (null: none). When a poll's newest slot is more than one update after the
   * newest seen before (a late poll, a machine asleep, a catch-up that took long), the slots in
   * between are backfilled from the master list, so no update is missed between polls.
   */
  public List<Alert> follow(FetchRequest r, Ingestion ing, FollowOptions f, LocalDateTime caughtUp)
      throws InterruptedException {
    if (r.version() != 2) {
      throw new IllegalArgumentException("--follow needs --version 2 (GDELT 1.0 is not updated)");
    }
    HttpClient client = client(r);
    Downloader d = new Downloader(client, r, sleeper, new AtomicLong());
    Set<String> alerted = new HashSet<>();
    List<Alert> out = new ArrayList<>();
    FetchRequest open = r.withRange(r.from(), LocalDateTime.of(9999, 12, 31, 23, 59));
    LocalDateTime last = caughtUp;
    for (int poll = 1; f.maxPolls() == 0 || poll <= f.maxPolls(); poll++) {
      sleeper.sleep(f.interval());
      FileLists.Selection sel;
      try (BufferedReader in = d.text("gdeltv2/lastupdate.txt")) {
        sel = FileLists.gdelt2("lastupdate.txt", in, open, false);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read lastupdate.txt: " + e.getMessage(), e);
      }
      sel.warnings().forEach(listener::warning);
      List<ListedFile> listed = new ArrayList<>(sel.files());
      List<AuditRow> gaps = new ArrayList<>();
      LocalDateTime newest =
          sel.files().stream()
              .map(x -> LocalDateTime.parse(x.slot(), FileLists.SLOT))
              .max(LocalDateTime::compareTo)
              .orElse(null);
      if (newest != null
          && last != null
          && newest.isAfter(last.plus(UPDATE))
          && newest.isAfter(last.plus(MAX_BACKFILL))) {
        listener.warning(
            "the updates between "
                + last.plus(UPDATE)
                + " and "
                + newest.minus(UPDATE)
                + " were not fetched (more than "
                + MAX_BACKFILL.toDays()
                + " days: not backfilled by --follow); fetch them with entente fetch gdelt --from "
                + last.plus(UPDATE).toString().substring(0, 16)
                + " --to "
                + newest.minus(UPDATE).toString().substring(0, 16)
                + " --ingest");
      } else if (newest != null && last != null && newest.isAfter(last.plus(UPDATE))) {
        FileLists.Selection back = select(r.withRange(last.plus(UPDATE), newest.minus(UPDATE)), d);
        back.warnings().forEach(listener::warning);
        listener.warning(
            "backfilling "
                + back.files().size()
                + " file(s) of the updates between "
                + last.plus(UPDATE)
                + " and "
                + newest.minus(UPDATE)
                + ", missed between polls");
        listed.addAll(back.files());
        gaps.addAll(back.broken());
        gaps.addAll(back.unlisted());
      }
      if (newest != null && (last == null || newest.isAfter(last))) {
        last = newest;
      }
      Map<String, AuditRow> prior = Audit.read(r.dir());
      List<ListedFile> fresh = new ArrayList<>();
      for (ListedFile lf : listed) {
        AuditRow before = prior.get(lf.key());
        if (before == null || before.status() != AuditRow.Status.OK) {
          fresh.add(lf);
        }
      }
      listener.polled(poll, fresh.size());
      Run run = download(r, client, fresh, prior, ing, Integer.MAX_VALUE);
      List<AuditRow> rows = new ArrayList<>(sel.broken());
      rows.addAll(gaps);
      rows.addAll(run.rows);
      Audit.write(r.dir(), prior, rows);
      if (ing != null) {
        for (LocalDate day : run.newDays) {
          for (Alert a : alerts(ing, day, f.threshold())) {
            if (alerted.add(a.day() + " " + a.dyad() + " " + a.measure())) {
              out.add(a);
              listener.alert(a);
            }
          }
        }
      }
    }
    return out;
  }

  /** The alerts of one day: every six-state dyad, daily count and S4. */
  static List<Alert> alerts(Ingestion ing, LocalDate day, double threshold) {
    List<Alert> out = new ArrayList<>();
    LocalDate first = day.minusDays(WINDOW_DAYS);
    for (int i = 0; i < SIX.size(); i++) {
      for (int j = i + 1; j < SIX.size(); j++) {
        String a = SIX.get(i);
        String b = SIX.get(j);
        Map<LocalDate, PeriodAggregate> byDay = new HashMap<>();
        for (PeriodAggregate p : ing.store().dailyAggregates("gdelt2", a, b, first, day)) {
          byDay.put(p.periodStart(), p);
        }
        double[] counts = new double[WINDOW_DAYS];
        List<Double> s4 = new ArrayList<>();
        for (int k = 0; k < WINDOW_DAYS; k++) {
          PeriodAggregate p = byDay.get(first.plusDays(k));
          counts[k] = p == null ? 0 : p.n();
          double v = s4(p);
          if (!Double.isNaN(v)) {
            s4.add(v);
          }
        }
        String dyad = a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
        PeriodAggregate today = byDay.get(day);
        check(out, day, dyad, "events", today == null ? 0 : today.n(), counts, 1, threshold);
        double x = s4(today);
        if (!Double.isNaN(x)) {
          check(
              out,
              day,
              dyad,
              "S4",
              x,
              s4.stream().mapToDouble(Double::doubleValue).toArray(),
              MIN_S4_DAYS,
              threshold);
        }
      }
    }
    return out;
  }

  private static void check(
      List<Alert> out,
      LocalDate day,
      String dyad,
      String measure,
      double x,
      double[] window,
      int minimum,
      double threshold) {
    ControlBand band = ControlBand.of(window, minimum);
    if (band == null) {
      return;
    }
    double z = band.z(x);
    if (Math.abs(z) > threshold) {
      out.add(
          new Alert(
              day,
              dyad,
              measure,
              x,
              band.median,
              band.scale,
              z,
              band.median - threshold * band.scale,
              band.median + threshold * band.scale,
              window.length));
    }
  }

  /** S4 = (C − K)/(C + K) of a day (METHODS §1.5), NaN without events. */
  private static double s4(PeriodAggregate p) {
    if (p == null) {
      return Double.NaN;
    }
    Period month = Period.containing(DyadQuery.Frequency.MONTH, p.periodStart());
    return Scores.of(month, "", "", p).s4();
  }

  /** A range with more files to download than the run allows; nothing was downloaded. */
  public static final class TooManyFiles extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Files the range would download. */
    public final int files;

    /** Their listed size in bytes. */
    public final long bytes;

    /** The cap. */
    public final int cap;

    TooManyFiles(int files, long bytes, int cap) {
      super(
          "the range has "
              + files
              + " files to download (listed size "
              + String.format(java.util.Locale.ROOT, "%.1f", bytes / 1e9)
              + " GB), more than the cap of "
              + cap
              + "; nothing was downloaded");
      this.files = files;
      this.bytes = bytes;
      this.cap = cap;
    }
  }
}
