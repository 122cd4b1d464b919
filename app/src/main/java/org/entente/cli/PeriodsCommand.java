package org.entente.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.entente.report.OutputFormat;
import org.entente.report.Table;
import org.entente.system.ExpertPeriod;
import org.entente.system.ExpertPeriods;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code entente periods}: expert periodisations (and, later, detected periods). */
@Command(
    name = "periods",
    mixinStandardHelpOptions = true,
    description = "List the expert periodisations from the seeds (--expert [NAME]).")
final class PeriodsCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--expert",
      arity = "0..1",
      fallbackValue = "",
      paramLabel = "NAME",
      description = "List an expert periodisation (rozman, jackson); all when NAME is omitted.")
  String expert;

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    OutputFormat f;
    List<ExpertPeriod> ps;
    try {
      f = OutputFormat.parse(format);
      ps =
          expert == null || expert.isEmpty()
              ? ExpertPeriods.bundled()
              : ExpertPeriods.scheme(expert);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Table t = new Table(List.of("scheme", "period", "first", "last", "seed", "characterisation"));
    for (ExpertPeriod p : ps) {
      t.add(
          p.scheme(),
          p.name(),
          p.first().toString(),
          p.last() == null ? "" : p.last().toString(),
          p.seed(),
          p.characterisation());
    }
    t.write(f, spec.commandLine().getOut());
    return 0;
  }
}
