package org.entente.report;

import java.util.List;
import org.entente.measure.DyadScore;
import org.entente.measure.DyadSeries;

/** A dyad series as a {@link Table} with the documented CSV header. */
public final class SeriesTable {
  /** The CSV header of {@code entente series}: a public interface, keep it exactly. */
  public static final List<String> COLUMNS =
      List.of(
          "period",
          "source",
          "target",
          "n",
          "w1",
          "w2",
          "w3",
          "w4",
          "goldstein_sum",
          "goldstein_mean",
          "s3",
          "s4",
          "s5",
          "s6",
          "low_confidence");

  /**
   * The columns a series of an imported aggregate adds after {@link #COLUMNS}: its external score
   * and the share of each period's days it covers.
   */
  public static final List<String> AGGREGATE_COLUMNS = List.of("score", "coverage");

  /** The columns a series with volumes adds at the end: V and the intensity N/V. */
  public static final List<String> VOLUME_COLUMNS = List.of("volume", "intensity");

  private SeriesTable() {}

  /**
   * The series as a table: {@link #COLUMNS}, plus {@link #AGGREGATE_COLUMNS} for a series of an
   * imported aggregate. Values the source lacks are NaN (empty in CSV).
   */
  public static Table of(DyadSeries s) {
    boolean aggregate = s.quantities().aggregate();
    List<String> columns = new java.util.ArrayList<>(COLUMNS);
    if (aggregate) {
      columns.addAll(AGGREGATE_COLUMNS);
    }
    boolean volumes = s.volumes() != null;
    if (volumes) {
      columns.addAll(VOLUME_COLUMNS);
    }
    Table t = new Table(columns);
    boolean counted = s.quantities().has(org.entente.store.Quantity.N);
    for (int i = 0; i < s.scores().size(); i++) {
      DyadScore d = s.scores().get(i);
      boolean known = counted && !d.gap();
      Object[] row = {
        d.period().label(),
        d.source(),
        d.target(),
        known ? d.n() : null,
        d.w1(),
        d.w2(),
        d.w3(),
        d.w4(),
        d.goldsteinSum(),
        d.goldsteinMean(),
        d.s3(),
        d.s4(),
        d.s5(),
        d.s6(),
        known ? d.lowConfidence() : null
      };
      if (aggregate) {
        Object[] wide = java.util.Arrays.copyOf(row, row.length + 2);
        wide[row.length] = d.score();
        wide[row.length + 1] = d.coverage();
        row = wide;
      }
      if (volumes) {
        Object[] wide = java.util.Arrays.copyOf(row, row.length + 2);
        wide[row.length] = s.volumes().get(i);
        wide[row.length + 1] = s.intensity(i);
        row = wide;
      }
      t.add(row);
    }
    return t;
  }
}
