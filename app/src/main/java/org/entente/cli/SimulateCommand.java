package org.entente.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.entente.simulate.BdmSettings;
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

  /** Prints a run as rounds with their accepted offers. */
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
            "  %-20s %s -> %s  %s with %s (eu_receiver %s, eu_challenger %s)%n",
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
        "stopped: %s after %d rounds%s; forecast (%s, last %d) %s%n",
        Choices.label(run.stop()),
        run.rounds().size(),
        run.cyclePeriod() > 1 ? " (period " + run.cyclePeriod() + ")" : "",
        Choices.label(run.options().forecast()),
        run.options().stop().meanOfLast(),
        num(run.forecast()));
  }

  /**
   * A run as issue 13's JSON object ({@link SimulateJson#run}) with the source first and {@code
   * options} holding the preset too.
   */
  static ObjectNode runJson(BdmRun run, String source, String preset) {
    ObjectNode n = SimulateJson.mapper().createObjectNode();
    n.put("source", source);
    n.setAll(SimulateJson.run(run, preset));
    return n;
  }

  /** "preset X" or "defaults" for table headers. */
  static String presetText(String preset) {
    return preset == null ? "no preset: defaults" : "preset " + preset;
  }

  /** {@code entente simulate bdm --actors FILE}. */
  @Command(
      name = "bdm",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      sortSynopsis = false,
      description = {
        "Run the model on an actor table (CSV with a header: actor/name/stakeholder,"
            + " capability/resources, position, salience; any case; LF, CRLF or CR line ends)"
            + " and print every round's mean, median and offers, the stop reason and the"
            + " forecast."
      })
  static final class Bdm implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--actors", paramLabel = "FILE", description = "The actor table.")
    Path actorsOption;

    @Parameters(
        arity = "0..1",
        paramLabel = "FILE",
        description = "The actor table (instead of --actors).")
    Path actorsPositional;

    @Option(
        names = "--salience-scale",
        defaultValue = "auto",
        paramLabel = "auto|1|100",
        description =
            "Salience written on 0..1, 0..100, or decided by the maximum (default:"
                + " ${DEFAULT-VALUE}).")
    String salienceScale;

    @Mixin ModelOptions model;

    @Mixin FormatOption output;

    @Override
    public Integer call() {
      if ((actorsOption == null) == (actorsPositional == null)) {
        throw new UsageException("give the actor table once: --actors FILE (or FILE)");
      }
      Path file = actorsOption != null ? actorsOption : actorsPositional;
      OutputFormat f = output.get();
      SalienceScale scale;
      try {
        scale = SalienceScale.parse(salienceScale);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--salience-scale: " + e.getMessage());
      }
      var options = model.get();
      String preset = model.presetLabel();
      if (!Files.isRegularFile(file)) {
        throw new UsageException(notAFile(file));
      }
      PrintWriter out = spec.commandLine().getOut();
      List<Actor> actors;
      try {
        actors = ActorReader.read(file, scale);
      } catch (ActorInputException e) {
        spec.commandLine().getErr().println("entente: " + e.getMessage());
        return 1;
      }
      // faults of the table's content are exit 1, as its other faults (not usage errors)
      String fault =
          actors.size() < 3
              ? actors.size()
                  + " actor"
                  + (actors.size() == 1 ? "" : "s")
                  + "; the model needs at least 3"
              : actors.size() > BdmModel.MAX_ACTORS
                  ? actors.size()
                      + " actors; the model takes at most "
                      + BdmModel.MAX_ACTORS
                      + " (a round costs about n³ operations)"
                  : actors.stream().noneMatch(a -> a.weight() > 0)
                      ? "every actor has capability × salience 0; the model needs at least one"
                          + " actor with both above 0"
                      : null;
      if (fault != null) {
        spec.commandLine().getErr().println("entente: " + file + ": " + fault);
        return 1;
      }
      BdmRun run;
      try {
        run = BdmModel.run(actors, options);
      } catch (IllegalArgumentException e) {
        throw new UsageException(file + ": " + e.getMessage());
      }
      if (f == OutputFormat.JSON) {
        ObjectNode n = runJson(run, file.toString(), preset);
        ((ObjectNode) n.get("options")).put("salience_scale", scale.label());
        out.println(SimulateJson.write(n));
      } else if (f == OutputFormat.CSV) {
        printCsv(out, run);
      } else {
        out.println(file + " (" + presetText(preset) + ")");
        printRun(out, run);
      }
      out.flush();
      return 0;
    }
  }

  /**
   * A run as CSV, one row per round and actor: round, actor, position, risk, and the offer the
   * actor accepted in that round (challenger, type, eu_receiver, eu_challenger), then mean and
   * median of the round.
   */
  static void printCsv(PrintWriter out, BdmRun run) {
    out.println(
        "round,actor,position,risk,offer_from,offer_type,eu_receiver,eu_challenger,mean,median");
    List<Actor> actors = run.actors();
    for (int i = 0; i < actors.size(); i++) {
      out.println(
          csvRow(
              0,
              actors.get(i).name(),
              actors.get(i).position(),
              1,
              null,
              run.initialMean(),
              run.initialMedian()));
    }
    for (RoundResult r : run.rounds()) {
      for (int i = 0; i < actors.size(); i++) {
        String name = actors.get(i).name();
        Move m = r.moves().stream().filter(x -> x.receiver().equals(name)).findFirst().orElse(null);
        out.println(
            csvRow(r.round(), name, r.positions()[i], r.risk()[i], m, r.mean(), r.median()));
      }
    }
  }

  private static String csvRow(
      int round, String actor, double x, double risk, Move m, double mean, double median) {
    return String.join(
        ",",
        Integer.toString(round),
        csv(actor),
        Double.toString(x),
        Double.toString(risk),
        m == null ? "" : csv(m.challenger()),
        m == null ? "" : Choices.label(m.type()),
        m == null ? "" : Double.toString(m.a()),
        m == null ? "" : Double.toString(m.b()),
        Double.toString(mean),
        Double.toString(median));
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n")
        ? "\"" + s.replace("\"", "\"\"") + "\""
        : s;
  }

  /** {@code entente simulate backtest --deu FILE [options]}. */
  @Command(
      name = "backtest",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      sortSynopsis = false,
      description = {
        "Forecast the outcome of every DEU III issue (shared/data/deu3-eu-decides) with the"
            + " c·s-weighted mean and median of the positions and with the model: the setting the"
            + " model options give (Rg auto unless --rg), or without them each preset (Rg auto),"
            + " and print the mean absolute error and the share within 10 points."
      })
  static final class Backtest implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--deu", required = true, paramLabel = "FILE", description = "DEU III table.")
    Path deu;

    @Option(
        names = "--models",
        split = ",",
        paramLabel = "M,...",
        description =
            "weighted-mean, weighted-median, scholz, replication, paper (default: the baselines"
                + " and, without model options, the three presets).")
    List<String> models;

    @Mixin ModelOptions model;

    @Mixin ThreadsOption threads;

    @Option(names = "--issues", description = "Also print every issue's forecasts.")
    boolean perIssue;

    @Mixin FormatOption output;

    @Override
    public Integer call() {
      OutputFormat f = tableOrJson(output);
      int n = threads.get();
      List<Forecaster> chosen = forecasters(models, model);
      if (!Files.isRegularFile(deu)) {
        throw new UsageException(notAFile(deu));
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
      int skipped = data.withoutOutcome() + data.withoutSalience();
      if (f == OutputFormat.JSON) {
        ObjectNode root = SimulateJson.mapper().createObjectNode();
        root.put("source", deu.toString());
        root.put("issues", data.issues().size());
        root.put("skipped", skipped);
        root.put("skipped_without_outcome", data.withoutOutcome());
        root.put("skipped_without_salience", data.withoutSalience());
        var list = root.putArray("models");
        for (int k = 0; k < chosen.size(); k++) {
          DeuBacktest.Score s = r.scores().get(k);
          ObjectNode m = list.addObject();
          m.put("name", s.model());
          m.set("options", optionsJson(chosen.get(k)));
          SimulateJson.number(m, "mae", s.mae());
          SimulateJson.number(m, "within10", s.within10());
          m.put("issues", s.issues());
        }
        if (perIssue) {
          root.set("forecasts", SimulateJson.tree(r.issues()));
        }
        out.println(SimulateJson.write(root));
      } else {
        out.printf(
            Locale.ROOT,
            "%s: %d issues, %d skipped (%d without outcome, %d without salience)%n",
            deu,
            data.issues().size(),
            skipped,
            data.withoutOutcome(),
            data.withoutSalience());
        int width = Math.max(16, chosen.stream().mapToInt(x -> x.name().length()).max().orElse(0));
        out.printf(Locale.ROOT, "%-" + width + "s %8s %9s%n", "model", "MAE", "within10");
        for (DeuBacktest.Score s : r.scores()) {
          out.printf(
              Locale.ROOT, "%-" + width + "s %8.3f %9.3f%n", s.model(), s.mae(), s.within10());
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

    /** {@code {}} for a baseline, else {@code {"preset": …, …}} (preset null for a given set). */
    private static ObjectNode optionsJson(Forecaster fc) {
      if (fc.options() == null) {
        return SimulateJson.mapper().createObjectNode();
      }
      return ModelOptions.json(fc.preset(), fc.options());
    }

    /**
     * The forecasters: the ones {@code --models} names (default: both baselines, plus every preset
     * when no model option is given), then the setting the model options give, if any, named after
     * them ({@code bdm --preset scholz --selection least-move}); its Rg is auto unless {@code --rg}
     * is given, since DEU positions are on 0..100.
     */
    static List<Forecaster> forecasters(List<String> names, ModelOptions model) {
      List<Forecaster> all = DeuBacktest.defaultForecasters();
      Map<String, String> given = model.given();
      List<Forecaster> out = new ArrayList<>();
      if (names == null || names.isEmpty()) {
        for (Forecaster f : all) {
          if (f.options() == null || given.isEmpty()) {
            out.add(f);
          }
        }
      } else {
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
      }
      if (!given.isEmpty()) {
        var o = model.get();
        if (!given.containsKey(BdmSettings.RG)) {
          o = o.withRange(Double.NaN);
        }
        StringBuilder name = new StringBuilder("bdm");
        given.forEach((k, v) -> name.append(" --").append(k).append(' ').append(v.trim()));
        out.add(Forecaster.model(name.toString(), model.presetLabel(), o));
      }
      return out;
    }
  }

  /** Why {@code p}, which is not a regular file, cannot be read as one. */
  static String notAFile(java.nio.file.Path p) {
    if (Files.isDirectory(p)) {
      return p + " is a directory, not a file";
    }
    return Files.exists(p) ? p + " is not a regular file" : "no such file: " + p;
  }
}
