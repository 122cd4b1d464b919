package org.entente.store.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.entente.store.sql.ExactSum;
import org.junit.jupiter.api.Test;

/**
 * {@link ExactSum} against an independent reference: {@link BigDecimal}'s exact sum of the same
 * doubles, rounded once to the nearest double by {@link BigDecimal#doubleValue()}. Terms are of
 * magnitude 2^-8 or more (an event's weighted Goldstein score), where the units are exact.
 */
class ExactSumTest {

  /** Weighted Goldstein scores as events give them: a Goldstein score times ln(1 + mentions). */
  private static List<Double> terms(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Double> out = new ArrayList<>(n);
    while (out.size() < n) {
      double g = (r.nextInt(201) - 100) / 10.0;
      double x = g * Math.log(1 + r.nextInt(1, 5000));
      if (Math.abs(x) >= 0x1p-8) {
        out.add(x);
      }
    }
    return out;
  }

  private static double exact(List<Double> xs) {
    BigDecimal s = BigDecimal.ZERO;
    for (double x : xs) {
      s = s.add(new BigDecimal(x));
    }
    return s.doubleValue();
  }

  private static long[] split(double x) {
    BigInteger units = new BigDecimal(x).multiply(BigDecimal.valueOf(2).pow(60)).toBigInteger();
    return new long[] {units.shiftRight(62).longValueExact(), units.longValue() & ((1L << 62) - 1)};
  }

  @Test
  void accumulator_anyOrder_isTheExactSumRoundedOnce() {
    List<Double> xs = terms(1, 20_000);
    double reference = exact(xs);
    double plain = 0;
    for (double x : xs) {
      plain += x;
    }
    // the plain sum of these terms is not the exact one: the test can tell them apart
    assertNotEquals(reference, plain);
    for (long seed = 0; seed < 5; seed++) {
      List<Double> shuffled = new ArrayList<>(xs);
      Collections.shuffle(shuffled, new java.util.Random(seed));
      ExactSum.Accumulator a = new ExactSum.Accumulator();
      for (double x : shuffled) {
        long[] hl = split(x);
        a.add(hl[0], hl[1]);
      }
      assertEquals(reference, a.value(), "shuffle " + seed);
    }
  }

  @Test
  void accumulator_largeAndNegativeTotals_roundToTheNearestDouble() {
    // totals beyond 2^63 units (2^3 = 8 in value) take the BigInteger path
    for (double[] xs :
        new double[][] {
          {1e9, 1e9, 0.1, -3e8}, {-1e9, -1e9, -0.3, 7.25}, {5.5, -5.5}, {-0.1, -0.2, -0.3}
        }) {
      ExactSum.Accumulator a = new ExactSum.Accumulator();
      List<Double> list = new ArrayList<>();
      for (double x : xs) {
        long[] hl = split(x);
        a.add(hl[0], hl[1]);
        list.add(x);
      }
      assertEquals(exact(list), a.value(), java.util.Arrays.toString(xs));
    }
  }

  /**
   * The accumulator's rounding (its own, without BigInteger) against BigDecimal's for 200,000
   * random counts of both signs and every size up to 2^124, and for exact ties and values just
   * above them, where round to even and the bits below decide.
   */
  @Test
  void accumulator_randomCountsAndTies_roundAsBigDecimal() {
    SplittableRandom r = new SplittableRandom(4);
    List<BigInteger> counts = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      counts.add(new BigInteger(1 + r.nextInt(124), new java.util.Random(r.nextLong())));
    }
    for (int shift = 1; shift < 70; shift++) {
      BigInteger odd = BigInteger.ONE.shiftLeft(52).add(BigInteger.valueOf(2 * shift + 1));
      BigInteger tie = odd.shiftLeft(shift + 1).add(BigInteger.ONE.shiftLeft(shift));
      counts.add(tie);
      counts.add(tie.add(BigInteger.ONE));
      counts.add(tie.subtract(BigInteger.ONE));
      counts.add(
          odd.subtract(BigInteger.ONE).shiftLeft(shift + 1).add(BigInteger.ONE.shiftLeft(shift)));
    }
    BigInteger mask = BigInteger.ONE.shiftLeft(62).subtract(BigInteger.ONE);
    int k = 0;
    for (BigInteger c : counts) {
      for (BigInteger units : List.of(c, c.negate())) {
        double expected = Math.scalb(new BigDecimal(units).doubleValue(), -60);
        ExactSum.Accumulator a = new ExactSum.Accumulator();
        a.add(units.shiftRight(62).longValueExact(), units.and(mask).longValueExact());
        assertEquals(expected, a.value(), units.toString());
        k++;
      }
    }
    assertEquals(2 * counts.size(), k);
  }

  /**
   * DuckDB's sum over 300,000 rows (several row groups, two threads) in two insertion orders: the
   * exact sum gives the reference's bits in both, and the Java accumulator reading the rows as
   * {@link ExactSum#split} columns gives the same.
   */
  @Test
  void duckDbSum_twoThreadsAnyInsertionOrder_isTheExactSum() throws SQLException {
    List<Double> xs = terms(2, 300_000);
    double reference = exact(xs);
    List<Double> reversed = new ArrayList<>(xs);
    Collections.reverse(reversed);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute("SET threads = 2");
      int k = 0;
      for (List<Double> order : List.of(xs, reversed)) {
        String t = "t" + k++;
        st.execute("CREATE TABLE " + t + " (x DOUBLE)");
        try (DuckDBAppender a =
            ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, t)) {
          for (double x : order) {
            a.beginRow();
            a.append(x);
            a.endRow();
          }
        }
        try (ResultSet rs =
            st.executeQuery(
                "SELECT "
                    + ExactSum.sum("x", null)
                    + ", "
                    + ExactSum.sum("x", "x > 0")
                    + ", "
                    + ExactSum.split("sum(" + ExactSum.units("x") + ")")
                    + " FROM "
                    + t)) {
          rs.next();
          assertEquals(reference, rs.getDouble(1), t);
          assertEquals(exact(xs.stream().filter(x -> x > 0).toList()), rs.getDouble(2), t);
          ExactSum.Accumulator a = new ExactSum.Accumulator();
          a.add(rs.getLong(3), rs.getLong(4));
          assertEquals(reference, a.value(), t + " through Java");
        }
      }
    }
  }

  /**
   * {@link ExactSum#toDouble} of random 128-bit counts below 2^103 is the nearest double (the plain
   * cast of a HUGEINT to DOUBLE was one unit off for 61 of 5,000 such values in DuckDB 1.5), and
   * the Java accumulator gives the same.
   */
  @Test
  void toDouble_randomCounts_isTheNearestDoubleAsInJava() throws SQLException {
    SplittableRandom r = new SplittableRandom(3);
    int castOff = 0;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + ExactSum.toDouble("CAST(? AS HUGEINT)")
                    + ", CAST(CAST(? AS HUGEINT) AS DOUBLE), "
                    + ExactSum.split("CAST(? AS HUGEINT)"))) {
      for (int i = 0; i < 3000; i++) {
        BigInteger units = new BigInteger(54 + r.nextInt(49), new java.util.Random(r.nextLong()));
        if (r.nextBoolean()) {
          units = units.negate();
        }
        double nearest = Math.scalb(new BigDecimal(units).doubleValue(), -60);
        for (int p = 1; p <= 6; p++) { // toDouble and split repeat their argument
          ps.setString(p, units.toString());
        }
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertEquals(nearest, rs.getDouble(1), units.toString());
          if (Math.scalb(rs.getDouble(2), -60) != nearest) {
            castOff++;
          }
          ExactSum.Accumulator a = new ExactSum.Accumulator();
          a.add(rs.getLong(3), rs.getLong(4));
          assertEquals(nearest, a.value(), units + " in Java");
        }
      }
    }
    // the correction is needed: without it some of these would be off
    assertTrue(castOff > 0, "the plain cast was exact for every count");
  }
}
