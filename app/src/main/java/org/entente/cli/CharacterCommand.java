package org.entente.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.entente.analyse.CharacterAnalysis;
import org.entente.analyse.CharacterReport;
import org.entente.analyse.CharacterRequest;
import org.entente.analyse.series.Dyad;
import org.entente.report.CharacterOutput;
import org.entente.report.JsonOutput;
import org.entente.report.OutputFormat;
import org.entente.store.DyadQuery;
import org.entente.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code entente character}: transactional versus strategic, per window (METHODS §6). */
@Command(
    name = "character",
    mixinStandardHelpOptions = true,
    description = {
      "Transactional-versus-strategic components of a dyad per window of W months (breadth,"
          + " material share, security share, persistence, volatility, diffuse and specific"
          + " reciprocity, institutionalisation) with the composite index (TSI) beside them."
    })
final class CharacterCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Mixin SourceOption source;

  @Option(names = "--dyad", required = true, paramLabel = "A-B", description = "The dyad.")
  String dyad;

  @Option(
      names = "--window",
      defaultValue = "24",
      paramLabel = "W",
      description = "Window length in months (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM",
      description = "Start of the first window (default: January of the dyad's first event year).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM",
      description = "Last month (default: the dyad's last event).")
  String to;

  @Option(
      names = "--reference",
      defaultValue = "core",
      paramLabel = "SET",
      description =
          "Rows the index is z-scored against: core (the same windows of all 15 dyads of the six"
              + " core states) or self (this dyad's windows) (default: ${DEFAULT-VALUE}).")
  String reference;

  @Option(names = "--complete-only", description = "Leave out a last, partial window.")
  boolean completeOnly;

  @Mixin EventFilterOptions filters;

  @Mixin FormatOption output;

  @Override
  public Integer call() {
    Options.Range range = Options.range(from, to);
    OutputFormat f;
    CharacterRequest request;
    try {
      f = output.get();
      Dyad d = Dyad.parseKnown(dyad);
      request =
          new CharacterRequest(
              d,
              window,
              range.from(),
              range.to(),
              Options.value("--reference", reference, org.entente.analyse.Vocabulary::reference),
              filters.options(DyadQuery.Frequency.MONTH, null, null),
              completeOnly);
    } catch (IllegalArgumentException e) {
      throw UsageException.of(e);
    }
    CharacterReport r;
    try (EventStore s = source.scope(store.openForReading())) {
      r = new CharacterAnalysis(s).run(request);
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (f) {
      case JSON -> {
        out.println(JsonOutput.write(CharacterOutput.json(r)));
        out.flush();
      }
      case CSV -> CharacterOutput.table(r).write(f, out);
      case TABLE -> CharacterOutput.text(r, out);
    }
    return 0;
  }
}
