package org.entente.store.sql;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Sums of doubles whose result does not depend on the order of the terms, so that the same events
 * give the same bits whichever order a file's rows were inserted in, threads combined partial sums,
 * files were loaded or rollup rows are scanned.
 *
 * <p>Each term is written as an integer count of 2<sup>−60</sup> units, rounded to the nearest
 * (ties to even), which is exact for every term of magnitude 2<sup>−8</sup> or more (a double's
 * last bit is then at least 2<sup>−60</sup>; an event's weighted Goldstein score, 0.1 · ln 2 =
 * 0.069 say, is far above); the counts add exactly in 128-bit integers, and the total is rounded to
 * the nearest double once. A 128-bit count holds 2<sup>67</sup> in units of 2<sup>−60</sup>: about
 * 10<sup>10</sup> terms of the largest a GDELT row can give (a 9-digit mention count times
 * Goldstein 10); an overflow is an error of the engine, never a wrong sum. A term below 2^-8 is off
 * by at most 2^-61 (about 4.3e-19): a Goldstein score of 0.00001 sums to 9.999999999999593e-06, one
 * of 1e-20 to 0 (GDELT's and ICEWS's scores have one decimal).
 *
 * <p>Rounding the total: DuckDB's cast of a HUGEINT to DOUBLE is not always the nearest double (61
 * of 5,000 random values were one unit off), so {@link #toDouble} adds the cast's exact remainder
 * back ({@code d + (h − d)}, one IEEE addition, the nearest double of h while |h| &lt; 2<sup>103
 * </sup>, that is sums below about 8.8 · 10<sup>12</sup>); {@link Accumulator#value()} rounds the
 * same integer in Java, so a sum added up in Java from rollup rows equals the same sum in SQL.
 */
public final class ExactSum {
  /** 2<sup>60</sup> as a DOUBLE literal (DuckDB reads a literal with an exponent as a DOUBLE). */
  private static final String SCALE = "1.152921504606846976e18";

  /** 2<sup>−60</sup> as a DOUBLE literal (the shortest decimal that reads as it exactly). */
  private static final String UNSCALE = "8.673617379884035e-19";

  /** The low 62 bits of a count, as a BIGINT literal. */
  private static final String LOW_MASK = "4611686018427387903";

  private static final long LOW = (1L << 62) - 1;

  private ExactSum() {}

  /**
   * DuckDB: the term {@code expr} (a DOUBLE) as a HUGEINT count of 2<sup>−60</sup> units, to be
   * summed with {@code sum}, which adds HUGEINTs exactly.
   */
  public static String units(String expr) {
    return "CAST((" + expr + ") * " + SCALE + " AS HUGEINT)";
  }

  /**
   * Spark SQL: {@link #sum} with the units added as DECIMAL(38,0) (an overflow is an error under
   * Spark's ANSI mode, the default; a term's units are rounded half up) and the total rounded to
   * the nearest double by Spark's cast of a decimal.
   */
  static String sparkSum(String expr, String filter) {
    return "(CAST(sum(CAST(("
        + expr
        + ") * "
        + SCALE
        + "D AS DECIMAL(38,0)))"
        + (filter == null ? "" : " FILTER (WHERE " + filter + ")")
        + " AS DOUBLE) * "
        + UNSCALE
        + "D)";
  }

  /**
   * DuckDB: a HUGEINT count of 2<sup>−60</sup> units ({@code units}, an expression without side
   * effects: it is written three times) as the nearest DOUBLE; NULL stays NULL.
   */
  public static String toDouble(String units) {
    String d = "CAST(" + units + " AS DOUBLE)";
    return "(("
        + d
        + " + CAST("
        + units
        + " - CAST("
        + d
        + " AS HUGEINT) AS DOUBLE)) * "
        + UNSCALE
        + ")";
  }

  /**
   * DuckDB: the exact sum of the DOUBLE {@code expr} over the rows that pass {@code filter} (a
   * condition, or null for all rows), as the nearest DOUBLE; NULL without such rows.
   */
  public static String sum(String expr, String filter) {
    return toDouble(
        "sum(" + units(expr) + ")" + (filter == null ? "" : " FILTER (WHERE " + filter + ")"));
  }

  /**
   * DuckDB: a HUGEINT count as two BIGINT columns, its high part (the count shifted right by 62
   * bits, rounding down) and its low 62 bits, read into an {@link Accumulator} with {@link
   * Accumulator#add(long, long)}: JDBC would read a HUGEINT as a {@link BigInteger} or round it.
   */
  public static String split(String units) {
    return "CAST(("
        + units
        + ") >> 62 AS BIGINT), CAST(("
        + units
        + ") & "
        + LOW_MASK
        + " AS BIGINT)";
  }

  /**
   * The count high·2^62 + low (0 ≤ low &lt; 2^62) of 2^-60 units as the nearest double (ties to
   * even). Without {@link BigInteger} (about 0.5 µs a call; a system map converts thousands): the
   * magnitude's top 62 bits with the bits below them folded into the last one (round to odd), which
   * Java's conversion of a long then rounds correctly to 53 bits.
   */
  static double toDouble(long high, long low) {
    if (high >= -2 && high <= 1) {
      // high * 2^62 + low lies in [-2^63, 2^63): a long, which Java rounds to the nearest double
      return Math.scalb((double) ((high << 62) + low), -60);
    }
    boolean negative = high < 0;
    long mh = high;
    long ml = low;
    if (negative) {
      if (high == Long.MIN_VALUE) {
        return exactly(high, low);
      }
      // -(high * 2^62 + low) = (-high - 1) * 2^62 + (2^62 - low), or -high * 2^62 when low is 0
      mh = low == 0 ? -high : -high - 1;
      ml = low == 0 ? 0 : (1L << 62) - low;
    }
    int k = 64 - Long.numberOfLeadingZeros(mh); // mh >= 1: the magnitude has 62 + k bits
    if (k > 62) {
      return exactly(high, low);
    }
    long top = (mh << (62 - k)) | (ml >>> k);
    if ((ml & ((1L << k) - 1)) != 0) {
      top |= 1; // round to odd: the bits below decide only ties, which they break
    }
    double d = Math.scalb((double) top, k - 60);
    return negative ? -d : d;
  }

  /** {@link #toDouble(long, long)} through {@link BigDecimal}, for the largest magnitudes. */
  static double exactly(long high, long low) {
    BigInteger units = BigInteger.valueOf(high).shiftLeft(62).add(BigInteger.valueOf(low));
    return Math.scalb(new BigDecimal(units).doubleValue(), -60);
  }

  /**
   * An exact sum of counts of 2<sup>−60</sup> units in Java, read as the two columns of {@link
   * #split}: the same integer as DuckDB's HUGEINT sum of the same rows in any order.
   */
  public static final class Accumulator {
    private long high;
    private long low;

    /** Adds a count given as its high part and its low 62 bits (0 ≤ low &lt; 2<sup>62</sup>). */
    public void add(long high, long low) {
      long l = this.low + low; // both below 2^62: no overflow
      this.high = Math.addExact(Math.addExact(this.high, high), l >>> 62);
      this.low = l & LOW;
    }

    /** Adds another accumulator's count. */
    public void add(Accumulator other) {
      add(other.high, other.low);
    }

    /** The sum as the nearest double (ties to even), as {@link #toDouble} gives in SQL. */
    public double value() {
      return toDouble(high, low);
    }
  }
}
