package org.entente.simulate;

import java.util.List;
import java.util.Objects;

/**
 * A bundled question for the model: the issue scale with labelled end points and regions, and the
 * actors with capability, position and salience, each value with its source or rationale. Read from
 * JSON by {@link Scenarios} (keys in snake_case; see docs/simulate.md).
 *
 * @param id stable identifier (e.g. {@code sanctions-enforcement})
 * @param title short title
 * @param question the question the scale answers
 * @param period the period the question is about
 * @param scale the issue scale
 * @param capabilityIndex which public index capabilities come from, with version and year
 * @param actors the actors
 * @param notes caveats
 */
public record Scenario(
    String id,
    String title,
    String question,
    String period,
    Scale scale,
    String capabilityIndex,
    List<ScenarioActor> actors,
    String notes) {

  /**
   * The issue scale.
   *
   * @param min lowest position
   * @param max highest position
   * @param minLabel what {@code min} means
   * @param maxLabel what {@code max} means
   * @param regions contiguous regions covering min..max, in order
   */
  public record Scale(
      double min, double max, String minLabel, String maxLabel, List<Region> regions) {}

  /**
   * A region [from, to) of the scale (the last one includes {@code to}).
   *
   * @param from lower bound
   * @param to upper bound
   * @param label what an outcome here means
   */
  public record Region(double from, double to, String label) {}

  /**
   * One actor with sourced values.
   *
   * @param code CAMEO/ISO code
   * @param name name
   * @param capability capability (the index's value)
   * @param capabilitySource where it comes from
   * @param position position on the scale
   * @param positionSource the argument for it, naming the seed
   * @param salience salience 0..1
   * @param salienceSource the argument for it, naming the seed
   */
  public record ScenarioActor(
      String code,
      String name,
      double capability,
      String capabilitySource,
      double position,
      String positionSource,
      double salience,
      String salienceSource) {

    /** The model's actor. */
    public Actor toActor() {
      return new Actor(code, capability, position, salience);
    }
  }

  /** The model's actors. */
  public List<Actor> modelActors() {
    return actors.stream().map(ScenarioActor::toActor).toList();
  }

  /** The region holding {@code x} (clamped to the scale). */
  public Region region(double x) {
    List<Region> rs = scale.regions();
    for (int i = 0; i < rs.size(); i++) {
      if (x < rs.get(i).to() || i == rs.size() - 1) {
        return rs.get(i);
      }
    }
    throw new IllegalStateException("scenario " + id + " has no regions");
  }

  /**
   * Checks the scenario: non-blank texts and sources, 3 to {@link BdmModel#MAX_ACTORS} actors with
   * distinct codes, positions on the scale, saliences 0..1, capabilities ≥ 0, regions contiguous
   * from min to max.
   *
   * @throws IllegalArgumentException naming the scenario and the first problem
   */
  public Scenario validate() {
    String p = "scenario " + id + ": ";
    require(id != null && !id.isBlank(), "scenario without id");
    for (String[] f :
        new String[][] {
          {"title", title},
          {"question", question},
          {"period", period},
          {"capability_index", capabilityIndex}
        }) {
      require(f[1] != null && !f[1].isBlank(), p + f[0] + " is missing");
    }
    Objects.requireNonNull(scale, p + "scale is missing");
    require(scale.max() > scale.min(), p + "scale max must exceed min");
    require(
        scale.minLabel() != null && scale.maxLabel() != null, p + "scale end labels are missing");
    require(scale.regions() != null && !scale.regions().isEmpty(), p + "scale has no regions");
    double at = scale.min();
    for (Region r : scale.regions()) {
      require(r.from() == at && r.to() > r.from(), p + "regions must be contiguous from min");
      require(r.label() != null && !r.label().isBlank(), p + "region without label");
      at = r.to();
    }
    require(at == scale.max(), p + "regions must end at max");
    // as many as simulate bdm takes: 3 (fewer bargain with no one in between) to
    // BdmModel.MAX_ACTORS (the model's cost grows with the cube of the actors)
    require(actors != null && actors.size() >= 3, p + "at least three actors are needed");
    require(
        actors.size() <= BdmModel.MAX_ACTORS,
        p + actors.size() + " actors; at most " + BdmModel.MAX_ACTORS + " are modelled");
    java.util.Set<String> codes = new java.util.HashSet<>();
    for (ScenarioActor a : actors) {
      require(a.code() != null && codes.add(a.code()), p + "duplicate or missing actor code");
      String q = p + a.code() + ": ";
      require(a.position() >= scale.min() && a.position() <= scale.max(), q + "position off scale");
      require(a.salience() >= 0 && a.salience() <= 1, q + "salience must be in 0..1");
      require(a.capability() >= 0, q + "capability must be >= 0");
      for (String[] f :
          new String[][] {
            {"capability_source", a.capabilitySource()},
            {"position_source", a.positionSource()},
            {"salience_source", a.salienceSource()}
          }) {
        require(f[1] != null && !f[1].isBlank(), q + f[0] + " is missing");
      }
    }
    return this;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
