package org.entente.cli;

import java.util.List;
import java.util.Locale;
import org.entente.analyse.series.AnalysisSeries;
import org.entente.analyse.series.SeriesOptions;
import org.entente.store.DyadQuery;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --from --to --freq} and the event filters, for commands that read dyad series. */
final class RangeOptions {
  @Option(
      names = "--from",
      paramLabel = "YYYY-MM",
      description =
          "First month (default: the first event of the series read; a dyad series of"
              + " quarters or years starts with that period whole).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM",
      description =
          "Last month (default: the last event of the series read; a dyad series of quarters"
              + " or years ends with that period whole).")
  String to;

  @Option(
      names = "--freq",
      paramLabel = "FREQ",
      description = "month, quarter or year (default: month).")
  String freq;

  @Mixin EventFilterOptions filters;

  /** The series options; mistakes become {@link UsageException}s. */
  SeriesOptions options() {
    DyadQuery.Frequency f;
    try {
      f = DyadQuery.Frequency.parse(freq == null ? "month" : freq);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--freq: " + e.getMessage());
    }
    Options.Range r = Options.range(from, to);
    DyadQuery.Cut cut = f.cutsPeriod(r.from(), r.to());
    if (cut != null) {
      throw new UsageException("--" + cut.message());
    }
    return filters.options(f, r.from(), r.to());
  }

  /**
   * Refuses a {@code --freq} given on the command line that a file series overrides: a {@code
   * FILE:COLUMN} series keeps its file's own frequency (and sets it for the dyads read with it),
   * which {@code --freq quarter} beside a monthly file used to change without a word.
   *
   * @param loaded the series as loaded
   * @throws UsageException naming the file series and both frequencies
   */
  void requireAsked(List<AnalysisSeries> loaded) {
    if (freq == null || loaded.isEmpty()) {
      return;
    }
    DyadQuery.Frequency asked = options().frequency();
    for (AnalysisSeries s : loaded) {
      if (!"store".equals(s.origin()) && s.frequency() != asked) {
        throw new UsageException(
            "--freq "
                + freq
                + ": "
                + s.label()
                + " is "
                + s.frequency().name().toLowerCase(Locale.ROOT)
                + "ly, and a file series keeps its own frequency (the dyads read with it take"
                + " the file's too); leave out --freq, or give a "
                + asked.name().toLowerCase(Locale.ROOT)
                + "ly file");
      }
    }
  }
}
