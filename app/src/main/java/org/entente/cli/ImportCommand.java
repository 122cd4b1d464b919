package org.entente.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.entente.cameo.Cameo;
import org.entente.ingest.FileReport;
import org.entente.ingest.Ingestor;
import org.entente.ingest.ParserFactory;
import org.entente.ingest.rollup.ImportFormat;
import org.entente.ingest.rollup.Imports;
import org.entente.store.EventStore;
import org.entente.store.PartialQuantity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code entente import}: loads aggregates and event lists as sources of their own. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Load aggregates researchers hold, or a dated event list, into the store as a source of its"
          + " own (never pooled with other sources).",
      "FORMAT: rollup (docs/rollup-format.md), icews-dyad-year (netify's ICEWS dyad-year"
          + " counts), gdelt-pair-scores (an undirected daily score) or event-list (CSV read"
          + " through --mapping, see docs/event-lists/).",
      "Every row is stored, rejected (kept with file, line and reason) or counted as a"
          + " duplicate; each file loads in one transaction; a file already imported is skipped."
    })
final class ImportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Parameters(index = "0", paramLabel = "FORMAT", description = "The files' format.")
  String format;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "FILE",
      description = "Files (plain or .gz).")
  List<Path> files;

  @Option(
      names = "--source",
      paramLabel = "NAME",
      description = {
        "Source name to store under (default: icews-dyad-year, gdelt-pair-scores, the rollup's"
            + " source column, the mapping's source)."
      })
  String source;

  @Option(
      names = "--mapping",
      paramLabel = "FILE",
      description = "event-list only: the mapping of columns and categories to dyads and quads.")
  Path mapping;

  @Override
  public Integer call() {
    ImportFormat f;
    try {
      f = ImportFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw UsageException.of(e);
    }
    List<Path> inputs = new ArrayList<>();
    for (Path p : files) {
      if (!Files.isRegularFile(p)) {
        throw new UsageException(
            p
                + (Files.exists(p) ? " is not a regular file" : " does not exist")
                + "; nothing imported");
      }
      inputs.add(p);
    }
    if (mapping != null && !Files.isRegularFile(mapping)) {
      throw new UsageException("mapping file " + mapping + " does not exist");
    }
    PrintWriter out = spec.commandLine().getOut();
    ProgressPrinter progress = new ProgressPrinter(System.err, System.console() != null);
    List<FileReport> reports = new ArrayList<>();
    List<PartialQuantity> partial;
    try (EventStore s = store.openForWriting()) {
      ParserFactory parsers;
      try {
        parsers =
            Imports.factory(new Imports.Options(f, source, mapping), Cameo.bundled(), s.sources());
      } catch (IllegalArgumentException e) {
        throw UsageException.of(e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the mapping " + mapping, e);
      }
      Ingestor in = new Ingestor(s, Cameo.bundled());
      for (Path p : inputs) {
        reports.add(in.importFile(p, parsers, progress));
      }
      partial = s.partialQuantities();
    }
    IngestCommand.print(out, reports);
    // a source has a quantity only when every row has it: say so when some rows lack one
    for (PartialQuantity q : partial) {
      spec.commandLine()
          .getErr()
          .println(
              "entente: note: source '"
                  + q.source()
                  + "': "
                  + (q.rows() - q.rowsWith())
                  + " of its "
                  + q.rows()
                  + " rows lack "
                  + q.quantity()
                  + ", so the source is read as having no "
                  + q.quantity()
                  + " at all (a quantity counts only when every row has it); give it in every row"
                  + " or in none");
    }
    // a file whose every row was rejected stored nothing: not a success (often a source name
    // taken by events or by aggregates of another frequency, which each row was rejected for)
    boolean nothingStored =
        IngestCommand.nothingStored(
            reports,
            spec.commandLine().getErr(),
            "their reasons are kept with them in the store's rejects; for a source name that is"
                + " taken, import under another name with --source NAME");
    // a file that is not FORMAT is the user's mistake (exit 2), a file that cannot be read the
    // environment's (exit 1)
    if (reports.stream().anyMatch(r -> r.status() == FileReport.Status.REFUSED)) {
      return 2;
    }
    return nothingStored || reports.stream().anyMatch(r -> r.status() == FileReport.Status.FAILED)
        ? 1
        : 0;
  }
}
