package org.entente.simulate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.entente.store.DyadQuery;
import org.entente.store.EventStore;
import org.entente.store.PeriodAggregate;

/**
 * Scenario inputs from event data (issue 13): saliences from each state's share of the events on
 * the dyads and positions from its event tone toward the target, in a window of
 * months, read from the store; capabilities stay as the scenario gives them.
 *
 * <p>With target T and window [from, to], the dyads are i–T for every other actor i
 * (undirected, unweighted, no deduplication: {@link DyadQuery#monthly}). n_i = events on i–T, N =
 * Σ_i n_i. Salience s_i = n_i / N; s_T = 1 (T is a party to every event counted). Tone g_i = Σ w g
 * / Σ w over the directed events i→T (Goldstein −10..10); position x_i = hostile + (g_i + 10)/20 ·
 * (other − hostile), where {@code hostile} is the scale end that hostile tone toward T stands for
 * and {@code other} the opposite end, so g = −10 gives the hostile end and g = +10 the other. T's
 * position, and the position of an actor without directed events, stay as the scenario gives them
 * (marked). This is a crude proxy: tone toward a state is not a stance on a particular question.
 */
public final class EventInputs {
  /** The end of the scale that hostile tone toward the target stands for. */
  public enum HostileEnd {
    MIN,
    MAX
  }

  /**
   * How one actor's inputs were derived.
   *
   * @param actor the actor's code
   * @param events n_i, events on the dyad actor–target in the window (for the target: N)
   * @param salience the derived salience
   * @param directedEvents events actor→target
   * @param tone mean Goldstein of actor→target, NaN without events
   * @param position the position used
   * @param positionFromScenario whether the position is the scenario's (the target, or no events)
   */
  public record Derivation(
      String actor,
      long events,
      double salience,
      long directedEvents,
      double tone,
      double position,
      boolean positionFromScenario) {}

  /**
   * The derivation and the scenario with the derived inputs.
   *
   * @param target the target
   * @param from first month
   * @param to last month
   * @param hostileEnd the scale end hostile tone stands for
   * @param totalEvents N
   * @param actors per actor, in scenario order
   * @param scenario the scenario with derived saliences and positions (sources say how)
   */
  public record Result(
      String target,
      YearMonth from,
      YearMonth to,
      HostileEnd hostileEnd,
      long totalEvents,
      List<Derivation> actors,
      Scenario scenario) {}

  private EventInputs() {}

  /**
   * Derives the inputs of {@code sc} from {@code store}.
   *
   * @throws IllegalArgumentException when the target is not an actor of the scenario, the window is
   *     reversed, or there is no event on the dyads in the window
   */
  public static Result derive(
      Scenario sc,
      EventStore store,
      String target,
      YearMonth from,
      YearMonth to,
      HostileEnd hostile) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    String t = target.trim().toUpperCase(Locale.ROOT);
    if (sc.actors().stream().noneMatch(a -> a.code().equals(t))) {
      throw new IllegalArgumentException("target " + t + " is not an actor of scenario " + sc.id());
    }
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("window " + from + ".." + to + " is reversed");
    }
    int n = sc.actors().size();
    long[] events = new long[n];
    long[] directed = new long[n];
    double[] tone = new double[n];
    long total = 0;
    for (int i = 0; i < n; i++) {
      String code = sc.actors().get(i).code();
      tone[i] = Double.NaN;
      if (code.equals(t)) {
        continue;
      }
      DyadQuery both = DyadQuery.monthly(code, t).withRange(from, to);
      for (PeriodAggregate a : store.aggregate(both)) {
        events[i] += a.n();
      }
      total += events[i];
      DyadQuery toward =
          new DyadQuery(
              code,
              t,
              true,
              from,
              to,
              both.frequency(),
              both.weighting(),
              both.dedup(),
              both.stateOnly(),
              both.dropStatements());
      double gw = 0;
      double w = 0;
      for (PeriodAggregate a : store.aggregate(toward)) {
        directed[i] += a.n();
        gw += a.goldsteinWeightedSum();
        w += a.weightSum();
      }
      tone[i] = w > 0 ? gw / w : Double.NaN;
    }
    if (total == 0) {
      throw new IllegalArgumentException(
          "no events between " + t + " and the other actors in " + from + ".." + to);
    }
    double lo = sc.scale().min();
    double hi = sc.scale().max();
    double hostileX = hostile == HostileEnd.MAX ? hi : lo;
    double otherX = hostile == HostileEnd.MAX ? lo : hi;
    String window = from + ".." + to;
    List<Derivation> out = new ArrayList<>();
    List<Scenario.ScenarioActor> actors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Scenario.ScenarioActor a = sc.actors().get(i);
      boolean isTarget = a.code().equals(t);
      double s = isTarget ? 1 : (double) events[i] / total;
      boolean keep = isTarget || Double.isNaN(tone[i]);
      double x = keep ? a.position() : hostileX + (tone[i] + 10) / 20 * (otherX - hostileX);
      out.add(
          new Derivation(a.code(), isTarget ? total : events[i], s, directed[i], tone[i], x, keep));
      String salienceSource =
          isTarget
              ? "event data " + window + ": the target, a party to all " + total + " events"
              : String.format(
                  Locale.ROOT,
                  "event data %s: %d of the %d events on the dyads with %s",
                  window,
                  events[i],
                  total,
                  t);
      String positionSource =
          keep
              ? a.positionSource()
                  + (isTarget
                      ? ""
                      : " (kept: no events " + a.code() + ">" + t + " in " + window + ")")
              : String.format(
                  Locale.ROOT,
                  "event data %s: mean Goldstein %.3f over %d events %s>%s, mapped with %s as"
                      + " the hostile end",
                  window,
                  tone[i],
                  directed[i],
                  a.code(),
                  t,
                  hostile == HostileEnd.MAX ? "max" : "min");
      actors.add(
          new Scenario.ScenarioActor(
              a.code(),
              a.name(),
              a.capability(),
              a.capabilitySource(),
              x,
              positionSource,
              s,
              salienceSource));
    }
    Scenario derived =
        new Scenario(
            sc.id(),
            sc.title(),
            sc.question(),
            sc.period(),
            sc.scale(),
            sc.capabilityIndex(),
            List.copyOf(actors),
            sc.notes());
    return new Result(t, from, to, hostile, total, List.copyOf(out), derived);
  }
}
