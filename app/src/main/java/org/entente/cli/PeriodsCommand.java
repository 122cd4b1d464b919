package org.entente.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.entente.analyse.PeriodAnalysis;
import org.entente.analyse.PeriodReport;
import org.entente.analyse.PeriodRequest;
import org.entente.analyse.series.AnalysisSeries;
import org.entente.analyse.series.Dyad;
import org.entente.analyse.series.Imputation;
import org.entente.analyse.series.Score;
import org.entente.analyse.series.SeriesSource;
import org.entente.analyse.series.SeriesSpec;
import org.entente.report.JsonOutput;
import org.entente.report.OutputFormat;
import org.entente.report.PeriodOutput;
import org.entente.report.Table;
import org.entente.store.EventStore;
import org.entente.system.ExpertPeriod;
import org.entente.system.ExpertPeriods;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code entente periods}: expert periodisations ({@code --expert}), and periods detected in a
 * dyad's series or an external series by change-point search (METHODS §3).
 */
@Command(
    name = "periods",
    mixinStandardHelpOptions = true,
    description = {
      "List the expert periodisations from the seeds (--expert [NAME]), or find the periods of a"
          + " dyad's series (--dyad) or of a column of your own CSV file (--series FILE --column"
          + " NAME) by change-point search: PELT (exact) or binary segmentation, with the changes,"
          + " the periods (mean, SD, 95%% CI), the penalty beta and noise scale sigma used, and"
          + " optionally the agreement with an expert periodisation (--compare)."
    })
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
      names = "--dyad",
      paramLabel = "A-B|A>B",
      description = "Find the periods of this dyad's series in the store.")
  String dyad;

  @Option(
      names = "--series",
      paramLabel = "FILE",
      description = "Find the periods of a CSV file's column (needs --column; a 'period' column).")
  Path series;

  @Option(names = "--column", paramLabel = "NAME", description = "The column of --series.")
  String column;

  @Mixin StoreOption store;

  @Mixin SourceOption source;

  @Mixin RangeOptions range;

  @Option(
      names = "--score",
      defaultValue = "s6",
      paramLabel = "SCORE",
      description =
          "Score of --dyad: s6 (defined for empty periods), s4, s5, s3, goldstein_mean, ..."
              + " (default: ${DEFAULT-VALUE}).")
  String score;

  @Option(
      names = "--impute",
      defaultValue = "none",
      paramLabel = "HOW",
      description =
          "Fill undefined periods: none, zero, carry or linear (default: ${DEFAULT-VALUE}).")
  String impute;

  @Option(
      names = "--method",
      defaultValue = "pelt",
      paramLabel = "M",
      description = "pelt or binseg (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(
      names = "--penalty",
      defaultValue = "mbic",
      paramLabel = "P",
      description = "bic, mbic, aic, hq, sic0 or a number (default: ${DEFAULT-VALUE}).")
  String penalty;

  @Option(
      names = "--min-length",
      defaultValue = "3",
      paramLabel = "L",
      description = "Minimum period length in periods (default: ${DEFAULT-VALUE}).")
  int minLength;

  @Option(
      names = "--scale",
      defaultValue = "lrv",
      paramLabel = "S",
      description =
          "Noise scale sigma: lrv (long-run SD of AR(1) noise, from the variances of first and"
              + " second differences; accounts for autocorrelation), mad (MAD of differences /"
              + " sqrt 2), sd (SD of differences / sqrt 2) or a number (default: ${DEFAULT-VALUE}).")
  String scale;

  @Option(
      names = "--compare",
      paramLabel = "EXPERT",
      description = "Compare the changes with an expert periodisation (rozman, jackson).")
  String compare;

  @Option(
      names = "--tolerance",
      defaultValue = "3",
      paramLabel = "M",
      description = "Matching tolerance in periods for --compare (default: ${DEFAULT-VALUE}).")
  int tolerance;

  @Mixin FormatOption output;

  @Override
  public Integer call() {
    if (dyad == null && series == null) {
      if (column != null || compare != null) {
        throw new UsageException("--column and --compare need --dyad or --series");
      }
      return expert();
    }
    if (expert != null) {
      throw new UsageException("--expert lists expert periods; leave it out with --dyad/--series");
    }
    if (dyad != null && series != null) {
      throw new UsageException("give --dyad or --series, not both");
    }
    if ((series != null) != (column != null)) {
      throw new UsageException("--series needs --column (and --column needs --series)");
    }
    OutputFormat f;
    PeriodRequest request;
    SeriesSpec what;
    try {
      f = output.get();
      what =
          dyad != null
              ? new SeriesSpec.OfDyad(Dyad.parseKnown(dyad), Score.parse(score))
              : new SeriesSpec.OfFile(series, column);
      if (compare != null) {
        ExpertPeriods.scheme(compare);
      }
      PeriodRequest.Scale sc;
      double sv;
      try {
        sc = PeriodRequest.scale(scale);
        sv = PeriodRequest.scaleValue(scale);
      } catch (IllegalArgumentException e) {
        throw UsageException.of(e);
      }
      request =
          new PeriodRequest(
              Options.value("--method", method, org.entente.analyse.Vocabulary::method),
              Options.value("--penalty", penalty, PeriodRequest::penalty),
              minLength,
              Imputation.parse(impute),
              sc,
              sv,
              compare,
              tolerance);
    } catch (IllegalArgumentException e) {
      throw UsageException.of(e);
    }
    AnalysisSeries s = load(what);
    PrintWriter out = spec.commandLine().getOut();
    if (s.isEmpty()) {
      throw new org.entente.analyse.AnalysisException(
          "no events for "
              + what.label()
              + " in the store"
              + (range.from == null && range.to == null ? "" : " in range"));
    }
    PeriodReport r = PeriodAnalysis.run(s, request);
    switch (f) {
      case JSON -> {
        out.println(JsonOutput.write(PeriodOutput.json(r)));
        out.flush();
      }
      case CSV -> PeriodOutput.table(r).write(f, out);
      case TABLE -> PeriodOutput.text(r, out);
    }
    return 0;
  }

  private AnalysisSeries load(SeriesSpec what) {
    var options = range.options();
    if (what instanceof SeriesSpec.OfFile) {
      List<AnalysisSeries> loaded = new SeriesSource(null).load(List.of(what), options);
      range.requireAsked(loaded);
      return loaded.get(0);
    }
    try (EventStore st = source.scope(store.openForReading())) {
      return new SeriesSource(st).load(List.of(what), options).get(0);
    }
  }

  /** The expert periodisations, as before detection existed. */
  private Integer expert() {
    OutputFormat f;
    List<ExpertPeriod> ps;
    try {
      f = output.get();
      ps =
          expert == null || expert.isEmpty()
              ? ExpertPeriods.bundled()
              : ExpertPeriods.scheme(expert);
    } catch (IllegalArgumentException e) {
      throw UsageException.of(e);
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
