package org.entente.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.entente.store.EventStore;
import org.entente.store.RollupFrequency;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code entente export}: writes what the store holds in interchange formats. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Write what the store holds in an interchange format.",
    subcommands = {ExportCommand.Rollup.class})
final class ExportCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new UsageException("name what to export: entente export rollup --freq FREQ FILE");
  }

  /** {@code entente export rollup}. */
  @Command(
      name = "rollup",
      mixinStandardHelpOptions = true,
      description = {
        "Write the dyad-period rollup of the store's events, per source, in the interchange"
            + " format of docs/rollup-format.md:",
        "  source,freq,period,actor1,actor2,directed,n,w1,w2,w3,w4,goldstein_sum,score,coverage",
        "Unweighted and undeduplicated counts; imported aggregates are not written. FILE must not"
            + " exist.",
        "With --volumes (format version 2): a last column kind (dyad or volume) and, per source"
            + " ingested without --actors, one row per period and state with its events with any"
            + " actor (actor2 and directed empty): the V of the intensity N/V."
      })
  static final class Rollup implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin StoreOption store;

    @Option(
        names = "--freq",
        required = true,
        paramLabel = "FREQ",
        description = "day, month or year.")
    String freq;

    @Option(
        names = "--format",
        paramLabel = "FMT",
        defaultValue = "csv",
        description = "csv or parquet (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
        names = "--volumes",
        description =
            "Also write each state's volume per period (rollup format version 2); sources"
                + " ingested with --actors are left out with a note.")
    boolean volumes;

    @Parameters(paramLabel = "FILE", description = "The file to create.")
    Path file;

    @Override
    public Integer call() {
      RollupFrequency f;
      try {
        f = RollupFrequency.option(freq);
      } catch (IllegalArgumentException e) {
        throw UsageException.of(e);
      }
      boolean parquet =
          switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "csv" -> false;
            case "parquet" -> true;
            default ->
                throw new UsageException(
                    "unknown format '" + format + "' (expected csv or parquet)");
          };
      if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw new UsageException(
            file + " already exists; the export never overwrites a file (choose a new name)");
      }
      Path dir = file.toAbsolutePath().getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        throw new UsageException("directory " + dir + " does not exist");
      }
      org.entente.store.RollupExport written;
      try (EventStore s = store.openForReading()) {
        written = s.exportRollup(f, parquet, file, volumes);
      } catch (IllegalArgumentException e) {
        throw UsageException.of(e);
      }
      PrintWriter err = spec.commandLine().getErr();
      for (String note : written.notes()) {
        err.println("note: " + note);
      }
      err.flush();
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          written.rows()
              + " rows written to "
              + file
              + (volumes
                  ? " (with the state volumes of "
                      + String.join(", ", written.volumeSources())
                      + ")"
                  : ""));
      out.flush();
      return 0;
    }
  }
}
