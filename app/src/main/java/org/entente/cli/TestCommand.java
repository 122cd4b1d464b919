package org.entente.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.entente.analyse.verdict.PropositionEvaluator;
import org.entente.analyse.verdict.Verdict;
import org.entente.model.ChronologyEntry;
import org.entente.report.JsonOutput;
import org.entente.report.OutputFormat;
import org.entente.report.VerdictOutput;
import org.entente.store.DyadQuery;
import org.entente.store.EventStore;
import org.entente.system.Chronology;
import org.entente.system.Proposition;
import org.entente.system.Propositions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code entente test}: verdicts on the propositions P1-P10. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate propositions by their operationalisations (see 'entente propositions') on whatever"
          + " the store holds: the operationalisation, the evidence, the tests (raw p and"
          + " Benjamini-Hochberg q across the run) and a verdict: supported, contradicted,"
          + " inconclusive or insufficient data, with the reason. Every version of a proposition"
          + " (v1 as pre-registered, revisions) is evaluated.",
      "The chronology tests (P7, P8) read the bundled curated chronology plus the entries"
          + " ingested into the store (which replace bundled entries with the same id)."
    })
final class TestCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Mixin SourceOption source;

  @Parameters(arity = "1..*", paramLabel = "ID", description = "P1..P10, or all.")
  List<String> ids;

  @Option(
      names = "--no-bundled-chronology",
      description = "Chronology tests read only the entries ingested into the store.")
  boolean noBundled;

  @Mixin EventFilterOptions filters;

  @Mixin FormatOption output;

  @Override
  public Integer call() {
    OutputFormat f;
    List<Proposition> ps = new ArrayList<>();
    try {
      f = output.get();
      for (String id : ids) {
        if (id.equalsIgnoreCase("all")) {
          ps.addAll(Propositions.bundled());
        } else {
          ps.addAll(Propositions.versions(id));
        }
      }
    } catch (IllegalArgumentException e) {
      throw UsageException.of(e);
    }
    // each proposition once, in the order first named: a repeated ID (test P7 P2 P2, test all
    // P1) added its tests again to the Benjamini-Hochberg family and could flip a verdict
    ps = new ArrayList<>(new java.util.LinkedHashSet<>(ps));
    var options = filters.options(DyadQuery.Frequency.MONTH, null, null);
    List<Verdict> verdicts;
    String read;
    try (EventStore s = source.scope(store.openForReading())) {
      read = s.scope().orElse("none (the store is empty)");
      List<ChronologyEntry> chronology =
          noBundled
              ? s.chronology()
              : Chronology.timeline(s.chronology(), Chronology.TimelineQuery.all());
      // one Benjamini-Hochberg family whatever is asked for: every bundled proposition's tests
      verdicts =
          new PropositionEvaluator(s, chronology, options).evaluate(ps, Propositions.bundled());
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (f) {
      case JSON -> {
        out.println(JsonOutput.write(VerdictOutput.json(verdicts)));
        out.flush();
      }
      case CSV -> VerdictOutput.table(verdicts).write(f, out);
      case TABLE -> {
        out.println("source: " + read + " (each source is tested on its own: --source NAME)");
        out.println();
        VerdictOutput.text(verdicts, out);
      }
    }
    return 0;
  }
}
