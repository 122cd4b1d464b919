package org.entente.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.entente.cameo.Cameo;
import org.entente.cameo.QuadMapping;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.FileReport;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.ingest.SourceFormat;
import org.entente.ingest.fetch.Alert;
import org.entente.ingest.fetch.AuditRow;
import org.entente.ingest.fetch.FetchListener;
import org.entente.ingest.fetch.FetchOutcome;
import org.entente.ingest.fetch.FetchRequest;
import org.entente.ingest.fetch.FollowOptions;
import org.entente.ingest.fetch.GdeltFetcher;
import org.entente.ingest.fetch.Ingestion;
import org.entente.report.JsonOutput;
import org.entente.store.EventStore;
import org.entente.system.ActorRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code entente fetch}: acquisition of public event data. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    description = "Download public event data with integrity checks.",
    subcommands = {FetchCommand.Gdelt.class})
final class FetchCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code entente fetch gdelt}. */
  @Command(
      name = "gdelt",
      description = {
        "Download GDELT 2.0 (15-minute) or 1.0 (daily, monthly, yearly) event files of a time"
            + " range under DIR, mirroring the URL path; each file is checked against the listed"
            + " size and MD5 before it gets its final name.",
        "Every listed file and every empty slot in range is recorded in DIR/fetch-audit.csv"
            + " (ok, corrupt, missing, failed, unlisted). Exit 0 only when every listed file in"
            + " range is ok and the range lists at least one."
      })
  static final class Gdelt implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin StoreOption store;

    // no mixinStandardHelpOptions: its --version would take the place of GDELT's --version
    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help message and exit.")
    boolean help;

    @Option(
        names = "--from",
        required = true,
        paramLabel = "T",
        description = "First time, YYYY-MM-DD or YYYY-MM-DDThh:mm (UTC).")
    String from;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "T",
        description = "Last time, inclusive (a bare date: the whole day).")
    String to;

    @Option(
        names = "--version",
        paramLabel = "2|1",
        defaultValue = "2",
        description = "GDELT 2.0 or 1.0 (default: ${DEFAULT-VALUE}).")
    int gdeltVersion;

    @Option(
        names = "--tables",
        split = ",",
        paramLabel = "TABLE",
        defaultValue = "export",
        description = "export and/or mentions (GDELT 2.0; default: ${DEFAULT-VALUE}).")
    List<String> tables;

    @Option(
        names = "--dir",
        paramLabel = "DIR",
        defaultValue = "gdelt",
        description = "Where files land (default: ./${DEFAULT-VALUE}).")
    Path dir;

    @Option(
        names = "--base-url",
        paramLabel = "URL",
        defaultValue = "http://data.gdeltproject.org",
        description = "The server or a mirror (default: ${DEFAULT-VALUE}).")
    String baseUrl;

    @Option(
        names = "--max-files",
        paramLabel = "N",
        defaultValue = "20000",
        description =
            "Refuse, before downloading anything, a range with more than N files to download"
                + " (default: ${DEFAULT-VALUE}, about seven months of GDELT 2.0 events; a"
                + " mistyped year lists hundreds of thousands).")
    int maxFiles;

    @Option(
        names = "--jobs",
        paramLabel = "N",
        defaultValue = "4",
        description = "Downloads at the same time (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(
        names = "--retries",
        paramLabel = "N",
        defaultValue = "5",
        description =
            "Retries after a timeout, a reset, a 5xx or a wrong checksum, with exponential"
                + " backoff; none after a 404 (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(
        names = "--retry-wait",
        paramLabel = "SECONDS",
        defaultValue = "1",
        description = "Wait before the first retry; doubles each time (default: ${DEFAULT-VALUE}).")
    double retryWait;

    @Option(
        names = "--connect-timeout",
        paramLabel = "SECONDS",
        defaultValue = "10",
        description = "Connect timeout (default: ${DEFAULT-VALUE}).")
    double connectTimeout;

    @Option(
        names = "--read-timeout",
        paramLabel = "SECONDS",
        defaultValue = "60",
        description = "How long the server may stay silent (default: ${DEFAULT-VALUE}).")
    double readTimeout;

    @Option(
        names = "--ingest",
        description =
            "Ingest each file right after it is verified (same rules as 'entente ingest').")
    boolean ingest;

    @Option(
        names = "--actors",
        split = ",",
        paramLabel = "CODE",
        description = "With --ingest: keep only events between these countries, e.g. RUS,PRK.")
    List<String> actors;

    @Option(
        names = "--delete-after-ingest",
        description =
            "With --ingest: remove each raw file this run downloaded once it is ingested (the"
                + " audit keeps its checksum, so a rerun does not fetch it again).")
    boolean deleteAfterIngest;

    @Option(
        names = "--follow",
        description =
            "After catching up, poll gdeltv2/lastupdate.txt, fetch and ingest new files, and"
                + " alert when a six-state dyad's daily events or S4 leave their control band.")
    boolean follow;

    @Option(
        names = "--interval",
        paramLabel = "TIME",
        defaultValue = "15m",
        description =
            "With --follow: time between polls, e.g. 15m, 30s, 1h (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(
        names = "--threshold",
        paramLabel = "Z",
        defaultValue = "3.5",
        description =
            "With --follow: alert when |robust z| against the previous 90 days exceeds Z"
                + " (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(
        names = "--max-polls",
        paramLabel = "N",
        defaultValue = "0",
        description = "With --follow: stop after N polls (default: 0, never).")
    int maxPolls;

    @Option(
        names = "--format",
        paramLabel = "FMT",
        defaultValue = "text",
        description = "Alerts as text lines or json lines (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws InterruptedException {
      FetchRequest r = request();
      FollowOptions fo = followOptions();
      boolean json = json();
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Listener listener = new Listener(out, err, json);
      GdeltFetcher fetcher =
          new GdeltFetcher(Clock.systemUTC(), GdeltFetcher.Sleeper.SYSTEM, listener);
      if (maxFiles < 1) {
        throw new UsageException("--max-files must be >= 1, got " + maxFiles);
      }
      try {
        return run(r, fo, out, listener, fetcher);
      } catch (GdeltFetcher.TooManyFiles e) {
        throw new UsageException(
            "fetch: "
                + e.getMessage()
                + " (give --max-files "
                + e.files
                + " to go ahead, or a shorter range)");
      }
    }

    private int run(
        FetchRequest r, FollowOptions fo, PrintWriter out, Listener listener, GdeltFetcher fetcher)
        throws InterruptedException {
      if (!ingest) {
        return report(out, r, fetcher.fetch(r, null, maxFiles), listener);
      }
      ActorFilter filter = Options.actors(actors);
      try (EventStore s = store.openForWriting()) {
        Ingestion ing =
            new Ingestion(
                s,
                new Ingestor(s, Cameo.bundled(), ActorRegistry.bundled()),
                new IngestOptions(SourceFormat.AUTO, filter, QuadMapping.GDELT),
                deleteAfterIngest);
        org.entente.ingest.fetch.FetchOutcome caught = fetcher.fetch(r, ing, maxFiles);
        int code = report(out, r, caught, listener);
        // files an earlier 'ingest --defer-rollups' left out of the rollups: folded, as an
        // ingest without the option does
        if (!FoldCommand.foldAfterLoads(s, spec.commandLine().getErr())) {
          code = Math.max(code, 1);
        }
        if (fo != null) {
          listener.following = true;
          // later polls backfill from the newest update the catch-up considered
          List<Alert> alerts = fetcher.follow(r, ing, fo, caught.newestSlot().orElse(null));
          out.println("follow: " + alerts.size() + " alert" + (alerts.size() == 1 ? "" : "s"));
          out.flush();
        }
        return code;
      }
    }

    private FetchRequest request() {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new UsageException("--dir " + dir + " exists and is not a directory");
      }
      if (!ingest && (deleteAfterIngest || actors != null || follow)) {
        throw new UsageException(
            (deleteAfterIngest ? "--delete-after-ingest" : actors != null ? "--actors" : "--follow")
                + " needs --ingest");
      }
      try {
        URI base = URI.create(baseUrl);
        return new FetchRequest(
            gdeltVersion,
            tables,
            FetchRequest.parseTime("--from", from, false),
            FetchRequest.parseTime("--to", to, true),
            dir,
            base,
            jobs,
            retries,
            seconds("--connect-timeout", connectTimeout),
            seconds("--read-timeout", readTimeout),
            seconds("--retry-wait", retryWait));
      } catch (IllegalArgumentException e) {
        throw UsageException.of(e);
      }
    }

    private FollowOptions followOptions() {
      if (!follow) {
        return null;
      }
      if (gdeltVersion != 2) {
        throw new UsageException("--follow needs --version 2 (GDELT 1.0 has no update feed)");
      }
      try {
        return new FollowOptions(duration(interval), threshold, maxPolls);
      } catch (IllegalArgumentException e) {
        throw UsageException.of(e);
      }
    }

    private boolean json() {
      return switch (format.toLowerCase(Locale.ROOT)) {
        case "text" -> false;
        case "json" -> true;
        default -> throw new UsageException("--format '" + format + "': expected text or json");
      };
    }

    private static Duration seconds(String option, double s) {
      if (!(s >= 0) || s > 86_400) {
        throw new IllegalArgumentException(option + " must be 0 to 86400 seconds, not " + s);
      }
      return Duration.ofNanos(Math.round(s * 1e9));
    }

    /** {@code 15m}, {@code 30s}, {@code 1h} or {@code 500ms}. */
    static Duration duration(String s) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)").matcher(s.trim());
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "--interval '" + s + "': expected a number and a unit, e.g. 15m, 30s, 1h or 500ms");
      }
      double v = Double.parseDouble(m.group(1));
      double unit =
          switch (m.group(2)) {
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
          };
      return Duration.ofNanos(Math.round(v * unit));
    }

    private int report(PrintWriter out, FetchRequest r, FetchOutcome o, Listener l) {
      l.finishProgress();
      if (!l.reports.isEmpty()) {
        IngestCommand.print(out, l.reports);
        l.reports.clear();
      }
      for (AuditRow row : o.rows()) {
        if (row.status() != AuditRow.Status.OK && row.status() != AuditRow.Status.UNLISTED) {
          out.println(
              row.status().word()
                  + ": "
                  + (row.file().isEmpty() ? row.url() : row.file())
                  + ": "
                  + row.detail());
        }
      }
      StringBuilder counts = new StringBuilder();
      for (Map.Entry<AuditRow.Status, Integer> e : o.counts().entrySet()) {
        counts.append(counts.length() == 0 ? "" : ", ").append(e.getKey().word());
        counts.append(' ').append(e.getValue());
      }
      out.println("files: " + counts);
      if (o.ingestFailures() > 0) {
        out.println("ingest failed for " + o.ingestFailures() + " verified file(s) (listed above)");
      }
      out.println("audit: " + r.dir().resolve("fetch-audit.csv"));
      // a run that found nothing to fetch is not a success: an empty or unreadable file list, a
      // --base-url that is no GDELT mirror and a range outside GDELT's all look like this
      boolean nothingListed =
          o.rows().stream().allMatch(x -> x.status() == AuditRow.Status.UNLISTED);
      if (o.rows().isEmpty()) {
        out.println(
            "nothing fetched: the range holds no update slot (GDELT 2.0 publishes at :00, :15,"
                + " :30 and :45; GDELT 1.0 by day, month or year)");
      } else if (nothingListed) {
        out.println(
            "nothing fetched: no file of the range is in the file list. Is --base-url a GDELT"
                + " mirror, and the range within GDELT's (2.0 from 2015-02-18 on, up to its"
                + " latest update)? The list's warnings, if any, are above.");
      }
      out.flush();
      return o.complete() && !nothingListed ? 0 : 1;
    }
  }

  /** Progress on stderr, alerts on stdout. */
  private static final class Listener implements FetchListener {
    final PrintWriter out;
    final PrintWriter err;
    final boolean json;
    final boolean console = System.console() != null;
    final List<FileReport> reports = new java.util.ArrayList<>();
    boolean following;
    private String last = "";
    private long lastPrinted = -1;

    Listener(PrintWriter out, PrintWriter err, boolean json) {
      this.out = out;
      this.err = err;
      this.json = json;
    }

    @Override
    public void progress(Progress p) {
      long secs = p.elapsed().toSeconds();
      boolean end = p.filesDone() == p.filesTotal();
      last =
          String.format(
              Locale.ROOT,
              "fetch: %d/%d files, %.1f/%.1f MB, %.1f MB/s, ETA %s",
              p.filesDone(),
              p.filesTotal(),
              p.bytes() / 1e6,
              p.bytesExpected() / 1e6,
              p.megabytesPerSecond(),
              p.eta() == null ? "?" : eta(p.eta()));
      if (console) {
        err.print("\r" + last);
        err.flush();
      } else if (end || secs / 10 != lastPrinted) {
        lastPrinted = secs / 10;
        err.println(last);
        err.flush();
      }
    }

    void finishProgress() {
      if (console && !last.isEmpty()) {
        err.println();
        err.flush();
      }
      last = "";
    }

    private static String eta(Duration d) {
      long s = d.toSeconds();
      return s >= 3600
          ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
          : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public void warning(String message) {
      err.println("entente: warning: " + message);
      err.flush();
    }

    @Override
    public void ingested(FileReport report) {
      if (!following) {
        reports.add(report);
        return;
      }
      finishProgress();
      out.println(
          "ingested: "
              + report.path()
              + ": "
              + report.status().name().toLowerCase(Locale.ROOT)
              + (report.status() == FileReport.Status.LOADED
                  ? ", " + report.stored() + " stored, " + report.rejected() + " rejected"
                  : report.message() == null ? "" : ", " + report.message()));
      out.flush();
    }

    @Override
    public void polled(int poll, int newFiles) {
      err.println(
          "follow: poll " + poll + ": " + newFiles + " new file" + (newFiles == 1 ? "" : "s"));
      err.flush();
    }

    @Override
    public void alert(Alert a) {
      finishProgress();
      if (json) {
        out.println(JsonOutput.compact(a));
      } else {
        out.println(
            String.format(
                Locale.ROOT,
                "alert %s %s %s %.3f outside [%.3f, %.3f] (median %.3f, robust z %.2f, %d days)",
                a.day(),
                a.dyad(),
                a.measure(),
                a.value(),
                a.low(),
                a.high(),
                a.median(),
                a.z(),
                a.history()));
      }
      out.flush();
    }
  }
}
