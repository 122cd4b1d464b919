package org.entente.analyse.triangle;

import java.util.List;
import java.util.Objects;

/**
 * A Dittmer strategic-triangle configuration of one triad in one period (METHODS section 2.2).
 * Obtain instances from {@link Triangles#classify(Triad, TriadSigns)}.
 */
public sealed interface Configuration
    permits Configuration.MenageATrois,
        Configuration.RomanticTriangle,
        Configuration.StableMarriage,
        Configuration.UnitVeto,
        Configuration.Indeterminate {

  /** The five configuration types. */
  enum Type {
    /** +++: all three sides friendly. */
    MENAGE_A_TROIS,
    /** ++−: one pivot on good terms with two mutually hostile wings. */
    ROMANTIC_TRIANGLE,
    /** +−−: two partners, both hostile to an outcast. */
    STABLE_MARRIAGE,
    /** −−−: all three sides hostile. */
    UNIT_VETO,
    /** At least one side has sign 0. */
    INDETERMINATE
  }

  /**
   * Returns the configuration type.
   *
   * @return the type, never null
   */
  Type type();

  /**
   * Returns the triad classified.
   *
   * @return the triad, never null
   */
  Triad triad();

  /**
   * Returns the side signs the classification was made from (kept in full for {@code
   * INDETERMINATE}).
   *
   * @return the signs, never null
   */
  TriadSigns signs();

  /**
   * Tells whether two configurations are the same structure: same type and, for romantic triangles
   * and stable marriages, the same pivot or outcast. All {@code INDETERMINATE} configurations count
   * as the same structure whatever their partial signs.
   *
   * @param other another configuration of the same triad
   * @return true if no transition separates the two
   * @throws NullPointerException if {@code other} is null
   */
  default boolean sameStructure(Configuration other) {
    Objects.requireNonNull(other, "other");
    if (type() != other.type()) {
      return false;
    }
    if (this instanceof RomanticTriangle r && other instanceof RomanticTriangle o) {
      return r.pivot().equals(o.pivot());
    }
    if (this instanceof StableMarriage s && other instanceof StableMarriage o) {
      return s.outcast().equals(o.outcast());
    }
    return true;
  }

  /**
   * +++ ménage à trois.
   *
   * @param triad the triad
   * @param signs the side signs
   */
  record MenageATrois(Triad triad, TriadSigns signs) implements Configuration {
    @Override
    public Type type() {
      return Type.MENAGE_A_TROIS;
    }
  }

  /**
   * ++− romantic triangle.
   *
   * @param triad the triad
   * @param signs the side signs
   * @param pivot the vertex on both positive sides
   * @param wings the two other vertices (joined by the negative side), in triad order
   */
  record RomanticTriangle(Triad triad, TriadSigns signs, String pivot, List<String> wings)
      implements Configuration {
    /** Copies {@code wings}. */
    public RomanticTriangle {
      wings = List.copyOf(wings);
    }

    @Override
    public Type type() {
      return Type.ROMANTIC_TRIANGLE;
    }
  }

  /**
   * +−− stable marriage.
   *
   * @param triad the triad
   * @param signs the side signs
   * @param partners the two vertices joined by the positive side, in triad order
   * @param outcast the third vertex
   */
  record StableMarriage(Triad triad, TriadSigns signs, List<String> partners, String outcast)
      implements Configuration {
    /** Copies {@code partners}. */
    public StableMarriage {
      partners = List.copyOf(partners);
    }

    @Override
    public Type type() {
      return Type.STABLE_MARRIAGE;
    }
  }

  /**
   * −−− unit veto.
   *
   * @param triad the triad
   * @param signs the side signs
   */
  record UnitVeto(Triad triad, TriadSigns signs) implements Configuration {
    @Override
    public Type type() {
      return Type.UNIT_VETO;
    }
  }

  /**
   * At least one side is 0; {@link #signs()} keeps the partial signs.
   *
   * @param triad the triad
   * @param signs the side signs, at least one of them {@link Sign#ZERO}
   */
  record Indeterminate(Triad triad, TriadSigns signs) implements Configuration {
    @Override
    public Type type() {
      return Type.INDETERMINATE;
    }
  }
}
