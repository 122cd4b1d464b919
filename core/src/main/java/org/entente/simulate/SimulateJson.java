package org.entente.simulate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.List;
import org.entente.report.JsonOutput;

/**
 * The simulate stage's JSON: record components as snake_case keys, enum constants as their option
 * labels ({@link Choices#label}), numbers, nulls and key order as every JSON output ({@link
 * JsonOutput}). {@link BdmOptions} is written as {@link BdmSettings#describe} (the public option
 * names) and {@link BdmRun} as {@link #run} (issue 13's shape). Thread-safe.
 */
public final class SimulateJson {
  private static final ObjectMapper MAPPER = build();

  private SimulateJson() {}

  /** The JSON text of {@code value}. */
  public static String write(Object value) {
    return JsonOutput.text(MAPPER.writer(), value);
  }

  /** {@code value} as a tree (to add keys before writing). */
  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /**
   * A run in issue 13's shape: {@code {"options": {…}, "rounds": [{"round": 0, "mean", "median",
   * "positions": {actor: x}, "risk": {actor: r}, "offers": [{"from", "to", "type", "eu_receiver",
   * "eu_challenger", "new_position"}]}, …], "stopped": …}}, plus {@code rg}, {@code actors} (the
   * input table), per round {@code theta} and {@code max_shift} (from round 1), {@code
   * cycle_period}, {@code forecast}, {@code forecast_mean} and {@code forecast_median}.
   *
   * <p>Round 0 is the initial state: its risk exponents are 1 (the model's starting value, before
   * the first update) and it has no offers. Round k ≥ 1 lists the risk exponents used in that
   * round, the offers accepted in it (one per receiver at most; {@code from} is the challenger,
   * {@code to} the receiver, {@code eu_receiver} = a = E^i(U_ij), {@code eu_challenger} = b =
   * E(U_ji) as {@code b-from} says) and the positions, mean and median after it.
   */
  public static ObjectNode run(BdmRun run) {
    ObjectNode n = MAPPER.createObjectNode();
    n.set("options", MAPPER.valueToTree(BdmSettings.describe(run.options())));
    number(n, "rg", run.range());
    n.set("actors", MAPPER.valueToTree(run.actors()));
    ArrayNode rounds = n.putArray("rounds");
    List<Actor> actors = run.actors();
    double[] x0 = actors.stream().mapToDouble(Actor::position).toArray();
    double[] ones = new double[x0.length];
    java.util.Arrays.fill(ones, 1);
    ObjectNode r0 = rounds.addObject();
    r0.put("round", 0);
    number(r0, "mean", run.initialMean());
    number(r0, "median", run.initialMedian());
    r0.set("positions", byActor(actors, x0));
    r0.set("risk", byActor(actors, ones));
    r0.putArray("offers");
    for (RoundResult r : run.rounds()) {
      ObjectNode o = rounds.addObject();
      o.put("round", r.round());
      number(o, "mean", r.mean());
      number(o, "median", r.median());
      o.set("positions", byActor(actors, r.positions()));
      o.set("risk", byActor(actors, r.risk()));
      ArrayNode offers = o.putArray("offers");
      for (Move m : r.moves()) {
        ObjectNode f = offers.addObject();
        f.put("from", m.challenger());
        f.put("to", m.receiver());
        f.put("type", Choices.label(m.type()));
        number(f, "eu_receiver", m.a());
        number(f, "eu_challenger", m.b());
        number(f, "new_position", m.to());
        number(f, "old_position", m.from());
      }
      o.set("theta", byActor(actors, r.theta()));
      number(o, "max_shift", r.maxShift());
    }
    n.put("stopped", Choices.label(run.stop()));
    n.put("cycle_period", run.cyclePeriod());
    number(n, "forecast", run.forecast());
    number(n, "forecast_mean", run.forecastMean());
    number(n, "forecast_median", run.forecastMedian());
    return n;
  }

  /**
   * The {@code "options"} object with the preset first: {@code {"preset": "scholz" | null, "rg": …,
   * …}} ({@link BdmSettings#describe}).
   */
  public static ObjectNode options(String preset, BdmOptions o) {
    ObjectNode n = MAPPER.createObjectNode();
    if (preset == null) {
      n.putNull(BdmSettings.PRESET);
    } else {
      n.put(BdmSettings.PRESET, preset);
    }
    n.setAll((ObjectNode) MAPPER.valueToTree(BdmSettings.describe(o)));
    return n;
  }

  /** {@link #run} with the preset in {@code options}. */
  public static ObjectNode run(BdmRun run, String preset) {
    ObjectNode n = run(run);
    n.set("options", options(preset, run.options()));
    return n;
  }

  private static ObjectNode byActor(List<Actor> actors, double[] v) {
    ObjectNode o = MAPPER.createObjectNode();
    for (int i = 0; i < v.length; i++) {
      number(o, actors.get(i).name(), v[i]);
    }
    return o;
  }

  /** Puts a double, or null when it is NaN or infinite (as {@link JsonOutput} writes them). */
  public static void number(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }

  /** The configured mapper (shared; do not reconfigure). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static ObjectMapper build() {
    SimpleModule module = new SimpleModule("simulate");
    module.addSerializer(
        (Class) Enum.class,
        new StdSerializer<Enum>(Enum.class) {
          private static final long serialVersionUID = 1L;

          @Override
          public void serialize(Enum e, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeString(Choices.label(e));
          }
        });
    module.addSerializer(
        BdmOptions.class,
        new StdSerializer<BdmOptions>(BdmOptions.class) {
          private static final long serialVersionUID = 1L;

          @Override
          public void serialize(BdmOptions o, JsonGenerator g, SerializerProvider p)
              throws IOException {
            p.defaultSerializeValue(BdmSettings.describe(o), g);
          }
        });
    module.addSerializer(
        BdmRun.class,
        new StdSerializer<BdmRun>(BdmRun.class) {
          private static final long serialVersionUID = 1L;

          @Override
          public void serialize(BdmRun r, JsonGenerator g, SerializerProvider p)
              throws IOException {
            g.writeTree(run(r));
          }
        });
    return JsonOutput.newMapper(module);
  }
}
