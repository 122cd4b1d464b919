package org.entente.cli;

import org.entente.analyse.series.SeriesOptions;
import org.entente.store.DyadQuery;
import picocli.CommandLine.Option;

/**
 * The event filters shared by the analysis commands: weighting, deduplication, state actors only,
 * and leaving out statements (as {@code entente series} has them).
 */
final class EventFilterOptions {
  @Option(
      names = "--weight",
      paramLabel = "W",
      defaultValue = "none",
      description =
          "none, articles, sources, mentions, logmentions or allmentions (rows of the GDELT 2.0"
              + " Mentions table; default: ${DEFAULT-VALUE}).")
  String weight;

  @Option(
      names = "--dedup",
      paramLabel = "MODE",
      defaultValue = "none",
      description = "none, root, daily or url (default: ${DEFAULT-VALUE}).")
  String dedup;

  @Option(names = "--state-only", description = "Only events whose actors are both GOV or MIL.")
  boolean stateOnly;

  @Option(names = "--drop-statements", description = "Leave out root 01 (make public statement).")
  boolean dropStatements;

  /** The filters at a frequency and range; mistakes become {@link UsageException}s. */
  SeriesOptions options(DyadQuery.Frequency f, java.time.YearMonth from, java.time.YearMonth to) {
    try {
      return new SeriesOptions(
          f,
          from,
          to,
          DyadQuery.Weighting.parse(weight),
          DyadQuery.Dedup.parse(dedup),
          stateOnly,
          dropStatements);
    } catch (IllegalArgumentException e) {
      throw UsageException.of(e);
    }
  }
}
