package org.entente.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.entente.simulate.BdmOptions.Denominator;
import org.entente.simulate.BdmOptions.Numerator;
import org.entente.simulate.BdmOptions.Perspective;
import org.entente.simulate.BdmOptions.Selection;
import org.entente.simulate.BdmOptions.Votes;

/**
 * Bueno de Mesquita's expected-utility group decision model in one dimension, as reconstructed by
 * Scholz, Calbert &amp; Smith (2011), "Unravelling Bueno De Mesquita's group decision model", J.
 * Theoretical Politics 23(4):510–531, with every point on which the two open implementations differ
 * as an option ({@link BdmOptions}; METHODS §5).
 *
 * <p>Inputs: capability c_i ≥ 0, position x_i, salience s_i ∈ [0, 1]; weight w_i = c_i s_i. Rg =
 * max x − min x of the initial positions, or fixed. Mean μ = Σ w x / Σ w; median = the lowest actor
 * position among those minimising Σ_k w_k |x_k − m|.
 *
 * <p>Vote of k for a over b: v_k(a, b) = w_k [(|x_k − b|/Rg)^{r_k} − (|x_k − a|/Rg)^{r_k}]
 * (powered) or w_k (|x_k − b| − |x_k − a|) (linear). Win probability of i against j: P_ij = N / D,
 * 0 if x_i = x_j or D = 0; N = Σ_k max(0, v_k(x_i, x_j)) (gross) or max(0, Σ_k v_k(x_i, x_j))
 * (net); D = Σ_k |v_k(x_i, x_j)| (pairwise) or Σ_k Σ_a Σ_b |v_k(x_a, x_b)| over ordered pairs of
 * actors (all pairs).
 *
 * <p>Expected utility of i challenging j seen with exponent r, d = |x_i − x_j|/Rg: U_s = 2 − 4(0.5
 * − 0.5d)^r, U_f = 2 − 4(0.5 + 0.5d)^r, U_sq = 2 − 4·0.5^r, U_b = 2 − 4(0.5 − 0.25(|x_i − μ|/Rg +
 * d))^r, U_w = 2 − 4(0.5 + 0.25(|x_i − μ|/Rg + d))^r; E(U_ij) = s_j[P_ij U_s + (1 − P_ij) U_f] + (1
 * − s_j) U_s − (Q term), the Q term per {@link BdmOptions.QTerm}.
 *
 * <p>A round: (1) risk: with every r = 1, θ_i = Σ_{j≠i} E(U_ji); R_i = (2θ_i − max θ − min θ)/(max
 * θ − min θ); r_i = (1 − R_i/3)/(1 + R_i/3) ∈ [0.5, 2] (all θ equal: stop, {@link
 * StopReason#EQUAL_THETA}). (2) With these r, for receiver i and each challenger j with x_j ≠ x_i:
 * a = E^i(U_ij), b = E(U_ji) with the receiver's or the challenger's exponent; b &gt; a &gt; 0 →
 * confrontation (x_i → x_j); b &gt; 0 &gt; a and b &gt; |a| → compromise (x_i → x_i + (x_j −
 * x_i)|a|/b); b &gt; 0 &gt; a and b &lt; |a| → capitulation (x_i → x_j) when enabled; otherwise no
 * offer. (3) One offer per receiver ({@link Selection}); all positions are updated at once.
 *
 * <p>Stopping ({@link StopRule}): a fixed number of rounds, max |Δx| &lt; ε for some rounds, or a
 * repeated state; the model depends only on the positions, so a repeat would recur for ever.
 *
 * <p>Checked against the worked example of METHODS §5 (EU car-emission data) in the tests.
 * Thread-safe: no state; each call works on its own arrays.
 */
public final class BdmModel {
  /**
   * The most actors a run takes: a round costs about n³ operations (300 actors took 8.6 s, 3,000
   * ran for minutes without a word); published applications model a few dozen.
   */
  public static final int MAX_ACTORS = 200;

  private BdmModel() {}

  /**
   * Runs the model on {@code actors} until the stop rule ends it.
   *
   * @throws IllegalArgumentException when there are fewer than two actors, all weights are 0, or a
   *     fixed range is smaller than the spread of positions
   */
  public static BdmRun run(List<Actor> actors, BdmOptions options) {
    Engine e = new Engine(actors, options);
    return e.run();
  }

  /** The c·s-weighted mean of {@code x}; NaN when all weights are 0. */
  static double mean(double[] w, double[] x) {
    double sw = 0;
    double swx = 0;
    for (int i = 0; i < x.length; i++) {
      sw += w[i];
      swx += w[i] * x[i];
    }
    return sw > 0 ? swx / sw : Double.NaN;
  }

  /**
   * The c·s-weighted median: the lowest actor position among those minimising Σ_k w_k |x_k − m|
   * (ties within a relative 1e-12 go to the lower position).
   */
  static double median(double[] w, double[] x) {
    double best = Double.POSITIVE_INFINITY;
    double at = Double.NaN;
    for (double m : x) {
      double sum = 0;
      for (int k = 0; k < x.length; k++) {
        sum += w[k] * Math.abs(x[k] - m);
      }
      if (Double.isNaN(at)) {
        best = sum;
        at = m;
        continue;
      }
      double tol = 1e-12 * Math.max(1, Math.abs(best));
      if (sum < best - tol || (Math.abs(sum - best) <= tol && m < at)) {
        best = Math.min(sum, best);
        at = m;
      }
    }
    return at;
  }

  /** The state of one run (package-private so that tests can probe P and E(U)). */
  static final class Engine {
    private final List<Actor> actors;
    private final BdmOptions o;
    private final int n;
    private final double[] w;
    private final double[] s;
    private final double rg;
    private final String[] names;

    Engine(List<Actor> actors, BdmOptions o) {
      if (actors.size() < 2) {
        throw new IllegalArgumentException("the model needs at least two actors");
      }
      if (actors.size() > MAX_ACTORS) {
        throw new IllegalArgumentException(
            actors.size() + " actors; the model takes at most " + MAX_ACTORS);
      }
      this.actors = List.copyOf(actors);
      this.o = o;
      n = actors.size();
      w = new double[n];
      s = new double[n];
      names = new String[n];
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      double sw = 0;
      // only the capabilities' ratios matter: far from 1 (beyond 1e±100) their sums and products
      // overflow to infinity (capabilities of 1e308 gave no forecast, exit 0) or vanish under the
      // median's tolerance, so such capabilities are taken relative to the largest; others as
      // they are (c × 1 is c: the results do not move)
      double maxCap = 0;
      for (Actor a : actors) {
        maxCap = Math.max(maxCap, a.capability());
      }
      double scale = maxCap > 1e100 || (maxCap > 0 && maxCap < 1e-100) ? 1 / maxCap : 1;
      for (int i = 0; i < n; i++) {
        Actor a = actors.get(i);
        w[i] = a.capability() * scale * a.salience();
        s[i] = a.salience();
        names[i] = a.name();
        sw += w[i];
        lo = Math.min(lo, a.position());
        hi = Math.max(hi, a.position());
      }
      if (!(sw > 0)) {
        throw new IllegalArgumentException("every actor has capability × salience 0");
      }
      if (o.autoRange()) {
        rg = hi - lo;
      } else {
        rg = o.range();
        if (hi - lo > rg * (1 + 1e-12)) {
          throw new IllegalArgumentException(
              "fixed range "
                  + rg
                  + " is smaller than the spread of positions ("
                  + (hi - lo)
                  + "); use rg auto");
        }
      }
    }

    BdmRun run() {
      double[] x = actors.stream().mapToDouble(Actor::position).toArray();
      double mean0 = mean(w, x);
      double median0 = median(w, x);
      List<RoundResult> rounds = new ArrayList<>();
      StopReason stop = null;
      int period = 0;
      if (rg == 0) {
        stop = StopReason.CONSENSUS;
      }
      List<double[]> states = new ArrayList<>();
      states.add(x);
      int quiet = 0;
      StopRule rule = o.stop();
      for (int round = 1; stop == null; round++) {
        RoundResult r = round(round, x);
        if (r == null) {
          stop = StopReason.EQUAL_THETA;
          break;
        }
        rounds.add(r);
        x = r.positions();
        if (rule.stopOnRepeat()) {
          for (int k = states.size() - 1; k >= 0; k--) {
            if (Arrays.equals(states.get(k), x)) {
              period = states.size() - k;
              stop = period == 1 ? StopReason.FIXED_POINT : StopReason.CYCLE;
              break;
            }
          }
        }
        states.add(x);
        quiet = r.maxShift() < rule.epsilon() ? quiet + 1 : 0;
        if (stop == null && rule.stopOnConvergence() && quiet >= rule.stableRounds()) {
          stop = StopReason.CONVERGED;
        }
        if (stop == null && round >= rule.maxRounds()) {
          stop = StopReason.MAX_ROUNDS;
        }
      }
      int k = Math.min(rule.meanOfLast(), rounds.size() + 1);
      double fm = 0;
      double fd = 0;
      for (int i = rounds.size() - k + 1; i <= rounds.size(); i++) {
        fm += i == 0 ? mean0 : rounds.get(i - 1).mean();
        fd += i == 0 ? median0 : rounds.get(i - 1).median();
      }
      return new BdmRun(
          actors, o, rg, mean0, median0, List.copyOf(rounds), stop, period, fm / k, fd / k);
    }

    /** One round from positions x, or null when all θ are equal. */
    private RoundResult round(int number, double[] x) {
      double mu = mean(w, x);
      double[] ones = new double[n];
      Arrays.fill(ones, 1);
      double[][] p1 = probabilities(x, ones);
      double[] theta = new double[n];
      double tmax = Double.NEGATIVE_INFINITY;
      double tmin = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
          if (j != i) {
            sum += eu(j, i, 1, p1[j][i], x, mu);
          }
        }
        theta[i] = sum;
        tmax = Math.max(tmax, sum);
        tmin = Math.min(tmin, sum);
      }
      if (!(tmax > tmin)) {
        return null;
      }
      double[] r = new double[n];
      for (int i = 0; i < n; i++) {
        double big = (2 * theta[i] - tmax - tmin) / (tmax - tmin);
        r[i] = (1 - big / 3) / (1 + big / 3);
      }
      double[][] p = probabilities(x, r);
      double[] next = x.clone();
      List<Move> moves = new ArrayList<>();
      double maxShift = 0;
      for (int i = 0; i < n; i++) {
        Offer best = choose(i, x, r, p, mu);
        if (best != null) {
          next[i] = best.to;
          maxShift = Math.max(maxShift, Math.abs(best.to - x[i]));
          moves.add(new Move(names[i], names[best.j], best.type, x[i], best.to, best.a, best.b));
        }
      }
      double meanAfter = mean(w, next);
      double medianAfter =
          o.medianLine() == BdmOptions.MedianLine.PORT_MEAN ? meanAfter : median(w, next);
      return new RoundResult(
          number, theta, r, List.copyOf(moves), next, meanAfter, medianAfter, maxShift);
    }

    /** P[i][j], the probability that i beats j, under exponents r. */
    double[][] probabilities(double[] x, double[] r) {
      double[][] u = distances(x, r);
      double[][] p = new double[n][n];
      double allPairs = o.denominator() == Denominator.ALL_PAIRS ? allPairs(u) : 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (x[i] == x[j]) {
            continue;
          }
          double gross = 0;
          double net = 0;
          double abs = 0;
          for (int k = 0; k < n; k++) {
            double v = w[k] * (u[k][j] - u[k][i]);
            gross += Math.max(0, v);
            net += v;
            abs += Math.abs(v);
          }
          double num = o.numerator() == Numerator.GROSS ? gross : Math.max(0, net);
          double den = o.denominator() == Denominator.PAIRWISE ? abs : allPairs;
          p[i][j] = den > 0 ? num / den : 0;
        }
      }
      return p;
    }

    /**
     * u[k][a], voter k's disutility of actor a's position: (|x_k − x_a|/Rg)^{r_k} (powered) or |x_k
     * − x_a| (linear), so that v_k(x_a, x_b) = w_k (u[k][b] − u[k][a]). Computing the n² terms once
     * instead of inside every vote takes the cost of P from n³ to n² powers.
     */
    private double[][] distances(double[] x, double[] r) {
      double[][] u = new double[n][n];
      boolean linear = o.votes() == Votes.LINEAR;
      for (int k = 0; k < n; k++) {
        for (int a = 0; a < n; a++) {
          double d = Math.abs(x[k] - x[a]);
          u[k][a] = linear ? d : Math.pow(d / rg, r[k]);
        }
      }
      return u;
    }

    /** Σ_k Σ_a Σ_b |v_k(x_a, x_b)| over ordered pairs of actors. */
    double allPairs(double[] x, double[] r) {
      return allPairs(distances(x, r));
    }

    private double allPairs(double[][] u) {
      double sum = 0;
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
          for (int k = 0; k < n; k++) {
            sum += Math.abs(w[k] * (u[k][b] - u[k][a]));
          }
        }
      }
      return sum;
    }

    /** E(U_ij): i challenging j, seen with exponent rp, given P_ij. */
    double eu(int i, int j, double rp, double pij, double[] x, double mu) {
      double d = Math.abs(x[i] - x[j]) / rg;
      double us = 2 - 4 * Math.pow(0.5 - 0.5 * d, rp);
      double uf = 2 - 4 * Math.pow(0.5 + 0.5 * d, rp);
      double usq = 2 - 4 * Math.pow(0.5, rp);
      double e = s[j] * (pij * us + (1 - pij) * uf) + (1 - s[j]) * us;
      double q = o.q();
      double t = o.t();
      if (o.qTerm() == BdmOptions.QTerm.SCHOLZ || q == 1) {
        return e - q * usq;
      }
      double dm = Math.abs(x[i] - mu) / rg;
      double ub = 2 - 4 * Math.pow(0.5 - 0.25 * (dm + d), rp);
      double uw = 2 - 4 * Math.pow(0.5 + 0.25 * (dm + d), rp);
      double change = t * ub + (1 - t) * uw;
      return o.qTerm() == BdmOptions.QTerm.PAPER
          ? e - q * usq - (1 - q) * change
          : e - q * usq + (1 - q) * change;
    }

    /** A classified offer from challenger j. */
    private record Offer(int j, OfferType type, double to, double a, double b, double rank) {}

    /** The offer from challenger j to receiver i, or null when there is none. */
    private Offer classify(int i, int j, double a, double b, double[] x) {
      if (b > a && a > 0) {
        return new Offer(j, OfferType.CONFRONTATION, x[j], a, b, 0);
      }
      if (b > 0 && a < 0) {
        double abs = -a;
        if (b > abs) {
          double to = x[i] + (x[j] - x[i]) * abs / b;
          double rank = (abs * x[i] + b * x[j]) / (abs + b);
          return new Offer(j, OfferType.COMPROMISE, to, a, b, rank);
        }
        if (b < abs && o.capitulation()) {
          return new Offer(j, OfferType.CAPITULATION, x[j], a, b, 0);
        }
      }
      return null;
    }

    /** The offer receiver i accepts, or null. */
    private Offer choose(int i, double[] x, double[] r, double[][] p, double mu) {
      Offer best = null;
      for (int j = 0; j < n; j++) {
        if (j == i || x[j] == x[i]) {
          continue;
        }
        double a = eu(i, j, r[i], p[i][j], x, mu);
        double rb = o.perspective() == Perspective.RECEIVER ? r[i] : r[j];
        double b = eu(j, i, rb, p[j][i], x, mu);
        if (o.selection() == Selection.LARGEST_B_FIRST) {
          if (b > 0
              && (best == null
                  || b > best.b
                  || (b == best.b && Math.abs(x[j] - x[i]) < Math.abs(x[best.j] - x[i])))) {
            best = new Offer(j, null, 0, a, b, 0);
          }
          continue;
        }
        Offer c = classify(i, j, a, b, x);
        if (c != null && (best == null || better(c, best, x[i]))) {
          best = c;
        }
      }
      if (o.selection() == Selection.LARGEST_B_FIRST && best != null) {
        return classify(i, best.j, best.a, best.b, x);
      }
      return best;
    }

    /** Whether offer c beats offer best for a receiver at xi (earlier challengers win ties). */
    private boolean better(Offer c, Offer best, double xi) {
      double mc = Math.abs(c.to - xi);
      double mb = Math.abs(best.to - xi);
      return switch (o.selection()) {
        case LEAST_MOVE -> mc < mb;
        case HIGHEST_CHALLENGER_EU -> c.b > best.b;
        case TYPE_PRIORITY -> {
          if (c.type != best.type) {
            yield c.type.ordinal() < best.type.ordinal();
          }
          if (c.type == OfferType.COMPROMISE) {
            yield o.compromiseRank() == BdmOptions.CompromiseRank.SMALLEST
                ? c.rank < best.rank
                : Math.abs(c.rank - xi) < Math.abs(best.rank - xi);
          }
          yield mc < mb;
        }
        case LARGEST_B_FIRST -> throw new IllegalStateException("handled in choose");
      };
    }
  }
}
