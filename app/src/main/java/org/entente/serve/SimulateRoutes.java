package org.entente.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.entente.simulate.BdmModel;
import org.entente.simulate.BdmOptions;
import org.entente.simulate.BdmRun;
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
            List.of(
                Param.required("scenario", "A bundled scenario's id.", "prk-nuclear"),
                Param.choice(
                    "preset",
                    "Model options (default: scholz).",
                    List.of("scholz", "paper", "replication")),
                Param.optional(
                    "range", "Rg: auto or a number > 0 (default: the preset's).", "auto"),
                Param.integer(
                    "rounds", "Maximum rounds, 1.." + MAX_ROUNDS + " (default: preset's).", "10"),
                Param.integer(
                    "runs", "Monte Carlo runs, 0.." + MAX_RUNS + " (default: 0).", "1000"),
                Param.integer("seed", "Seed of the Monte Carlo (default: 20240619).", "1"),
                Param.flag("sensitivity", "Add the one-at-a-time sensitivity sweep.")),
            SimulateRoutes::simulate));
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
    BdmOptions o = Preset.parse(q.choice("preset", "scholz")).options();
    String range = q.string("range");
    if (range != null && !range.isEmpty()) {
      o =
          o.withRange(
              range.equalsIgnoreCase("auto")
                  ? Double.NaN
                  : q.number("range", Double.NaN, Double.MIN_VALUE, 1e12));
    }
    StopRule stop = o.stop();
    o = o.withStop(stop.withMaxRounds(q.integer("rounds", stop.maxRounds(), 1, MAX_ROUNDS)));
    int runs = q.integer("runs", 0, 0, MAX_RUNS);
    long seed = q.longInteger("seed", 20240619L);
    BdmRun run;
    try {
      run = BdmModel.run(sc.modelActors(), o);
    } catch (IllegalArgumentException e) {
      throw Query.bad("range", e.getMessage());
    }
    ObjectNode root = SimulateJson.mapper().createObjectNode();
    root.put("scenario", sc.id());
    root.put("preset", Choices.label(Preset.parse(q.choice("preset", "scholz"))));
    root.put("forecast", run.forecast());
    root.put("region", sc.region(run.forecast()).label());
    root.set("run", SimulateJson.tree(run));
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
