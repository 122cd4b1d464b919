package org.entente.simulate;

import java.util.Arrays;
import java.util.List;

/** Reaches into the model's P and E(U) at r = 1 for the worked example's intermediate values. */
final class Probe {
  private final BdmModel.Engine engine;
  private final List<Actor> actors;

  Probe(List<Actor> actors, BdmOptions options) {
    this.actors = actors;
    this.engine = new BdmModel.Engine(actors, options);
  }

  private double[] ones() {
    double[] r = new double[actors.size()];
    Arrays.fill(r, 1);
    return r;
  }

  double allPairsD(double[] x) {
    return engine.allPairs(x, ones());
  }

  double p(int i, int j, double[] x) {
    return engine.probabilities(x, ones())[i][j];
  }

  double numerator(int i, int j, double[] x) {
    return p(i, j, x) * allPairsD(x);
  }

  double eu(int i, int j, double[] x) {
    double[] w = actors.stream().mapToDouble(Actor::weight).toArray();
    return engine.eu(i, j, 1, p(i, j, x), x, BdmModel.mean(w, x));
  }
}
