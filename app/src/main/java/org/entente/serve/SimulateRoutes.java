package org.entente.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.simulate.BdmModel;
import org.entente.simulate.BdmOptions;
import org.entente.simulate.BdmOptions.Selection;
import org.entente.simulate.BdmRun;
import org.entente.simulate.BdmSettings;
import org.entente.simulate.Choices;
import org.entente.simulate.MonteCarlo;
import org.entente.simulate.Preset;
import org.entente.simulate.Scenario;
import org.entente.simulate.Scenarios;
import org.entente.simulate.SimulateJson;
import org.entente.simulate.StopRule;

/**
 * The simulate stage's routes: the bundled scenarios and a run of the model on one of them, with
 * optional Monte Carlo and sensitivity sweep. Work per request is capped ({@link #MAX_ROUNDS},
 * {@link #MAX_RUNS}, {@link #THREADS}) because the model is CPU-bound and the server is shared.
 * Responses are written by the simulate stage's own JSON configuration ({@link SimulateJson}), so
 * they match {@code entente simulate scenario --format json}.
 */
final class SimulateRoutes {
  /** Largest {@code rounds} a request may ask for. */
  static final int MAX_ROUNDS = 100;

  /** Largest {@code runs} (Monte Carlo) a request may ask for. */
  static final int MAX_RUNS = 20_000;

  /** Threads one request's Monte Carlo may use. */
  static final int THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

  private SimulateRoutes() {}

  /** The routes, in the order the OpenAPI description lists them. */
  static List<Route> all() {
    return List.of(
        new Route(
            "/api/simulate/scenarios",
            "The bundled scenarios: question, scale with labelled ends and regions, actors with"
                + " capability, position and salience and the source of each value.",
            "entente simulate scenario --list",
            List.of(),
            q -> SimulateJson.tree(Scenarios.bundled())),
        new Route(
            "/api/simulate",
            "The expected-utility model (METHODS 5) on a bundled scenario: rounds, moves, stop"
                + " reason, forecast and its region; with runs > 0 a seeded Monte Carlo (share of"
                + " runs per region); with sensitivity a one-at-a-time sweep.",
            "entente simulate scenario",
            params(),
            SimulateRoutes::simulate));
  }

  /**
   * The parameters: the scenario, every model option under its command-line name without dashes
   * ({@link BdmSettings#NAMES}: {@code preset}, {@code rg}, {@code q-term}, {@code vote-exponent},
   * {@code b-from}, …), {@code monte-carlo}, {@code seed} and {@code sensitivity}, as {@code
   * entente simulate scenario NAME --name value} takes them.
   */
  private static List<Param> params() {
    List<Param> p = new ArrayList<>();
    p.add(Param.required("scenario", "A bundled scenario's name.", "prk-nuclear"));
    p.add(
        Param.choice(
            BdmSettings.PRESET,
            "Set every option as Scholz's code or the 2014 replication does (paper: the 2011"
                + " paper); default: none (Scholz's model choices, stop converged, 20 rounds).",
            List.of("scholz", "replication", "paper")));
    p.add(Param.optional(BdmSettings.RG, "Rg: auto or a number > 0.", "auto"));
    p.add(Param.number(BdmSettings.Q, "Probability the status quo persists, 0..1.", "1"));
    p.add(Param.number(BdmSettings.T, "Probability a change favours i, 0..1.", "1"));
    p.add(choice(BdmSettings.Q_TERM, "Status-quo term.", BdmOptions.QTerm.class));
    p.add(choice(BdmSettings.DENOMINATOR, "D of P.", BdmOptions.Denominator.class));
    p.add(choice(BdmSettings.NUMERATOR, "Numerator of P.", BdmOptions.Numerator.class));
    p.add(choice(BdmSettings.VOTE_EXPONENT, "Exponent of the votes.", BdmOptions.Votes.class));
    p.add(choice(BdmSettings.SELECTION, "Which offer a receiver takes.", Selection.class));
    p.add(
        choice(BdmSettings.B_FROM, "Whose risk exponent enters b.", BdmOptions.Perspective.class));
    p.add(Param.choice(BdmSettings.CAPITULATION, "Capitulation branch.", List.of("on", "off")));
    p.add(
        Param.integer(
            BdmSettings.ROUNDS, "Round limit, 1.." + MAX_ROUNDS + " (default: preset's).", "10"));
    p.add(choice(BdmSettings.STOP, "Early stop.", StopRule.Stop.class));
    p.add(Param.number(BdmSettings.EPSILON, "Epsilon of stop converged.", "1e-6"));
    p.add(choice(BdmSettings.FORECAST, "The forecast.", BdmOptions.Forecast.class));
    p.add(
        choice(
            BdmSettings.COMPROMISE_RANK,
            "How selection scholz ranks compromises.",
            BdmOptions.CompromiseRank.class));
    p.add(
        choice(
            BdmSettings.MEDIAN_LINE,
            "What a round reports as its median.",
            BdmOptions.MedianLine.class));
    p.add(Param.integer(BdmSettings.STABLE_ROUNDS, "Quiet rounds stop converged needs.", "2"));
    p.add(Param.integer(BdmSettings.MEAN_OF_LAST, "Forecast over the last K rounds.", "1"));
    p.add(
        Param.integer(MONTE_CARLO, "Monte Carlo runs, 0.." + MAX_RUNS + " (default: 0).", "1000"));
    p.add(Param.integer("seed", "Seed of the Monte Carlo (default: 20240619).", "1"));
    p.add(Param.flag("sensitivity", "Add the one-at-a-time sensitivity sweep."));
    return List.copyOf(p);
  }

  /** The query parameter of the number of Monte Carlo runs (CLI: {@code --monte-carlo}). */
  static final String MONTE_CARLO = "monte-carlo";

  private static <E extends Enum<E>> Param choice(String name, String text, Class<E> type) {
    List<String> values =
        java.util.Arrays.stream(type.getEnumConstants()).map(Choices::label).toList();
    return new Param(name, "string", false, text, values, values.get(0));
  }

  private static Object simulate(Query q) {
    String id = q.string("scenario");
    Scenario sc =
        Scenarios.find(id)
            .orElseThrow(
                () ->
                    Query.bad(
                        "scenario",
                        "'" + id + "' is not one of " + String.join(", ", Scenarios.BUNDLED)));
    Map<String, String> given = new LinkedHashMap<>();
    for (String name : BdmSettings.NAMES) {
      String v = q.string(name);
      if (v != null && !v.isEmpty()) {
        given.put(name, v);
      }
    }
    BdmOptions o;
    try {
      o = BdmSettings.parse(given, MAX_ROUNDS);
    } catch (BdmSettings.BadOption e) {
      throw Query.bad(e.option(), e.getMessage());
    }
    String preset =
        given.containsKey(BdmSettings.PRESET)
            ? Choices.label(Preset.parse(given.get(BdmSettings.PRESET)))
            : null;
    int runs = q.integer(MONTE_CARLO, 0, 0, MAX_RUNS);
    long seed = q.longInteger("seed", 20240619L);
    BdmRun run;
    try {
      run = BdmModel.run(sc.modelActors(), o);
    } catch (IllegalArgumentException e) {
      throw Query.bad(BdmSettings.RG, e.getMessage());
    }
    ObjectNode root = SimulateJson.mapper().createObjectNode();
    root.put("scenario", sc.id());
    if (preset == null) {
      root.putNull("preset");
    } else {
      root.put("preset", preset);
    }
    SimulateJson.number(root, "forecast", run.forecast());
    root.put("region", sc.region(run.forecast()).label());
    root.set("run", SimulateJson.run(run, preset));
    if (runs > 0) {
      root.set(
          "monte_carlo",
          SimulateJson.tree(
              MonteCarlo.run(sc, o, MonteCarlo.Perturbation.defaults(), runs, seed, THREADS)));
    }
    if (q.flag("sensitivity")) {
      root.set("sensitivity", SimulateJson.tree(MonteCarlo.sweep(sc, o)));
    }
    return root;
  }
}
