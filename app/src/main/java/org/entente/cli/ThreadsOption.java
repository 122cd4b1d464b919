package org.entente.cli;

import picocli.CommandLine.Option;

/** The {@code --threads N} option of the simulate commands; results never depend on it. */
final class ThreadsOption {
  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Worker threads, 1..256 (default: available processors); results do not depend on it.")
  Integer threads;

  /** The thread count; a value outside 1..256 is a usage mistake. */
  int get() {
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1 || n > 256) {
      throw new UsageException("--threads must be 1..256");
    }
    return n;
  }
}
