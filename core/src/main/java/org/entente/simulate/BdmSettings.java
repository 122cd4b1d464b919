package org.entente.simulate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The model's options under their public names (issue 13), shared by the command line ({@code
 * --name value}) and the API ({@code name=value}): parsing a set of given values onto a preset or
 * the defaults, and describing options under the same names for JSON ({@code "options"}).
 *
 * <p>Issue 13 names and their {@link BdmOptions} components: {@code rg auto|NUMBER} → range; {@code
 * q}, {@code t}; {@code q-term scholz|replication[|paper]} → {@link BdmOptions.QTerm}; {@code
 * denominator pairwise|scholz} → {@link BdmOptions.Denominator}; {@code numerator positive|net} →
 * {@link BdmOptions.Numerator}; {@code vote-exponent risk|1} → {@link BdmOptions.Votes}; {@code
 * selection least-move|max-eu|scholz[|max-eu-offer]} → {@link BdmOptions.Selection}; {@code b-from
 * receiver|challenger} → {@link BdmOptions.Perspective}; {@code capitulation on|off}; {@code rounds
 * N}, {@code stop none|converged|cycle}, {@code epsilon E} → {@link StopRule}; {@code forecast
 * mean|median}. Extras not in the issue: {@code compromise-rank}, {@code median-line}, {@code
 * stable-rounds}, {@code mean-of-last}, and the preset {@code paper}.
 */
public final class BdmSettings {
  public static final String PRESET = "preset";
  public static final String RG = "rg";
  public static final String Q = "q";
  public static final String T = "t";
  public static final String Q_TERM = "q-term";
  public static final String DENOMINATOR = "denominator";
  public static final String NUMERATOR = "numerator";
  public static final String VOTE_EXPONENT = "vote-exponent";
  public static final String SELECTION = "selection";
  public static final String B_FROM = "b-from";
  public static final String CAPITULATION = "capitulation";
  public static final String ROUNDS = "rounds";
  public static final String STOP = "stop";
  public static final String EPSILON = "epsilon";
  public static final String FORECAST = "forecast";
  public static final String COMPROMISE_RANK = "compromise-rank";
  public static final String MEDIAN_LINE = "median-line";
  public static final String STABLE_ROUNDS = "stable-rounds";
  public static final String MEAN_OF_LAST = "mean-of-last";

  /** Every option name, in the order of {@link #describe}. */
  public static final List<String> NAMES =
      List.of(
          PRESET,
          RG,
          Q,
          T,
          Q_TERM,
          DENOMINATOR,
          NUMERATOR,
          VOTE_EXPONENT,
          SELECTION,
          B_FROM,
          CAPITULATION,
          ROUNDS,
          STOP,
          EPSILON,
          FORECAST,
          COMPROMISE_RANK,
          MEDIAN_LINE,
          STABLE_ROUNDS,
          MEAN_OF_LAST);

  /** A bad value of one option; {@link #option()} is its name without dashes. */
  public static final class BadOption extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String option;

    BadOption(String option, String message) {
      super(message);
      this.option = option;
    }

    /** The option's name, e.g. {@code vote-exponent}. */
    public String option() {
      return option;
    }
  }

  private BdmSettings() {}

  /**
   * The options without a preset: Scholz's code's model choices (those of the METHODS §5 test
   * vector) with METHODS' suggested stop rule ({@code --stop converged}, ε = 1e-6 for two rounds,
   * at most 20 rounds) and the mean as forecast.
   */
  public static BdmOptions defaults() {
    return Preset.SCHOLZ.options().withStop(StopRule.suggested());
  }

  /**
   * The preset's options (or {@link #defaults()} without {@code preset}) with every other given
   * value applied on top. Keys are {@link #NAMES}; null or blank values count as not given.
   *
   * @param maxRounds the largest {@code rounds} accepted
   * @throws BadOption naming the option for an unknown name or a bad value
   */
  public static BdmOptions parse(Map<String, String> given, int maxRounds) {
    for (String k : given.keySet()) {
      if (!NAMES.contains(k)) {
        throw new BadOption(k, k + ": not a model option");
      }
    }
    String preset = value(given, PRESET);
    BdmOptions o = preset == null ? defaults() : enumValue(Preset.class, PRESET, preset).options();
    String v;
    String rg = value(given, RG);
    if (rg != null) {
      double range = rg.equalsIgnoreCase("auto") ? Double.NaN : number(RG, rg);
      o = with(RG, rg, o, x -> x.withRange(range));
    }
    String q = value(given, Q);
    if (q != null) {
      double qv = number(Q, q);
      o = with(Q, q, o, x -> x.withQ(qv));
    }
    String t = value(given, T);
    if (t != null) {
      double tv = number(T, t);
      o = with(T, t, o, x -> x.withT(tv));
    }
    if ((v = value(given, Q_TERM)) != null) {
      o = o.withQTerm(enumValue(BdmOptions.QTerm.class, Q_TERM, v));
    }
    if ((v = value(given, DENOMINATOR)) != null) {
      o = o.withDenominator(enumValue(BdmOptions.Denominator.class, DENOMINATOR, v));
    }
    if ((v = value(given, NUMERATOR)) != null) {
      o = o.withNumerator(enumValue(BdmOptions.Numerator.class, NUMERATOR, v));
    }
    if ((v = value(given, VOTE_EXPONENT)) != null) {
      o = o.withVotes(enumValue(BdmOptions.Votes.class, VOTE_EXPONENT, v));
    }
    if ((v = value(given, SELECTION)) != null) {
      o = o.withSelection(enumValue(BdmOptions.Selection.class, SELECTION, v));
    }
    if ((v = value(given, B_FROM)) != null) {
      o = o.withPerspective(enumValue(BdmOptions.Perspective.class, B_FROM, v));
    }
    if ((v = value(given, CAPITULATION)) != null) {
      o = o.withCapitulation(onOff(CAPITULATION, v));
    }
    if ((v = value(given, COMPROMISE_RANK)) != null) {
      o = o.withCompromiseRank(enumValue(BdmOptions.CompromiseRank.class, COMPROMISE_RANK, v));
    }
    if ((v = value(given, MEDIAN_LINE)) != null) {
      o = o.withMedianLine(enumValue(BdmOptions.MedianLine.class, MEDIAN_LINE, v));
    }
    if ((v = value(given, FORECAST)) != null) {
      o = o.withForecast(enumValue(BdmOptions.Forecast.class, FORECAST, v));
    }
    StopRule s = o.stop();
    if ((v = value(given, STOP)) != null) {
      s = s.withStop(enumValue(StopRule.Stop.class, STOP, v));
    }
    if ((v = value(given, ROUNDS)) != null) {
      int n = integer(ROUNDS, v);
      if (n < 1 || n > maxRounds) {
        throw new BadOption(ROUNDS, ROUNDS + " must be 1.." + maxRounds + ", not " + v);
      }
      s = s.withMaxRounds(n);
    }
    if ((v = value(given, EPSILON)) != null) {
      double e = number(EPSILON, v);
      if (!(e >= 0) || Double.isInfinite(e)) {
        throw new BadOption(EPSILON, EPSILON + " must be a number >= 0, not " + v);
      }
      s = s.withEpsilon(e);
    }
    if ((v = value(given, STABLE_ROUNDS)) != null) {
      int k = integer(STABLE_ROUNDS, v);
      if (k < 1) {
        throw new BadOption(STABLE_ROUNDS, STABLE_ROUNDS + " must be >= 1, not " + v);
      }
      s = s.withStableRounds(k);
    }
    if ((v = value(given, MEAN_OF_LAST)) != null) {
      int k = integer(MEAN_OF_LAST, v);
      if (k < 1) {
        throw new BadOption(MEAN_OF_LAST, MEAN_OF_LAST + " must be >= 1, not " + v);
      }
      s = s.withMeanOfLast(k);
    }
    return o.withStop(s);
  }

  /**
   * The options under their public names with snake_case keys, values as written on the command
   * line ({@code "rg": "auto"} or a number, {@code "capitulation": "on"}): the {@code "options"}
   * object of the JSON outputs (the preset is added by the caller, which knows it).
   */
  public static Map<String, Object> describe(BdmOptions o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(key(RG), o.autoRange() ? "auto" : o.range());
    m.put(key(Q), o.q());
    m.put(key(T), o.t());
    m.put(key(Q_TERM), Choices.label(o.qTerm()));
    m.put(key(DENOMINATOR), Choices.label(o.denominator()));
    m.put(key(NUMERATOR), Choices.label(o.numerator()));
    m.put(key(VOTE_EXPONENT), Choices.label(o.votes()));
    m.put(key(SELECTION), Choices.label(o.selection()));
    m.put(key(B_FROM), Choices.label(o.perspective()));
    m.put(key(CAPITULATION), o.capitulation() ? "on" : "off");
    m.put(key(ROUNDS), o.stop().maxRounds());
    m.put(key(STOP), Choices.label(o.stop().stop()));
    m.put(key(EPSILON), o.stop().epsilon());
    m.put(key(FORECAST), Choices.label(o.forecast()));
    m.put(key(COMPROMISE_RANK), Choices.label(o.compromiseRank()));
    m.put(key(MEDIAN_LINE), Choices.label(o.medianLine()));
    m.put(key(STABLE_ROUNDS), o.stop().stableRounds());
    m.put(key(MEAN_OF_LAST), o.stop().meanOfLast());
    return m;
  }

  /** The JSON key of an option name: {@code q-term} → {@code q_term}. */
  public static String key(String name) {
    return name.replace('-', '_');
  }

  private interface Change {
    BdmOptions apply(BdmOptions o);
  }

  private static BdmOptions with(String name, String v, BdmOptions o, Change c) {
    try {
      return c.apply(o);
    } catch (BadOption e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new BadOption(name, name + ": " + e.getMessage() + " (given '" + v + "')");
    }
  }

  private static String value(Map<String, String> given, String name) {
    String v = given.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String v) {
    try {
      return Choices.parse(type, name, v);
    } catch (IllegalArgumentException e) {
      throw new BadOption(name, e.getMessage());
    }
  }

  private static double number(String name, String v) {
    try {
      double d = Double.parseDouble(v);
      if (Double.isNaN(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new BadOption(
          name,
          name + " must be a number" + (name.equals(RG) ? " or auto" : "") + ", not '" + v + "'");
    }
  }

  private static int integer(String name, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new BadOption(name, name + " must be a whole number, not '" + v + "'");
    }
  }

  private static boolean onOff(String name, String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new BadOption(name, name + " must be on or off, not '" + v + "'");
    };
  }
}
