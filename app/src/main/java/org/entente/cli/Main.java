package org.entente.cli;

import java.io.PrintWriter;
import org.entente.analyse.AnalysisException;
import org.entente.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code entente} command. Exit codes: 0 success, 1 a failure while running
 * (unreadable input, store error), 2 a usage mistake (bad option or argument).
 */
@Command(
    name = "entente",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Measure, see and test the Russia–North Korea alignment in Northeast Asia from political"
          + " event data (GDELT, ICEWS, a curated chronology)."
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "On an internal error, print the stack trace (also: ENTENTE_DEBUG=1).")
  boolean debug;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The class of {@code entente bench}, in the separate {@code bench} module (kept out of the
   * product jar): registered when it is on the class path (the launcher puts it there for {@code
   * entente bench}), by this one name, without scanning.
   */
  static final String BENCH_COMMAND = "org.entente.bench.BenchCommand";

  /** The subcommands, in the order the help lists them. */
  static final java.util.List<Class<?>> COMMANDS =
      java.util.List.of(
          IngestCommand.class,
          FoldCommand.class,
          ImportCommand.class,
          ExportCommand.class,
          FetchCommand.class,
          InfoCommand.class,
          SeriesCommand.class,
          TimelineCommand.class,
          ActorsCommand.class,
          PeriodsCommand.class,
          TriangleCommand.class,
          LeadLagCommand.class,
          CharacterCommand.class,
          TestCommand.class,
          PropositionsCommand.class,
          DemoCommand.class,
          ServeCommand.class,
          DaemonCommand.class,
          ReportCommand.class,
          SimulateCommand.class,
          CommandLine.HelpCommand.class);

  /**
   * The names of {@link #COMMANDS}, in the same order (checked by {@code CommandsTest}): matching
   * {@code args[0]} against them instead of each class's {@code @Command} annotation spares parsing
   * twenty classes' annotations at every start (about 30 ms of each command).
   */
  static final java.util.List<String> NAMES =
      java.util.List.of(
          "ingest",
          "fold",
          "import",
          "export",
          "fetch",
          "info",
          "series",
          "timeline",
          "actors",
          "periods",
          "triangle",
          "leadlag",
          "character",
          "test",
          "propositions",
          "demo",
          "serve",
          "daemon",
          "report",
          "simulate",
          "help");

  /** Builds the command line with every subcommand and Entente's exception handling. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * Builds the command line to run {@code args}: when {@code args[0]} names a subcommand, with that
   * one only (picocli then reads the annotations of one command class instead of twenty, which took
   * a tenth of every start), otherwise with all of them (the help, a mistyped name, bench). Either
   * way {@code args} parse and run the same.
   */
  static CommandLine commandLine(String[] args) {
    CommandLine cl = new CommandLine(new Main());
    int i = args.length == 0 ? -1 : NAMES.indexOf(args[0]);
    Class<?> one = i < 0 ? null : COMMANDS.get(i);
    if (one != null && one != CommandLine.HelpCommand.class) {
      cl.addSubcommand(one);
    } else {
      COMMANDS.forEach(cl::addSubcommand);
      Class<?> bench = optionalClass(BENCH_COMMAND);
      if (bench != null) {
        cl.addSubcommand(bench);
      }
    }
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          PrintWriter err = cmd.getErr();
          if (ex instanceof UsageException || ex instanceof IllegalArgumentException) {
            err.println("entente: " + ex.getMessage());
            // the store's refusal of what was asked (its message says why and what to ask for)
            // is not a mistake in the command line: no pointer to the help
            boolean refusal =
                ex instanceof org.entente.store.UnsupportedQueryException
                    || (ex instanceof UsageException u && u.refusal());
            if (!refusal) {
              err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            }
            return 2;
          }
          if (ex instanceof StoreException
              || ex instanceof java.io.UncheckedIOException
              || ex instanceof AnalysisException) {
            err.println("entente: " + ex.getMessage() + StoreException.hint(ex));
            return 1;
          }
          err.println("entente: internal error: " + ex);
          if (debug(parsed)) {
            ex.printStackTrace(err);
          } else {
            err.println("Run the same command with --debug for the stack trace, and report it.");
          }
          return 1;
        });
    return cl;
  }

  /** Whether --debug was given at any level of the command line, or ENTENTE_DEBUG is set. */
  static boolean debug(CommandLine.ParseResult parsed) {
    String env = System.getenv("ENTENTE_DEBUG");
    if (env != null && !env.isBlank() && !env.equals("0")) {
      return true;
    }
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("bench") && optionalClass(BENCH_COMMAND) == null) {
      // the benchmarks are not in the product jar: say where they are instead of "Unmatched"
      System.err.println(
          "entente: the bench commands live in the bench module, not in this jar: run"
              + " './entente bench ...' from the source tree (it builds bench/target/entente-bench.jar)");
      System.exit(2);
    }
    Stdout stdout = Stdout.install();
    CommandLine cl = commandLine(args);
    int rc = cl.execute(args);
    cl.getOut().flush();
    System.exit(stdout.exitCode(rc, System.err));
  }

  /** Version from the jar manifest, else "development". */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"entente " + (v == null ? "(development build)" : v)};
    }
  }

  private static Class<?> optionalClass(String name) {
    try {
      return Class.forName(name, true, Main.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null;
    }
  }
}
