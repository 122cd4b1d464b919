package org.entente.analyse.triangle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Dittmer classification, structural balance and configuration transitions (METHODS sections 2.2
 * and 2.3). All methods are static, pure and thread-safe.
 */
public final class Triangles {

  private Triangles() {}

  /**
   * Classifies a triad into a Dittmer configuration.
   *
   * <p>Computes: +++ → ménage à trois; ++− → romantic triangle, pivot = the vertex shared by the
   * two positive sides, wings = the two vertices of the negative side; +−− → stable marriage,
   * partners = the two vertices of the positive side, outcast = the third vertex; −−− → unit veto;
   * any side 0 → indeterminate, keeping the partial signs. The classification is invariant to the
   * order of the vertices. Reference: Dittmer (1981), "The Strategic Triangle: An Elementary
   * Game-Theoretical Analysis", World Politics 33(4); METHODS.md 2.2. The name "unit veto" for −−−
   * is commonly attributed to later writers (METHODS marks this [unverified]).
   *
   * @param triad the triad
   * @param signs the signs of its sides a–b, b–c, c–a
   * @return the configuration, never null
   * @throws NullPointerException if an argument is null
   */
  public static Configuration classify(Triad triad, TriadSigns signs) {
    Objects.requireNonNull(triad, "triad");
    Objects.requireNonNull(signs, "signs");
    if (signs.count(Sign.ZERO) > 0) {
      return new Configuration.Indeterminate(triad, signs);
    }
    int positives = signs.count(Sign.POSITIVE);
    switch (positives) {
      case 3:
        return new Configuration.MenageATrois(triad, signs);
      case 0:
        return new Configuration.UnitVeto(triad, signs);
      case 2:
        {
          // the vertex opposite the single negative side is the pivot
          if (signs.ab() == Sign.NEGATIVE) {
            return new Configuration.RomanticTriangle(
                triad, signs, triad.c(), List.of(triad.a(), triad.b()));
          }
          if (signs.bc() == Sign.NEGATIVE) {
            return new Configuration.RomanticTriangle(
                triad, signs, triad.a(), List.of(triad.b(), triad.c()));
          }
          return new Configuration.RomanticTriangle(
              triad, signs, triad.b(), List.of(triad.a(), triad.c()));
        }
      case 1:
        {
          // the vertex opposite the single positive side is the outcast
          if (signs.ab() == Sign.POSITIVE) {
            return new Configuration.StableMarriage(
                triad, signs, List.of(triad.a(), triad.b()), triad.c());
          }
          if (signs.bc() == Sign.POSITIVE) {
            return new Configuration.StableMarriage(
                triad, signs, List.of(triad.b(), triad.c()), triad.a());
          }
          return new Configuration.StableMarriage(
              triad, signs, List.of(triad.a(), triad.c()), triad.b());
        }
      default:
        throw new AssertionError("unreachable: " + positives + " positive sides");
    }
  }

  /**
   * Strict structural balance.
   *
   * <p>Computes: balanced iff the product of the three side signs is +1 (+++ and +−−), unbalanced
   * iff it is −1 (++− and −−−); undefined when a side is 0. Assumes signs are exact; a zero side is
   * an absent tie, not a weak one. Reference: Heider (1946), "Attitudes and Cognitive
   * Organization", J. Psychology 21; Cartwright &amp; Harary (1956), "Structural Balance: A
   * Generalization of Heider's Theory", Psychological Review 63(5); METHODS.md 2.3.
   *
   * @param signs the side signs
   * @return BALANCED, UNBALANCED or UNDEFINED
   * @throws NullPointerException if {@code signs} is null
   */
  public static Balance strictBalance(TriadSigns signs) {
    Objects.requireNonNull(signs, "signs");
    int product = signs.product();
    if (product == 0) {
      return Balance.UNDEFINED;
    }
    return product > 0 ? Balance.BALANCED : Balance.UNBALANCED;
  }

  /**
   * Weak (clusterable) balance.
   *
   * <p>Computes: unbalanced iff exactly one side is negative (++−); +++, +−− and −−− are balanced;
   * undefined when a side is 0. Unlike strict balance, −−− is allowed because three mutually
   * hostile actors form three clusters. Reference: Davis (1967), "Clustering and Structural Balance
   * in Graphs", Human Relations 20(2); METHODS.md 2.3.
   *
   * @param signs the side signs
   * @return BALANCED, UNBALANCED or UNDEFINED
   * @throws NullPointerException if {@code signs} is null
   */
  public static Balance weakBalance(TriadSigns signs) {
    Objects.requireNonNull(signs, "signs");
    if (signs.count(Sign.ZERO) > 0) {
      return Balance.UNDEFINED;
    }
    return signs.count(Sign.NEGATIVE) == 1 ? Balance.UNBALANCED : Balance.BALANCED;
  }

  /**
   * Continuous balance.
   *
   * <p>Computes b = s_ab · s_bc · s_ca from the three scores (for example S4 ∈ [−1, 1]); b &gt; 0
   * leans balanced, b &lt; 0 leans unbalanced, and |b| grows with the strength of all three
   * relations. Assumes the scores share a scale centred on neutrality (apply a baseline first if
   * the source is skewed). Reference: METHODS.md 2.3 (continuous version of Cartwright &amp; Harary
   * 1956).
   *
   * @param ab score of side a–b
   * @param bc score of side b–c
   * @param ca score of side c–a
   * @return the product; NaN if any score is NaN
   */
  public static double continuousBalance(double ab, double bc, double ca) {
    return ab * bc * ca;
  }

  /**
   * Lists the changes of structure along a sequence of configurations of one triad.
   *
   * <p>A transition is recorded between positions i and i + 1 whenever {@link
   * Configuration#sameStructure(Configuration)} is false (a different type, or a romantic triangle
   * with a different pivot, or a stable marriage with a different outcast).
   *
   * @param sequence configurations in time order, one per period; no null elements
   * @return the transitions in time order; empty if there are none
   * @throws NullPointerException if {@code sequence} or an element is null
   * @throws IllegalArgumentException if the configurations are not all of the same triad
   */
  public static List<Transition> transitions(List<Configuration> sequence) {
    Objects.requireNonNull(sequence, "sequence");
    List<Transition> out = new ArrayList<>();
    for (int i = 0; i + 1 < sequence.size(); i++) {
      Configuration from = Objects.requireNonNull(sequence.get(i), "configuration");
      Configuration to = Objects.requireNonNull(sequence.get(i + 1), "configuration");
      if (!from.triad().equals(to.triad())) {
        throw new IllegalArgumentException(
            "sequence mixes triads " + from.triad() + " and " + to.triad());
      }
      if (!from.sameStructure(to)) {
        out.add(new Transition(i, i + 1, from, to));
      }
    }
    return List.copyOf(out);
  }
}
