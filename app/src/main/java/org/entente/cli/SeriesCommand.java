package org.entente.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.entente.measure.DyadSeries;
import org.entente.measure.Measure;
import org.entente.report.OutputFormat;
import org.entente.report.SeriesTable;
import org.entente.store.DyadQuery;
import org.entente.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code entente series}: dyad-period scores (METHODS §1.5). */
@Command(
    name = "series",
    mixinStandardHelpOptions = true,
    description = {
      "Print the dyad-period scores of METHODS §1.5 for a directed (A>B) or undirected (A-B)"
          + " dyad; every period in range is present (n = 0 where there were no events).",
      "CSV header:",
      "  period,source,target,n,w1,w2,w3,w4,goldstein_sum,goldstein_mean,",
      "  s3,s4,s5,s6,low_confidence",
      "(an imported aggregate adds score,coverage; --intensity adds volume,intensity)"
    })
final class SeriesCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Mixin SourceOption source;

  @Option(
      names = "--dyad",
      required = true,
      paramLabel = "A-B|A>B",
      description = "A-B (both directions) or A>B.")
  String dyad;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM",
      description = "First month (default: first event).")
  String from;

  @Option(names = "--to", paramLabel = "YYYY-MM", description = "Last month (default: last event).")
  String to;

  @Option(
      names = "--freq",
      paramLabel = "FREQ",
      defaultValue = "month",
      description = "month, quarter or year (default: ${DEFAULT-VALUE}).")
  String freq;

  @Mixin EventFilterOptions filters;

  @Option(
      names = "--intensity",
      description =
          "Add columns volume (V: the source's events with either state as an actor, each once)"
              + " and intensity (n/V). Needs a source ingested without --actors, or imported"
              + " state volumes (export rollup --volumes), and no --weight, --dedup,"
              + " --state-only or --drop-statements.")
  boolean intensity;

  @Mixin FormatOption output;

  @Override
  public Integer call() {
    Options.Range range = Options.range(from, to);
    DyadQuery q;
    OutputFormat f = output.get();
    try {
      Options.Dyad d = Options.dyad(dyad);
      q =
          new DyadQuery(
              d.a(),
              d.b(),
              d.directed(),
              range.from(),
              range.to(),
              DyadQuery.Frequency.parse(freq),
              DyadQuery.Weighting.parse(filters.weight),
              DyadQuery.Dedup.parse(filters.dedup),
              filters.stateOnly,
              filters.dropStatements);
    } catch (IllegalArgumentException e) {
      throw UsageException.of(e);
    }
    DyadQuery.Cut cut = q.frequency().cutsPeriod(range.from(), range.to());
    if (cut != null) {
      throw new UsageException("--" + cut.message());
    }
    DyadSeries s;
    boolean gapsUnknown;
    try (EventStore st = source.scope(store.openForReading())) {
      Measure m = new Measure(st);
      s = m.series(q);
      if (intensity) {
        s = m.withVolumes(s);
      }
      // a feed the store cannot say the months of (some of its files were read with --actors by
      // a version that did not record the months of the rows left out)
      String src = s.query().dataSource();
      gapsUnknown =
          !s.quantities().aggregate()
              && EventStore.FEEDS.contains(src)
              && st.monthsObserved(src) == null;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!s.missingColumns().isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "note: source '"
              + s.query().dataSource()
              + "' lacks "
              + String.join(", ", s.missingColumns())
              + ": those columns are left empty");
      err.flush();
    }
    if (s.quantities().aggregate()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "note: an imported aggregate: periods without rows are gaps (empty, coverage 0), not"
              + " zeros; columns score and coverage follow low_confidence");
      err.flush();
    }
    if (!s.quantities().aggregate()) {
      // an unfiltered feed's months without any event: gaps, and periods observed in part
      List<String> gaps = new java.util.ArrayList<>();
      List<String> partial = new java.util.ArrayList<>();
      for (org.entente.measure.DyadScore d : s.scores()) {
        if (d.gap()) {
          gaps.add(d.period().label());
        } else if (d.coverage() < 1) {
          partial.add(
              d.period().label() + String.format(java.util.Locale.ROOT, " (%.2f)", d.coverage()));
        }
      }
      if (gapsUnknown && s.scores().stream().anyMatch(d -> d.n() == 0)) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(
            "note: source '"
                + s.query().dataSource()
                + "' was ingested (at least in part) with --actors by a version before 2026-12,"
                + " which did not record the months of the rows the filter left out, so a month no"
                + " file covered cannot be told from a month without events: periods with n = 0"
                + " may be months of missing files (ingest the files into a new store to have"
                + " them marked as gaps)");
        err.flush();
      }
      if (!gaps.isEmpty() || !partial.isEmpty()) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(
            "note: source '"
                + s.query().dataSource()
                + "' has no event at all in some months of the range, which no file covered: "
                + (gaps.isEmpty() ? "" : "gaps (empty, not zeros): " + String.join(", ", gaps))
                + (gaps.isEmpty() || partial.isEmpty() ? "" : "; ")
                + (partial.isEmpty()
                    ? ""
                    : "observed in part (day-weighted coverage): " + String.join(", ", partial)));
        err.flush();
      }
    }
    if (s.isEmpty() && f == OutputFormat.TABLE) {
      out.println("no events for " + q.label() + " in the store" + range(q));
      out.flush();
      return 0;
    }
    if (f == OutputFormat.JSON) {
      org.entente.report.SeriesJson.write(s, out);
    } else {
      SeriesTable.of(s).write(f, out);
    }
    return 0;
  }

  private static String range(DyadQuery q) {
    if (q.from() == null && q.to() == null) {
      return "";
    }
    return " between "
        + (q.from() == null ? "the start" : q.from())
        + " and "
        + (q.to() == null ? "the end" : q.to());
  }
}
