package org.entente.cli;

import java.util.Locale;
import org.entente.simulate.BdmOptions;
import org.entente.simulate.Choices;
import org.entente.simulate.Preset;
import org.entente.simulate.StopRule;
import picocli.CommandLine.Option;

/**
 * The expected-utility model's options (METHODS §5, docs/simulate.md): a preset and any number of
 * single differences on top of it. Values are parsed by the simulate stage's {@link Choices}.
 */
final class ModelOptions {
  @Option(
      names = "--preset",
      defaultValue = "scholz",
      paramLabel = "NAME",
      description =
          "paper, scholz or replication (default: ${DEFAULT-VALUE}); the options below override"
              + " single parts of it (docs/simulate.md).")
  String preset;

  @Option(names = "--range", paramLabel = "auto|RG", description = "Rg: auto or a number > 0.")
  String range;

  @Option(names = "--denominator", paramLabel = "D", description = "pairwise or all-pairs.")
  String denominator;

  @Option(names = "--numerator", paramLabel = "N", description = "gross or net.")
  String numerator;

  @Option(names = "--votes", paramLabel = "V", description = "powered or linear.")
  String votes;

  @Option(
      names = "--selection",
      paramLabel = "S",
      description = "least-move, highest-challenger-eu, type-priority or largest-b-first.")
  String selection;

  @Option(
      names = "--perspective",
      paramLabel = "P",
      description = "Whose exponent enters b: receiver or challenger.")
  String perspective;

  @Option(names = "--capitulation", paramLabel = "on|off", description = "Capitulation branch.")
  String capitulation;

  @Option(names = "--compromise-rank", paramLabel = "R", description = "smallest or closest.")
  String compromiseRank;

  @Option(names = "--q-term", paramLabel = "T", description = "paper, scholz or replication.")
  String qTerm;

  @Option(names = "--q", paramLabel = "Q", description = "Probability the status quo persists.")
  Double q;

  @Option(names = "--t", paramLabel = "T", description = "Probability a change favours i.")
  Double t;

  @Option(names = "--median-line", paramLabel = "M", description = "median or port-mean.")
  String medianLine;

  @Option(names = "--forecast", paramLabel = "F", description = "mean or median.")
  String forecast;

  @Option(names = "--rounds", paramLabel = "N", description = "Maximum rounds (1..1000).")
  Integer rounds;

  @Option(
      names = "--epsilon",
      paramLabel = "E",
      description = "Stop when max |Δx| < E for --stable-rounds rounds (0: off).")
  Double epsilon;

  @Option(names = "--stable-rounds", paramLabel = "K", description = "Quiet rounds needed.")
  Integer stableRounds;

  @Option(
      names = "--stop-on-repeat",
      paramLabel = "on|off",
      description = "Stop at a fixed point or cycle.")
  String stopOnRepeat;

  @Option(
      names = "--mean-of-last",
      paramLabel = "K",
      description = "Forecast = average over the last K rounds.")
  Integer meanOfLast;

  /** The preset's options with every given override; a bad value is a usage mistake. */
  BdmOptions get() {
    try {
      BdmOptions o = Preset.parse(preset).options();
      if (range != null) {
        o =
            o.withRange(
                range.trim().equalsIgnoreCase("auto") ? Double.NaN : number("--range", range));
      }
      if (denominator != null) {
        o = o.withDenominator(parse(BdmOptions.Denominator.class, "--denominator", denominator));
      }
      if (numerator != null) {
        o = o.withNumerator(parse(BdmOptions.Numerator.class, "--numerator", numerator));
      }
      if (votes != null) {
        o = o.withVotes(parse(BdmOptions.Votes.class, "--votes", votes));
      }
      if (selection != null) {
        o = o.withSelection(parse(BdmOptions.Selection.class, "--selection", selection));
      }
      if (perspective != null) {
        o = o.withPerspective(parse(BdmOptions.Perspective.class, "--perspective", perspective));
      }
      if (capitulation != null) {
        o = o.withCapitulation(onOff("--capitulation", capitulation));
      }
      if (compromiseRank != null) {
        o =
            o.withCompromiseRank(
                parse(BdmOptions.CompromiseRank.class, "--compromise-rank", compromiseRank));
      }
      if (qTerm != null) {
        o = o.withQTerm(parse(BdmOptions.QTerm.class, "--q-term", qTerm));
      }
      if (q != null) {
        o = o.withQ(q);
      }
      if (t != null) {
        o = o.withT(t);
      }
      if (medianLine != null) {
        o = o.withMedianLine(parse(BdmOptions.MedianLine.class, "--median-line", medianLine));
      }
      if (forecast != null) {
        o = o.withForecast(parse(BdmOptions.Forecast.class, "--forecast", forecast));
      }
      StopRule s = o.stop();
      if (rounds != null && (rounds < 1 || rounds > 1000)) {
        throw new UsageException("--rounds must be 1..1000");
      }
      o =
          o.withStop(
              new StopRule(
                  rounds != null ? rounds : s.maxRounds(),
                  epsilon != null ? epsilon : s.epsilon(),
                  stableRounds != null ? stableRounds : s.stableRounds(),
                  stopOnRepeat != null ? onOff("--stop-on-repeat", stopOnRepeat) : s.stopOnRepeat(),
                  meanOfLast != null ? meanOfLast : s.meanOfLast()));
      return o;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** The preset's label as given. */
  String presetLabel() {
    return preset.trim().toLowerCase(Locale.ROOT);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String option, String value) {
    return Choices.parse(type, option, value);
  }

  private static double number(String option, String v) {
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(option + " must be a number or auto, not '" + v + "'");
    }
  }

  private static boolean onOff(String option, String v) {
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "on", "true", "yes" -> true;
      case "off", "false", "no" -> false;
      default -> throw new UsageException(option + " must be on or off, not '" + v + "'");
    };
  }
}
