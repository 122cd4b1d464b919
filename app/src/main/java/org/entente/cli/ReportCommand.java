package org.entente.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.entente.report.html.HtmlReport;
import org.entente.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code entente report}: the dashboard's content as one self-contained HTML file. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write the dashboard's content (system map, dyads, triangles, propositions with verdicts,"
          + " timeline, simulation of the bundled scenarios) as one self-contained, printable HTML file with SVG charts: DIR/"
          + HtmlReport.FILE
          + ". It loads nothing from the network."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Mixin SourceOption source;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Output directory, created if needed (default: the current directory).")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UsageException("--out: " + out + " is not a directory");
    }
    Path file;
    try (EventStore whole = store.openForReading()) {
      String read = source.choose(whole);
      file = HtmlReport.write(whole, read, out, LocalDate.now());
    } catch (IllegalArgumentException e) {
      throw UsageException.of(e);
    } catch (IOException e) {
      // the report is written to a temporary file first: nothing half-written is left in place
      String why = e.getMessage() == null ? e.toString() : e.getMessage();
      spec.commandLine()
          .getErr()
          .println(
              "entente: cannot write the report in "
                  + out.toAbsolutePath()
                  + ": "
                  + why
                  + (why.toLowerCase(java.util.Locale.ROOT).contains("no space left")
                      ? " (free some space there, or choose another --out; an earlier report there"
                          + " is left as it was)"
                      : ""));
      return 1;
    }
    spec.commandLine().getOut().println("wrote " + file.toAbsolutePath());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
