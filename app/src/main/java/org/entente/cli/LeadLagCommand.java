package org.entente.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.entente.analyse.LeadLagAnalysis;
import org.entente.analyse.LeadLagReport;
import org.entente.analyse.LeadLagRequest;
import org.entente.analyse.series.AnalysisSeries;
import org.entente.analyse.series.Imputation;
import org.entente.analyse.series.Score;
import org.entente.analyse.series.SeriesOptions;
import org.entente.analyse.series.SeriesSource;
import org.entente.analyse.series.SeriesSpec;
import org.entente.report.JsonOutput;
import org.entente.report.LeadLagOutput;
import org.entente.report.OutputFormat;
import org.entente.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code entente leadlag}: does one series lead another (METHODS §4)? */
@Command(
    name = "leadlag",
    mixinStandardHelpOptions = true,
    description = {
      "Lead-lag between series x and y (dyads in the store or FILE:COLUMN of your own CSV):"
          + " cross-correlation after prewhitening, ADF on each series (MacKinnon p-values and"
          + " critical values), VAR lag selection, Granger F both ways (statsmodels ssr_ftest"
          + " convention) and a resampling p-value (circular shift or block bootstrap; seeded,"
          + " the seed is printed).",
      "Several --x or --y test every (x, y) pair and add Benjamini-Hochberg adjusted p-values."
    })
final class LeadLagCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Mixin SourceOption source;

  @Option(
      names = "--x",
      required = true,
      paramLabel = "A-B|FILE:COLUMN",
      description = "The candidate leader (repeatable).")
  List<String> xs;

  @Option(
      names = "--y",
      required = true,
      paramLabel = "C-D|FILE:COLUMN",
      description = "The candidate follower (repeatable).")
  List<String> ys;

  @Mixin RangeOptions range;

  @Option(
      names = "--score",
      defaultValue = "s6",
      paramLabel = "SCORE",
      description = "Score of dyad series (default: ${DEFAULT-VALUE}).")
  String score;

  @Option(
      names = "--impute",
      defaultValue = "none",
      paramLabel = "HOW",
      description =
          "Fill undefined periods: none, zero, carry or linear (default: ${DEFAULT-VALUE}).")
  String impute;

  @Option(
      names = "--max-lag",
      defaultValue = "12",
      paramLabel = "K",
      description = "Largest lag for lag selection and the CCF (default: ${DEFAULT-VALUE}).")
  int maxLag;

  @Option(
      names = "--criterion",
      defaultValue = "aic",
      paramLabel = "IC",
      description = "aic or bic for the lag selection (default: ${DEFAULT-VALUE}).")
  String criterion;

  @Option(names = "--lags", paramLabel = "P", description = "Use P lags instead of selecting them.")
  Integer lags;

  @Option(
      names = "--difference",
      defaultValue = "auto",
      paramLabel = "D",
      description =
          "auto (difference if ADF finds a unit root), none or 1 (default: ${DEFAULT-VALUE}).")
  String difference;

  /** The most resampling replicates a command line may ask for. */
  static final int MAX_BOOTSTRAP = 99_999;

  @Option(
      names = "--bootstrap",
      defaultValue = "999",
      paramLabel = "B",
      description = "Resampling replicates, 0 for none (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(
      names = "--resampling",
      defaultValue = "circular",
      paramLabel = "R",
      description = "circular (shifts) or block (bootstrap) (default: ${DEFAULT-VALUE}).")
  String resampling;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Seed of the resampling (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin FormatOption output;

  @Override
  public Integer call() {
    OutputFormat f;
    LeadLagRequest request;
    List<SeriesSpec> xSpecs = new ArrayList<>();
    List<SeriesSpec> ySpecs = new ArrayList<>();
    SeriesOptions options;
    try {
      f = output.get();
      Score sc = Score.parse(score);
      for (String x : xs) {
        xSpecs.add(spec("--x", x, sc));
      }
      for (String y : ys) {
        ySpecs.add(spec("--y", y, sc));
      }
      request =
          new LeadLagRequest(
              maxLag,
              Options.value("--criterion", criterion, org.entente.analyse.Vocabulary::criterion),
              lags == null ? 0 : lags,
              LeadLagRequest.Difference.parse(difference),
              bootstrap,
              seed,
              Options.value("--resampling", resampling, org.entente.analyse.Vocabulary::resampling),
              Imputation.parse(impute));
      if (lags != null && lags < 1) {
        throw new UsageException("--lags must be >= 1");
      }
      if (bootstrap > MAX_BOOTSTRAP) {
        // each replicate refits the models: 99,999,999 ran for minutes without a word
        throw new UsageException(
            "--bootstrap: "
                + bootstrap
                + " is above the cap of "
                + MAX_BOOTSTRAP
                + " replicates (p-values resolve to 1/(B+1); 99,999 gives 0.00001)");
      }
      options = range.options();
    } catch (IllegalArgumentException e) {
      throw UsageException.of(e);
    }
    Map<String, SeriesSpec> distinct = new LinkedHashMap<>();
    xSpecs.forEach(s -> distinct.putIfAbsent(s.label(), s));
    ySpecs.forEach(s -> distinct.putIfAbsent(s.label(), s));
    List<SeriesSpec> all = new ArrayList<>(distinct.values());
    List<AnalysisSeries> loaded;
    if (SeriesSource.needsStore(all)) {
      try (EventStore st = source.scope(store.openForReading())) {
        loaded = new SeriesSource(st).load(all, options);
      }
    } else {
      loaded = new SeriesSource(null).load(all, options);
    }
    range.requireAsked(loaded);
    Map<String, AnalysisSeries> byLabel = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      byLabel.put(all.get(i).label(), loaded.get(i));
    }
    List<LeadLagReport> reports = new ArrayList<>();
    for (SeriesSpec x : xSpecs) {
      for (SeriesSpec y : ySpecs) {
        if (x.label().equals(y.label())) {
          continue;
        }
        reports.add(LeadLagAnalysis.run(byLabel.get(x.label()), byLabel.get(y.label()), request));
      }
    }
    if (reports.isEmpty()) {
      throw new UsageException("--x and --y name the same series");
    }
    if (reports.size() > 1) {
      reports = LeadLagAnalysis.adjust(reports);
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (f) {
      case JSON -> {
        out.println(
            reports.size() == 1
                ? JsonOutput.write(LeadLagOutput.json(reports.get(0)))
                : JsonOutput.write(reports.stream().map(LeadLagOutput::json).toList()));
        out.flush();
      }
      case CSV -> LeadLagOutput.table(reports).write(f, out);
      case TABLE -> {
        reports.forEach(r -> LeadLagOutput.text(r, out));
        if (reports.size() > 1) {
          out.println(
              "Benjamini-Hochberg adjusted p-values across all " + 2 * reports.size() + " tests:");
          LeadLagOutput.table(reports).write(OutputFormat.TABLE, out);
        }
      }
    }
    return 0;
  }

  private static SeriesSpec spec(String option, String text, Score score) {
    try {
      return SeriesSource.spec(text, score);
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage());
    }
  }
}
