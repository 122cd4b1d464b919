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
import org.entente.store.duckdb.DuckDbStore;
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

  @Override
  public Integer call() throws IOException, InterruptedException {
    ServeCommand.checkPort(port);
    PrintWriter out = spec.commandLine().getOut();
    Files.deleteIfExists(db);
    Files.deleteIfExists(Path.of(db + ".wal"));
    try (DuckDbStore store = DuckDbStore.open(db)) {
      FileReport r = org.entente.system.Chronology.loadBundled(store);
      out.printf(
          "Demo store %s: %d chronology events loaded from the bundled curated chronology.%n%n",
          db.toAbsolutePath(), r.stored());
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
      out.println("Next: entente series --db " + db + " --dyad RUS-PRK --freq year --format csv");
      out.flush();
      if (!noServe) {
        out.println();
        return ServeCommand.serve(store, org.entente.serve.WebServer.DEFAULT_HOST, port, out);
      }
    }
    return 0;
  }
}
