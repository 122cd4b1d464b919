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

  private SeriesTable() {}

  public static Table of(DyadSeries s) {
    Table t = new Table(COLUMNS);
    for (DyadScore d : s.scores()) {
      t.add(
          d.period().label(),
          d.source(),
          d.target(),
          d.n(),
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
          d.lowConfidence());
    }
    return t;
  }
}
