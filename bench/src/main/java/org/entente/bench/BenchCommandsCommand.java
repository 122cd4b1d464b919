package org.entente.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.entente.cli.UsageException;
import org.entente.store.duckdb.DuckDbStore;
import org.entente.system.Chronology;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code entente bench commands}: the wall time of each command as a user runs it, a new process
 * through the launcher with its start included, on the demo store, against {@code --version} (the
 * launcher, the JVM and the command line without any work) and a bare {@code java -version}, all
 * measured in the same run.
 */
@Command(
    name = "commands",
    mixinStandardHelpOptions = true,
    description = {
      "Run each command as a new process through the ./entente launcher, start included, on the"
          + " demo store (the bundled chronology, built in a temporary directory unless --db is"
          + " given), after one unmeasured run that lets the launcher record its class-data"
          + " archive; print the median and fastest of --runs runs, the ratio to 'entente"
          + " --version' and to a bare 'java -version' measured in the same run, and which"
          + " commands take --limit-ms or more."
    })
final class BenchCommandsCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--runs",
      defaultValue = "5",
      description = "Measured runs of each command (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--db",
      paramLabel = "FILE",
      description = "A store to run the commands on (default: a new demo store).")
  Path db;

  @Option(
      names = "--launcher",
      paramLabel = "PATH",
      description =
          "The launcher to run (default: the ./entente script of the source tree this bench was"
              + " built in).")
  Path launcher;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "NAME",
      description = "Measure only these commands (names as printed; --version is always run).")
  List<String> only;

  @Option(
      names = "--limit-ms",
      defaultValue = "1000",
      description = "The target wall time per command (default: ${DEFAULT-VALUE} ms).")
  long limitMs;

  @Option(
      names = "--daemon",
      description =
          "Then start the launcher's daemon in the working directory ('daemon start'), measure"
              + " every command again (those it serves go to it), and stop it.")
  boolean daemon;

  @Override
  public Integer call() throws Exception {
    if (runs < 1 || limitMs < 1) {
      throw new UsageException("--runs and --limit-ms must be >= 1");
    }
    Path script = launcher != null ? launcher : defaultLauncher();
    if (!Files.isExecutable(script)) {
      throw new UsageException(
          "no executable launcher at " + script + " (give the ./entente script with --launcher)");
    }
    if (db != null && !Files.isRegularFile(db)) {
      throw new UsageException("--db " + db + ": no such store file");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path dir = Files.createTempDirectory("entente-bench-commands");
    try {
      Path store = db;
      if (store == null) {
        store = dir.resolve("demo.duckdb");
        try (DuckDbStore s = DuckDbStore.open(store)) {
          Chronology.loadBundled(s);
        }
      }
      Map<String, List<String>> commands = commands(store.toString(), dir);
      if (only != null) {
        for (String name : only) {
          if (!commands.containsKey(name)) {
            throw new UsageException(
                "--only: unknown command '" + name + "' (known: " + commands.keySet() + ")");
          }
        }
        commands.keySet().removeIf(k -> !k.equals("--version") && !only.contains(k));
      }
      String jvm = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      double bare = msMedian(time(List.of(jvm, "-XX:TieredStopAtLevel=1", "-version"), dir, runs));
      out.printf(
          "commands as new processes through %s on %s, median and fastest of %d runs"
              + " (after one unmeasured run each), start included:%n",
          script, db == null ? "a new demo store (bundled chronology)" : store, runs);
      out.printf("  %-46s %8.0f ms%n", "java -version (bare JVM)", bare);
      measure(commands, script, dir, bare, out);
      if (daemon) {
        time(List.of(script.toString(), "daemon", "start"), dir, 1);
        try {
          out.printf(
              "the same with the launcher's daemon running in %s (started before, untimed; the"
                  + " first run of each command warms it):%n",
              dir);
          measure(commands, script, dir, bare, out);
        } finally {
          time(List.of(script.toString(), "daemon", "stop"), dir, 1);
        }
      }
      out.flush();
      return 0;
    } catch (CommandFailed e) {
      out.flush();
      spec.commandLine().getErr().println("entente: bench commands: " + e.getMessage());
      return 1;
    } finally {
      BenchCommand.Ingest.deleteTree(dir);
    }
  }

  /** Measures and prints each command, then how many take under the limit. */
  private void measure(
      Map<String, List<String>> commands, Path script, Path dir, double bare, PrintWriter out)
      throws IOException, InterruptedException {
    double base = Double.NaN;
    int over = 0;
    for (Map.Entry<String, List<String>> c : commands.entrySet()) {
      List<String> cmd = new ArrayList<>();
      cmd.add(script.toString());
      cmd.addAll(c.getValue());
      time(cmd, dir, 1); // records the launcher's class-data archive for this command
      List<Long> nanos = time(cmd, dir, runs);
      double m = msMedian(nanos);
      if (Double.isNaN(base)) {
        base = m;
      }
      boolean slow = m >= limitMs;
      over += slow ? 1 : 0;
      out.printf(
          "  %-46s %8.0f ms  fastest %6.0f  ratio to --version %4.2f, to java %4.1f%s%n",
          c.getKey(),
          m,
          nanos.stream().mapToLong(Long::longValue).min().orElseThrow() / 1e6,
          m / base,
          m / bare,
          slow ? "   (" + limitMs + " ms or more)" : "");
    }
    out.printf(
        "%d of %d commands take under %d ms (median); load average at the end %.2f%n",
        commands.size() - over,
        commands.size(),
        limitMs,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.flush();
  }

  /** The commands by name, in the order printed; {@code --version} first (the baseline). */
  static Map<String, List<String>> commands(String db, Path dir) {
    Map<String, List<String>> c = new LinkedHashMap<>();
    c.put("--version", List.of("--version"));
    c.put("info", List.of("info", "--db", db));
    c.put("series", List.of("series", "--db", db, "--dyad", "RUS-PRK"));
    c.put("timeline", List.of("timeline", "--db", db));
    c.put("triangle", List.of("triangle", "--db", db, "RUS,PRK,CHN", "--freq", "year"));
    c.put("periods", List.of("periods", "--db", db, "--dyad", "RUS-PRK"));
    c.put("character", List.of("character", "--db", db, "--dyad", "RUS-PRK"));
    c.put(
        "leadlag",
        List.of("leadlag", "--db", db, "--x", "RUS-PRK", "--y", "USA-RUS", "--freq", "quarter"));
    c.put("test", List.of("test", "--db", db, "all"));
    c.put("simulate", List.of("simulate"));
    // report refuses to overwrite a file it did not write: a new directory for each run
    c.put("report", List.of("report", "--db", db, "--out", dir.resolve("report-%d").toString()));
    return c;
  }

  /** Runs so far: {@code %d} in an argument becomes this number, new to each run. */
  private int counter;

  /**
   * Wall times in ns of {@code runs} runs of {@code command}, its output to a log in {@code dir};
   * {@code %d} in an argument becomes a number new to each run.
   *
   * @throws CommandFailed naming the command, its exit code and its last output when it fails
   */
  private List<Long> time(List<String> command, Path dir, int runs)
      throws IOException, InterruptedException {
    List<Long> nanos = new ArrayList<>();
    Path log = dir.resolve("command.log");
    for (int i = 0; i < runs; i++) {
      int n = ++counter;
      List<String> cmd = command.stream().map(a -> a.replace("%d", Integer.toString(n))).toList();
      long t0 = System.nanoTime();
      Process p =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      int code = p.waitFor();
      nanos.add(System.nanoTime() - t0);
      if (code != 0) {
        List<String> lines = Files.readAllLines(log);
        throw new CommandFailed(
            "exit "
                + code
                + " from "
                + String.join(" ", cmd)
                + ": "
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size())));
      }
    }
    return nanos;
  }

  /** A measured command that did not exit 0: the run stops (its times would mean nothing). */
  static final class CommandFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandFailed(String message) {
      super(message);
    }
  }

  private static double msMedian(List<Long> nanos) {
    return BenchCommand.Ingest.median(nanos) / 1e6;
  }

  /** {@code ./entente} of the source tree: the bench jar is {@code bench/target/*.jar}. */
  private static Path defaultLauncher() {
    try {
      Path jar =
          Path.of(
              BenchCommandsCommand.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI());
      Path root = jar.toAbsolutePath().getParent().getParent().getParent();
      return root.resolve("entente");
    } catch (java.net.URISyntaxException | NullPointerException e) {
      return Path.of("entente").toAbsolutePath();
    }
  }
}
