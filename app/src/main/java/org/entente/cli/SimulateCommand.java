package org.entente.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.entente.report.OutputFormat;
import org.entente.simulate.Actor;
import org.entente.simulate.ActorInputException;
import org.entente.simulate.ActorReader;
import org.entente.simulate.BdmModel;
import org.entente.simulate.BdmRun;
import org.entente.simulate.Choices;
import org.entente.simulate.DeuBacktest;
import org.entente.simulate.DeuReader;
import org.entente.simulate.Forecaster;
import org.entente.simulate.Move;
import org.entente.simulate.Preset;
import org.entente.simulate.RoundResult;
import org.entente.simulate.SalienceScale;
import org.entente.simulate.SimulateJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code entente simulate}: the expected-utility model (METHODS §5; docs/simulate.md). */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Bueno de Mesquita's expected-utility bargaining model: on an actor table (bdm), as a"
          + " backtest on DEU III (backtest), and on the bundled Northeast Asia scenarios"
          + " (scenario)."
    },
    subcommands = {
      SimulateCommand.Bdm.class,
      SimulateCommand.Backtest.class,
      SimulateScenarioCommand.class
    })
final class SimulateCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Table or JSON; CSV is a usage mistake here. */
  static OutputFormat tableOrJson(FormatOption output) {
    OutputFormat f = output.get();
    if (f == OutputFormat.CSV) {
      throw new UsageException("--format: simulate prints table or json");
    }
    return f;
  }

  static String num(double d) {
    return Double.isNaN(d) ? "-" : String.format(Locale.ROOT, "%.4f", d);
  }

  /** Prints a run as rounds with their moves. */
  static void printRun(PrintWriter out, BdmRun run) {
    out.printf(Locale.ROOT, "%d actors, Rg %s%n", run.actors().size(), num(run.range()));
    out.printf(
        Locale.ROOT,
        "round 0: mean %s, median %s%n",
        num(run.initialMean()),
        num(run.initialMedian()));
    for (RoundResult r : run.rounds()) {
      out.printf(
          Locale.ROOT,
          "round %d: mean %s, median %s, max shift %s%n",
          r.round(),
          num(r.mean()),
          num(r.median()),
          num(r.maxShift()));
      for (Move m : r.moves()) {
        out.printf(
            Locale.ROOT,
            "  %-20s %s -> %s  %s with %s (a %s, b %s)%n",
            m.receiver(),
            num(m.from()),
            num(m.to()),
            Choices.label(m.type()),
            m.challenger(),
            num(m.a()),
            num(m.b()));
      }
    }
    out.printf(
        Locale.ROOT,
        "stop: %s after %d rounds%s; forecast (%s, last %d) %s%n",
        Choices.label(run.stop()),
        run.rounds().size(),
        run.cyclePeriod() > 1 ? " (period " + run.cyclePeriod() + ")" : "",
        Choices.label(run.options().forecast()),
        run.options().stop().meanOfLast(),
        num(run.forecast()));
  }

  /** A run as a JSON object with the forecast and the source added. */
  static ObjectNode runJson(BdmRun run, String source, String preset) {
    ObjectNode n = SimulateJson.mapper().createObjectNode();
    n.put("source", source);
    n.put("preset", preset);
    n.put("forecast", run.forecast());
    n.setAll((ObjectNode) SimulateJson.tree(run));
    return n;
  }

  /** {@code entente simulate bdm FILE}. */
  @Command(
      name = "bdm",
      mixinStandardHelpOptions = true,
      description = {
        "Run the model on an actor table (CSV with a header: actor/name/stakeholder,"
            + " capability/resources, position, salience; any case; LF, CRLF or CR line ends)"
            + " and print every round's mean, median and moves, the stop reason and the forecast."
      })
  static final class Bdm implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The actor table.")
    Path file;

    @Option(
        names = "--salience-scale",
        defaultValue = "auto",
        paramLabel = "auto|1|100",
        description =
            "Salience written on 0..1, 0..100, or decided from the values (default: ${DEFAULT-VALUE}).")
    String salienceScale;

    @Mixin ModelOptions model;

    @Mixin FormatOption output;

    @Override
    public Integer call() {
      OutputFormat f = tableOrJson(output);
      SalienceScale scale;
      try {
        scale = SalienceScale.parse(salienceScale);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--salience-scale: " + e.getMessage());
      }
      var options = model.get();
      if (!Files.isRegularFile(file)) {
        throw new UsageException("no such file: " + file);
      }
      PrintWriter out = spec.commandLine().getOut();
      List<Actor> actors;
      try {
        actors = ActorReader.read(file, scale);
      } catch (ActorInputException e) {
        spec.commandLine().getErr().println("entente: " + e.getMessage());
        return 1;
      }
      BdmRun run;
      try {
        run = BdmModel.run(actors, options);
      } catch (IllegalArgumentException e) {
        throw new UsageException(file + ": " + e.getMessage());
      }
      if (f == OutputFormat.JSON) {
        out.println(SimulateJson.write(runJson(run, file.toString(), model.presetLabel())));
      } else {
        out.println(file + " (preset " + model.presetLabel() + ")");
        printRun(out, run);
      }
      out.flush();
      return 0;
    }
  }

  /** {@code entente simulate backtest --deu FILE}. */
  @Command(
      name = "backtest",
      mixinStandardHelpOptions = true,
      description = {
        "Forecast the outcome of every DEU III issue (shared/data/deu3-eu-decides) with the"
            + " c·s-weighted mean and median of the positions and with each preset of the model"
            + " (Rg auto), and print the mean absolute error and the share within 10 points."
      })
  static final class Backtest implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--deu", required = true, paramLabel = "FILE", description = "DEU III table.")
    Path deu;

    @Option(
        names = "--models",
        split = ",",
        paramLabel = "M,...",
        description = "weighted-mean, weighted-median, paper, scholz, replication (default: all).")
    List<String> models;

    @Mixin ThreadsOption threads;

    @Option(names = "--issues", description = "Also print every issue's forecasts.")
    boolean perIssue;

    @Mixin FormatOption output;

    @Override
    public Integer call() {
      OutputFormat f = tableOrJson(output);
      int n = threads.get();
      List<Forecaster> chosen = forecasters(models);
      if (!Files.isRegularFile(deu)) {
        throw new UsageException("no such file: " + deu);
      }
      DeuReader.Result data;
      try {
        data = DeuReader.read(deu);
      } catch (ActorInputException e) {
        spec.commandLine().getErr().println("entente: " + e.getMessage());
        return 1;
      }
      DeuBacktest.Result r = DeuBacktest.run(data.issues(), chosen, n);
      PrintWriter out = spec.commandLine().getOut();
      if (f == OutputFormat.JSON) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", deu.toString());
        m.put("issues", data.issues().size());
        m.put("skipped_without_outcome", data.withoutOutcome());
        m.put("skipped_without_salience", data.withoutSalience());
        m.put("scores", r.scores());
        if (perIssue) {
          m.put("models", chosen.stream().map(Forecaster::name).toList());
          m.put("forecasts", r.issues());
        }
        out.println(SimulateJson.write(m));
      } else {
        out.printf(
            Locale.ROOT,
            "%s: %d issues (skipped: %d without outcome, %d without salience)%n",
            deu,
            data.issues().size(),
            data.withoutOutcome(),
            data.withoutSalience());
        out.printf(Locale.ROOT, "%-16s %8s %9s%n", "model", "MAE", "within10");
        for (DeuBacktest.Score s : r.scores()) {
          out.printf(Locale.ROOT, "%-16s %8.3f %9.3f%n", s.model(), s.mae(), s.within10());
        }
        if (perIssue) {
          for (DeuBacktest.IssueForecast i : r.issues()) {
            StringBuilder sb = new StringBuilder(i.id() + " outcome " + num(i.outcome()));
            for (int k = 0; k < chosen.size(); k++) {
              sb.append(' ').append(chosen.get(k).name()).append(' ').append(num(i.forecasts()[k]));
            }
            out.println(sb);
          }
        }
      }
      out.flush();
      return 0;
    }

    static List<Forecaster> forecasters(List<String> names) {
      List<Forecaster> all = DeuBacktest.defaultForecasters();
      if (names == null || names.isEmpty()) {
        return all;
      }
      List<Forecaster> out = new ArrayList<>();
      for (String name : names) {
        String k = name.trim().toLowerCase(Locale.ROOT);
        Forecaster f = all.stream().filter(x -> x.name().equals(k)).findFirst().orElse(null);
        if (f == null) {
          throw new UsageException(
              "--models: unknown model '"
                  + name
                  + "' (weighted-mean, weighted-median, "
                  + Choices.labels(Preset.class).replace('|', ',')
                  + ")");
        }
        out.add(f);
      }
      return out;
    }
  }
}
