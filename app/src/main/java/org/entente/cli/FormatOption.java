package org.entente.cli;

import org.entente.report.OutputFormat;
import picocli.CommandLine.Option;

/** The {@code --format table|csv|json} option shared by the commands that print a result. */
final class FormatOption {
  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  /** The chosen format; a bad value is a usage mistake. */
  OutputFormat get() {
    try {
      return OutputFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--format: " + e.getMessage());
    }
  }
}
