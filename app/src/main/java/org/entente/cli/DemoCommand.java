package org.entente.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.entente.ingest.FileReport;
import org.entente.measure.Measure;
import org.entente.report.OutputFormat;
import org.entente.report.SeriesTable;
import org.entente.store.DyadQuery;
import org.entente.store.Engines;
import org.entente.store.EventStore;
import org.entente.store.StoredFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code entente demo}: builds a demo store from the bundled chronology and shows it. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Build a demo store from the curated chronology bundled in the jar, print the RUS-PRK,"
          + " USA-RUS and CHN-PRK yearly series, then serve the dashboard on it until"
          + " interrupted (--no-serve: print and exit)."
    })
final class DemoCommand implements Callable<Integer> {
  static final List<String> DYADS = List.of("RUS-PRK", "USA-RUS", "CHN-PRK");
  static final java.time.YearMonth FIRST = java.time.YearMonth.of(1990, 1);

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--db",
      paramLabel = "FILE",
      defaultValue = "entente-demo.duckdb",
      description = "Demo store to (re)build (default: ./${DEFAULT-VALUE}).")
  Path db;

  @Option(
      names = "--no-serve",
      description = "Print the series and exit instead of serving the dashboard.")
  boolean noServe;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "" + org.entente.serve.WebServer.DEFAULT_PORT,
      description = "Port of the dashboard, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  /**
   * Makes sure {@code db} is absent, empty or a store that only {@code entente demo} wrote (every
   * file in its manifest is the bundled chronology). A demo store of an older bundled chronology is
   * removed so that it is rebuilt; any other file is refused untouched.
   *
   * @throws UsageException naming other --db choices when {@code db} holds anything else
   */
  static void prepare(Path db) throws IOException {
    if (!Files.exists(db) || Files.size(db) == 0) {
      return;
    }
    boolean current;
    try (EventStore s = org.entente.store.Engines.openReadOnly(Engines.Spec.of(db))) {
      List<StoredFile> files = s.summary().files();
      boolean demoOnly =
          files.stream().allMatch(f -> f.path().equals(org.entente.system.Chronology.BUNDLED_NAME));
      if (!demoOnly) {
        throw new UsageException(
            db
                + " holds data that 'entente demo' did not write; it was left untouched. Give the"
                + " demo another file, e.g. --db entente-demo-2.duckdb, or use this store with"
                + " other commands (entente info --db "
                + db
                + ").");
      }
      String sum = org.entente.system.Chronology.bundledChecksum();
      current = files.stream().anyMatch(f -> f.checksum().equals(sum));
    } catch (org.entente.store.NotAStoreException e) {
      String m = e.getMessage();
      throw new UsageException(
          m
              + (m.endsWith(".") ? "" : ".")
              + " Give the demo another file, e.g. --db entente-demo-2.duckdb.");
    }
    if (!current) {
      // a demo store of an older bundled chronology: written by the demo only, rebuilt
      Files.delete(db);
      Files.deleteIfExists(Path.of(db + ".wal"));
    }
  }

  /** The commands to explore the demo store. */
  static void printNext(PrintWriter out, Path db) {
    String at = " --db " + db;
    out.println("Explore the demo store:");
    out.println("  entente info" + at);
    out.println("  entente series" + at + " --dyad RUS-PRK --freq year --format csv");
    out.println("  entente timeline" + at + " --dyad RUS-PRK --from 2019-01");
    out.println("  entente triangle" + at + " RUS,PRK,CHN --freq year");
    out.println("  entente test all" + at);
    out.println("  entente report" + at + " --out report");
    out.println("  entente serve" + at);
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    ServeCommand.checkPort(port);
    PrintWriter out = spec.commandLine().getOut();
    prepare(db);
    try (EventStore store = StoreOption.openForWriting(Engines.Spec.of(db))) {
      FileReport r = org.entente.system.Chronology.loadBundled(store);
      out.printf(
          "Demo store %s: %d chronology events %s the bundled curated chronology.%n%n",
          db.toAbsolutePath(),
          store.summary().eventsBySource().stream().mapToLong(c -> c.count()).sum(),
          r.status() == FileReport.Status.SKIPPED ? "already loaded from" : "loaded from");
      Measure m = new Measure(store);
      for (String dyad : DYADS) {
        Options.Dyad d = Options.dyad(dyad);
        DyadQuery q =
            new DyadQuery(
                d.a(),
                d.b(),
                false,
                FIRST,
                java.time.YearMonth.now(),
                DyadQuery.Frequency.YEAR,
                DyadQuery.Weighting.NONE,
                DyadQuery.Dedup.NONE,
                false,
                false);
        out.println(
            dyad
                + " by year since 1990 (curated chronology; S4 = (C-K)/(C+K), S6 smoothed; earlier"
                + " years with entente series)");
        SeriesTable.of(m.series(q)).write(OutputFormat.TABLE, out);
        out.println();
      }
      printNext(out, db);
      out.flush();
    }
    if (!noServe) {
      out.println();
      // served read-only: other commands can read the demo store while the dashboard runs
      try (EventStore store = StoreOption.openForReading(Engines.Spec.of(db))) {
        return ServeCommand.serve(store, org.entente.serve.WebServer.DEFAULT_HOST, port, out);
      }
    }
    return 0;
  }
}
