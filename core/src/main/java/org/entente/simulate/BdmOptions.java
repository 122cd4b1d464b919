package org.entente.simulate;

import java.util.List;
import java.util.Objects;

/**
 * Every choice on which the open implementations of the expected-utility model differ (METHODS §5,
 * "precise differences"), one component each. Formulas are in {@link BdmModel}; {@link Preset}
 * names the combinations that reproduce the implementations.
 *
 * @param denominator D of the win probability P_ij
 * @param numerator the numerator of P_ij
 * @param votes how a voter's utility difference is measured
 * @param selection which offer a receiver takes
 * @param perspective whose risk exponent enters b, the challenger's expected utility
 * @param capitulation whether the capitulation branch exists ({@code false} in Scholz's code, whose
 *     test can never be true)
 * @param compromiseRank how {@link Selection#TYPE_PRIORITY} ranks several compromise offers
 * @param qTerm how the status-quo term enters E(U)
 * @param q Q, probability the status quo persists, 0..1
 * @param t T, probability a change favours the challenger, 0..1
 * @param range Rg, the fixed scale range; NaN means max − min of the initial positions
 * @param medianLine what the per-round "median" reports
 * @param forecast which statistic of the final rounds is the forecast
 * @param stop when a run ends
 */
public record BdmOptions(
    Denominator denominator,
    Numerator numerator,
    Votes votes,
    Selection selection,
    Perspective perspective,
    boolean capitulation,
    CompromiseRank compromiseRank,
    QTerm qTerm,
    double q,
    double t,
    double range,
    MedianLine medianLine,
    Forecast forecast,
    StopRule stop) {

  /** D in P_ij = numerator / D ({@code --denominator}). */
  public enum Denominator implements Choices.Labelled {
    /** {@code pairwise}: D = Σ_k |v_k(x_i, x_j)| (the paper, the 2014 replication). */
    PAIRWISE("pairwise"),
    /**
     * {@code scholz}: D = Σ_k Σ_a Σ_b |v_k(x_a, x_b)| over all ordered pairs of actors (Scholz's
     * code).
     */
    ALL_PAIRS("scholz", "all-pairs");

    private final Choices.Words words;

    Denominator(String label, String... aliases) {
      this.words = new Choices.Words(label, List.of(aliases));
    }

    @Override
    public Choices.Words words() {
      return words;
    }
  }

  /** The numerator of P_ij ({@code --numerator}). */
  public enum Numerator implements Choices.Labelled {
    /** {@code positive}: Σ_k max(0, v_k(x_i, x_j)), votes for i only (the paper, Scholz's code). */
    GROSS("positive", "gross"),
    /** {@code net}: max(0, Σ_k v_k(x_i, x_j)), net of opposing votes (the 2014 replication). */
    NET("net");

    private final Choices.Words words;

    Numerator(String label, String... aliases) {
      this.words = new Choices.Words(label, List.of(aliases));
    }

    @Override
    public Choices.Words words() {
      return words;
    }
  }

  /** The vote v_k(a, b) of voter k for position a over b ({@code --vote-exponent}). */
  public enum Votes implements Choices.Labelled {
    /**
     * {@code risk}: c_k s_k [(|x_k − b|/Rg)^{r_k} − (|x_k − a|/Rg)^{r_k}] with k's current risk
     * exponent.
     */
    POWERED("risk", "powered"),
    /**
     * {@code 1}: c_k s_k (|x_k − b| − |x_k − a|), no exponent even after the risk update (the
     * replication; the missing 1/Rg cancels in P).
     */
    LINEAR("1", "linear");

    private final Choices.Words words;

    Votes(String label, String... aliases) {
      this.words = new Choices.Words(label, List.of(aliases));
    }

    @Override
    public Choices.Words words() {
      return words;
    }
  }

  /** Which offer a receiver accepts when several challengers make one ({@code --selection}). */
  public enum Selection implements Choices.Labelled {
    /** {@code least-move}: the offer that moves the receiver least (the paper). */
    LEAST_MOVE("least-move"),
    /**
     * {@code max-eu}: among challengers with b &gt; 0 the largest b (ties: least distance), then
     * only that one is classified; no offer means the receiver stays (the 2014 replication).
     */
    LARGEST_B_FIRST("max-eu", "largest-b-first"),
    /**
     * {@code scholz}: confrontation before compromise before capitulation; least move inside a
     * type; compromises ranked by (|a|x_i + |b|x_j)/(|a| + |b|) (Scholz's code; see {@link
     * CompromiseRank}).
     */
    TYPE_PRIORITY("scholz", "type-priority"),
    /**
     * {@code max-eu-offer} (not in the issue): the largest b among the offers that classify as
     * confrontation, compromise or capitulation.
     */
    HIGHEST_CHALLENGER_EU("max-eu-offer", "highest-challenger-eu");

    private final Choices.Words words;

    Selection(String label, String... aliases) {
      this.words = new Choices.Words(label, List.of(aliases));
    }

    @Override
    public Choices.Words words() {
      return words;
    }
  }

  /** Whose risk exponent is used for b = E(U_ji), the challenger's EU ({@code --b-from}). */
  public enum Perspective {
    /** {@code receiver}: the receiver's estimate, E^i(U_ji) (the paper, Scholz's code). */
    RECEIVER,
    /** {@code challenger}: the challenger's own, E^j(U_ji) (the 2014 replication). */
    CHALLENGER
  }

  /** How {@link Selection#TYPE_PRIORITY} chooses among compromises. */
  public enum CompromiseRank {
    /** The smallest (|a|x_i + |b|x_j)/(|a| + |b|) (what Scholz's code does). */
    SMALLEST,
    /** The (|a|x_i + |b|x_j)/(|a| + |b|) closest to x_i (what its comment intends). */
    CLOSEST
  }

  /** The status-quo term subtracted in E(U_ij) ({@code --q-term}). */
  public enum QTerm {
    /** {@code scholz}: − Q U_sq; the (1 − Q) term is dropped (Scholz's code). */
    SCHOLZ,
    /** {@code replication}: − Q U_sq + (1 − Q)[T U_b + (1 − T) U_w] (its sign slip). */
    REPLICATION,
    /** {@code paper} (not in the issue): − Q U_sq − (1 − Q)[T U_b + (1 − T) U_w]. */
    PAPER
  }

  /** What a round reports as its median. */
  public enum MedianLine {
    /** The c·s-weighted median of the positions. */
    MEDIAN,
    /** The weighted mean from round 1 on, as the Scholz port prints on its "Median" line. */
    PORT_MEAN
  }

  /** The forecast a run gives. */
  public enum Forecast {
    /** The c·s-weighted mean of the final positions. */
    MEAN,
    /** The reported median of the final positions. */
    MEDIAN
  }

  public BdmOptions {
    Objects.requireNonNull(denominator, "denominator");
    Objects.requireNonNull(numerator, "numerator");
    Objects.requireNonNull(votes, "votes");
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(perspective, "perspective");
    Objects.requireNonNull(compromiseRank, "compromiseRank");
    Objects.requireNonNull(qTerm, "qTerm");
    Objects.requireNonNull(medianLine, "medianLine");
    Objects.requireNonNull(forecast, "forecast");
    Objects.requireNonNull(stop, "stop");
    if (!(q >= 0 && q <= 1) || !(t >= 0 && t <= 1)) {
      throw new IllegalArgumentException("Q and T must be in 0..1");
    }
    if (!Double.isNaN(range) && !(range > 0 && Double.isFinite(range))) {
      throw new IllegalArgumentException("range must be auto or a number > 0");
    }
  }

  /** Whether Rg is max − min of the initial positions. */
  public boolean autoRange() {
    return Double.isNaN(range);
  }

  public BdmOptions withDenominator(Denominator v) {
    return new BdmOptions(
        v,
        numerator,
        votes,
        selection,
        perspective,
        capitulation,
        compromiseRank,
        qTerm,
        q,
        t,
        range,
        medianLine,
        forecast,
        stop);
  }

  public BdmOptions withNumerator(Numerator v) {
    return new BdmOptions(
        denominator,
        v,
        votes,
        selection,
        perspective,
        capitulation,
        compromiseRank,
        qTerm,
        q,
        t,
        range,
        medianLine,
        forecast,
        stop);
  }

  public BdmOptions withVotes(Votes v) {
    return new BdmOptions(
        denominator,
        numerator,
        v,
        selection,
        perspective,
        capitulation,
        compromiseRank,
        qTerm,
        q,
        t,
        range,
        medianLine,
        forecast,
        stop);
  }

  public BdmOptions withSelection(Selection v) {
    return new BdmOptions(
        denominator,
        numerator,
        votes,
        v,
        perspective,
        capitulation,
        compromiseRank,
        qTerm,
        q,
        t,
        range,
        medianLine,
        forecast,
        stop);
  }

  public BdmOptions withPerspective(Perspective v) {
    return new BdmOptions(
        denominator,
        numerator,
        votes,
        selection,
        v,
        capitulation,
        compromiseRank,
        qTerm,
        q,
        t,
        range,
        medianLine,
        forecast,
        stop);
  }

  public BdmOptions withCapitulation(boolean v) {
    return new BdmOptions(
        denominator,
        numerator,
        votes,
        selection,
        perspective,
        v,
        compromiseRank,
        qTerm,
        q,
        t,
        range,
        medianLine,
        forecast,
        stop);
  }

  public BdmOptions withCompromiseRank(CompromiseRank v) {
    return new BdmOptions(
        denominator,
        numerator,
        votes,
        selection,
        perspective,
        capitulation,
        v,
        qTerm,
        q,
        t,
        range,
        medianLine,
        forecast,
        stop);
  }

  public BdmOptions withQTerm(QTerm v) {
    return new BdmOptions(
        denominator,
        numerator,
        votes,
        selection,
        perspective,
        capitulation,
        compromiseRank,
        v,
        q,
        t,
        range,
        medianLine,
        forecast,
        stop);
  }

  public BdmOptions withQ(double v) {
    return new BdmOptions(
        denominator,
        numerator,
        votes,
        selection,
        perspective,
        capitulation,
        compromiseRank,
        qTerm,
        v,
        t,
        range,
        medianLine,
        forecast,
        stop);
  }

  public BdmOptions withT(double v) {
    return new BdmOptions(
        denominator,
        numerator,
        votes,
        selection,
        perspective,
        capitulation,
        compromiseRank,
        qTerm,
        q,
        v,
        range,
        medianLine,
        forecast,
        stop);
  }

  /** With a fixed range, or NaN for auto. */
  public BdmOptions withRange(double v) {
    return new BdmOptions(
        denominator,
        numerator,
        votes,
        selection,
        perspective,
        capitulation,
        compromiseRank,
        qTerm,
        q,
        t,
        v,
        medianLine,
        forecast,
        stop);
  }

  public BdmOptions withMedianLine(MedianLine v) {
    return new BdmOptions(
        denominator,
        numerator,
        votes,
        selection,
        perspective,
        capitulation,
        compromiseRank,
        qTerm,
        q,
        t,
        range,
        v,
        forecast,
        stop);
  }

  public BdmOptions withForecast(Forecast v) {
    return new BdmOptions(
        denominator,
        numerator,
        votes,
        selection,
        perspective,
        capitulation,
        compromiseRank,
        qTerm,
        q,
        t,
        range,
        medianLine,
        v,
        stop);
  }

  public BdmOptions withStop(StopRule v) {
    return new BdmOptions(
        denominator,
        numerator,
        votes,
        selection,
        perspective,
        capitulation,
        compromiseRank,
        qTerm,
        q,
        t,
        range,
        medianLine,
        forecast,
        v);
  }
}
