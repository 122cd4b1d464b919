package org.entente.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.entente.analyse.SignRule;
import org.entente.analyse.TriangleAnalysis;
import org.entente.analyse.TriangleReport;
import org.entente.analyse.TriangleRequest;
import org.entente.analyse.series.Score;
import org.entente.analyse.series.SeriesOptions;
import org.entente.analyse.triangle.Triad;
import org.entente.report.JsonOutput;
import org.entente.report.OutputFormat;
import org.entente.report.TriangleOutput;
import org.entente.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code entente triangle}: Dittmer strategic triangles per period (METHODS §2). */
@Command(
    name = "triangle",
    mixinStandardHelpOptions = true,
    description = {
      "Strategic triangle of three actors per period: the three undirected dyad scores with their"
          + " n, the signs, Dittmer's configuration (menage a trois, romantic triangle with pivot"
          + " and wings, stable marriage with partners and outcast, unit veto, indeterminate),"
          + " strict and weak structural balance, and the transitions between configurations.",
      "--all runs every triad among RUS, PRK, CHN, USA, KOR, JPN."
    })
final class TriangleCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Mixin SourceOption source;

  @Parameters(
      arity = "0..3",
      paramLabel = "A,B,C",
      description = "The triad, e.g. USA,CHN,RUS (or three arguments).")
  List<String> actors;

  @Option(names = "--all", description = "Every triad among the six core states.")
  boolean all;

  @Mixin RangeOptions range;

  @Option(
      names = "--score",
      defaultValue = "s4",
      paramLabel = "SCORE",
      description = "s4, s6 or goldstein_mean (any score of 'series'; default: ${DEFAULT-VALUE}).")
  String score;

  @Option(
      names = "--sign-rule",
      defaultValue = "baseline",
      paramLabel = "RULE",
      description =
          "band (s > tau: +, s < -tau: -), baseline (the band rule on s minus the reference"
              + " median of the data, which works on real event data whose S4 is mostly positive)"
              + " or posterior (default: ${DEFAULT-VALUE}).")
  String signRule;

  @Option(
      names = "--tau",
      defaultValue = "0.10",
      paramLabel = "T",
      description = "Half-width of the neutral band (default: ${DEFAULT-VALUE}).")
  double tau;

  @Option(
      names = "--reference-median",
      paramLabel = "M",
      description =
          "Baseline rule: the stored reference median (default: the median of the score over every"
              + " dyad-period with events of the six core states in range).")
  Double referenceMedian;

  @Option(
      names = "--hysteresis",
      description = "Keep a side's sign until the opposite threshold is crossed.")
  boolean hysteresis;

  @Mixin FormatOption output;

  @Override
  public Integer call() {
    OutputFormat f;
    TriangleRequest request;
    Triad triad = null;
    try {
      f = output.get();
      if (all == (actors != null && !actors.isEmpty())) {
        throw new UsageException("name a triad (A,B,C) or give --all, not both");
      }
      if (!all) {
        List<String> v =
            List.of(String.join(",", actors).toUpperCase(Locale.ROOT).split("[,\\s]+"));
        if (v.size() != 3 || !v.stream().allMatch(s -> s.matches("[A-Z]{3,9}"))) {
          throw new UsageException("'" + String.join(" ", actors) + "' is not a triad A,B,C");
        }
        triad =
            new Triad(
                org.entente.analyse.series.Dyad.known(v.get(0)),
                org.entente.analyse.series.Dyad.known(v.get(1)),
                org.entente.analyse.series.Dyad.known(v.get(2)));
      }
      if (referenceMedian != null && !Double.isFinite(referenceMedian)) {
        // NaN meant "compute it" inside, so --reference-median NaN was silently ignored
        throw new UsageException(
            "--reference-median: '" + referenceMedian + "' is not a finite number");
      }
      SeriesOptions o = range.options();
      request =
          new TriangleRequest(
              triad == null ? new Triad("USA", "CHN", "RUS") : triad,
              o,
              Score.parse(score),
              SignRule.parse(signRule),
              tau,
              hysteresis,
              referenceMedian == null ? Double.NaN : referenceMedian);
    } catch (IllegalArgumentException e) {
      throw UsageException.of(e);
    }
    List<TriangleReport> reports;
    try (EventStore s = source.scope(store.openForReading())) {
      TriangleAnalysis a = new TriangleAnalysis(s);
      reports = all ? a.runAll(request) : List.of(a.run(request));
      if (all && reports.size() < TriangleAnalysis.coreTriads().size()) {
        List<String> skipped = new java.util.ArrayList<>();
        List<org.entente.analyse.triangle.Triad> held = a.heldTriads();
        for (org.entente.analyse.triangle.Triad t : TriangleAnalysis.coreTriads()) {
          if (!held.contains(t)) {
            skipped.add(t.a() + "-" + t.b() + "-" + t.c());
          }
        }
        spec.commandLine()
            .getErr()
            .println(
                "note: "
                    + skipped.size()
                    + " of the 20 triads left out, a side of each not in the store (its files"
                    + " read with --actors left it out): "
                    + String.join(", ", skipped));
        spec.commandLine().getErr().flush();
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (f) {
      case JSON -> {
        out.println(
            all
                ? JsonOutput.write(reports.stream().map(TriangleOutput::json).toList())
                : JsonOutput.write(TriangleOutput.json(reports.get(0))));
        out.flush();
      }
      case CSV -> {
        TriangleOutput.table(reports).write(f, out);
        // the CSV has no place for them: the sign rule's warnings go to standard error, once
        reports.stream()
            .flatMap(r -> r.warnings().stream())
            .distinct()
            .forEach(w -> spec.commandLine().getErr().println("entente: warning: " + w));
      }
      case TABLE -> reports.forEach(r -> TriangleOutput.text(r, out));
    }
    return 0;
  }
}
