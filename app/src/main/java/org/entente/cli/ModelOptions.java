package org.entente.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.entente.simulate.BdmOptions;
import org.entente.simulate.BdmSettings;
import org.entente.simulate.Choices;
import org.entente.simulate.Preset;
import org.entente.simulate.SimulateJson;
import picocli.CommandLine.Option;

/**
 * The expected-utility model's options under issue 13's names (METHODS §5, docs/simulate.md): a
 * preset (or the defaults) and any number of single differences on top of it. Values are parsed by
 * the simulate stage's {@link BdmSettings}, which the API uses too.
 */
final class ModelOptions {
  @Option(
      names = "--preset",
      paramLabel = "scholz|replication",
      description =
          "Set every option as Scholz's code or the 2014 replication does (paper: the 2011 paper"
              + " as written); the options below override single parts of it. Without a preset:"
              + " Scholz's model choices with --stop converged and 20 rounds.")
  String preset;

  @Option(
      names = "--rg",
      paramLabel = "auto|NUMBER",
      description = "Rg; auto: max - min of the initial positions.")
  String rg;

  @Option(names = "--q", paramLabel = "Q", description = "Probability the status quo persists.")
  String q;

  @Option(names = "--t", paramLabel = "T", description = "Probability a change favours i.")
  String t;

  @Option(
      names = "--q-term",
      paramLabel = "scholz|replication",
      description = "Status-quo term (also: paper).")
  String qTerm;

  @Option(
      names = "--denominator",
      paramLabel = "pairwise|scholz",
      description = "D of P: the votes on this pair, or on all ordered pairs (Scholz's code).")
  String denominator;

  @Option(
      names = "--numerator",
      paramLabel = "positive|net",
      description = "Numerator of P: the votes for i, or their net of opposing votes.")
  String numerator;

  @Option(
      names = "--vote-exponent",
      paramLabel = "risk|1",
      description = "Exponent of the votes: each voter's risk exponent, or 1 (linear).")
  String voteExponent;

  @Option(
      names = "--selection",
      paramLabel = "least-move|max-eu|scholz",
      description = "Which offer a receiver takes (also: max-eu-offer).")
  String selection;

  @Option(
      names = "--b-from",
      paramLabel = "receiver|challenger",
      description = "Whose risk exponent enters the challenger's EU b.")
  String bFrom;

  @Option(names = "--capitulation", paramLabel = "on|off", description = "Capitulation branch.")
  String capitulation;

  @Option(names = "--rounds", paramLabel = "N", description = "Round limit, 1..1000.")
  String rounds;

  @Option(
      names = "--stop",
      paramLabel = "none|converged|cycle",
      description =
          "Early stop: converged = max |dx| < epsilon for two rounds or a repeated state;"
              + " cycle = a repeated state; none = the round limit only.")
  String stop;

  @Option(names = "--epsilon", paramLabel = "E", description = "Epsilon of --stop converged.")
  String epsilon;

  @Option(names = "--forecast", paramLabel = "mean|median", description = "The forecast.")
  String forecast;

  @Option(
      names = "--compromise-rank",
      paramLabel = "smallest|closest",
      description = "How --selection scholz ranks compromises.")
  String compromiseRank;

  @Option(
      names = "--median-line",
      paramLabel = "median|port-mean",
      description = "What a round reports as its median.")
  String medianLine;

  @Option(
      names = "--stable-rounds",
      paramLabel = "K",
      description = "Quiet rounds --stop converged needs.")
  String stableRounds;

  @Option(
      names = "--mean-of-last",
      paramLabel = "K",
      description = "Forecast = average over the last K rounds.")
  String meanOfLast;

  /** The given values by option name (absent ones left out). */
  Map<String, String> given() {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, BdmSettings.PRESET, preset);
    put(m, BdmSettings.RG, rg);
    put(m, BdmSettings.Q, q);
    put(m, BdmSettings.T, t);
    put(m, BdmSettings.Q_TERM, qTerm);
    put(m, BdmSettings.DENOMINATOR, denominator);
    put(m, BdmSettings.NUMERATOR, numerator);
    put(m, BdmSettings.VOTE_EXPONENT, voteExponent);
    put(m, BdmSettings.SELECTION, selection);
    put(m, BdmSettings.B_FROM, bFrom);
    put(m, BdmSettings.CAPITULATION, capitulation);
    put(m, BdmSettings.ROUNDS, rounds);
    put(m, BdmSettings.STOP, stop);
    put(m, BdmSettings.EPSILON, epsilon);
    put(m, BdmSettings.FORECAST, forecast);
    put(m, BdmSettings.COMPROMISE_RANK, compromiseRank);
    put(m, BdmSettings.MEDIAN_LINE, medianLine);
    put(m, BdmSettings.STABLE_ROUNDS, stableRounds);
    put(m, BdmSettings.MEAN_OF_LAST, meanOfLast);
    return m;
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  /** The preset's options (or the defaults) with every given override; bad values: usage. */
  BdmOptions get() {
    try {
      return BdmSettings.parse(given(), 1000);
    } catch (BdmSettings.BadOption e) {
      throw new UsageException("--" + e.getMessage());
    }
  }

  /** The preset's label, or null when none was given. */
  String presetLabel() {
    if (preset == null) {
      return null;
    }
    try {
      return Choices.label(Preset.parse(preset));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + e.getMessage());
    }
  }

  /** The JSON {@code "options"} object: {@code preset} (null when none) and every option. */
  static ObjectNode json(String presetLabel, BdmOptions o) {
    return SimulateJson.options(presetLabel, o);
  }
}
