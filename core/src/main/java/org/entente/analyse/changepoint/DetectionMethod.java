package org.entente.analyse.changepoint;

/** The search algorithm that produced a {@link ChangePointResult}. */
public enum DetectionMethod {
  /** Pruned exact linear time (Killick, Fearnhead &amp; Eckley 2012): the exact optimum. */
  PELT,
  /** Binary segmentation (Scott &amp; Knott 1974): greedy, approximate. */
  BINARY_SEGMENTATION
}
