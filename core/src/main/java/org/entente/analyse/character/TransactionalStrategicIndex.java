package org.entente.analyse.character;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The composite Transactional–Strategic Index. Static, pure, thread-safe.
 *
 * <p>Computes, for each of seven components c, z_i(c) = (c_i − mean(c)) / SD(c) across all rows
 * given (every dyad and window in the comparison set; sample SD, divisor k − 1; rows where c is NaN
 * are left out of the mean and SD and get z = NaN); then TSI_i = mean of the available terms among
 * z(B), z(security share), z(ρ1), z(diffuse balance), z(institutionalisation), −z(volatility),
 * −z(θ̂). Higher means more strategic. A component with fewer than two available values, or no
 * variation, gives z = NaN for every row. The index is relative: it ranks the rows given against
 * each other and changes when rows are added. Assumes the components are roughly symmetric;
 * z-scores of skewed counts (institutionalisation) are dominated by outliers. Always report the
 * components with the index and check it on a clear case (US–Japan should score strategic).
 * Reference: the components rest on Keohane (1986), International Organization 40(1), Crescenzi
 * &amp; Enterline (2001) and Goldstein &amp; Pevehouse (1997); the composite is this project's
 * (METHODS.md 6, "no published event-data index exists").
 */
public final class TransactionalStrategicIndex {

  private TransactionalStrategicIndex() {}

  /**
   * Scores rows against each other.
   *
   * @param rows the (dyad, window) rows of the comparison set; no null elements
   * @return one score per row, in the input order
   * @throws NullPointerException if {@code rows} or an element is null
   */
  public static List<TsiScore> compute(List<TsiRow> rows) {
    Objects.requireNonNull(rows, "rows");
    rows.forEach(r -> Objects.requireNonNull(r, "row"));
    double[] zBreadth = zScores(rows, CharacterComponents::breadth);
    double[] zSecurity = zScores(rows, CharacterComponents::securityShare);
    double[] zPersistence = zScores(rows, CharacterComponents::persistence);
    double[] zBalance = zScores(rows, CharacterComponents::diffuseBalance);
    double[] zInstitutional = zScores(rows, CharacterComponents::institutionalisation);
    double[] zVolatility = zScores(rows, CharacterComponents::volatility);
    double[] zTheta = zScores(rows, CharacterComponents::specificReciprocity);
    List<TsiScore> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      double[] signed = {
        zBreadth[i],
        zSecurity[i],
        zPersistence[i],
        zBalance[i],
        zInstitutional[i],
        -zVolatility[i],
        -zTheta[i]
      };
      double sum = 0;
      int used = 0;
      for (double v : signed) {
        if (!Double.isNaN(v)) {
          sum += v;
          used++;
        }
      }
      out.add(
          new TsiScore(
              rows.get(i),
              zBreadth[i],
              zSecurity[i],
              zPersistence[i],
              zBalance[i],
              zInstitutional[i],
              zVolatility[i],
              zTheta[i],
              used == 0 ? Double.NaN : sum / used,
              used));
    }
    return List.copyOf(out);
  }

  private static double[] zScores(
      List<TsiRow> rows, ToDoubleFunction<CharacterComponents> component) {
    double[] values = new double[rows.size()];
    List<Double> present = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      values[i] = component.applyAsDouble(rows.get(i).components());
      if (Double.isFinite(values[i])) {
        present.add(values[i]);
      }
    }
    double[] available = present.stream().mapToDouble(Double::doubleValue).toArray();
    double mean = available.length == 0 ? Double.NaN : CharacterMeasures.mean(available);
    double sd = CharacterMeasures.sampleSd(available);
    double[] z = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      z[i] = Double.isFinite(values[i]) && sd > 0 ? (values[i] - mean) / sd : Double.NaN;
    }
    return z;
  }
}
