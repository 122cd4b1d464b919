package org.entente.cli;

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
      defaultValue = "month",
      description = "month, quarter or year (default: ${DEFAULT-VALUE}).")
  String freq;

  @Mixin EventFilterOptions filters;

  /** The series options; mistakes become {@link UsageException}s. */
  SeriesOptions options() {
    DyadQuery.Frequency f;
    try {
      f = DyadQuery.Frequency.parse(freq);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--freq: " + e.getMessage());
    }
    Options.Range r = Options.range(from, to);
    return filters.options(f, r.from(), r.to());
  }
}
