package org.entente.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.entente.report.OutputFormat;
import org.entente.report.Table;
import org.entente.simulate.ActorInputException;
import org.entente.simulate.BdmModel;
import org.entente.simulate.BdmOptions;
import org.entente.simulate.BdmRun;
import org.entente.simulate.EventInputs;
import org.entente.simulate.MonteCarlo;
import org.entente.simulate.Scenario;
import org.entente.simulate.Scenarios;
import org.entente.simulate.SimulateJson;
import org.entente.store.EventStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code entente simulate scenario}: the model on a bundled or given scenario. */
@Command(
    name = "scenario",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    sortSynopsis = false,
    description = {
      "Run the model on a bundled scenario (sanctions-enforcement, rus-prk-military,"
          + " prk-nuclear) or a scenario file, with optional seeded Monte Carlo over perturbed"
          + " inputs (share of runs per region of the scale) and a one-at-a-time sensitivity"
          + " sweep. --list prints the bundled scenarios."
    })
final class SimulateScenarioCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "NAME|FILE",
      description = "A bundled scenario's name, or a scenario file (JSON).")
  String id;

  @Option(names = "--list", description = "List the bundled scenarios.")
  boolean list;

  @Option(names = "--file", paramLabel = "FILE", description = "A scenario file (JSON) instead.")
  Path file;

  @Option(
      names = "--monte-carlo",
      paramLabel = "N",
      defaultValue = "0",
      description = "Monte Carlo runs, 0..1000000 (default: ${DEFAULT-VALUE}, none).")
  int runs;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "20240619",
      description = "Seed of the Monte Carlo (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin ThreadsOption threads;

  @Option(
      names = "--position-sd",
      paramLabel = "F",
      defaultValue = "0.1",
      description =
          "σ of position noise as a share of the scale width (default: ${DEFAULT-VALUE}).")
  double positionSd;

  @Option(
      names = "--salience-spread",
      paramLabel = "H",
      defaultValue = "0.1",
      description = "Half-width of uniform salience noise (default: ${DEFAULT-VALUE}).")
  double salienceSpread;

  @Option(
      names = "--capability-sd",
      paramLabel = "F",
      defaultValue = "0.3",
      description = "σ of log-normal capability noise (default: ${DEFAULT-VALUE}).")
  double capabilitySd;

  @Option(names = "--sensitivity", description = "Also run the one-at-a-time sweep.")
  boolean sensitivity;

  @Option(
      names = "--inputs",
      paramLabel = "file|events",
      defaultValue = "file",
      description =
          "Saliences and positions as the scenario gives them, or derived from the store's"
              + " events (--db, --from, --to, --target, --hostile-end; docs/simulate.md)"
              + " (default: ${DEFAULT-VALUE}).")
  String inputs;

  @Mixin StoreOption store;

  @Mixin SourceOption source;

  @Option(names = "--from", paramLabel = "YYYY-MM", description = "First month (--inputs events).")
  String from;

  @Option(names = "--to", paramLabel = "YYYY-MM", description = "Last month (--inputs events).")
  String to;

  @Option(
      names = "--target",
      paramLabel = "CODE",
      defaultValue = "PRK",
      description = "The issue's target (--inputs events; default: ${DEFAULT-VALUE}).")
  String target;

  @Option(
      names = "--hostile-end",
      paramLabel = "min|max",
      description = "The scale end hostile tone toward the target stands for (--inputs events).")
  String hostileEnd;

  @Mixin ModelOptions model;

  @Mixin FormatOption output;

  @Override
  public Integer call() {
    OutputFormat f = SimulateCommand.tableOrJson(output);
    PrintWriter out = spec.commandLine().getOut();
    if (list) {
      if (f == OutputFormat.JSON) {
        out.println(SimulateJson.write(Scenarios.bundled()));
      } else {
        for (Scenario s : Scenarios.bundled()) {
          out.printf(Locale.ROOT, "%-22s %s%n", s.id(), s.question());
        }
      }
      out.flush();
      return 0;
    }
    BdmOptions options = model.get();
    String preset = model.presetLabel();
    if (runs < 0 || runs > 1_000_000) {
      throw new UsageException("--monte-carlo must be 0..1000000");
    }
    int n = threads.get();
    MonteCarlo.Perturbation perturbation;
    try {
      perturbation = new MonteCarlo.Perturbation(positionSd, salienceSpread, capabilitySd);
    } catch (IllegalArgumentException e) {
      throw UsageException.of(e);
    }
    Scenario sc;
    if ((id == null) == (file == null)) {
      throw new UsageException("give a scenario NAME or FILE (or --file FILE), or --list");
    }
    Path source = file;
    if (source == null && Scenarios.find(id).isEmpty() && Files.isRegularFile(Path.of(id))) {
      source = Path.of(id);
    }
    if (source != null) {
      if (!Files.isRegularFile(source)) {
        throw new UsageException("no such file: " + source);
      }
      try {
        sc = Scenarios.read(source);
      } catch (ActorInputException e) {
        spec.commandLine().getErr().println("entente: " + e.getMessage());
        return 1;
      }
    } else {
      sc =
          Scenarios.find(id)
              .orElseThrow(
                  () ->
                      new UsageException(
                          "unknown scenario '"
                              + id
                              + "' (not a file; bundled: "
                              + String.join(", ", Scenarios.BUNDLED)
                              + ")"));
    }
    EventInputs.Result derived = null;
    switch (inputs.trim().toLowerCase(Locale.ROOT)) {
      case "file" -> {}
      case "events" -> {
        derived = fromEvents(sc);
        sc = derived.scenario();
      }
      default -> throw new UsageException("--inputs must be file or events, not '" + inputs + "'");
    }
    BdmRun run;
    MonteCarlo.Summary mc = null;
    List<MonteCarlo.Sensitivity> sweep = null;
    try {
      run = BdmModel.run(sc.modelActors(), options);
      if (runs > 0) {
        mc = MonteCarlo.run(sc, options, perturbation, runs, seed, n);
      }
      if (sensitivity) {
        sweep = MonteCarlo.sweep(sc, options);
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(sc.id() + ": " + e.getMessage());
    }
    if (f == OutputFormat.JSON) {
      ObjectNode root = SimulateJson.mapper().createObjectNode();
      root.set("scenario", SimulateJson.tree(sc));
      if (derived != null) {
        ObjectNode ev = root.putObject("event_inputs");
        ev.put("db", store.path().toString());
        ev.put("target", derived.target());
        ev.put("from", derived.from().toString());
        ev.put("to", derived.to().toString());
        ev.put("hostile_end", derived.hostileEnd() == EventInputs.HostileEnd.MAX ? "max" : "min");
        ev.put("total_events", derived.totalEvents());
        ev.set("actors", SimulateJson.tree(derived.actors()));
      }
      root.set("run", SimulateCommand.runJson(run, sc.id(), preset));
      root.put("forecast", run.forecast());
      root.put("region", sc.region(run.forecast()).label());
      if (mc != null) {
        root.set("monte_carlo", SimulateJson.tree(mc));
      }
      if (sweep != null) {
        root.set("sensitivity", SimulateJson.tree(sweep));
      }
      out.println(SimulateJson.write(root));
      out.flush();
      return 0;
    }
    out.println(sc.id() + ": " + sc.question());
    out.printf(
        Locale.ROOT,
        "scale %s..%s: %s = %s; %s = %s%n",
        Table.number(sc.scale().min()),
        Table.number(sc.scale().max()),
        Table.number(sc.scale().min()),
        sc.scale().minLabel(),
        Table.number(sc.scale().max()),
        sc.scale().maxLabel());
    if (derived != null) {
      out.printf(
          Locale.ROOT,
          "inputs from events %s..%s in %s: target %s, %d events on its dyads; hostile tone"
              + " toward %s = the %s end%n",
          derived.from(),
          derived.to(),
          store.path(),
          derived.target(),
          derived.totalEvents(),
          derived.target(),
          derived.hostileEnd() == EventInputs.HostileEnd.MAX ? "max" : "min");
      out.printf(
          Locale.ROOT,
          "  %-5s %7s %9s %9s %9s %9s%n",
          "actor",
          "events",
          "salience",
          "to target",
          "tone",
          "position");
      for (EventInputs.Derivation d : derived.actors()) {
        out.printf(
            Locale.ROOT,
            "  %-5s %7d %9.4f %9d %9s %9.2f%s%n",
            d.actor(),
            d.events(),
            d.salience(),
            d.directedEvents(),
            Double.isNaN(d.tone()) ? "-" : String.format(Locale.ROOT, "%.3f", d.tone()),
            d.position(),
            d.positionFromScenario() ? " (scenario's)" : "");
      }
    }
    out.printf(Locale.ROOT, "%-5s %10s %9s %9s%n", "actor", "capability", "position", "salience");
    for (Scenario.ScenarioActor a : sc.actors()) {
      out.printf(
          Locale.ROOT,
          "%-5s %10.4f %9.2f %9.2f%n",
          a.code(),
          a.capability(),
          a.position(),
          a.salience());
    }
    out.println(SimulateCommand.presetText(model.presetLabel()) + ":");
    SimulateCommand.printRun(out, run);
    out.println("region of the forecast: " + sc.region(run.forecast()).label());
    if (mc != null) {
      out.printf(
          Locale.ROOT,
          "Monte Carlo: %d runs, seed %d (position sd %.3f of width, salience ±%.3f, capability"
              + " log-sd %.3f): mean %.2f, sd %.2f, 5%%/50%%/95%% %.2f/%.2f/%.2f%n",
          mc.runs(),
          mc.seed(),
          positionSd,
          salienceSpread,
          capabilitySd,
          mc.mean(),
          mc.sd(),
          mc.p05(),
          mc.p50(),
          mc.p95());
      for (MonteCarlo.RegionShare r : mc.regions()) {
        out.printf(
            Locale.ROOT,
            "  %5.1f%%  [%s, %s) %s%n",
            100 * r.share(),
            Table.number(r.from()),
            Table.number(r.to()),
            r.label());
      }
    }
    if (sweep != null) {
      out.println("sensitivity (one at a time, largest swing first):");
      out.printf(
          Locale.ROOT,
          "  %-5s %-10s %9s %9s %9s %9s %9s%n",
          "actor",
          "input",
          "low",
          "high",
          "f(low)",
          "f(high)",
          "swing");
      for (MonteCarlo.Sensitivity s : sweep) {
        out.printf(
            Locale.ROOT,
            "  %-5s %-10s %9.3f %9.3f %9.2f %9.2f %9.2f%n",
            s.actor(),
            s.input(),
            s.low(),
            s.high(),
            s.forecastLow(),
            s.forecastHigh(),
            s.swing());
      }
    }
    out.flush();
    return 0;
  }

  /** The scenario with saliences and positions derived from the store's events. */
  private EventInputs.Result fromEvents(Scenario sc) {
    if (from == null || to == null || hostileEnd == null) {
      throw new UsageException("--inputs events needs --from, --to and --hostile-end");
    }
    YearMonth a = Options.month("--from", from, false);
    YearMonth b = Options.month("--to", to, true);
    EventInputs.HostileEnd end =
        switch (hostileEnd.trim().toLowerCase(Locale.ROOT)) {
          case "min" -> EventInputs.HostileEnd.MIN;
          case "max" -> EventInputs.HostileEnd.MAX;
          default -> throw new UsageException("--hostile-end must be min or max");
        };
    try (EventStore s = source.scope(store.openForReading())) {
      return EventInputs.derive(sc, s, target, a, b, end);
    } catch (IllegalArgumentException e) {
      throw new UsageException(sc.id() + ": " + e.getMessage());
    }
  }
}
