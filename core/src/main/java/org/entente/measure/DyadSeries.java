package org.entente.measure;

import java.util.List;
import org.entente.store.DyadQuery;
import org.entente.store.Quantities;
import org.entente.store.Quantity;

/**
 * A dyad's score series: one {@link DyadScore} for every period in range, in order, including
 * periods without events (n = 0).
 *
 * @param query the query as run, with the range resolved (from/to never null unless empty)
 * @param quantities what the query's source holds (quantities it lacks are NaN in every score)
 * @param volumes the volume V of each period (METHODS §1.5), in the order of {@code scores}, an
 *     element {@code null} where unknown; {@code null} when not asked (see {@link
 *     Measure#withVolumes})
 */
public record DyadSeries(
    DyadQuery query, List<DyadScore> scores, Quantities quantities, List<Long> volumes) {

  public DyadSeries {
    if (volumes != null) {
      if (volumes.size() != scores.size()) {
        throw new IllegalArgumentException(
            volumes.size() + " volumes for " + scores.size() + " periods");
      }
      volumes = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(volumes));
    }
  }

  /** A series without volumes. */
  public DyadSeries(DyadQuery query, List<DyadScore> scores, Quantities quantities) {
    this(query, scores, quantities, null);
  }

  /** A series of an event source. */
  public DyadSeries(DyadQuery query, List<DyadScore> scores) {
    this(query, scores, Quantities.EVENTS);
  }

  /**
   * Whether a period of this series holds data: events for a source that counts them, else a row of
   * the source (an aggregate without counts, e.g. a pair score: not a gap).
   */
  public boolean observed(DyadScore d) {
    return quantities.has(Quantity.N) ? d.n() > 0 : !d.gap();
  }

  /**
   * The series's columns of {@code entente series} that its source cannot give, e.g. {@code
   * [goldstein_sum, goldstein_mean]}; empty for an event source.
   */
  public List<String> missingColumns() {
    List<String> out = new java.util.ArrayList<>();
    if (!quantities.has(Quantity.N)) {
      out.add("n");
    }
    if (!quantities.has(Quantity.QUADS)) {
      out.addAll(List.of("w1", "w2", "w3", "w4", "s3", "s4", "s5", "s6"));
    }
    if (!quantities.has(Quantity.GOLDSTEIN)) {
      out.add("goldstein_sum");
    }
    if (!quantities.has(Quantity.GOLDSTEIN) || !quantities.has(Quantity.N)) {
      out.add("goldstein_mean");
    }
    if (quantities.aggregate() && !quantities.has(Quantity.SCORE)) {
      out.add("score");
    }
    return out;
  }

  /**
   * The intensity N/V of period {@code i} (METHODS §1.5): NaN when the volume is unknown or 0, or
   * the source does not count events.
   *
   * @throws IllegalStateException if the series has no volumes
   */
  public double intensity(int i) {
    if (volumes == null) {
      throw new IllegalStateException("a series without volumes");
    }
    Long v = volumes.get(i);
    DyadScore d = scores.get(i);
    if (v == null || v <= 0 || d.gap() || !quantities.has(Quantity.N)) {
      return Double.NaN;
    }
    return (double) d.n() / v;
  }

  /** Whether the dyad had no events in range (then {@link #scores} is empty). */
  public boolean isEmpty() {
    return scores.isEmpty();
  }
}
